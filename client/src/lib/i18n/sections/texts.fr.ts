import type { Translation } from '../messages.ts';
import type { textsEn } from './texts.en.ts';

// French typography: a no-break space (\u00a0) before a colon and a semicolon.
export const textsFr: Translation<typeof textsEn> = {
  'texts.title': 'Textes dans les autres langues',
  'texts.intro':
    'Écrivez chaque texte du dialogue dans ses autres langues, à côté du texte de base. Les lecteurs voient le texte dans leur langue lorsqu’il existe\u00a0; un champ laissé vide leur montre le texte de base, en {language}, et l’annexe aussi.',
  'texts.oneLanguage': 'Ce dialogue n’est écrit qu’en {language}\u00a0: il n’y a encore rien à traduire.',
  'texts.addLanguages': 'Ajoutez ses autres langues dans les réglages du dialogue\u00a0; leurs textes s’écrivent ensuite ici.',
  'texts.settingsLink': 'Ouvrir les réglages du dialogue',
  'texts.languages': 'Langue de traduction',
  'texts.tabUntranslated.one': '{count} à traduire',
  'texts.tabUntranslated.other': '{count} à traduire',
  'texts.fallback.one': '{count} champ sur {total} reste en {language}.',
  'texts.fallback.other': '{count} champs sur {total} restent en {language}.',
  'texts.allTranslated': 'Tous les champs sont traduits en {language}.',
  'texts.dialogue': 'Le dialogue',
  'texts.field.title': 'Titre',
  'texts.field.theme': 'Thème général',
  'texts.field.description': 'Description',
  'texts.field.hostDescription': 'Présentation de l’hôte',
  'texts.field.annexLabel': 'Intitulé de l’annexe',
  'texts.field.annexLeadIn': 'Introduction de l’annexe',
  'texts.field.question': 'Question',
  'texts.base': '{language} (texte de base)',
  'texts.baseEmpty': 'Rien d’écrit en {language}\u00a0: rien à traduire.',
  'texts.notTranslated': 'Non traduit',
  'texts.tooLong': 'Trop long de {count} caractères ({max} au plus).',
  'texts.save': 'Enregistrer les textes en {language}',
  'texts.saving': 'Enregistrement…',
  'texts.saved': 'Les textes en {language} sont enregistrés.',
  'texts.unsaved.one': '{count} modification non enregistrée',
  'texts.unsaved.other': '{count} modifications non enregistrées',
  'texts.tooLongSummary': 'Certains textes sont trop longs\u00a0: raccourcissez les champs signalés, puis enregistrez.',
};

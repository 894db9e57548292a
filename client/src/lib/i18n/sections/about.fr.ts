import type { Translation } from '../messages.ts';
import type { aboutEn } from './about.en.ts';

// French typography: a no-break space (\u00a0) before a colon, a question mark and inside guillemets.
export const aboutFr: Translation<typeof aboutEn> = {
  'about.window': 'Quand',
  'about.yourTime': 'Dans votre fuseau horaire ({zone})',
  'about.dialogueTime': 'Dans le fuseau horaire du dialogue ({zone})',
  'about.languages': 'Langues',
  'about.languagesBody': 'Les commentaires peuvent être rédigés en {languages}. L’interface est disponible en anglais, en français et en espagnol.',
  'about.moderation': 'Modération',
  'about.moderation.post':
    'Les commentaires s’affichent dès leur publication. La modération les lit ensuite et retire ceux qui enfreignent les règles, en laissant une mention à leur place.',
  'about.moderation.pre':
    'Chaque commentaire est lu par un modérateur avant de s’afficher. Tant qu’il n’est pas validé, seule la personne qui l’a écrit le voit, marqué comme en attente.',
  'about.editWindow': 'Chacun peut modifier ou retirer ses commentaires dans un délai de {minutes} après leur publication.',
  'about.reports':
    'Si un commentaire vous semble offensant, hors sujet ou divulgue des données personnelles, utilisez «\u00a0Signaler\u00a0» en dessous. La modération examine chaque signalement\u00a0; la personne qui l’a écrit ne sait pas qui l’a signalé.',
  'about.host': 'Le dialogue se tient sur le forum de {host}.',
  'about.back': 'Retour aux sujets',
};

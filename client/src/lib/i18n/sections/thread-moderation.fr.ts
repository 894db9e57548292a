import type { Translation } from '../messages.ts';
import type { threadModerationEn } from './thread-moderation.en.ts';

// French typography: a no-break space (\u00a0) before a colon and inside guillemets.
export const threadModerationFr: Translation<typeof threadModerationEn> = {
  'modtools.label': 'Modération',
  'modtools.group': 'Modération du commentaire envoyé par {name}',
  'modtools.approve': 'Approuver',
  'modtools.decline': 'Refuser…',
  'modtools.hide': 'Masquer…',
  'modtools.restore': 'Rétablir',
  'modtools.edit': 'Modifier avec une note…',
  'modtools.editTitle': 'Modifier le commentaire envoyé par {name}',
  'modtools.editLabel': 'Le commentaire, tel que vous le corrigez',
  'modtools.note': 'Note affichée sous le commentaire',
  'modtools.noteHint': 'Les lecteurs la voient sous le commentaire, par exemple\u00a0: «\u00a0Données personnelles retirées.\u00a0»',
  'modtools.noteRequired': 'Rédigez la note que verront les lecteurs.',
  'modtools.bodyRequired': 'Le commentaire ne peut pas être vide.',
  'modtools.save': 'Enregistrer la modification',
  'modtools.lock': 'Verrouiller le sujet',
  'modtools.unlock': 'Déverrouiller le sujet',
  'modtools.done.approve': 'Commentaire approuvé.',
  'modtools.done.decline': 'Commentaire refusé.',
  'modtools.done.hide': 'Commentaire masqué. Les lecteurs voient qu’un modérateur l’a retiré.',
  'modtools.done.restore': 'Commentaire rétabli.',
  'modtools.done.edit': 'Votre modification a été enregistrée, avec sa note.',
  'modtools.done.lock': 'Sujet verrouillé\u00a0: aucun nouveau commentaire ne peut être publié.',
  'modtools.done.unlock': 'Sujet déverrouillé\u00a0: les commentaires peuvent de nouveau être publiés.',
};

import type { Translation } from '../messages.ts';
import type { manageEn } from './manage.en.ts';

export const manageFr: Translation<typeof manageEn> = {
  'manage.navLabel': 'Gérer ce dialogue',
  'manage.entryTitle': 'Gérer ce dialogue',
  'manage.entryModerator': 'Vous modérez ce dialogue.',
  'manage.entryOrganizer': 'Vous organisez ce dialogue.',
  'manage.topics': 'Sujets',
  'manage.texts': 'Textes',
  'manage.curation': 'Commentaires choisis',
  'manage.summaries': 'Synthèses',
  'manage.stats': 'Statistiques',
  'manage.export': 'Exporter',
  'manage.settings': 'Paramètres',
  'manage.queue': 'File de modération',
  'manage.onlyModerators': 'Cette page est réservée aux modérateurs et aux organisateurs de ce dialogue.',
  'manage.onlyOrganizers': 'Cette page est réservée aux organisateurs de ce dialogue.',
  'manage.signInFirst': 'Connectez-vous en tant que modérateur ou organisateur de ce dialogue pour voir cette page.',
  'manage.backToDialogue': 'Retour au dialogue',
  'manageError.consent': 'L’auteur n’accepte pas d’être cité de cette façon. Choisissez l’une des attributions encore proposées.',
  'manageError.excerpt': 'Le texte sélectionné est introuvable dans le commentaire. Sélectionnez un passage du texte même du commentaire.',
  'manageError.notPublished': 'Ce commentaire n’est plus publié : il ne peut pas être cité.',
  'manageError.conflict': 'Quelqu’un d’autre a enregistré une nouvelle version pendant que vous écriviez.',
  'manageError.forbidden': 'Vous n’êtes pas autorisé à faire cela ici.',
  'manageError.notFound': 'Cet élément n’existe plus : il a peut-être été supprimé entre-temps. Rechargez la page.',
  'manageError.invalid': 'Cela n’a pas été accepté. Vérifiez et réessayez.',
  'manageError.generic': 'Un problème est survenu de notre côté. Rien n’a été modifié ; réessayez dans un instant.',
};

import type { Translation } from '../messages.ts';
import type { socialEn } from './social.en.ts';

// French typography: a no-break space (\u00a0) before a colon, a question mark and inside guillemets.
export const socialFr: Translation<typeof socialEn> = {
  'social.empty':
    'Rien pour l’instant. Quand quelqu’un vous répond ou vous mentionne, cite vos propos, ou qu’un modérateur décide d’un de vos commentaires, vous en êtes informé ici.',
  'social.reply': '{name} vous a répondu',
  'social.mention': '{name} vous a mentionné',
  'social.someone': 'Un(e) ancien(ne) participant(e)',
  'social.quoted': 'Vos propos ont été cités\u00a0:',
  'social.withdraw': 'Retirer mon consentement',
  'social.withdrawing': 'Retrait en cours…',
  'social.withdrawn': 'Consentement retiré\u00a0: cette citation ne figure plus dans aucun export.',
  'social.withdrawFailed': 'Votre consentement n’a pas pu être retiré pour le moment. Veuillez réessayer.',
  'social.practicePublished': 'Votre bonne pratique a été publiée dans la bibliothèque.',
  'social.practiceReturned': 'Votre bonne pratique vous a été renvoyée\u00a0: {reason}',
  'social.practiceReturnedNoReason': 'Votre bonne pratique vous a été renvoyée.',
  'social.practiceUnpublished': 'Votre bonne pratique a été retirée de la bibliothèque\u00a0: {reason}',
  'social.practiceUnpublishedNoReason': 'Votre bonne pratique a été retirée de la bibliothèque.',
  'social.follow': 'Suivre',
  'social.following': 'Suivi',
  'social.followHint': 'Les nouveaux commentaires des sujets suivis arrivent dans votre résumé par e-mail.',
  'social.followed': 'Vous suivez ce sujet.',
  'social.unfollowed': 'Vous ne suivez plus ce sujet.',
  'social.followFailed': 'Ce changement n’a pas pu être fait pour le moment. Veuillez réessayer.',
  'social.mentionList': 'Personnes à mentionner',
  'social.mentionCount.one': '{count} personne à mentionner. Flèches haut et bas pour choisir, Entrée pour insérer, Échap pour fermer.',
  'social.mentionCount.other': '{count} personnes à mentionner. Flèches haut et bas pour choisir, Entrée pour insérer, Échap pour fermer.',
};

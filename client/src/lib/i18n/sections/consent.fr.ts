import type { Translation } from '../messages.ts';
import type { consentEn } from './consent.en.ts';

// French typography: a no-break space (\u00a0) before a colon, a question mark and inside guillemets.
export const consentFr: Translation<typeof consentEn> = {
  'consent.title': 'Vos propos dans le rapport',
  'consent.signInFirst': 'Connectez-vous avec le compte qui a écrit le commentaire pour voir cette citation et en décider.',
  'consent.intro':
    'Un modérateur a retenu ces propos que vous avez tenus sur le sujet «\u00a0{topic}\u00a0» du dialogue «\u00a0{dialogue}\u00a0» comme citation pour le rapport du dialogue\u00a0:',
  'consent.quoteLabel': 'La citation',
  'consent.seeComment': 'Voir votre commentaire dans la discussion',
  'consent.explain':
    'Si vous ne voulez pas de ces propos dans le rapport, retirez votre consentement. La citation est alors écartée définitivement de tous les exports du dialogue, et les modérateurs voient que vous l’avez retirée, avec votre raison si vous en donnez une. Votre commentaire lui-même reste dans la discussion.',
  'consent.reason': 'Votre raison (facultatif)',
  'consent.reasonHint': 'Pour les modérateurs seulement. {max} caractères au plus.',
  'consent.submit': 'Retirer mon consentement',
  'consent.done': 'C’est fait\u00a0: cette citation sera écartée du rapport.',
  'consent.already': 'Vous avez retiré votre consentement pour cette citation le {date}\u00a0: elle est écartée du rapport.',
  'consent.yourReason': 'Votre raison\u00a0: {reason}',
  'consent.notMine': 'Seul l’auteur du commentaire cité peut retirer son consentement pour cette citation.',
  'consent.notYours': 'Cette citation reprend les propos de quelqu’un d’autre. Pour en décider, connectez-vous avec le compte qui a écrit le commentaire.',
  'consent.gone': 'Cette citation n’existe plus\u00a0: un modérateur l’a retirée, elle ne figure donc dans aucun rapport.',
};

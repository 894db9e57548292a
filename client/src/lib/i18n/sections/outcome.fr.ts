import type { Translation } from '../messages.ts';
import type { outcomeEn } from './outcome.en.ts';

// French typography: a no-break space (\u00a0) before a colon and inside guillemets.
export const outcomeFr: Translation<typeof outcomeEn> = {
  'outcome.title': 'Résultats',
  'outcome.intro': 'Ce qui est ressorti de la discussion.',
  'outcome.topicSummary': 'Synthèse de la discussion',
  'outcome.dialogueSummary': 'Synthèse du dialogue',
  'outcome.approvedOn': 'Approuvée le {date}.',
  'outcome.quotes': 'Commentaires retenus',
  'outcome.quotesIntro': 'Les commentaires que les modérateurs ont retenus pour le rapport, dans les mots mêmes de leurs auteurs.',
  'outcome.quoteCount.one': '{count} commentaire retenu',
  'outcome.quoteCount.other': '{count} commentaires retenus',
};

import type { Translation } from '../messages.ts';
import type { threadEn } from './thread.en.ts';

// French typography: a no-break space (\u00a0) before a colon, a question mark and inside guillemets.
export const threadFr: Translation<typeof threadEn> = {
  'thread.order': 'Ordre des commentaires',
  'thread.order.oldest': 'Plus anciens d’abord',
  'thread.order.newest': 'Plus récents d’abord',
  'thread.showReplies.one': 'Afficher {count} réponse',
  'thread.showReplies.other': 'Afficher {count} réponses',
  'thread.hideReplies': 'Masquer les réponses',
  'thread.write': 'Écrire un commentaire',
  'thread.permalink': 'lien vers ce commentaire',
  'thread.copyLink': 'Copier le lien',
  'thread.copyLinkOf': 'Copier le lien du commentaire de {name}',
  'thread.linkCopied': 'Lien copié.',
  'thread.windowNote': 'Les commentaires s’ajoutent à la page à mesure que vous défilez.',
  'thread.loadingMore': 'Chargement d’autres commentaires…',
  'thread.missing': 'Le commentaire visé par ce lien n’est pas affiché ici\u00a0: il a peut-être été retiré ou masqué.',
  'thread.submitPractice': 'Proposer comme bonne pratique',
  'thread.submitPracticeOf': 'Proposer comme bonne pratique\u00a0: le commentaire de {name}',
};

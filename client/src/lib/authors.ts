import type { Comment } from '../../../shared/comments.ts';
import type { Formats } from './i18n/format.ts';
import type { MessageKey, ParamArgs } from './i18n/messages.ts';

interface Translator {
  t: <K extends MessageKey>(key: K, ...params: ParamArgs<K>) => string;
  format: Formats;
}

/** The name shown for an author: theirs, "participant from COUNTRY" when they chose that, or "former participant" once they deleted their account. */
export function authorName(author: Pick<Comment['author'], 'displayName' | 'country' | 'former'>, { t, format }: Translator): string {
  if (author.former) return t('comment.formerParticipant');
  return author.displayName ?? t('comment.participantFrom', { country: format.country(author.country) });
}

/**
 * Where an author comes from, shown beside the name: the country (unless the name already says
 * "participant from COUNTRY") and the kind of organization, when they gave one.
 */
export function authorOrigin(author: Pick<Comment['author'], 'displayName' | 'country' | 'affiliation' | 'former'>, { t, format }: Translator): string {
  // A former participant is nobody in particular any more.
  if (author.former) return '';
  const parts = author.displayName === null ? [] : [format.country(author.country)];
  if (author.affiliation) parts.push(t(`affiliation.${author.affiliation}`));
  return parts.join(' · ');
}

import type { Comment } from '../../../shared/comments.ts';
import type { Formats } from './i18n/format.ts';
import type { MessageKey, ParamArgs } from './i18n/messages.ts';

interface Translator {
  t: <K extends MessageKey>(key: K, ...params: ParamArgs<K>) => string;
  format: Formats;
}

/** The name shown for an author: theirs, or "participant from COUNTRY" when they chose that. */
export function authorName(author: Pick<Comment['author'], 'displayName' | 'country'>, { t, format }: Translator): string {
  return author.displayName ?? t('comment.participantFrom', { country: format.country(author.country) });
}

/**
 * Where an author comes from, shown beside the name: the country (unless the name already says
 * "participant from COUNTRY") and the kind of organization, when they gave one.
 */
export function authorOrigin(author: Pick<Comment['author'], 'displayName' | 'country' | 'affiliation'>, { t, format }: Translator): string {
  const parts = author.displayName === null ? [] : [format.country(author.country)];
  if (author.affiliation) parts.push(t(`affiliation.${author.affiliation}`));
  return parts.join(' · ');
}

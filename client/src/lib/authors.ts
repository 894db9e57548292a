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

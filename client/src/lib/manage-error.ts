import { ApiError } from './api.ts';
import type { manageI18n } from './i18n/manage.svelte.ts';

type Key = Parameters<typeof manageI18n.t>[0];

// The server's refusals of a curator's or an editor's request, in their language.
const BY_CODE: Record<string, Key> = {
  quote_not_allowed: 'manageError.consent',
  excerpt_not_in_comment: 'manageError.excerpt',
  comment_not_published: 'manageError.notPublished',
  summary_conflict: 'manageError.conflict',
  not_signed_in: 'writeError.signedOut',
};

/** What to tell an organizer or a moderator whose change did not go through. */
export function manageErrorText(error: unknown, t: typeof manageI18n.t): string {
  const say = t as (key: Key) => string;
  if (!(error instanceof ApiError)) return say('manageError.generic');
  if (error.status === 0) return say('writeError.network');
  if (error.status === 429) return say('writeError.busy');
  const key = BY_CODE[error.code];
  if (key) return say(key);
  if (error.status === 401) return say('writeError.signedOut');
  if (error.status === 403) return say('manageError.forbidden');
  if (error.status === 404) return say('manageError.notFound');
  if (error.status === 400) return say('manageError.invalid');
  return say('manageError.generic');
}

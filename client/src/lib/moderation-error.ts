import { ApiError } from './api.ts';
import type { ModerationPlainKey, Translate } from './i18n/moderation.svelte.ts';

// The server's refusals of a moderator's or organizer's request, in their language.
const BY_CODE: Record<string, ModerationPlainKey> = {
  already_moderated: 'queue.conflict',
  reason_required: 'moderationError.reasonRequired',
  not_a_participant: 'moderationError.notParticipant',
  not_suspended: 'moderationError.notSuspended',
  invalid_until: 'moderationError.untilPast',
  comment_not_editable: 'writeError.notEditable',
  not_signed_in: 'writeError.signedOut',
};

/** What to tell a moderator whose decision, edit or setting did not go through. */
export function moderationErrorText(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('moderationError.generic');
  if (error.status === 0) return t('writeError.network');
  if (error.status === 429) return t('writeError.busy');
  const key = BY_CODE[error.code];
  if (key) return t(key);
  if (error.status === 400) return t('moderationError.invalid');
  if (error.status === 401) return t('writeError.signedOut');
  if (error.status === 403) return t('moderationError.forbidden');
  if (error.status === 404) return t('moderationError.notFound');
  return t('moderationError.generic');
}

import { EDIT_WINDOW_MINUTES } from '../../../shared/comments.constants.ts';
import { ApiError } from './api.ts';
import type { MessageKey, ParamArgs, PlainKey } from './i18n/messages.ts';

type Translate = <K extends MessageKey>(key: K, ...params: ParamArgs<K>) => string;

// The server's refusals of a write, in the reader's language: its own messages are English only.
const BY_CODE: Record<string, PlainKey> = {
  dialogue_not_open: 'writeError.notOpen',
  dialogue_closed: 'writeError.closed',
  topic_locked: 'writeError.locked',
  comment_not_editable: 'writeError.notEditable',
  already_withdrawn: 'writeError.notEditable',
  already_reported: 'writeError.alreadyReported',
  own_comment: 'writeError.ownComment',
  suspended: 'writeError.suspended',
  not_signed_in: 'writeError.signedOut',
  parent_unavailable: 'writeError.parentGone',
  empty_body: 'writeError.empty',
};

/** What to tell a participant whose comment, edit, withdrawal or report did not go through. */
export function writeErrorText(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('writeError.generic');
  if (error.status === 0) return t('writeError.network');
  if (error.status === 429) {
    return error.retryAfter === null ? t('writeError.busy') : t('writeError.rateLimited', { seconds: Math.ceil(error.retryAfter) });
  }
  if (error.code === 'edit_window_closed') return t('writeError.editWindow', { minutes: EDIT_WINDOW_MINUTES });
  const key = BY_CODE[error.code];
  return key ? t(key) : t('writeError.generic');
}

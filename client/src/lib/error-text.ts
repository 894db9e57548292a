import type { ErrorCode } from '../../../shared/errors.constants.ts';
import { ApiError } from './api.ts';
import { i18n } from './i18n/i18n.svelte.ts';
import type { PlainKey } from './i18n/messages.ts';

/**
 * Where a request was refused. What no code explains, the organizers' and moderators' screens say
 * by its status, in words named after them (`manageError.forbidden`, `moderationError.notFound`);
 * participants' screens say `writeError.generic`.
 */
export type ErrorContext = 'write' | 'manage' | 'moderation';

const BY_STATUS: Partial<Record<number, 'invalid' | 'forbidden' | 'notFound'>> = { 400: 'invalid', 403: 'forbidden', 404: 'notFound' };

// The server's refusals by their code. The manage and moderation keys are in those screens'
// sections (i18n/sections/), which are loaded wherever those requests can be made.
const BY_CODE: Partial<Record<ErrorCode, PlainKey>> = {
  not_signed_in: 'writeError.signedOut',
  dialogue_not_open: 'writeError.notOpen',
  dialogue_closed: 'writeError.closed',
  topic_locked: 'writeError.locked',
  comment_not_editable: 'writeError.notEditable',
  already_withdrawn: 'writeError.notEditable',
  already_reported: 'writeError.alreadyReported',
  own_comment: 'writeError.ownComment',
  suspended: 'writeError.suspended',
  email_not_verified: 'writeError.emailNotVerified',
  parent_unavailable: 'writeError.parentGone',
  empty_body: 'writeError.empty',
  quote_not_allowed: 'manageError.consent',
  excerpt_not_in_comment: 'manageError.excerpt',
  comment_not_published: 'manageError.notPublished',
  summary_conflict: 'manageError.conflict',
  already_moderated: 'queue.conflict',
  reason_required: 'moderationError.reasonRequired',
  not_a_participant: 'moderationError.notParticipant',
  not_suspended: 'moderationError.notSuspended',
  invalid_until: 'moderationError.untilPast',
  slug_taken: 'dialogueForm.error.slugTaken',
  invalid_window: 'dialogueForm.error.windowOrder',
  invalid_time_zone: 'dialogueForm.error.timeZone',
  dialogue_has_comments: 'workspaceError.hasComments',
  topic_has_comments: 'topicsEditor.error.hasComments',
  invalid_topic_order: 'topicsEditor.error.order',
  last_organizer: 'people.lastOrganizer',
  practice_not_editable: 'practices.error.notEditable',
  continent_required: 'practices.error.continentRequired',
};

/**
 * What to tell someone whose change did not go through, in their language: the server's own
 * messages are English only. `context` chooses the wording of what the code does not explain.
 */
export function errorText(error: unknown, context: ErrorContext): string {
  const generic = `${context}Error.generic` as const;
  if (!(error instanceof ApiError)) return i18n.t(generic);
  if (error.status === 0) return i18n.t('writeError.network');
  if (error.status === 429) {
    return context === 'write' && error.retryAfter !== null
      ? i18n.t('writeError.rateLimited', { seconds: i18n.format.seconds(Math.ceil(error.retryAfter)) })
      : i18n.t('writeError.busy');
  }
  // Each dialogue has its own window (the about page says how long): the message names none.
  if (error.code === 'edit_window_closed') return i18n.t('writeError.editWindow');
  // ApiError also carries the client's own codes (network_error, http_error): looked up as any string.
  const byCode: Partial<Record<string, PlainKey>> = BY_CODE;
  const coded = byCode[error.code];
  if (coded) return i18n.t(coded);
  if (context === 'write') return i18n.t(generic);
  if (error.status === 401) return i18n.t('writeError.signedOut');
  const status = BY_STATUS[error.status];
  return i18n.t(status ? `${context}Error.${status}` : generic);
}

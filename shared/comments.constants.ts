// Plain values of the comments contract, importable by the browser bundle without TypeBox;
// shared/comments.ts builds its schemas from them.
import { PAGE_LIMIT_MAX } from './common.constants.ts';

/** A comment body is 1 to this many characters. */
export const COMMENT_MAX_LENGTH = 10_000;
/** A moderator's note on an edit, shown to every reader: at most this many characters. */
export const EDIT_NOTE_MAX = 500;
export const COMMENT_STATUSES = ['published', 'pending', 'hidden', 'withdrawn', 'declined'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];
/** Why a participant reports a comment. */
export const REPORT_REASONS = ['offensive', 'spam', 'off_topic', 'personal_data', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
/** The optional words a reporter adds, at most this many characters. */
export const REPORT_DETAILS_MAX = 500;
/**
 * How long an author may edit or withdraw a comment by default. The server's own setting
 * (EDIT_WINDOW_MINUTES) comes with each dialogue; the client falls back on this without it.
 */
export const EDIT_WINDOW_MINUTES = 30;
/** Comments the client asks for in one page of a thread: the API's maximum, fewer round trips. */
export const COMMENT_PAGE_SIZE = PAGE_LIMIT_MAX;

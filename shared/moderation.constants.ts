// Plain values and rules of the moderation contract, importable by the browser bundle without
// TypeBox; shared/moderation.ts builds its schemas from them, the server applies the rules and the
// client offers the actions they allow.
import type { CommentStatus } from './comments.constants.ts';

/** A moderator's decisions on one comment (ModerationActionName in shared/moderation.ts says what each does). */
export const MODERATION_ACTIONS = ['approve', 'decline', 'hide', 'restore'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

interface Transition {
  from: readonly CommentStatus[];
  to: CommentStatus;
}

/** The statuses each action applies to, and the status it leaves. */
export const TRANSITIONS: Record<ModerationAction, Transition> = {
  approve: { from: ['pending'], to: 'published' },
  decline: { from: ['pending'], to: 'declined' },
  hide: { from: ['published', 'pending'], to: 'hidden' },
  restore: { from: ['hidden'], to: 'published' },
};

/**
 * Whether `action` on a comment in `status` keeps it as it is and only closes its reports:
 * approving a published comment that participants reported.
 */
export const keepsReported = (action: ModerationAction, status: CommentStatus): boolean => action === 'approve' && status === 'published';

/**
 * The decisions that fit a comment in `status`, in MODERATION_ACTIONS order; `reported`: it waits
 * in the queue because of reports, so it may also be kept.
 */
export function allowedActions(status: CommentStatus, reported = false): ModerationAction[] {
  return MODERATION_ACTIONS.filter((action) => TRANSITIONS[action].from.includes(status) || (reported && keepsReported(action, status)));
}

/** The decisions a moderator must give a reason for: the author is told, and the audit log keeps it. */
export const REASON_REQUIRED = ['decline', 'hide'] as const satisfies readonly ModerationAction[];
export type ReasonAction = (typeof REASON_REQUIRED)[number];
export const needsReason = (action: string): action is ReasonAction => (REASON_REQUIRED as readonly string[]).includes(action);
/** A moderator's reason (for a decision or a suspension) is at most this many characters. */
export const REASON_MAX = 500;

/** The decisions the author is told of, each as a notification of kind `comment.<action>`. */
export const TOLD_TO_AUTHOR = ['approve', 'decline', 'hide'] as const satisfies readonly ModerationAction[];
export type ToldToAuthor = (typeof TOLD_TO_AUTHOR)[number];
export const isToldToAuthor = (action: ModerationAction): action is ToldToAuthor => (TOLD_TO_AUTHOR as readonly string[]).includes(action);
/** The notifications a moderator's decision leaves its author (shared/mail.constants.ts has the others). */
export const MODERATION_NOTIFICATION_KINDS = /* @__PURE__ */ TOLD_TO_AUTHOR.map((action) => `comment.${action}` as const);
export type ModerationNotificationKind = `comment.${ToldToAuthor}`;

/** Why a comment waits in the queue: held before publication, or published and reported. */
export const QUEUE_ITEM_KINDS = ['held', 'reported'] as const;
/** pre_moderation: the dialogue holds every comment; watched_word: it contains one; reports: enough participants reported it; first_comment: the author's first comment in a dialogue that holds first comments */
export const HELD_REASONS = ['pre_moderation', 'watched_word', 'reports', 'first_comment'] as const;
export type HeldReason = (typeof HELD_REASONS)[number];

/** What the audit log records, in the order its filter offers them. */
export const AUDIT_ACTIONS = [
  'comment.approve',
  'comment.keep',
  'comment.decline',
  'comment.hide',
  'comment.restore',
  'comment.edit',
  'topic.lock',
  'topic.unlock',
  'topic.create',
  'topic.update',
  'topic.delete',
  'topic.reorder',
  'user.suspend',
  'user.unsuspend',
  'user.role',
  'dialogue.create',
  'dialogue.update',
  'dialogue.copy',
  'dialogue.publish',
  'dialogue.unpublish',
  'dialogue.delete',
  'dialogue.watched_words',
  'dialogue.moderator_appoint',
  'dialogue.moderator_remove',
  'quote.create',
  'quote.update',
  'quote.delete',
  'quote.consent_withdrawn',
  'summary.save',
  'summary.approve',
  'practice.publish',
  'practice.return',
  'practice.unpublish',
  'practice.edit',
  'practice.resubmit',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const isAuditAction = (value: string): value is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(value);

/** What an audit entry's `targetId` names. */
export const AUDIT_TARGET_TYPES = ['comment', 'topic', 'user', 'dialogue', 'quote', 'dialogue_summary', 'topic_summary', 'practice'] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

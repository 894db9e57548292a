import type { CommentStatus } from '../../../shared/comments.constants.ts';
import type { AuditAction, AuditTargetType } from '../../../shared/moderation.constants.ts';
import type { PlainKey } from './i18n/messages.ts';

/** The actions the audit log records, in the order the filter offers them, with their names. */
export const AUDIT_ACTIONS: Record<AuditAction, PlainKey> = {
  'comment.approve': 'audit.comment.approve',
  'comment.decline': 'audit.comment.decline',
  'comment.hide': 'audit.comment.hide',
  'comment.restore': 'audit.comment.restore',
  'comment.edit': 'audit.comment.edit',
  'topic.lock': 'audit.topic.lock',
  'topic.unlock': 'audit.topic.unlock',
  'topic.create': 'audit.topic.create',
  'topic.update': 'audit.topic.update',
  'user.suspend': 'audit.user.suspend',
  'user.unsuspend': 'audit.user.unsuspend',
  'dialogue.create': 'audit.dialogue.create',
  'dialogue.update': 'audit.dialogue.update',
  'dialogue.watched_words': 'audit.dialogue.watched_words',
  'dialogue.moderator_appoint': 'audit.dialogue.moderator_appoint',
  'dialogue.moderator_remove': 'audit.dialogue.moderator_remove',
  'quote.create': 'audit.quote.create',
  'quote.update': 'audit.quote.update',
  'quote.delete': 'audit.quote.delete',
  'summary.save': 'audit.summary.save',
  'summary.approve': 'audit.summary.approve',
  'comment.keep': 'audit.comment.keep',
  'topic.delete': 'audit.topic.delete',
  'topic.reorder': 'audit.topic.reorder',
  'user.role': 'audit.user.role',
  'dialogue.copy': 'audit.dialogue.copy',
  'dialogue.publish': 'audit.dialogue.publish',
  'dialogue.unpublish': 'audit.dialogue.unpublish',
  'dialogue.delete': 'audit.dialogue.delete',
};

export const AUDIT_TARGETS: Record<AuditTargetType, PlainKey> = {
  comment: 'audit.target.comment',
  topic: 'audit.target.topic',
  user: 'audit.target.user',
  dialogue: 'audit.target.dialogue',
  quote: 'audit.target.quote',
  dialogue_summary: 'audit.target.dialogue_summary',
  topic_summary: 'audit.target.topic_summary',
};

/** Fields of the before/after states, named for people; others show as recorded. */
export const AUDIT_FIELDS: Record<string, PlainKey> = {
  status: 'audit.field.status',
  bodyMarkdown: 'audit.field.bodyMarkdown',
  words: 'audit.field.words',
  until: 'audit.field.until',
  locked: 'audit.field.locked',
  moderation: 'audit.field.moderation',
  reportsToHold: 'audit.field.reportsToHold',
  holdFirstComment: 'audit.field.holdFirstComment',
  question: 'audit.field.question',
  title: 'audit.field.title',
};

/** Comment statuses, as the before/after of a decision records them (any text: looked up by what was recorded). */
export const COMMENT_STATUS_NAMES: Record<string, PlainKey> = {
  published: 'audit.status.published',
  pending: 'audit.status.pending',
  hidden: 'audit.status.hidden',
  declined: 'audit.status.declined',
  withdrawn: 'audit.status.withdrawn',
} satisfies Record<CommentStatus, PlainKey>;

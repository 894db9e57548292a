import type { CommentStatus } from '../../shared/comments.ts';
import type { QueueItem, QueueResolved } from '../../shared/moderation.ts';

/**
 * What services tell the realtime layer, after the commit that made a change durable. The port
 * works out who may see what; services never pick rooms or events themselves.
 */
export interface RealtimePort {
  /** a comment was created (`previousStatus` null) or changed from `previousStatus` */
  commentChanged(commentId: string, previousStatus: CommentStatus | null): void;
  /** a topic's wording, lock or comment count changed */
  topicChanged(topicId: string): void;
  /** a comment waits for a moderator (new, or with a new report): every moderator's queue shows it */
  moderationQueued(item: QueueItem): void;
  /** a moderator decided: the item leaves every other moderator's queue */
  moderationResolved(resolved: QueueResolved): void;
  /** a user has a new notification: their open pages fetch it */
  notified(userId: string): void;
  /** a session was signed out: its sockets lose what the session allowed, at once */
  sessionEnded(sessionId: string): void;
}

/** For processes without sockets (the command line, seeding). */
export const noRealtime: RealtimePort = {
  commentChanged: () => undefined,
  topicChanged: () => undefined,
  moderationQueued: () => undefined,
  moderationResolved: () => undefined,
  notified: () => undefined,
  sessionEnded: () => undefined,
};

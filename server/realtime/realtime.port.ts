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
  /** a topic's quotes were added, edited, reordered or removed */
  quotesChanged(topicId: string): void;
  /** a new version of the dialogue's own summary (`topicId` null) or of a topic's was saved */
  summaryChanged(dialogueId: string, topicId: string | null): void;
  /** a comment of the dialogue waits for a moderator (new, or with a new report): the queue of each of its moderators shows it */
  moderationQueued(dialogueId: string, item: QueueItem): void;
  /** a moderator decided: the item leaves the queue of the dialogue's other moderators */
  moderationResolved(dialogueId: string, resolved: QueueResolved): void;
  /** a user was appointed to moderate a dialogue (of these topics), or removed: their open pages gain or lose its moderation feed */
  moderatorRightsChanged(change: ModeratorRightsChange): void;
  /** a user has a new notification: their open pages fetch it */
  notified(userId: string): void;
  /** a session was signed out: its sockets lose what the session allowed, at once */
  sessionEnded(sessionId: string): void;
  /** every session of a user but `keptSessionId` was ended (a new password): their sockets are cut, on every node */
  otherSessionsEnded(userId: string, keptSessionId: string): void;
  /** what a user may do changed (a suspension): their sockets reconnect as they are now */
  userChanged(userId: string): void;
  /** a dialogue was unpublished: only organizers may follow it any longer */
  dialogueUnpublished(dialogueId: string): void;
}

export interface ModeratorRightsChange {
  userId: string;
  dialogueId: string;
  topicIds: string[];
  moderates: boolean;
}

/** For processes without sockets (the command line, seeding). */
export const noRealtime: RealtimePort = {
  commentChanged: () => undefined,
  topicChanged: () => undefined,
  quotesChanged: () => undefined,
  summaryChanged: () => undefined,
  moderationQueued: () => undefined,
  moderationResolved: () => undefined,
  moderatorRightsChanged: () => undefined,
  notified: () => undefined,
  sessionEnded: () => undefined,
  otherSessionsEnded: () => undefined,
  userChanged: () => undefined,
  dialogueUnpublished: () => undefined,
};

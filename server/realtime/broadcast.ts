import type { Kysely } from 'kysely';
import type { CommentStatus } from '../../shared/comments.ts';
import type { ServerToClientEvents } from '../../shared/realtime.ts';
import type { Database } from '../../db/schema.ts';
import { toCommentDto, type CommentReader } from '../comments/comments.mapper.ts';
import { findCommentWithAuthor, PUBLIC_STATUSES } from '../comments/comments.repository.ts';
import { findDialogueById, findTopicWithCount } from '../dialogues/dialogues.repository.ts';
import { toTopicDto } from '../dialogues/dialogues.service.ts';
import { debounced } from './debounced.ts';
import type { IoServer, RealtimeLog } from './io.ts';
import type { RealtimePort } from './realtime.port.ts';
import { rooms } from './rooms.ts';

type CommentEvent = 'comment:created' | 'comment:updated' | 'comment:removed';

/** Who sees which statuses, as the GET of a topic's comments shows them to each. */
const AUDIENCES = {
  public: (status: string) => (PUBLIC_STATUSES as readonly string[]).includes(status),
  author: () => true,
  moderators: () => true,
} satisfies Record<string, (status: string) => boolean>;

const REMOVED = new Set<string>(['hidden', 'withdrawn']);

/**
 * The event one audience gets for a change from `before` (null: new) to `after`: a comment that
 * comes into view is created for it, one that stays in view is updated or, when it has just been
 * taken down, removed (its placeholder stays in the thread).
 */
export function eventFor(sees: (status: string) => boolean, before: string | null, after: string): CommentEvent | null {
  const was = before !== null && sees(before);
  if (!sees(after)) return was ? 'comment:removed' : null;
  if (!was) return 'comment:created';
  return REMOVED.has(after) && !REMOVED.has(before) ? 'comment:removed' : 'comment:updated';
}

export function createBroadcaster(io: IoServer, db: Kysely<Database>, log: RealtimeLog): RealtimePort {
  /** Sends the change to each audience of the topic; returns the topic, or null when the comment is gone. */
  async function publishComment(commentId: string, before: CommentStatus | null): Promise<string | null> {
    const row = await findCommentWithAuthor(db, commentId);
    if (!row) return null;
    const topicRoom = rooms.topic(row.topic_id);
    const moderatorRoom = rooms.topicModerators(row.topic_id);
    const authorRoom = rooms.topicUser(row.topic_id, row.author_id);
    const send = (target: ReturnType<IoServer['to']>, sees: (status: string) => boolean, reader: CommentReader) => {
      const event = eventFor(sees, before, row.status);
      if (event) target.emit(event, toCommentDto(row, reader) as Parameters<ServerToClientEvents[CommentEvent]>[0]);
    };
    send(io.to(topicRoom).except([moderatorRoom, authorRoom]), AUDIENCES.public, { viewerId: null, moderator: false });
    send(io.to(authorRoom).except(moderatorRoom), AUDIENCES.author, { viewerId: row.author_id, moderator: false });
    send(io.to(moderatorRoom), AUDIENCES.moderators, { viewerId: null, moderator: true });
    return row.topic_id;
  }

  async function publishTopic(topicId: string, alsoToTopicRoom: boolean): Promise<void> {
    const topic = await findTopicWithCount(db, topicId);
    const dialogue = topic ? await findDialogueById(db, topic.dialogue_id) : undefined;
    if (!topic || !dialogue) return;
    const targets = alsoToTopicRoom ? [rooms.topic(topicId), rooms.dialogue(dialogue.id)] : [rooms.dialogue(dialogue.id)];
    io.to(targets).emit('topic:changed', toTopicDto(topic, dialogue.slug));
  }
  // A lock or new wording reaches the topic's readers too; a new comment count only the dialogue
  // page (readers of the topic count the comments they get), at most once a second.
  const announceTopic = debounced(100, (topicId) => publishTopic(topicId, true), log);
  const announceCount = debounced(1_000, (topicId) => publishTopic(topicId, false), log);

  return {
    commentChanged(commentId, previousStatus) {
      publishComment(commentId, previousStatus)
        .then((topicId) => topicId && announceCount(topicId))
        .catch((err: unknown) => log.warn({ err, commentId }, 'realtime broadcast failed'));
    },
    topicChanged: announceTopic,
    moderationQueued(item) {
      io.to(rooms.moderators).emit('moderation:queued', item);
    },
    moderationResolved(resolved) {
      io.to(rooms.moderators).emit('moderation:resolved', resolved);
    },
    notified(userId) {
      io.to(rooms.user(userId)).emit('notification:created');
    },
    sessionEnded(sessionId) {
      io.in(rooms.session(sessionId)).disconnectSockets(true);
    },
  };
}

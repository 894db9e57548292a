import type { Kysely } from 'kysely';
import type { Comment, CommentStatus } from '../../shared/comments.ts';
import type { ServerToClientEvents } from '../../shared/realtime.ts';
import type { Database } from '../../db/schema.ts';
import { toCommentDto } from '../comments/comments.mapper.ts';
import { findCommentWithAuthor, findTopicReadState, PUBLIC_STATUSES, type CommentWithAuthor } from '../comments/comments.repository.ts';
import { findDialogueById, findTopic, findTopicWithCount, listTopics } from '../dialogues/dialogues.repository.ts';
import { toTopicDto } from '../dialogues/dialogues.service.ts';
import { quotesFor } from '../quotes/quotes.mapper.ts';
import { listTopicQuotes, topicsQuotingComment } from '../quotes/quotes.repository.ts';
import { summaryView } from '../summaries/summaries.service.ts';
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
 * taken down, removed (its placeholder stays in the thread). A comment this audience never saw
 * does not come into view as a placeholder: nothing of it was shown, so nothing stands in for it.
 */
export function eventFor(sees: (status: string) => boolean, before: string | null, after: string): CommentEvent | null {
  const was = before !== null && sees(before);
  if (!sees(after)) return was ? 'comment:removed' : null;
  if (!was) return REMOVED.has(after) ? null : 'comment:created';
  return REMOVED.has(after) && !REMOVED.has(before) ? 'comment:removed' : 'comment:updated';
}

/**
 * The status the public last saw: a pending comment that was public once (held by reports, or by
 * an edit) was last seen published; any other pending comment was never shown. (On approval
 * `was_public` is already set, and a comment coming into view is `created` either way.)
 */
const publicBefore = (row: CommentWithAuthor, before: CommentStatus | null): CommentStatus | null =>
  before === 'pending' && row.status !== 'published' && row.was_public === 1 ? 'published' : before;

/**
 * What the public is told of a comment that left its view (held for review, declined): which
 * one to take away, nothing of what it said nor the name of who said it. The GET no longer
 * lists it at all.
 */
const withoutContent = (comment: Comment): Comment => ({
  ...comment,
  replyTo: null,
  author: { ...comment.author, displayName: null, affiliation: null },
  bodyHtml: '',
  editNote: null,
});

export function createBroadcaster(io: IoServer, db: Kysely<Database>, log: RealtimeLog): RealtimePort {
  /** Sends the change to each audience of the topic; returns the topic, or null when the comment is gone. */
  async function publishComment(commentId: string, before: CommentStatus | null): Promise<string | null> {
    const row = await findCommentWithAuthor(db, commentId);
    if (!row) return null;
    const topicRoom = rooms.topic(row.topic_id);
    const moderatorRoom = rooms.topicModerators(row.topic_id);
    const authorRoom = rooms.topicUser(row.topic_id, row.author_id);
    const send = (target: ReturnType<IoServer['to']>, event: CommentEvent | null, comment: Comment) => {
      if (event) target.emit(event, comment as Parameters<ServerToClientEvents[CommentEvent]>[0]);
    };
    // An unpublished dialogue's topics are followed by organizers alone (in the moderators' room):
    // whoever else is still in its rooms, by a join racing the unpublishing, gets nothing.
    if ((await findTopicReadState(db, row.topic_id))?.published === 1) {
      const event = eventFor(AUDIENCES.public, publicBefore(row, before), row.status);
      const shown = toCommentDto(row, { viewerId: null, moderator: false });
      send(io.to(topicRoom).except([moderatorRoom, authorRoom]), event, AUDIENCES.public(row.status) ? shown : withoutContent(shown));
      send(
        io.to(authorRoom).except(moderatorRoom),
        eventFor(AUDIENCES.author, before, row.status),
        toCommentDto(row, { viewerId: row.author_id, moderator: false }),
      );
    }
    send(io.to(moderatorRoom), eventFor(AUDIENCES.moderators, before, row.status), toCommentDto(row, { viewerId: null, moderator: true }));
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

  // Curation: the dialogue's moderators (and organizers) get one version of the new state, the
  // other viewers of the dialogue page the public one. An unpublished dialogue's quotes and
  // summaries are the organizers' alone, as over HTTP.
  const curators = async (dialogueId: string) =>
    (await findDialogueById(db, dialogueId))?.published === 1 ? [rooms.dialogueModerators(dialogueId), rooms.organizers] : [rooms.organizers];

  async function publishQuotes(topicId: string): Promise<void> {
    const topic = await findTopic(db, topicId);
    if (!topic) return;
    const rows = await listTopicQuotes(db, topicId);
    const change = (moderator: boolean) => ({ dialogueId: topic.dialogue_id, topicId, quotes: quotesFor(rows, moderator) });
    const curating = await curators(topic.dialogue_id);
    io.to(curating).emit('quote:changed', change(true));
    io.to(rooms.dialogue(topic.dialogue_id)).except(curating).emit('quote:changed', change(false));
  }

  async function publishSummary(dialogueId: string, topicId: string | null): Promise<void> {
    const scope = { dialogueId, topicId };
    const [latest, approved] = await Promise.all([summaryView(db, scope, true), summaryView(db, scope, false)]);
    const curating = await curators(dialogueId);
    io.to(curating).emit('summary:changed', { dialogueId, topicId, summary: latest });
    io.to(rooms.dialogue(dialogueId)).except(curating).emit('summary:changed', { dialogueId, topicId, summary: approved });
  }

  /**
   * Takes every socket but organizers' out of an unpublished dialogue's rooms, through the
   * adapter so on every node; the join handlers let no one else back in.
   */
  async function evictReaders(dialogueId: string): Promise<void> {
    const topicIds = (await listTopics(db, dialogueId)).map((topic) => topic.id);
    const followed = [rooms.dialogue(dialogueId), ...topicIds.map(rooms.topic)];
    io.in(followed)
      .except(rooms.organizers)
      .socketsLeave([...followed, ...topicIds.map(rooms.topicModerators)]);
  }

  /** A quoted comment that is edited, hidden, withdrawn or restored changes its quotes' text or flag. */
  async function publishQuotesOf(commentId: string): Promise<void> {
    for (const topicId of await topicsQuotingComment(db, commentId)) await publishQuotes(topicId);
  }

  return {
    commentChanged(commentId, previousStatus) {
      publishComment(commentId, previousStatus)
        .then((topicId) => topicId && announceCount(topicId))
        .then(() => (previousStatus === null ? undefined : publishQuotesOf(commentId)))
        .catch((err: unknown) => log.warn({ err, commentId }, 'realtime broadcast failed'));
    },
    topicChanged: announceTopic,
    quotesChanged(topicId) {
      publishQuotes(topicId).catch((err: unknown) => log.warn({ err, topicId }, 'realtime broadcast of quotes failed'));
    },
    summaryChanged(dialogueId, topicId) {
      publishSummary(dialogueId, topicId).catch((err: unknown) => log.warn({ err, dialogueId, topicId }, 'realtime broadcast of a summary failed'));
    },
    moderationQueued(dialogueId, item) {
      io.to([rooms.dialogueModerators(dialogueId), rooms.organizers]).emit('moderation:queued', item);
    },
    moderationResolved(dialogueId, resolved) {
      io.to([rooms.dialogueModerators(dialogueId), rooms.organizers]).emit('moderation:resolved', resolved);
    },
    moderatorRightsChanged({ userId, dialogueId, topicIds, moderates }) {
      // Through the adapter, so the user's sockets follow on every node. Only sockets viewing a topic
      // (in their `topicUser` room) get its moderators' room; a removal takes every room away.
      if (moderates) {
        io.in(rooms.user(userId)).socketsJoin(rooms.dialogueModerators(dialogueId));
        for (const topicId of topicIds) io.in(rooms.topicUser(topicId, userId)).socketsJoin(rooms.topicModerators(topicId));
      } else {
        io.in(rooms.user(userId)).socketsLeave([rooms.dialogueModerators(dialogueId), ...topicIds.map(rooms.topicModerators)]);
      }
    },
    notified(userId) {
      io.to(rooms.user(userId)).emit('notification:created');
    },
    sessionEnded(sessionId) {
      io.in(rooms.session(sessionId)).disconnectSockets(true);
    },
    otherSessionsEnded(userId, keptSessionId) {
      io.in(rooms.user(userId)).except(rooms.session(keptSessionId)).disconnectSockets(true);
    },
    userChanged(userId) {
      io.in(rooms.user(userId)).disconnectSockets(true);
    },
    dialogueUnpublished(dialogueId) {
      evictReaders(dialogueId).catch((err: unknown) => log.warn({ err, dialogueId }, 'realtime eviction from an unpublished dialogue failed'));
    },
  };
}

import type { TSchema } from 'typebox';
import type { ValidateFunction } from 'ajv';
import {
  DialogueRefPayload,
  TopicJoinPayload,
  TopicRefPayload,
  TYPING_INTERVAL_MS,
  type Failed,
  type TopicJoined,
  type DialogueJoined,
} from '../../shared/realtime.ts';
import { assertCanWrite, isOrganizer, type Viewer } from '../auth/viewer.ts';
import { findSession } from '../auth/sessions.repository.ts';
import { findUserById } from '../auth/users.repository.ts';
import { assertWritable, catchUp } from '../comments/comments.service.ts';
import { readPosition } from '../comments/reads.service.ts';
import type { Ctx } from '../context.ts';
import { findDialogueById, listTopics } from '../dialogues/dialogues.repository.ts';
import { visibleTopic } from '../dialogues/dialogues.service.ts';
import { AppError, notFound } from '../errors.ts';
import { moderatesNow } from '../moderation/rights.ts';
import { loadViewer, notSignedIn } from '../plugins/auth.ts';
import { makeAjv } from '../plugins/validation.ts';
import type { CatchUpBudget } from './catch-up-budget.ts';
import type { IoSocket, RealtimeLog } from './io.ts';
import type { Presence } from './presence.ts';
import { isReaderRoom, rooms } from './rooms.ts';

/** Client events one socket may send per window; past it they are refused, past three times it the socket is cut. */
export const EVENT_BUDGET = { events: 30, windowMs: 10_000 };
/** Topics one socket may follow at once. */
const MAX_TOPICS_PER_SOCKET = 20;
/** setTimeout's longest delay; a session that lives longer is checked again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const EXPIRY_MARGIN_MS = 1_000;

const ajv = makeAjv(false);
const validator = (schema: TSchema): ValidateFunction => ajv.compile(schema);
const validJoin = validator(TopicJoinPayload);
const validTopicRef = validator(TopicRefPayload);
const validDialogueRef = validator(DialogueRefPayload);

const failure = (code: string, message: string): Failed => ({ ok: false, error: { code, message } });

function eventBudget() {
  let windowStart = Date.now();
  let used = 0;
  return {
    /** 'ok', 'refused' (answer with an error) or 'abusive' (cut the socket) */
    take(): 'ok' | 'refused' | 'abusive' {
      const now = Date.now();
      if (now - windowStart >= EVENT_BUDGET.windowMs) {
        windowStart = now;
        used = 0;
      }
      used += 1;
      if (used <= EVENT_BUDGET.events) return 'ok';
      return used > 3 * EVENT_BUDGET.events ? 'abusive' : 'refused';
    },
  };
}

type Reply = (reply: object) => void;

/**
 * Wires the client commands of one socket: each payload is checked against its schema, each
 * command answered by an ack, `{ok:true,…}` or `{ok:false,error}`; nothing a client sends can
 * throw past here.
 */
export function registerSocketHandlers(ctx: Ctx, socket: IoSocket, presence: Presence, catchUpBudget: CatchUpBudget, log: RealtimeLog): void {
  const budget = eventBudget();
  const dialogueOfTopic = new Map<string, string>();
  let lastTypingAt = 0;
  let expiryTimer: NodeJS.Timeout | undefined;

  /**
   * Keeps the socket signed in only while its session lasts: at its end (a moment after, so the
   * check finds it over) the socket becomes an anonymous reader. The check only reads the session:
   * validating it would renew it, and an idle socket must not keep its session alive.
   */
  function watchExpiry(expiresAt: string | null): void {
    clearTimeout(expiryTimer);
    const sessionId = socket.data.viewer?.sessionId;
    if (expiresAt === null || sessionId === undefined) return;
    const delay = Math.min(Math.max(Date.parse(expiresAt) + EXPIRY_MARGIN_MS - Date.now(), 0), MAX_TIMER_MS);
    expiryTimer = setTimeout(() => {
      findSession(ctx.db, sessionId)
        .then((session) => {
          if (session && Date.parse(session.expires_at) > Date.now()) watchExpiry(session.expires_at);
          else signOut();
        })
        .catch((err: unknown) => log.warn({ err }, 'socket session check failed'));
    }, delay);
    expiryTimer.unref();
  }

  /** Drops what the session gave: the viewer, and every room but those of what anyone may read. */
  function signOut(): void {
    socket.data.viewer = null;
    socket.data.token = null;
    socket.data.sessionExpiresAt = null;
    clearTimeout(expiryTimer);
    for (const room of [...socket.rooms]) if (room !== socket.id && !isReaderRoom(room)) void socket.leave(room);
  }

  /**
   * The viewer as the session stands now, not as at the handshake: a session signed out, ended by
   * a password change or expired leaves an anonymous reader; role and appointments are read afresh.
   */
  async function currentViewer(): Promise<Viewer | null> {
    if (!socket.data.token) return null;
    const loaded = await loadViewer(ctx, socket.data.token);
    if (!loaded) {
      signOut();
      return null;
    }
    socket.data.viewer = loaded.viewer;
    socket.data.sessionExpiresAt = loaded.expiresAt;
    watchExpiry(loaded.expiresAt);
    return loaded.viewer;
  }

  /**
   * For a dialogue that stopped being published while a join was under way: its unpublishing
   * evicts the sockets that were in its rooms, so one that joined meanwhile checks again itself.
   */
  async function stillVisible(viewer: Viewer | null, dialogueId: string): Promise<boolean> {
    if (isOrganizer(viewer)) return true;
    return (await findDialogueById(ctx.db, dialogueId))?.published === 1;
  }

  watchExpiry(socket.data.sessionExpiresAt);

  function handle<P>(event: string, valid: ValidateFunction, run: (payload: P) => Promise<object>): void {
    socket.on(event as 'topic:leave', ((payload: unknown, ack: unknown) => {
      // `emit(event, ack)` without a payload: the ack arrives first.
      if (typeof payload === 'function' && ack === undefined) [payload, ack] = [undefined, payload];
      const reply: Reply = typeof ack === 'function' ? (ack as Reply) : () => undefined;
      const allowed = budget.take();
      if (allowed !== 'ok') {
        reply(failure('rate_limited', 'Too many events; slow down.'));
        if (allowed === 'abusive') socket.disconnect(true);
        return;
      }
      if (!valid(payload)) {
        const first = valid.errors?.[0];
        reply(failure('validation_failed', `Invalid payload${first ? `: ${first.instancePath || '/'} ${first.message}` : ''}.`));
        return;
      }
      run(payload as P).then(reply, (error: unknown) => {
        if (error instanceof AppError && error.status < 500) return reply(failure(error.code, error.message));
        log.warn({ err: error, event }, 'socket command failed');
        reply(failure('internal_error', 'Something went wrong on the server.'));
      });
    }) as never);
  }

  handle<TopicJoinPayload>('topic:join', validJoin, async (payload) => {
    if (payload.afterSeq === undefined) return joinTopic(payload);
    const address = socket.data.address;
    if (catchUpBudget.exhausted(address)) {
      throw new AppError(429, 'rate_limited', 'Too many comments were caught up on from this address in the last minute; try again in a minute.');
    }
    const joined = await joinTopic(payload);
    // Taken only now, with nothing awaited before the answer goes: what is beyond the budget is
    // left out, and `more` sends the client to the thread over HTTP, which has limits of its own.
    const granted = catchUpBudget.take(address, joined.missed.length);
    return granted === joined.missed.length ? joined : { ...joined, missed: joined.missed.slice(0, granted), more: true };
  });

  /** Joins the topic's rooms and answers with what was missed. */
  async function joinTopic({ topicId, afterSeq, afterChange }: TopicJoinPayload): Promise<{ ok: true } & TopicJoined> {
    const viewer = await currentViewer();
    const { dialogue } = await visibleTopic(ctx, viewer, topicId);
    if (!dialogueOfTopic.has(topicId) && dialogueOfTopic.size >= MAX_TOPICS_PER_SOCKET) {
      throw new AppError(429, 'too_many_topics', `One connection follows at most ${MAX_TOPICS_PER_SOCKET} topics.`);
    }
    // Rights as the database has them now, not as at the handshake: appointments change while sockets stay open.
    const moderates = await moderatesNow(ctx, viewer, dialogue.id);
    // Joined before reading the database: whatever commits after the read reaches this socket as an
    // event, whatever committed before is in `missed`; a comment in both is the same one (by id).
    await socket.join([rooms.topic(topicId), ...(viewer ? [rooms.topicUser(topicId, viewer.id)] : [])]);
    if (moderates) await socket.join(rooms.topicModerators(topicId));
    else await socket.leave(rooms.topicModerators(topicId));
    if (!(await stillVisible(viewer, dialogue.id))) {
      for (const room of [...socket.rooms]) if (room.startsWith(rooms.topic(topicId))) await socket.leave(room);
      throw notFound('This topic');
    }
    dialogueOfTopic.set(topicId, dialogue.id);
    presence.changed(topicId, dialogue.id);
    const [caughtUp, viewers, lastReadSeq] = await Promise.all([
      afterSeq === undefined ? { items: [], more: false } : catchUp(ctx, { viewer, moderates }, topicId, afterSeq, afterChange),
      presence.recentCount(topicId),
      viewer ? readPosition(ctx, viewer, topicId) : null,
    ]);
    const joined: TopicJoined = { missed: caughtUp.items, more: caughtUp.more, viewers, lastReadSeq };
    return { ok: true, ...joined };
  }

  handle<TopicRefPayload>('topic:leave', validTopicRef, async ({ topicId }) => {
    const dialogueId = dialogueOfTopic.get(topicId);
    if (dialogueId === undefined) return { ok: true };
    dialogueOfTopic.delete(topicId);
    const viewer = socket.data.viewer;
    for (const room of [rooms.topic(topicId), rooms.topicModerators(topicId), ...(viewer ? [rooms.topicUser(topicId, viewer.id)] : [])]) {
      await socket.leave(room);
    }
    presence.changed(topicId, dialogueId);
    return { ok: true };
  });

  handle<DialogueRefPayload>('dialogue:join', validDialogueRef, async ({ dialogueId }) => {
    const viewer = await currentViewer();
    const dialogue = await findDialogueById(ctx.db, dialogueId);
    if (!dialogue || (dialogue.published !== 1 && !isOrganizer(viewer))) throw notFound('This dialogue');
    await socket.join(rooms.dialogue(dialogueId));
    if (!(await stillVisible(viewer, dialogueId))) {
      await socket.leave(rooms.dialogue(dialogueId));
      throw notFound('This dialogue');
    }
    const topics = await listTopics(ctx.db, dialogueId);
    const joined: DialogueJoined = {
      viewers: await Promise.all(topics.map(async (topic) => ({ topicId: topic.id, viewers: await presence.count(topic.id) }))),
    };
    return { ok: true, ...joined };
  });

  handle<DialogueRefPayload>('dialogue:leave', validDialogueRef, async ({ dialogueId }) => {
    await socket.leave(rooms.dialogue(dialogueId));
    return { ok: true };
  });

  handle<TopicRefPayload>('typing', validTopicRef, async ({ topicId }) => {
    if (!socket.data.viewer || !socket.data.token) throw notSignedIn();
    if (!dialogueOfTopic.has(topicId)) throw new AppError(409, 'not_joined', 'Join the topic before typing in it.');
    const now = Date.now();
    if (now - lastTypingAt < TYPING_INTERVAL_MS) return { ok: true };
    lastTypingAt = now;
    // Checked afresh each time: a participant signed out or suspended since connecting writes nothing.
    const viewer = await currentViewer();
    if (!viewer) throw notSignedIn();
    assertCanWrite(viewer);
    const { topic, dialogue } = await visibleTopic(ctx, viewer, topicId);
    assertWritable(dialogue, topic);
    const user = await findUserById(ctx.db, viewer.id);
    if (!user) throw notSignedIn();
    socket
      .to(rooms.topic(topicId))
      .except(rooms.topicUser(topicId, user.id))
      .emit('topic:typing', { topicId, displayName: user.name_display === 'country' ? null : user.display_name, country: user.country });
    return { ok: true };
  });

  socket.on('disconnect', () => {
    clearTimeout(expiryTimer);
    for (const [topicId, dialogueId] of dialogueOfTopic) presence.changed(topicId, dialogueId);
  });
}

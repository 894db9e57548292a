import type { Static, TSchema } from 'typebox';
import type { ValidateFunction } from 'ajv';
import {
  DialogueRefPayload,
  TopicJoinPayload,
  TopicRefPayload,
  TYPING_INTERVAL_MS,
  type ClientToServerEvents,
  type Failed,
  type TopicJoined,
  type DialogueJoined,
} from '../../shared/realtime.ts';
import { assertCanWrite, isOrganizer, type Viewer } from '../auth/viewer.ts';
import { loadViewer, sessionExpiry, shownAs } from '../auth/auth.service.ts';
import { assertWritable, catchUp } from '../comments/comments.service.ts';
import { readPosition } from '../comments/reads.service.ts';
import type { Ctx } from '../context.ts';
import { assertDialogueVisible, isPublishedDialogue, topicIdsOf, visibleTopic } from '../dialogues/dialogues.service.ts';
import { AppError, notFound } from '../errors.ts';
import { moderatesNow } from '../moderation/rights.ts';
import { notSignedIn } from '../plugins/auth.ts';
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
const validator = <S extends TSchema>(schema: S): ValidateFunction<Static<S>> => ajv.compile<Static<S>>(schema);
const validJoin = validator(TopicJoinPayload);
const validTopicRef = validator(TopicRefPayload);
const validDialogueRef = validator(DialogueRefPayload);

const failure = (code: Failed['error']['code'], message: string): Failed => ({ ok: false, error: { code, message } });

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

type Command = keyof ClientToServerEvents;
type PayloadOf<E extends Command> = Parameters<ClientToServerEvents[E]>[0];
/** What the command's ack carries when it succeeded, as the event map declares it. */
type DoneOf<E extends Command> = Exclude<Parameters<NonNullable<Parameters<ClientToServerEvents[E]>[1]>>[0], Failed>;
/** A command as it arrives: whatever the client sent, the ack last when it asked for one. */
type WireListener = (payload?: unknown, ack?: unknown) => void;

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
      sessionExpiry(ctx, sessionId)
        .then((expiresAt) => (expiresAt === null ? signOut() : watchExpiry(expiresAt)))
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
    return isPublishedDialogue(ctx, dialogueId);
  }

  watchExpiry(socket.data.sessionExpiresAt);

  /**
   * Answers `event` with `run`, once its payload passed `valid`: the payload and the success of the
   * ack are the ones the event map gives that command.
   */
  function handle<E extends Command>(event: E, valid: ValidateFunction<PayloadOf<E>>, run: (payload: PayloadOf<E>) => Promise<DoneOf<E>>): void {
    const listener: WireListener = (payload, ack) => {
      // `emit(event, ack)` without a payload: the ack arrives first.
      if (typeof payload === 'function' && ack === undefined) [payload, ack] = [undefined, payload];
      // What the client sent is only known to be a function: socket.io's ack, answered by the map's reply.
      const reply = typeof ack === 'function' ? (ack as (reply: DoneOf<E> | Failed) => void) : () => undefined;
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
      run(payload).then(reply, (error: unknown) => {
        if (error instanceof AppError && error.status < 500) return reply(failure(error.code, error.message));
        log.warn({ err: error, event }, 'socket command failed');
        reply(failure('internal_error', 'Something went wrong on the server.'));
      });
    };
    // Checked against every command's listener: a wire listener takes whatever any of them is sent.
    socket.on<Command>(event, listener);
  }

  handle('topic:join', validJoin, async (payload) => {
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

  handle('topic:leave', validTopicRef, async ({ topicId }) => {
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

  handle('dialogue:join', validDialogueRef, async ({ dialogueId }) => {
    const viewer = await currentViewer();
    await assertDialogueVisible(ctx, viewer, dialogueId);
    await socket.join(rooms.dialogue(dialogueId));
    if (!(await stillVisible(viewer, dialogueId))) {
      await socket.leave(rooms.dialogue(dialogueId));
      throw notFound('This dialogue');
    }
    const topics = await topicIdsOf(ctx, dialogueId);
    const joined: DialogueJoined = {
      viewers: await Promise.all(topics.map(async (topicId) => ({ topicId, viewers: await presence.count(topicId) }))),
    };
    return { ok: true, ...joined };
  });

  handle('dialogue:leave', validDialogueRef, async ({ dialogueId }) => {
    await socket.leave(rooms.dialogue(dialogueId));
    return { ok: true };
  });

  /** Tells the others in the topic that this participant is writing, at most once per interval. */
  async function typing({ topicId }: TopicRefPayload): Promise<{ ok: true }> {
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
    const shown = await shownAs(ctx, viewer.id);
    if (!shown) throw notSignedIn();
    socket
      .to(rooms.topic(topicId))
      .except(rooms.topicUser(topicId, viewer.id))
      .emit('topic:typing', { topicId, ...shown });
    return { ok: true };
  }

  handle('topic:typing', validTopicRef, typing);
  // The name before `topic:typing`, accepted until the next release (see the event map).
  handle('typing', validTopicRef, typing);

  socket.on('disconnect', () => {
    clearTimeout(expiryTimer);
    for (const [topicId, dialogueId] of dialogueOfTopic) presence.changed(topicId, dialogueId);
  });
}

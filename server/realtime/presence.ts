import type { TopicViewers } from '../../shared/realtime.ts';
import { debounced } from './debounced.ts';
import type { IoServer, RealtimeLog } from './io.ts';
import { rooms } from './rooms.ts';

/** Joins and leaves that arrive together are counted once, after this pause. */
const RECOUNT_DELAY_MS = 150;
/** A count this fresh answers a join; the recount that the join schedules corrects it for everyone. */
const RECENT_MS = 1_000;

export interface Presence {
  /** distinct viewers of a topic, counted over every node's sockets */
  count(topicId: string): Promise<number>;
  /** the same, from the last count when it is recent: a burst of joins must not count the room once per join */
  recentCount(topicId: string): Promise<number>;
  /** membership changed here: recount soon and tell the topic's and its dialogue's viewers */
  changed(topicId: string, dialogueId: string): void;
}

export function createPresence(io: IoServer, log: RealtimeLog): Presence {
  const dialogueOf = new Map<string, string>();
  const lastCount = new Map<string, { viewers: number; at: number }>();

  async function count(topicId: string): Promise<number> {
    // With the Redis adapter fetchSockets asks every node, so sockets of a node that died are gone
    // from the count, and abrupt disconnects leave it once socket.io's heartbeat notices them.
    const sockets = await io.in(rooms.topic(topicId)).fetchSockets();
    const viewers = new Set(sockets.map((socket) => socket.data.viewerKey)).size;
    if (viewers === 0) lastCount.delete(topicId);
    else lastCount.set(topicId, { viewers, at: Date.now() });
    return viewers;
  }

  async function recentCount(topicId: string): Promise<number> {
    const last = lastCount.get(topicId);
    return last && Date.now() - last.at < RECENT_MS ? last.viewers : count(topicId);
  }

  const announce = debounced(
    RECOUNT_DELAY_MS,
    async (topicId) => {
      const update: TopicViewers = { topicId, viewers: await count(topicId) };
      io.to([rooms.topic(topicId), rooms.dialogue(dialogueOf.get(topicId)!)]).emit('topic:viewers', update);
    },
    log,
  );

  return {
    count,
    recentCount,
    changed(topicId, dialogueId) {
      dialogueOf.set(topicId, dialogueId);
      announce(topicId);
    },
  };
}

import { Type, type Static } from 'typebox';
import type { Comment } from './comments.ts';
import { Id } from './common.ts';
import type { Topic } from './dialogues.ts';
import type { ErrorCode } from './errors.constants.ts';
import type { QueueItem, QueueResolved } from './moderation.ts';
import type { QuotesChanged } from './quotes.ts';
import type { SummaryChanged } from './summaries.ts';

export { CATCH_UP_MAX, TYPING_EXPIRES_MS, TYPING_INTERVAL_MS } from './realtime.constants.ts';

// The Socket.IO contract (API.md): what the server announces and what clients may ask. Posting
// happens over HTTP; sockets carry what changed. Every client command is answered by an ack.

const Seq = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

export const TopicJoinPayload = Type.Object(
  {
    topicId: Id,
    afterSeq: Type.Optional(Seq),
    afterChange: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: Number.MAX_SAFE_INTEGER,
        description: 'the highest `changeSeq` the client holds: comments changed since then are sent again',
      }),
    ),
  },
  { additionalProperties: false },
);
export type TopicJoinPayload = Static<typeof TopicJoinPayload>;

export const TopicRefPayload = Type.Object({ topicId: Id }, { additionalProperties: false });
export type TopicRefPayload = Static<typeof TopicRefPayload>;

export const DialogueRefPayload = Type.Object({ dialogueId: Id }, { additionalProperties: false });
export type DialogueRefPayload = Static<typeof DialogueRefPayload>;

export interface SocketError {
  code: ErrorCode;
  message: string;
}
export type Failed = { ok: false; error: SocketError };
export type Ack<T extends object = object> = ({ ok: true } & T) | Failed;

export interface TopicViewers {
  topicId: string;
  viewers: number;
}

export interface TopicJoined {
  /** visible comments after `afterSeq`, and older ones changed after `afterChange`, in `seq` order */
  missed: Comment[];
  /** true when more than CATCH_UP_MAX were missed: reload the thread over HTTP */
  more: boolean;
  viewers: number;
  /** where a signed-in reader left off (null when never read, or anonymous) */
  lastReadSeq: number | null;
}

export interface DialogueJoined {
  viewers: TopicViewers[];
}

export interface TypingNotice {
  topicId: string;
  /** null when the participant is shown as "participant from COUNTRY" */
  displayName: string | null;
  country: string;
}

export interface ServerToClientEvents {
  'comment:created': (comment: Comment) => void;
  'comment:updated': (comment: Comment) => void;
  'comment:removed': (comment: Comment) => void;
  'topic:viewers': (viewers: TopicViewers) => void;
  'topic:typing': (notice: TypingNotice) => void;
  'topic:changed': (topic: Topic) => void;
  /** a topic's quotes after any change: the dialogue's moderators get flagged ones too, the dialogue page only what the public sees */
  'quote:changed': (change: QuotesChanged) => void;
  /** a summary was saved: the dialogue's moderators get the latest version, the dialogue page the approved one */
  'summary:changed': (change: SummaryChanged) => void;
  /** to moderators and organizers only */
  'moderation:queued': (item: QueueItem) => void;
  'moderation:resolved': (resolved: QueueResolved) => void;
  /** to the user's own sockets: GET /api/notifications has something new */
  'notification:created': () => void;
}

export interface ClientToServerEvents {
  'topic:join': (payload: TopicJoinPayload, ack: (reply: Ack<TopicJoined>) => void) => void;
  'topic:leave': (payload: TopicRefPayload, ack?: (reply: Ack) => void) => void;
  'dialogue:join': (payload: DialogueRefPayload, ack: (reply: Ack<DialogueJoined>) => void) => void;
  'dialogue:leave': (payload: DialogueRefPayload, ack?: (reply: Ack) => void) => void;
  /** the reader is writing in the topic: the others there get `topic:typing` (participants only, throttled) */
  'topic:typing': (payload: TopicRefPayload, ack?: (reply: Ack) => void) => void;
  /**
   * @deprecated the old name of `topic:typing`, still accepted (same checks, same budget) until the
   * next release, for clients built before the rename.
   */
  typing: (payload: TopicRefPayload, ack?: (reply: Ack) => void) => void;
}

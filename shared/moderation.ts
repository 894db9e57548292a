import { Type, type Static } from 'typebox';
import { Comment, ReportReason } from './comments.ts';
import { Id, IsoTime } from './common.ts';

export const MODERATION_ACTIONS = ['approve', 'decline', 'hide', 'restore'] as const;
export const ModerationActionName = Type.Enum(MODERATION_ACTIONS, {
  description:
    'approve: publish a held comment, or keep a reported one and close its reports; decline: refuse a held comment; hide: take a published one down (reason required); restore: bring a hidden one back',
});
export type ModerationActionName = Static<typeof ModerationActionName>;

export const ModerationActionBody = Type.Object(
  { action: ModerationActionName, reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export type ModerationActionBody = Static<typeof ModerationActionBody>;

export const HELD_REASONS = ['pre_moderation', 'watched_word', 'reports'] as const;

export const QueueItem = Type.Object({
  comment: Comment,
  dialogueSlug: Type.String(),
  topicNumber: Type.Integer(),
  /** why it waits: held before publication, or published and reported */
  kind: Type.Enum(['held', 'reported']),
  heldReason: Type.Union([Type.Enum(HELD_REASONS), Type.Null()]),
  /** when it started waiting: posted (held) or first reported */
  waitingSince: IsoTime,
  reports: Type.Array(Type.Object({ reason: ReportReason, details: Type.String(), createdAt: IsoTime })),
  authorHistory: Type.Object({ held: Type.Integer(), hidden: Type.Integer(), declined: Type.Integer() }),
});
export type QueueItem = Static<typeof QueueItem>;
export const Queue = Type.Object({ items: Type.Array(QueueItem) });

export const QueueResolved = Type.Object({ commentId: Id, action: ModerationActionName, status: Type.String() });
export type QueueResolved = Static<typeof QueueResolved>;

export const AuditEntry = Type.Object({
  id: Id,
  dialogueId: Type.Union([Id, Type.Null()]),
  actor: Type.Object({ id: Id, displayName: Type.String() }),
  action: Type.String(),
  targetType: Type.String(),
  targetId: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
  createdAt: IsoTime,
});
export type AuditEntry = Static<typeof AuditEntry>;
export const AuditLog = Type.Object({ items: Type.Array(AuditEntry), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type AuditLog = Static<typeof AuditLog>;

export const AuditQuery = Type.Object(
  {
    dialogue: Type.Optional(Type.String({ maxLength: 64 })),
    action: Type.Optional(Type.String({ maxLength: 64 })),
    actor: Type.Optional(Id),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    after: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const WatchedWords = Type.Object(
  { words: Type.Array(Type.String({ minLength: 1, maxLength: 64, pattern: '\\S' }), { maxItems: 500 }) },
  { additionalProperties: false },
);
export type WatchedWords = Static<typeof WatchedWords>;

export const SuspensionBody = Type.Object(
  { until: IsoTime, reason: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }) },
  { additionalProperties: false },
);
export type SuspensionBody = Static<typeof SuspensionBody>;
export const Suspension = Type.Object({ userId: Id, until: IsoTime, reason: Type.String(), createdAt: IsoTime });

import { Type, type Static } from 'typebox';
import { Comment, CommentStatus, ReportReason } from './comments.ts';
import { Id, IsoTime, PAGE_LIMIT_MAX, Role } from './common.ts';
import { SlugParams } from './dialogues.ts';
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES, HELD_REASONS, MODERATION_ACTIONS, QUEUE_ITEM_KINDS, REASON_MAX } from './moderation.constants.ts';

export const ModerationActionName = Type.Enum(MODERATION_ACTIONS, {
  description:
    'approve: publish a held comment, or keep a reported one and close its reports; decline: refuse a held comment; hide: take a published one down (reason required); restore: bring a hidden one back',
});
export type ModerationActionName = Static<typeof ModerationActionName>;

export const ModerationActionBody = Type.Object(
  { action: ModerationActionName, reason: Type.Optional(Type.String({ maxLength: REASON_MAX })) },
  { additionalProperties: false },
);
export type ModerationActionBody = Static<typeof ModerationActionBody>;

export const QueueItem = Type.Object({
  comment: Comment,
  dialogueSlug: Type.String(),
  topicNumber: Type.Integer(),
  /** why it waits: held before publication, or published and reported */
  kind: Type.Enum(QUEUE_ITEM_KINDS),
  heldReason: Type.Union([Type.Enum(HELD_REASONS), Type.Null()]),
  /** when it started waiting: posted (held) or first reported */
  waitingSince: IsoTime,
  reports: Type.Array(Type.Object({ reason: ReportReason, details: Type.String(), createdAt: IsoTime })),
  authorHistory: Type.Object({ held: Type.Integer(), hidden: Type.Integer(), declined: Type.Integer() }),
  own: Type.Optional(
    Type.Boolean({
      description:
        'true when the comment is the viewer’s own: they may not decide on it (403 `own_comment`), another moderator of the dialogue does. Always present in GET /api/moderation/queue; absent from the `moderation:queued` socket event, which every moderator gets alike (compare `comment.author.id` there)',
    }),
  ),
});
export type QueueItem = Static<typeof QueueItem>;
export const Queue = Type.Object({ items: Type.Array(QueueItem) });

export const QueueQuery = Type.Object(
  { dialogue: Type.Optional(Type.String({ maxLength: 64, description: 'only this dialogue (its slug); 403 unless the viewer moderates it' })) },
  { additionalProperties: false },
);
export type QueueQuery = Static<typeof QueueQuery>;

export const QueueResolved = Type.Object({ commentId: Id, action: ModerationActionName, status: CommentStatus });
export type QueueResolved = Static<typeof QueueResolved>;

/** A participant an audit entry is about, as this reader may name them. */
const auditPerson = (description: string) =>
  Type.Object(
    {
      id: Id,
      displayName: Type.Union([Type.String(), Type.Null()], {
        description: 'null for a moderator reading about someone shown as "participant from COUNTRY"; organizers get every name',
      }),
      country: Type.String(),
    },
    { description },
  );
export type AuditPerson = Static<ReturnType<typeof auditPerson>>;

export const AuditEntry = Type.Object({
  id: Id,
  dialogueId: Type.Union([Id, Type.Null()]),
  actor: Type.Object({ id: Id, displayName: Type.String() }),
  action: Type.Enum(AUDIT_ACTIONS),
  targetType: Type.Enum(AUDIT_TARGET_TYPES),
  targetId: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
  createdAt: IsoTime,
  // What the entry is about, read when the log is (so a later edit shows in the excerpt); absent once it no longer exists.
  comment: Type.Optional(
    Type.Object(
      {
        id: Id,
        topicId: Id,
        excerpt: Type.String({ description: 'the comment’s first words as plain text, at most 80 characters, cut with "…"' }),
        author: auditPerson('the comment’s author'),
      },
      { description: 'the comment a decision or an edit concerns, or the source of a quote' },
    ),
  ),
  user: Type.Optional(auditPerson('the participant a suspension, an appointment or a role change concerns')),
  topic: Type.Optional(
    Type.Object({ id: Id, number: Type.Integer(), question: Type.String() }, { description: 'the topic a change, a lock or a topic summary concerns' }),
  ),
  practice: Type.Optional(
    Type.Object({ id: Id, title: Type.String() }, { description: 'the good practice a decision or an edit concerns, as it is titled now' }),
  ),
});
export type AuditEntry = Static<typeof AuditEntry>;
export const AuditLog = Type.Object({ items: Type.Array(AuditEntry), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type AuditLog = Static<typeof AuditLog>;

export const AuditQuery = Type.Object(
  {
    dialogue: Type.Optional(Type.String({ maxLength: 64 })),
    action: Type.Optional(Type.String({ maxLength: 64 })),
    actor: Type.Optional(Id),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_LIMIT_MAX })),
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
  { until: IsoTime, reason: Type.String({ minLength: 1, maxLength: REASON_MAX, pattern: '\\S' }) },
  { additionalProperties: false },
);
export type SuspensionBody = Static<typeof SuspensionBody>;
export const Suspension = Type.Object({ userId: Id, until: IsoTime, reason: Type.String(), createdAt: IsoTime });

/** Someone appointed to moderate a dialogue, as organizers manage them. */
export const DialogueModerator = Type.Object({ id: Id, displayName: Type.String(), email: Type.String(), role: Role });
export type DialogueModerator = Static<typeof DialogueModerator>;
export const DialogueModeratorList = Type.Object({ items: Type.Array(DialogueModerator) });
export type DialogueModeratorList = Static<typeof DialogueModeratorList>;

export const DialogueModeratorParams = Type.Object({ slug: SlugParams.properties.slug, userId: Id }, { additionalProperties: false });
export type DialogueModeratorParams = Static<typeof DialogueModeratorParams>;

export const USER_SEARCH_LIMIT_DEFAULT = 20;
export const USER_SEARCH_LIMIT_MAX = 50;

export const UserSearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'part of a display name or e-mail address, any case; without it, everyone by name' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: USER_SEARCH_LIMIT_MAX, description: `default ${USER_SEARCH_LIMIT_DEFAULT}` })),
  },
  { additionalProperties: false },
);
export type UserSearchQuery = Static<typeof UserSearchQuery>;

export const UserSearchResult = Type.Object({
  items: Type.Array(Type.Object({ id: Id, displayName: Type.String(), email: Type.String(), role: Role, country: Type.String() })),
});
export type UserSearchResult = Static<typeof UserSearchResult>;

import { Type, type Static } from 'typebox';
import { Affiliation, Id, IsoTime, Language, PAGE_LIMIT_MAX } from './common.ts';
import { COMMENT_MAX_LENGTH, COMMENT_STATUSES, EDIT_NOTE_MAX, REPORT_DETAILS_MAX, REPORT_REASONS } from './comments.constants.ts';
import { QUOTE_CONSENTS } from './users.constants.ts';

export { COMMENT_MAX_LENGTH, REPORT_REASONS };
export const CommentStatus = Type.Enum(COMMENT_STATUSES);
export type CommentStatus = Static<typeof CommentStatus>;

export const CommentAuthor = Type.Object({
  id: Id,
  displayName: Type.Union([Type.String(), Type.Null()], {
    description: 'null when the author chose to be shown as "participant from COUNTRY"',
  }),
  country: Type.String(),
  affiliation: Type.Union([Affiliation, Type.Null()]),
  quoteConsent: Type.Optional(
    Type.Enum(QUOTE_CONSENTS, {
      description:
        'for the dialogue’s moderators only: how the author consents to be quoted (name, country, anonymous, none), so the quote form offers no more; a `name` attribution of an author whose displayName is null prints their country instead',
    }),
  ),
  former: Type.Optional(
    Type.Boolean({ description: 'true when the author deleted their account and kept their comments: show "former participant" (displayName is null)' }),
  ),
});

export const Comment = Type.Object({
  id: Id,
  seq: Type.Integer({ description: 'increases within the topic; the catch-up cursor' }),
  changeSeq: Type.Integer({
    description: 'increases within the topic with every change to any of its comments; a client keeps the highest it saw to catch up on edits, too',
  }),
  topicId: Id,
  parentId: Type.Union([Id, Type.Null()], { description: 'the top-level comment of the sub-thread' }),
  replyTo: Type.Union([Type.Object({ id: Id, displayName: Type.Union([Type.String(), Type.Null()]) }), Type.Null()], {
    description: 'the comment this one answers, when it answers a reply',
  }),
  author: CommentAuthor,
  bodyHtml: Type.String({ description: 'sanitized HTML; empty for hidden and withdrawn placeholders' }),
  bodyMarkdown: Type.Optional(Type.String({ description: 'only for the author and moderators' })),
  language: Language,
  status: CommentStatus,
  editNote: Type.Union([Type.String(), Type.Null()], { description: 'a moderator’s visible note on an edit' }),
  createdAt: IsoTime,
  editedAt: Type.Union([IsoTime, Type.Null()]),
});
export type Comment = Static<typeof Comment>;

const Body = Type.String({ minLength: 1, maxLength: COMMENT_MAX_LENGTH });

export const CreateCommentBody = Type.Object(
  {
    body: Body,
    parentId: Type.Optional(Id),
    language: Type.Optional(Language),
    clientKey: Type.Optional(Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' })),
  },
  { additionalProperties: false },
);
export type CreateCommentBody = Static<typeof CreateCommentBody>;

export const PatchCommentBody = Type.Object({ body: Body, note: Type.Optional(Type.String({ maxLength: EDIT_NOTE_MAX })) }, { additionalProperties: false });
export type PatchCommentBody = Static<typeof PatchCommentBody>;

export const CommentPageQuery = Type.Object(
  {
    after: Type.Optional(Type.String({ pattern: '^(0|[1-9][0-9]{0,14})$', description: 'a seq, as returned in nextCursor' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_LIMIT_MAX })),
  },
  { additionalProperties: false },
);
export type CommentPageQuery = Static<typeof CommentPageQuery>;

export const CommentPage = Type.Object({
  items: Type.Array(Comment),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type CommentPage = Static<typeof CommentPage>;

export const ReadPositionBody = Type.Object(
  { lastSeq: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'the highest seq the reader has seen' }) },
  { additionalProperties: false },
);
export type ReadPositionBody = Static<typeof ReadPositionBody>;

export const TopicUnread = Type.Object({
  topicId: Id,
  lastReadSeq: Type.Union([Type.Integer(), Type.Null()], { description: 'null when the reader never opened the topic' }),
  unread: Type.Integer({ description: 'published comments by others after lastReadSeq' }),
});
export const UnreadList = Type.Object({ items: Type.Array(TopicUnread) });
export type UnreadList = Static<typeof UnreadList>;

export const ReportReason = Type.Enum(REPORT_REASONS);

export const CreateReportBody = Type.Object(
  { reason: ReportReason, details: Type.Optional(Type.String({ maxLength: REPORT_DETAILS_MAX })) },
  { additionalProperties: false },
);
export type CreateReportBody = Static<typeof CreateReportBody>;

/** What the reporter gets back; the author of the comment is never told who reported it. */
export const Report = Type.Object({ id: Id, commentId: Id, reason: ReportReason, details: Type.String(), createdAt: IsoTime });
export type Report = Static<typeof Report>;

export const PreviewBody = Type.Object(
  {
    body: Body,
    // the topic the draft is for: its participants’ @mentions are marked as posting will mark them
    topicId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export const Preview = Type.Object({ bodyHtml: Type.String({ description: 'exactly what the comment would show, sanitized' }) });

import { Type, type Static } from 'typebox';
import { Id, IsoTime, LANGUAGES, PAGE_LIMIT_MAX } from './common.ts';
import { SUMMARY_MAX_LENGTH, SUMMARY_STATUSES } from './summaries.constants.ts';

export const SummaryStatus = Type.Enum(SUMMARY_STATUSES, { description: 'only organizers may approve' });
export type SummaryStatus = Static<typeof SummaryStatus>;

const Person = Type.Object({ id: Id, displayName: Type.String() });

export const Summary = Type.Object(
  {
    dialogueId: Id,
    topicId: Type.Union([Id, Type.Null()], { description: 'null for the summary of the whole dialogue' }),
    body: Type.String({ description: 'Markdown; empty when there is no summary yet' }),
    status: SummaryStatus,
    version: Type.Integer({ minimum: 0, description: 'the version shown; 0 when there is no summary yet (body "" and status "draft")' }),
    approvedVersion: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: 'the version the public sees, null when none is approved' }),
    updatedBy: Type.Union([Person, Type.Null()]),
    updatedAt: Type.Union([IsoTime, Type.Null()]),
  },
  {
    description:
      'The public gets the latest approved version; moderators and organizers the latest version, draft or approved. With nothing to show the reply is still 200: version 0, body "", status "draft".',
  },
);
export type Summary = Static<typeof Summary>;

export const PutSummaryBody = Type.Object(
  {
    body: Type.String({ maxLength: SUMMARY_MAX_LENGTH, description: 'Markdown' }),
    status: SummaryStatus,
    baseVersion: Type.Optional(
      Type.Integer({
        minimum: 0,
        description: 'the version the editor started from; when given and no longer the latest the reply is 409 `summary_conflict` and nothing is saved',
      }),
    ),
  },
  { additionalProperties: false },
);
export type PutSummaryBody = Static<typeof PutSummaryBody>;

export const SummaryVersionInfo = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  status: SummaryStatus,
  author: Person,
  createdAt: IsoTime,
});
export type SummaryVersionInfo = Static<typeof SummaryVersionInfo>;

export const SummaryVersion = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  status: SummaryStatus,
  body: Type.String(),
  author: Person,
  createdAt: IsoTime,
});
export type SummaryVersion = Static<typeof SummaryVersion>;

export const SummaryVersionList = Type.Object({
  items: Type.Array(SummaryVersionInfo, { description: 'newest first' }),
  nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'pass as `after` for older versions; null at the end' }),
});
export type SummaryVersionList = Static<typeof SummaryVersionList>;

export const SummaryVersionsQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_LIMIT_MAX })),
    after: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,8}$', description: 'a version number, as returned in nextCursor' })),
  },
  { additionalProperties: false },
);
export type SummaryVersionsQuery = Static<typeof SummaryVersionsQuery>;

const VersionNumber = Type.Integer({ minimum: 1, maximum: 1_000_000_000 });

export const SummaryVersionParams = Type.Object({ id: Id, version: VersionNumber }, { additionalProperties: false });
export const DialogueSummaryVersionParams = Type.Object(
  { slug: Type.String({ minLength: 3, maxLength: 64, pattern: '^[a-z0-9-]+$' }), version: VersionNumber },
  { additionalProperties: false },
);

export const SummaryDiffQuery = Type.Object({ from: VersionNumber, to: VersionNumber }, { additionalProperties: false });
export type SummaryDiffQuery = Static<typeof SummaryDiffQuery>;

export const DIFF_PART_TYPES = ['same', 'added', 'removed'] as const;
export const DiffPart = Type.Object({ type: Type.Enum(DIFF_PART_TYPES), text: Type.String() });
export type DiffPart = Static<typeof DiffPart>;

export const SummaryDiff = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  parts: Type.Array(DiffPart, {
    description: 'word by word (whitespace kept): the `same` and `removed` parts give the old text, the `same` and `added` parts the new one',
  }),
});
export type SummaryDiff = Static<typeof SummaryDiff>;

export const SUGGESTIONS_DEFAULT = 8;
export const SUGGESTIONS_MAX = 30;

export const SuggestionsQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: SUGGESTIONS_MAX })),
    lang: Type.Optional(
      Type.Enum(LANGUAGES, { description: 'the language of `author` for authors shown as "participant from COUNTRY" (the reader’s); en by default' }),
    ),
  },
  { additionalProperties: false },
);
export type SuggestionsQuery = Static<typeof SuggestionsQuery>;

export const KeyPoint = Type.Object({
  text: Type.String(),
  commentId: Id,
  author: Type.String({
    description:
      'the comment’s author as the thread shows them: their display name, or "participant from COUNTRY" (in the query’s `lang`) when they show only their country',
  }),
  score: Type.Number({ description: 'centrality in the topic, 0–1, the most central sentence 1' }),
});
export type KeyPoint = Static<typeof KeyPoint>;

export const Suggestions = Type.Object({
  sentences: Type.Array(KeyPoint, {
    description: 'the most representative sentences of the topic’s published comments, most central first, without near-repeats',
  }),
});
export type Suggestions = Static<typeof Suggestions>;

export const CitationsBody = Type.Object({ body: Type.String({ maxLength: SUMMARY_MAX_LENGTH }) }, { additionalProperties: false });
export type CitationsBody = Static<typeof CitationsBody>;

export const Citations = Type.Object({
  sentences: Type.Array(
    Type.Object({
      text: Type.String(),
      commentIds: Type.Array(Id, { description: 'published comments with a sentence close to this one, best first; empty: cites no comment' }),
    }),
    { description: 'the summary’s sentences in order' },
  ),
});
export type Citations = Static<typeof Citations>;

/** The `summary:changed` socket event. */
export const SummaryChanged = Type.Object({
  dialogueId: Id,
  topicId: Type.Union([Id, Type.Null()]),
  summary: Summary,
});
export type SummaryChanged = Static<typeof SummaryChanged>;

import { Type, type Static } from 'typebox';
import { Id, IsoTime, Language } from './common.ts';
import { DIALOGUE_STATUSES, MODERATION_POLICIES, REPORTS_TO_HOLD_MAX } from './dialogues.constants.ts';

export const ModerationPolicy = Type.Enum(MODERATION_POLICIES);
export const DialogueStatus = Type.Enum(DIALOGUE_STATUSES);
export type DialogueStatus = Static<typeof DialogueStatus>;

const Slug = Type.String({ minLength: 3, maxLength: 64, pattern: '^[a-z0-9-]+$' });
const Title = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const LongText = Type.String({ maxLength: 20_000 });
const TimeZone = Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone name, e.g. Europe/Zurich' });
const Languages = Type.Array(Language, { minItems: 1, maxItems: 3, uniqueItems: true });

export const SlugParams = Type.Object({ slug: Slug }, { additionalProperties: false });

export const Topic = Type.Object({
  id: Id,
  dialogueId: Id,
  dialogueSlug: Type.String(),
  number: Type.Integer(),
  question: Type.String(),
  description: Type.String(),
  commentCount: Type.Integer(),
  locked: Type.Boolean(),
});
export type Topic = Static<typeof Topic>;

const dialogueFields = {
  id: Id,
  slug: Type.String(),
  title: Type.String(),
  theme: Type.String(),
  description: Type.String(),
  opensAt: IsoTime,
  closesAt: IsoTime,
  timeZone: Type.String(),
  moderation: ModerationPolicy,
  languages: Type.Array(Language),
  hostDescription: Type.String(),
  annexLabel: Type.String(),
  annexLeadIn: Type.String(),
  published: Type.Boolean(),
  status: DialogueStatus,
  createdAt: IsoTime,
  reportsToHold: Type.Optional(
    Type.Integer({ description: 'moderators and organizers only: how many participants’ reports hold a published comment for review' }),
  ),
  holdFirstComment: Type.Optional(
    Type.Boolean({ description: 'moderators and organizers only: whether a participant’s first comment here waits for a moderator' }),
  ),
};

export const DialogueSummary = Type.Object(dialogueFields);
export type DialogueSummary = Static<typeof DialogueSummary>;
export const Dialogue = Type.Object({
  ...dialogueFields,
  editWindowMinutes: Type.Optional(
    Type.Integer({ minimum: 0, description: 'how long authors may edit or withdraw a comment after posting (the server’s EDIT_WINDOW_MINUTES)' }),
  ),
  topics: Type.Array(Topic),
});
export type Dialogue = Static<typeof Dialogue>;
export const DialogueList = Type.Object({ items: Type.Array(DialogueSummary) });

const editable = {
  title: Title,
  theme: Title,
  description: LongText,
  opensAt: IsoTime,
  closesAt: IsoTime,
  moderation: ModerationPolicy,
  languages: Languages,
  timeZone: Type.Optional(TimeZone),
  hostDescription: Type.Optional(Type.String({ maxLength: 500 })),
  annexLabel: Type.Optional(Type.String({ maxLength: 60 })),
  annexLeadIn: Type.Optional(Type.String({ maxLength: 300 })),
  published: Type.Optional(Type.Boolean({ description: 'unpublished dialogues are seen by organizers only (default true)' })),
  reportsToHold: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: REPORTS_TO_HOLD_MAX,
      description: 'reports by distinct participants that hold a published comment for review (default 3)',
    }),
  ),
  holdFirstComment: Type.Optional(
    Type.Boolean({ description: 'hold each participant’s first comment in this dialogue until a moderator approves it (default false)' }),
  ),
};

export const CreateDialogueBody = Type.Object({ slug: Slug, ...editable }, { additionalProperties: false });
export type CreateDialogueBody = Static<typeof CreateDialogueBody>;

export const PatchDialogueBody = Type.Partial(Type.Object(editable), { additionalProperties: false, minProperties: 1 });
export type PatchDialogueBody = Static<typeof PatchDialogueBody>;

const Question = Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' });
const TopicDescription = Type.String({ maxLength: 5_000 });
const TopicNumber = Type.Integer({ minimum: 1, maximum: 99 });

export const CreateTopicBody = Type.Object(
  { question: Question, description: Type.Optional(TopicDescription), number: Type.Optional(TopicNumber) },
  { additionalProperties: false },
);
export type CreateTopicBody = Static<typeof CreateTopicBody>;

export const PatchTopicBody = Type.Object(
  {
    question: Type.Optional(Question),
    description: Type.Optional(TopicDescription),
    number: Type.Optional(TopicNumber),
    locked: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PatchTopicBody = Static<typeof PatchTopicBody>;

export const VisitBody = Type.Object({ path: Type.String({ minLength: 1, maxLength: 300, pattern: '^/' }) }, { additionalProperties: false });

import { Type, type Static } from 'typebox';
import { Id, IsoTime, Language } from './common.ts';
import { ATTRIBUTIONS } from './quote-consent.ts';
import { DIALOGUE_STATUSES, EDIT_WINDOW_MAX, MODERATION_POLICIES, REPORTS_TO_HOLD_MAX, TEXT_LIMITS } from './dialogues.constants.ts';
import { PRACTICE_LIMITS } from './practices.constants.ts';
import { Theme } from './practices.ts';

export const ModerationPolicy = Type.Enum(MODERATION_POLICIES);
export const DialogueStatus = Type.Enum(DIALOGUE_STATUSES);
export type DialogueStatus = Static<typeof DialogueStatus>;

const Slug = Type.String({ minLength: 3, maxLength: 64, pattern: '^[a-z0-9-]+$' });
const Title = Type.String({ minLength: 1, maxLength: TEXT_LIMITS.title, pattern: '\\S' });
const LongText = Type.String({ maxLength: TEXT_LIMITS.description });
const TimeZone = Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone name, e.g. Europe/Zurich' });
const Languages = Type.Array(Language, { minItems: 1, maxItems: 3, uniqueItems: true });

const Slugged = { slug: Slug };
const HostDescription = Type.String({ maxLength: TEXT_LIMITS.hostDescription });
const AnnexLabel = Type.String({ maxLength: TEXT_LIMITS.annexLabel });
const AnnexLeadIn = Type.String({ maxLength: TEXT_LIMITS.annexLeadIn });
const Question = Type.String({ minLength: 1, maxLength: TEXT_LIMITS.question, pattern: '\\S' });
const TopicDescription = Type.String({ maxLength: TEXT_LIMITS.topicDescription });

/** A dialogue's texts in one language; a field left out (or empty) falls back to the base text. */
export const DialogueTexts = Type.Object(
  {
    title: Type.Optional(Type.String({ maxLength: TEXT_LIMITS.title })),
    theme: Type.Optional(Type.String({ maxLength: TEXT_LIMITS.theme })),
    description: Type.Optional(LongText),
    hostDescription: Type.Optional(HostDescription),
    annexLabel: Type.Optional(AnnexLabel),
    annexLeadIn: Type.Optional(AnnexLeadIn),
  },
  { additionalProperties: false },
);
/** A topic's texts in one language; a field left out (or empty) falls back to the base text. */
export const TopicTexts = Type.Object(
  { question: Type.Optional(Type.String({ maxLength: TEXT_LIMITS.question })), description: Type.Optional(TopicDescription) },
  { additionalProperties: false },
);
const byLanguage = <T extends typeof DialogueTexts | typeof TopicTexts>(texts: T, what: string) =>
  Type.Object(
    { en: Type.Optional(texts), fr: Type.Optional(texts), es: Type.Optional(texts) },
    {
      additionalProperties: false,
      description: `${what} in other languages, by language code; the base fields hold the text in the dialogue’s first language`,
    },
  );
export const DialogueTranslations = byLanguage(DialogueTexts, 'the dialogue’s texts');
export type DialogueTranslations = Static<typeof DialogueTranslations>;
export const TopicTranslations = byLanguage(TopicTexts, 'the topic’s question and description');
export type TopicTranslations = Static<typeof TopicTranslations>;

export const SlugParams = Type.Object({ slug: Slug }, { additionalProperties: false });

export const Topic = Type.Object({
  id: Id,
  dialogueId: Id,
  dialogueSlug: Type.String(),
  number: Type.Integer(),
  question: Type.String(),
  description: Type.String(),
  descriptionHtml: Type.String({ description: 'the description’s Markdown rendered and sanitized like a comment' }),
  translations: TopicTranslations,
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
  translations: DialogueTranslations,
  published: Type.Boolean(),
  status: DialogueStatus,
  createdAt: IsoTime,
  editWindowMinutes: Type.Integer({ minimum: 0, description: 'how long authors may edit or withdraw a comment after posting' }),
  wallEnabled: Type.Boolean({ description: 'whether the room’s wall may show this dialogue' }),
  quoteAttribution: Type.Enum(ATTRIBUTIONS, { description: 'the attribution a new quote starts from, never beyond its author’s consent' }),
  requireVerifiedEmail: Type.Boolean({ description: 'participants must verify their e-mail address before posting here (403 `email_not_verified`)' }),
  practiceThemes: Type.Array(Type.String(), { description: 'the themes a good practice gathered by this dialogue is offered, in the organizers’ order' }),
  commentTotal: Type.Optional(Type.Integer({ description: 'organizers only: every comment ever posted, in any status (a dialogue with none can be deleted)' })),
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
  hostDescription: Type.Optional(HostDescription),
  annexLabel: Type.Optional(AnnexLabel),
  annexLeadIn: Type.Optional(AnnexLeadIn),
  translations: Type.Optional(DialogueTranslations),
  published: Type.Optional(Type.Boolean({ description: 'unpublished dialogues are seen by organizers only (default true)' })),
  editWindowMinutes: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: EDIT_WINDOW_MAX,
      description: 'minutes authors may edit or withdraw a comment (default: the server’s EDIT_WINDOW_MINUTES)',
    }),
  ),
  wallEnabled: Type.Optional(Type.Boolean({ description: 'whether the room’s wall may show this dialogue (default true)' })),
  quoteAttribution: Type.Optional(Type.Enum(ATTRIBUTIONS, { description: 'the attribution a new quote starts from (default none: anonymous)' })),
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
  requireVerifiedEmail: Type.Optional(
    Type.Boolean({ description: 'only participants who verified their e-mail address may post (default false; moderators are not asked)' }),
  ),
  practiceThemes: Type.Optional(
    Type.Array(Theme, {
      maxItems: PRACTICE_LIMITS.dialogueThemesMax,
      uniqueItems: true,
      description: 'the managed list of themes offered to a good practice gathered by this dialogue (default none); trimmed, repeats dropped',
    }),
  ),
};

export const CreateDialogueBody = Type.Object({ ...Slugged, ...editable }, { additionalProperties: false });
export type CreateDialogueBody = Static<typeof CreateDialogueBody>;

export const PatchDialogueBody = Type.Partial(Type.Object({ ...Slugged, ...editable }), { additionalProperties: false, minProperties: 1 });
export type PatchDialogueBody = Static<typeof PatchDialogueBody>;

export const CopyDialogueBody = Type.Object({ ...Slugged, title: Title, opensAt: IsoTime, closesAt: IsoTime }, { additionalProperties: false });
export type CopyDialogueBody = Static<typeof CopyDialogueBody>;
const TopicNumber = Type.Integer({ minimum: 1, maximum: 99 });

export const CreateTopicBody = Type.Object(
  { question: Question, description: Type.Optional(TopicDescription), number: Type.Optional(TopicNumber), translations: Type.Optional(TopicTranslations) },
  { additionalProperties: false },
);
export type CreateTopicBody = Static<typeof CreateTopicBody>;

export const PatchTopicBody = Type.Object(
  {
    question: Type.Optional(Question),
    description: Type.Optional(TopicDescription),
    number: Type.Optional(TopicNumber),
    translations: Type.Optional(TopicTranslations),
    locked: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PatchTopicBody = Static<typeof PatchTopicBody>;

export const VisitBody = Type.Object({ path: Type.String({ minLength: 1, maxLength: 300, pattern: '^/' }) }, { additionalProperties: false });

export const TopicOrderBody = Type.Object(
  { topicIds: Type.Array(Id, { minItems: 1, maxItems: 99, uniqueItems: true, description: 'every topic of the dialogue once, in the new order' }) },
  { additionalProperties: false },
);
export type TopicOrderBody = Static<typeof TopicOrderBody>;
export const TopicList = Type.Object({ items: Type.Array(Topic) });

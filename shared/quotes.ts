import { Type, type Static } from 'typebox';
import { Affiliation, Id, IsoTime, Language } from './common.ts';
import { DialogueTranslations, TopicTranslations } from './dialogues.ts';
import { ATTRIBUTIONS, CONSENT_REASON_MAX } from './quote-consent.ts';

export const AttributionName = Type.Enum(ATTRIBUTIONS, {
  description: 'how the quote names its author: none (anonymous), country ("participant from COUNTRY", with affiliation), name',
});

/**
 * Why a quote is not shown to the public (nor exported): its source comment was hidden by a
 * moderator, withdrawn by its author, is held for review again (`held`), was edited after the quote
 * was made and no longer holds the quote's words verbatim (`source_changed`, excerpts only: a
 * whole-comment quote follows the edits), or its author no longer consents to be quoted
 * (`consent_withdrawn`: they withdrew consent for this very quote, for good — `consentWithdrawn`
 * says when and why — or their profile no longer allows any quote).
 */
export const QUOTE_FLAGS = ['hidden', 'withdrawn', 'held', 'consent_withdrawn', 'source_changed'] as const;
export const QuoteFlag = Type.Enum(QUOTE_FLAGS);
export type QuoteFlag = Static<typeof QuoteFlag>;

export const EXCERPT_MAX_LENGTH = 10_000;

export const ConsentWithdrawal = Type.Object(
  {
    at: IsoTime,
    reason: Type.Union([Type.String(), Type.Null()], { description: 'what the author said, null when they said nothing' }),
  },
  { description: 'the quoted author withdrew consent for this quote: it is left out of every export for good' },
);
export type ConsentWithdrawal = Static<typeof ConsentWithdrawal>;

export const AttributionLabel = Type.Object(
  {
    name: Type.Union([Type.String(), Type.Null()], { description: 'the display name, only when the effective attribution is `name`' }),
    country: Type.Union([Type.String(), Type.Null()], { description: 'ISO 3166-1 alpha-2, when the effective attribution is `country` or `name`' }),
    affiliation: Type.Union([Affiliation, Type.Null()], { description: 'with the country, when the author gave one' }),
  },
  { description: 'what a report may print next to the quote today; all null for an anonymous quote' },
);
export type AttributionLabel = Static<typeof AttributionLabel>;

export const Quote = Type.Object({
  id: Id,
  topicId: Id,
  commentId: Id,
  text: Type.String({
    description:
      'plain text (paragraphs separated by a blank line); an excerpt starts with "[…] " unless it starts the comment, ends with " […]" unless it ends it, and joins separate passages with " […] "',
  }),
  excerpt: Type.Boolean({ description: 'false when the quote is the whole comment (its text follows edits of the comment)' }),
  attribution: AttributionName,
  effectiveAttribution: Type.Union([AttributionName, Type.Null()], {
    description:
      'the chosen attribution narrowed to what the author consents to today and shows publicly (never `name` for an author shown as "participant from COUNTRY"); null when they no longer consent to be quoted',
  }),
  attributionLabel: AttributionLabel,
  position: Type.Integer({ minimum: 1, description: '1-based place among the quotes of its topic' }),
  chosenBy: Type.Optional(
    Type.Object({ id: Id, displayName: Type.String() }, { description: 'the moderator who chose the quote; for the dialogue’s moderators only' }),
  ),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  flagged: Type.Union([QuoteFlag, Type.Null()], {
    description:
      'why the quote is not shown publicly nor exported: hidden, withdrawn or held (its source comment), source_changed (the comment was edited after the quote was made and no longer holds its words; re-select the excerpt or remove the quote), consent_withdrawn (the author withdrew consent for this quote, see `consentWithdrawn`, or no longer consents to any quote); moderators only ever see a non-null flag: the public never gets flagged quotes',
  }),
  consentWithdrawn: Type.Optional(
    Type.Union([ConsentWithdrawal, Type.Null()], {
      description:
        'for the dialogue’s moderators and the quoted author only: when and why the author withdrew consent for this quote (POST /api/quotes/:id/consent-withdrawal), null while they have not; a withdrawn quote stays flagged whatever a moderator changes, and may only be removed',
    }),
  ),
});
export type Quote = Static<typeof Quote>;

export const TopicQuotes = Type.Object({
  topicId: Id,
  number: Type.Integer(),
  question: Type.String(),
  quotes: Type.Array(Quote),
});
export type TopicQuotes = Static<typeof TopicQuotes>;

export const DialogueQuotes = Type.Object({ topics: Type.Array(TopicQuotes, { description: 'every topic, in topic order' }) });
export type DialogueQuotes = Static<typeof DialogueQuotes>;

const Excerpt = Type.String({
  minLength: 1,
  maxLength: EXCERPT_MAX_LENGTH,
  pattern: '\\S',
  description:
    'the selected text of the comment (from its rendered text or its Markdown source); separate passages are separated by a line containing only "[…]" (or "[...]"), in the order they appear in the comment',
});

export const CreateQuoteBody = Type.Object(
  {
    excerpt: Type.Optional(Excerpt),
    attribution: AttributionName,
  },
  { additionalProperties: false },
);
export type CreateQuoteBody = Static<typeof CreateQuoteBody>;

export const PatchQuoteBody = Type.Object(
  {
    excerpt: Type.Optional(Type.Union([Excerpt, Type.Null()], { description: 'null: quote the whole comment' })),
    attribution: Type.Optional(AttributionName),
    position: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, description: 'the new 1-based place in its topic; past the end means last' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PatchQuoteBody = Static<typeof PatchQuoteBody>;

export const ConsentWithdrawalBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: CONSENT_REASON_MAX, description: 'why, for the curators (optional)' })) },
  { additionalProperties: false },
);
export type ConsentWithdrawalBody = Static<typeof ConsentWithdrawalBody>;

/** One quote with where it stands, for its author's consent page (and the dialogue's moderators). */
export const QuoteDetail = Type.Object({
  quote: Quote,
  mine: Type.Boolean({ description: 'whether the viewer wrote the quoted comment: only they may withdraw consent for the quote' }),
  topic: Type.Object({ id: Id, number: Type.Integer(), question: Type.String(), translations: TopicTranslations }),
  dialogue: Type.Object({ slug: Type.String(), title: Type.String(), languages: Type.Array(Language), translations: DialogueTranslations }),
});
export type QuoteDetail = Static<typeof QuoteDetail>;

/** The `quote:changed` socket event: a topic's quotes as its recipient may see them, after any change. */
export const QuotesChanged = Type.Object({
  dialogueId: Id,
  topicId: Id,
  quotes: Type.Array(Quote),
});
export type QuotesChanged = Static<typeof QuotesChanged>;

import { Type, type Static } from 'typebox';
import { CommentAuthor } from './comments.ts';
import { Country, Id, IsoTime, Language, PAGE_LIMIT_MAX } from './common.ts';
import { PRACTICE_ACTIONS, PRACTICE_CONTINENTS, PRACTICE_LIMITS as L, PRACTICE_STATUSES } from './practices.constants.ts';

export { PRACTICE_ACTIONS, PRACTICE_CONTINENTS, PRACTICE_STATUSES };

export const PracticeContinent = Type.Enum(PRACTICE_CONTINENTS, {
  description: 'africa, asia, europe, north_america (with Central America and the Caribbean), south_america or oceania',
});
export const PracticeStatus = Type.Enum(PRACTICE_STATUSES);
export type PracticeStatus = Static<typeof PracticeStatus>;

const Slug = Type.String({ minLength: 3, maxLength: 64, pattern: '^[a-z0-9-]+$' });
const Text = (max: number, description?: string) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S', ...(description ? { description } : {}) });
export const Theme = Type.String({ minLength: 1, maxLength: L.themeMax, pattern: '\\S', description: 'a theme of the dialogue’s list, or a free tag' });
const Link = Type.String({
  maxLength: L.linkMax,
  pattern: '^https?://[^\\s]+$',
  description: 'an http(s) address where the practice is described',
});

const submitted = {
  title: Text(L.titleMax),
  organization: Text(L.organizationMax, 'who runs the practice'),
  countries: Type.Array(Country, { minItems: 1, maxItems: L.countriesMax, uniqueItems: true, description: 'where it runs, ISO 3166-1 alpha-2' }),
  continent: PracticeContinent,
  themes: Type.Array(Theme, { maxItems: L.themesMax, uniqueItems: true }),
  description: Text(L.descriptionMax, 'Markdown; rendered and sanitized like a comment'),
  link: Type.Union([Link, Type.Null()]),
  contact: Type.Union([Text(L.contactMax, 'how organizers can reach the submitter about it: seen only by organizers and the submitter'), Type.Null()]),
  language: Language,
};

export const CreatePracticeBody = Type.Object(
  {
    title: submitted.title,
    organization: submitted.organization,
    countries: submitted.countries,
    continent: Type.Optional(Type.Union([submitted.continent, Type.Null()], { description: 'derived from the countries when absent or null' })),
    themes: submitted.themes,
    description: submitted.description,
    link: Type.Optional(submitted.link),
    contact: Type.Optional(submitted.contact),
    language: submitted.language,
    dialogueSlug: Type.Optional(Type.Union([Slug, Type.Null()], { description: 'the dialogue the practice was gathered by' })),
    sourceCommentId: Type.Optional(
      Type.Union([Id, Type.Null()], { description: 'the published comment it was submitted from; its dialogue becomes the practice’s' }),
    ),
  },
  { additionalProperties: false },
);
export type CreatePracticeBody = Static<typeof CreatePracticeBody>;

export const PatchPracticeBody = Type.Partial(
  Type.Object({
    title: submitted.title,
    organization: submitted.organization,
    countries: submitted.countries,
    continent: Type.Union([submitted.continent, Type.Null()], { description: 'null: derive it from the countries again' }),
    themes: submitted.themes,
    description: submitted.description,
    link: submitted.link,
    contact: submitted.contact,
    language: submitted.language,
    dialogueSlug: Type.Union([Slug, Type.Null()]),
  }),
  { additionalProperties: false, minProperties: 1 },
);
export type PatchPracticeBody = Static<typeof PatchPracticeBody>;

export const PracticeModerationBody = Type.Object(
  {
    action: Type.Enum(PRACTICE_ACTIONS),
    reason: Type.Optional(Type.String({ maxLength: L.reasonMax, description: 'required to return a practice: the submitter reads it' })),
  },
  { additionalProperties: false },
);
export type PracticeModerationBody = Static<typeof PracticeModerationBody>;

export const Practice = Type.Object({
  id: Id,
  title: Type.String(),
  organization: Type.String(),
  countries: Type.Array(Type.String()),
  continent: PracticeContinent,
  themes: Type.Array(Type.String()),
  description: Type.String({ description: 'the Markdown source' }),
  descriptionHtml: Type.String({ description: 'sanitized HTML' }),
  link: Type.Union([Type.String(), Type.Null()]),
  contact: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'only for organizers and the submitter' })),
  language: Language,
  dialogue: Type.Union([Type.Object({ slug: Type.String(), title: Type.String() }), Type.Null()]),
  sourceComment: Type.Union([Type.Object({ id: Id, topicId: Id }), Type.Null()], {
    description: 'the comment it was submitted from, while that comment is published',
  }),
  submitter: CommentAuthor,
  status: PracticeStatus,
  returnReason: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'for the submitter and moderators: why it was returned' })),
  canEdit: Type.Boolean({ description: 'the viewer may change it now' }),
  canModerate: Type.Boolean({ description: 'the viewer may publish, return or unpublish it' }),
  createdAt: IsoTime,
  updatedAt: IsoTime,
  publishedAt: Type.Union([IsoTime, Type.Null()]),
});
export type Practice = Static<typeof Practice>;

const filters = {
  continent: Type.Optional(PracticeContinent),
  country: Type.Optional(Country),
  theme: Type.Optional(Theme),
  dialogue: Type.Optional(Slug),
  language: Type.Optional(Language),
};

export const PracticeListQuery = Type.Object(
  {
    ...filters,
    q: Type.Optional(Type.String({ maxLength: 500, description: 'words of the title, organization or description (full-text, like /api/search)' })),
    status: Type.Optional(Type.Enum(PRACTICE_STATUSES, { description: 'moderators: any status (all by default); others: their own practices in it' })),
    mine: Type.Optional(Type.Boolean({ description: 'only the practices the viewer submitted, in any status' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_LIMIT_MAX })),
    after: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type PracticeListQuery = Static<typeof PracticeListQuery>;

export const PracticeList = Type.Object({ items: Type.Array(Practice), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type PracticeList = Static<typeof PracticeList>;

export const PracticeStatsQuery = Type.Object(filters, { additionalProperties: false });
export type PracticeStatsQuery = Static<typeof PracticeStatsQuery>;

const KeyCount = Type.Object({ key: Type.String(), count: Type.Integer({ minimum: 0 }) });
export const PracticeStats = Type.Object({
  total: Type.Integer({ minimum: 0 }),
  byContinent: Type.Array(KeyCount, { description: 'every continent, most first; zero counts included' }),
  byCountry: Type.Array(KeyCount, { description: 'countries with at least one practice, most first' }),
  byTheme: Type.Array(KeyCount, { description: 'themes with at least one practice, most first' }),
});
export type PracticeStats = Static<typeof PracticeStats>;

export const PracticeExportQuery = Type.Object(
  { format: Type.Optional(Type.Enum(['csv', 'json'] as const)), dialogue: Type.Optional(Slug) },
  { additionalProperties: false },
);
export type PracticeExportQuery = Static<typeof PracticeExportQuery>;

/** One published practice as the organizers' export writes it (CSV columns in PRACTICE_EXPORT_COLUMNS order). */
export const PracticeExportRow = Type.Object({
  id: Id,
  title: Type.String(),
  organization: Type.String(),
  countries: Type.Array(Type.String(), { description: 'in the CSV: the codes separated by spaces' }),
  continent: PracticeContinent,
  themes: Type.Array(Type.String(), { description: 'in the CSV: separated by " | "' }),
  description: Type.String({ description: 'the Markdown source' }),
  link: Type.Union([Type.String(), Type.Null()]),
  contact: Type.Union([Type.String(), Type.Null()], { description: 'organizers read it: the export is theirs' }),
  language: Language,
  dialogue: Type.Union([Type.String(), Type.Null()], { description: 'the slug of the dialogue that gathered it' }),
  submitter: Type.Union([Type.String(), Type.Null()], { description: 'the display name, or null when the submitter is shown as "participant from COUNTRY"' }),
  submitterCountry: Type.String(),
  createdAt: IsoTime,
  publishedAt: Type.Union([IsoTime, Type.Null()]),
});
export type PracticeExportRow = Static<typeof PracticeExportRow>;

export const PRACTICE_EXPORT_COLUMNS = [
  'id',
  'title',
  'organization',
  'countries',
  'continent',
  'themes',
  'description',
  'link',
  'contact',
  'language',
  'dialogue',
  'submitter',
  'submitterCountry',
  'createdAt',
  'publishedAt',
] as const satisfies readonly (keyof PracticeExportRow)[];

import { Type, type Static } from 'typebox';
import { Affiliation, Id, IsoTime, Language, LANGUAGES } from './common.ts';
import { CommentStatus } from './comments.ts';
import {
  ANNEX_FORMATS,
  ANNEX_TEXT_FIELDS,
  ANNEX_WARNING_CODES,
  RAW_FORMATS,
  type AnnexFormat,
  type AnnexTextField,
  type RawFormat,
} from './exports.constants.ts';

export { ANNEX_TEXT_FIELDS, ANNEX_WARNING_CODES, type AnnexFormat, type AnnexTextField, type RawFormat };

export const AnnexQuery = Type.Object(
  {
    format: Type.Optional(Type.Enum(ANNEX_FORMATS, { default: 'md', description: `${ANNEX_FORMATS.join(', ')}; md by default` })),
    lang: Type.Optional(Language),
    inline: Type.Optional(
      Type.Enum(['1', '0', 'true', 'false'], {
        description:
          '`1` answers with `Content-Disposition: inline` instead of `attachment`, for a live preview (fetch `format=html` and show it in a sandboxed iframe’s `srcdoc`)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type AnnexQuery = Static<typeof AnnexQuery>;

export const AnnexPreviewQuery = Type.Object({ lang: Type.Optional(Language) }, { additionalProperties: false });
export type AnnexPreviewQuery = Static<typeof AnnexPreviewQuery>;

export const AnnexWarningsQuery = Type.Object(
  { lang: Type.Optional(Type.Enum(LANGUAGES, { default: 'en', description: 'the annex language to check (`untranslated` warnings); en by default' })) },
  { additionalProperties: false },
);
export type AnnexWarningsQuery = Static<typeof AnnexWarningsQuery>;

export const AnnexWarning = Type.Object({
  code: Type.Enum(ANNEX_WARNING_CODES, {
    description:
      'quote_source_unavailable, quote_consent_withdrawn and source_changed (the source comment was edited after the quote was made and no longer holds its words): the quote is left out; quote_attribution_narrowed: printed with less than the chosen attribution; topic_without_quotes: the topic is missing from Selected comments; untranslated: a text of the dialogue has no translation in the annex language, which prints the base text instead; the others: something the organizer may want to write before exporting',
  }),
  message: Type.String({ description: 'an English sentence; clients may translate by code' }),
  quoteId: Type.Optional(Id),
  topicId: Type.Optional(Id),
  field: Type.Optional(
    Type.Enum(ANNEX_TEXT_FIELDS, {
      description:
        'untranslated only: the text that fell back to the base language, a dialogue field (theme, hostDescription, annexLabel, annexLeadIn) or, with topicId, the topic’s question',
    }),
  ),
});
export type AnnexWarning = Static<typeof AnnexWarning>;

export const AnnexWarnings = Type.Object({ warnings: Type.Array(AnnexWarning) });
export type AnnexWarnings = Static<typeof AnnexWarnings>;

export const RawExportQuery = Type.Object(
  { format: Type.Optional(Type.Enum(RAW_FORMATS, { default: 'csv', description: `${RAW_FORMATS.join(', ')}; csv by default` })) },
  { additionalProperties: false },
);
export type RawExportQuery = Static<typeof RawExportQuery>;

/** One row of the raw data: every comment of the dialogue, whatever its status. */
export const RawCommentRow = Type.Object({
  id: Id,
  topicNumber: Type.Integer(),
  parentId: Type.Union([Id, Type.Null()]),
  createdAt: IsoTime,
  authorId: Id,
  author: Type.Union([Type.String(), Type.Null()], {
    description: 'the display name as shown publicly; null (empty in CSV) when the author is shown as "participant from COUNTRY"',
  }),
  country: Type.String(),
  affiliation: Type.Union([Affiliation, Type.Null()]),
  language: Language,
  status: CommentStatus,
  body: Type.String({ description: 'the Markdown source for published comments; empty for pending, declined, hidden and withdrawn ones' }),
});
export type RawCommentRow = Static<typeof RawCommentRow>;

export const RAW_COLUMNS = [
  'id',
  'topicNumber',
  'parentId',
  'createdAt',
  'authorId',
  'author',
  'country',
  'affiliation',
  'language',
  'status',
  'body',
] as const satisfies readonly (keyof RawCommentRow)[];

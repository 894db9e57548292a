// Plain values of the exports contract, importable by the browser bundle without TypeBox;
// shared/exports.ts builds its schemas from them.

/** The annex's formats, in the order the export screen offers them. */
export const ANNEX_FORMATS = ['docx', 'md', 'html', 'pdf'] as const;
export type AnnexFormat = (typeof ANNEX_FORMATS)[number];
export const RAW_FORMATS = ['csv', 'json'] as const;
export type RawFormat = (typeof RAW_FORMATS)[number];

/** What the annex leaves out or lacks, as `GET /api/dialogues/:slug/annex/warnings` names it. */
export const ANNEX_WARNING_CODES = [
  'no_topics',
  'host_description_missing',
  'dialogue_summary_not_approved',
  'dialogue_summary_newer_draft',
  'topic_summary_missing',
  'topic_summary_newer_draft',
  'topic_without_quotes',
  'quote_source_unavailable',
  'quote_consent_withdrawn',
  'consent_withdrawn',
  'quote_attribution_narrowed',
  'source_changed',
  'untranslated',
] as const;

/**
 * The dialogue's own texts the annex prints, in its language where a translation exists; an
 * `untranslated` warning names the one that fell back in `field` (`question`: a topic's).
 */
export const ANNEX_TEXT_FIELDS = ['theme', 'hostDescription', 'annexLabel', 'annexLeadIn', 'question'] as const;
export type AnnexTextField = (typeof ANNEX_TEXT_FIELDS)[number];

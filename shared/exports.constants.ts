// Plain values of the exports contract, importable by the browser bundle without TypeBox;
// shared/exports.ts builds its schemas from them.

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
  'quote_attribution_narrowed',
] as const;

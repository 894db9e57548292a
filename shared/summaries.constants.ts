// Plain values of the summaries contract, importable by the browser bundle without TypeBox;
// shared/summaries.ts builds its schemas from them.

/** A summary is at most this many characters of Markdown. */
export const SUMMARY_MAX_LENGTH = 20_000;
/** Only organizers may approve. */
export const SUMMARY_STATUSES = ['draft', 'approved'] as const;
export type SummaryStatus = (typeof SUMMARY_STATUSES)[number];

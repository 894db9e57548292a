// Plain values of the search contract, importable by the browser bundle without TypeBox.

export const SEARCH_KINDS = ['comment', 'practice', 'quote'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_LIMITS = {
  pageDefault: 20,
  pageMax: 50,
  /** what of `q` is read: the rest is ignored, never refused */
  queryChars: 500,
  /** words, phrases and prefixes together */
  terms: 12,
  /**
   * The best matches are chosen among at most this many of the newest matching documents. SQLite
   * walks the index newest first and scores each candidate, so its cost follows this bound;
   * PostgreSQL's planner reads a smaller LIMIT as a reason to scan the table newest first, which
   * is slow for a word in 2–4 % of the documents, so it gets a larger one.
   */
  candidates: { sqlite: 500, postgres: 1_000 },
  /** a prefix shorter than this is read as a whole word (`a*` would match nearly everything) */
  prefixMin: 2,
} as const;

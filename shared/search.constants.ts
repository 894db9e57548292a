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
  /** the best matches are chosen among at most this many of the newest matching documents */
  candidates: 500,
  /** a prefix shorter than this is read as a whole word (`a*` would match nearly everything) */
  prefixMin: 2,
} as const;

// Plain values of the good practices contract, importable by the browser bundle without TypeBox;
// shared/practices.ts builds its schemas from them.
import { CONTINENT_OF, type Continent } from './continents.ts';
import type { CountryCode } from './countries.ts';

/** The continents a practice is filed under (API.md): North America includes Central America and the Caribbean. */
export const PRACTICE_CONTINENTS = ['africa', 'asia', 'europe', 'north_america', 'south_america', 'oceania'] as const;
export type PracticeContinent = (typeof PRACTICE_CONTINENTS)[number];

/**
 * submitted: waits for a moderator; published: in the library; returned: sent back to the
 * submitter with a reason, who edits it (which submits it again); unpublished: taken out of the
 * library by a moderator after it was published.
 */
export const PRACTICE_STATUSES = ['submitted', 'published', 'returned', 'unpublished'] as const;
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];

export const PRACTICE_ACTIONS = ['publish', 'return', 'unpublish'] as const;
export type PracticeAction = (typeof PRACTICE_ACTIONS)[number];

/** The notifications a moderator's decision leaves the practice's submitter: `practice.<action>`. */
export const PRACTICE_NOTIFICATION_KINDS = /* @__PURE__ */ PRACTICE_ACTIONS.map((action) => `practice.${action}` as const);
export type PracticeNotificationKind = `practice.${PracticeAction}`;

/** What each moderation action may start from, and where it leads. */
export const PRACTICE_TRANSITIONS: Record<PracticeAction, { from: readonly PracticeStatus[]; to: PracticeStatus }> = {
  publish: { from: ['submitted', 'returned', 'unpublished'], to: 'published' },
  return: { from: ['submitted', 'unpublished'], to: 'returned' },
  unpublish: { from: ['published'], to: 'unpublished' },
};

/** The statuses in which the submitter may still edit their practice. */
export const SUBMITTER_EDITABLE: readonly PracticeStatus[] = ['submitted', 'returned'];

export const PRACTICE_LIMITS = {
  titleMax: 200,
  organizationMax: 200,
  countriesMax: 30,
  themesMax: 12,
  themeMax: 60,
  descriptionMax: 20_000,
  linkMax: 2_000,
  contactMax: 300,
  reasonMax: 2_000,
  /** the managed list of a dialogue */
  dialogueThemesMax: 40,
} as const;

/**
 * The continent most of the countries are on (the first country's breaks a tie); null when none
 * is on a continent a practice is filed under (Antarctica alone), so the submitter must say.
 */
export function continentOfCountries(countries: readonly CountryCode[]): PracticeContinent | null {
  const counts = new Map<Continent, number>();
  for (const country of countries) {
    const continent = CONTINENT_OF[country];
    if ((PRACTICE_CONTINENTS as readonly string[]).includes(continent)) counts.set(continent, (counts.get(continent) ?? 0) + 1);
  }
  let best: PracticeContinent | null = null;
  let bestCount = 0;
  for (const [continent, count] of counts) {
    if (count > bestCount) {
      best = continent as PracticeContinent;
      bestCount = count;
    }
  }
  return best;
}

/** A theme as stored and compared: trimmed, inner spaces collapsed. */
export const normalizeTheme = (theme: string): string => theme.trim().replace(/\s+/g, ' ');

/**
 * Themes as stored: each normalized, repeats dropped whatever their case (the first spelling is
 * kept), blanks dropped; a theme matching one of `managed` (the dialogue's list) in another case
 * takes the list's spelling, so that filters and counts find them together.
 */
export function uniqueThemes(themes: readonly string[], managed: readonly string[] = []): string[] {
  const spelling = new Map(managed.map((theme) => [normalizeTheme(theme).toLocaleLowerCase(), normalizeTheme(theme)]));
  const seen = new Set<string>();
  const result: string[] = [];
  for (const theme of themes) {
    const normalized = normalizeTheme(theme);
    const key = normalized.toLocaleLowerCase();
    if (normalized === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(spelling.get(key) ?? normalized);
  }
  return result;
}

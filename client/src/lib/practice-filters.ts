import { LANGUAGES, type Language } from '../../../shared/common.constants.ts';
import { COUNTRY_CODES, type CountryCode } from '../../../shared/countries.ts';
import { normalizeTheme, PRACTICE_CONTINENTS, PRACTICE_LIMITS, type PracticeContinent } from '../../../shared/practices.constants.ts';
import type { PracticeStatsQuery } from '../../../shared/practices.ts';

/** The library's filters, '' for "any": they live in the address, so that a link shows the same list. */
export interface PracticeFilters {
  continent: PracticeContinent | '';
  country: CountryCode | '';
  theme: string;
  /** a dialogue's slug */
  dialogue: string;
  language: Language | '';
}

/** In the order they are written in the address and shown on the page. */
export const FILTER_NAMES = ['continent', 'country', 'theme', 'dialogue', 'language'] as const satisfies readonly (keyof PracticeFilters)[];
export type FilterName = (typeof FILTER_NAMES)[number];

export const NO_FILTERS: PracticeFilters = { continent: '', country: '', theme: '', dialogue: '', language: '' };

const SLUG = /^[a-z0-9-]{3,64}$/;
const oneOf = <T extends string>(values: readonly T[], value: string): T | '' => ((values as readonly string[]).includes(value) ? (value as T) : '');

/** A filter's value as the API accepts it, or '' when it would be refused (a link someone mistyped). */
export function filterValue<N extends FilterName>(name: N, raw: string): PracticeFilters[N] {
  const value = raw.trim();
  switch (name) {
    case 'continent':
      return oneOf(PRACTICE_CONTINENTS, value) as PracticeFilters[N];
    case 'country':
      return oneOf(COUNTRY_CODES, value.toUpperCase()) as PracticeFilters[N];
    case 'language':
      return oneOf(LANGUAGES, value) as PracticeFilters[N];
    case 'dialogue':
      return (SLUG.test(value) ? value : '') as PracticeFilters[N];
    default: {
      const theme = normalizeTheme(value);
      return ([...theme].length <= PRACTICE_LIMITS.themeMax ? theme : '') as PracticeFilters[N];
    }
  }
}

/** The filters an address's query (`?continent=africa&theme=…`) asks for; what the API would refuse is left out. */
export function filtersFromSearch(search: string): PracticeFilters {
  const params = new URLSearchParams(search);
  const read = <N extends FilterName>(name: N): PracticeFilters[N] => filterValue(name, params.get(name) ?? '');
  return { continent: read('continent'), country: read('country'), theme: read('theme'), dialogue: read('dialogue'), language: read('language') };
}

/** The query string of the filters set, in a fixed order ('' when none is): the address of the list they show. */
export function searchOfFilters(filters: PracticeFilters): string {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) if (filters[name] !== '') params.set(name, filters[name]);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The filters set, as the API's query. */
export function filterQuery(filters: PracticeFilters): PracticeStatsQuery {
  const query: PracticeStatsQuery = {};
  if (filters.continent) query.continent = filters.continent;
  if (filters.country) query.country = filters.country;
  if (filters.theme) query.theme = filters.theme;
  if (filters.dialogue) query.dialogue = filters.dialogue;
  if (filters.language) query.language = filters.language;
  return query;
}

/** How many filters are set. */
export const filterCount = (filters: PracticeFilters): number => FILTER_NAMES.filter((name) => filters[name] !== '').length;

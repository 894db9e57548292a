// A dialogue's slug is its address (/d/idm-2011): what the server accepts, and one suggested from its title.

export const SLUG_MIN = 3;
export const SLUG_MAX = 64;
const SLUG_CHARACTERS = /^[a-z0-9-]+$/;

export const isSlug = (slug: string): boolean => slug.length >= SLUG_MIN && slug.length <= SLUG_MAX && SLUG_CHARACTERS.test(slug);

// Letters that Unicode does not split into a base letter and an accent.
const LIGATURES: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', þ: 'th', ı: 'i' };

/** A slug for a title: "Dialogue international 2011 : Migration & société" gives "dialogue-international-2011-migration-societe". */
export function slugFrom(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøđłþı]/g, (letter) => LIGATURES[letter] ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, SLUG_MAX)
    .replace(/^-+|-+$/g, '');
}

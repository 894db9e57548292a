// Plain values of the common contract, importable by the browser bundle without TypeBox;
// shared/common.ts builds its schemas from them.

/** The languages of the interface, of comments and of the annex. */
export const LANGUAGES = ['en', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export const AFFILIATIONS = ['government', 'international_organization', 'ngo', 'academia', 'private_sector', 'media', 'migrant_association', 'other'] as const;
export type Affiliation = (typeof AFFILIATIONS)[number];

export const ROLES = ['participant', 'moderator', 'organizer'] as const;
export type Role = (typeof ROLES)[number];

/** How many items a page of a list holds when the client does not say, and at most. */
export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 200;

// Plain values of the users contract, importable by the browser bundle without TypeBox;
// shared/users.ts builds its schemas from them.

/** How a participant may be quoted in reports, the most open first. */
export const QUOTE_CONSENTS = ['name', 'country', 'anonymous', 'none'] as const;
export type QuoteConsent = (typeof QUOTE_CONSENTS)[number];
/** How the name is shown next to comments: the display name, or "participant from COUNTRY". */
export const NAME_DISPLAYS = ['name', 'country'] as const;
export type NameDisplay = (typeof NAME_DISPLAYS)[number];

/** Passwords are this many characters (code points) at least, and at most. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;
export const EMAIL_MAX = 254;
export const DISPLAY_NAME_MAX = 80;
export const ORGANIZATION_MAX = 160;

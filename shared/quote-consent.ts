import type { NameDisplay, QuoteConsent } from './users.constants.ts';

/** How a quote names its author in a report, from least to most revealing. */
export const ATTRIBUTIONS = ['none', 'country', 'name'] as const;
export type Attribution = (typeof ATTRIBUTIONS)[number];

/** The longest reason a quoted author may give for withdrawing consent for a quote of their words. */
export const CONSENT_REASON_MAX = 500;

/** The most revealing attribution each consent allows; `none` forbids quoting at all. */
const widestAllowed: Record<QuoteConsent, Attribution | null> = {
  name: 'name',
  country: 'country',
  anonymous: 'none',
  none: null,
};

const rank = (attribution: Attribution): number => ATTRIBUTIONS.indexOf(attribution);

/** Whether a moderator may choose `attribution` for an author who gave `consent`. */
export const consentAllows = (consent: QuoteConsent, attribution: Attribution): boolean => {
  const widest = widestAllowed[consent];
  return widest !== null && rank(attribution) <= rank(widest);
};

/**
 * The attribution a report may print today: the chosen one, narrowed to what the author allows
 * now (consent can shrink after the quote was made), or null when the author no longer allows
 * quoting at all and the quote must be left out.
 */
export function effectiveAttribution(consent: QuoteConsent, chosen: Attribution): Attribution | null {
  const widest = widestAllowed[consent];
  if (widest === null) return null;
  return rank(chosen) <= rank(widest) ? chosen : widest;
}

/**
 * The attribution anything public (quote lists, sockets, the annex) may print: the effective one,
 * never the name of an author who shows only "participant from COUNTRY" next to their comments,
 * since a named quote of one comment would tie every comment of theirs to their name.
 */
export function publicAttribution(consent: QuoteConsent, nameDisplay: NameDisplay, chosen: Attribution): Attribution | null {
  const effective = effectiveAttribution(consent, chosen);
  return effective === 'name' && nameDisplay === 'country' ? 'country' : effective;
}

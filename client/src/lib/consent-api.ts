import type { QuoteDetail } from '../../../shared/quotes.ts';
import { getJson, request } from './api.ts';

// The quoted author's say over a quote of their words.

const segment = encodeURIComponent;

/** One quote with its topic and dialogue: for its author (and the dialogue's moderators). */
export function getQuoteDetail(quoteId: string): Promise<QuoteDetail> {
  return getJson(`/api/quotes/${segment(quoteId)}`);
}

/**
 * Withdraws the author's consent for one quote, for good; a second time is refused with 409
 * `consent_already_withdrawn` (which means it is done already).
 */
export async function withdrawQuoteConsent(quoteId: string, reason = ''): Promise<void> {
  const trimmed = reason.trim();
  await request('POST', `/api/quotes/${segment(quoteId)}/consent-withdrawal`, trimmed ? { reason: trimmed } : {});
}

import type { AnnexFormat, AnnexWarning, AnnexWarnings, RawFormat } from '../../../shared/exports.ts';
import { PAGE_LIMIT_DEFAULT, type Language } from '../../../shared/common.constants.ts';
import type { CreateQuoteBody, DialogueQuotes, PatchQuoteBody, Quote } from '../../../shared/quotes.ts';
import type { Stats } from '../../../shared/stats.ts';
import type { Citations, PutSummaryBody, Suggestions, Summary, SummaryDiff, SummaryVersion, SummaryVersionList } from '../../../shared/summaries.ts';
import { getJson, request } from './api.ts';

// The organizers' and moderators' side of the API: quotes, summaries, statistics and exports.
// Kept apart from api.ts so that participants' pages never download it.

const segment = encodeURIComponent;

export function dialogueQuotes(slug: string): Promise<DialogueQuotes> {
  return getJson(`/api/dialogues/${segment(slug)}/quotes`);
}

export async function createQuote(commentId: string, body: CreateQuoteBody): Promise<Quote> {
  return (await (await request('POST', `/api/comments/${segment(commentId)}/quotes`, body)).json()) as Quote;
}

export async function patchQuote(quoteId: string, body: PatchQuoteBody): Promise<Quote> {
  return (await (await request('PATCH', `/api/quotes/${segment(quoteId)}`, body)).json()) as Quote;
}

export async function deleteQuote(quoteId: string): Promise<void> {
  await request('DELETE', `/api/quotes/${segment(quoteId)}`);
}

/** Where a summary lives: the whole dialogue's, or one topic's. */
export type SummaryScope = { slug: string; topicId?: undefined } | { topicId: string; slug?: undefined };

const summaryPath = (scope: SummaryScope): string =>
  scope.topicId === undefined ? `/api/dialogues/${segment(scope.slug)}/summary` : `/api/topics/${segment(scope.topicId)}/summary`;

export function getSummary(scope: SummaryScope): Promise<Summary> {
  return getJson(summaryPath(scope));
}

export async function putSummary(scope: SummaryScope, body: PutSummaryBody): Promise<Summary> {
  return (await (await request('PUT', summaryPath(scope), body)).json()) as Summary;
}

export function summaryVersions(scope: SummaryScope, after?: string): Promise<SummaryVersionList> {
  const query = new URLSearchParams({ limit: String(PAGE_LIMIT_DEFAULT) });
  if (after !== undefined) query.set('after', after);
  return getJson(`${summaryPath(scope)}/versions?${query}`);
}

export function summaryVersion(scope: SummaryScope, version: number): Promise<SummaryVersion> {
  return getJson(`${summaryPath(scope)}/versions/${version}`);
}

export function summaryDiff(scope: SummaryScope, from: number, to: number): Promise<SummaryDiff> {
  return getJson(`${summaryPath(scope)}/diff?${new URLSearchParams({ from: String(from), to: String(to) })}`);
}

/** A topic's key points; `lang` words the authors shown as "participant from COUNTRY". */
export function keyPoints(topicId: string, lang: Language): Promise<Suggestions> {
  return getJson(`/api/topics/${segment(topicId)}/summary/suggestions?${new URLSearchParams({ lang })}`);
}

export async function citations(topicId: string, body: string): Promise<Citations> {
  return (await (await request('POST', `/api/topics/${segment(topicId)}/summary/citations`, { body })).json()) as Citations;
}

export function dialogueStats(slug: string): Promise<Stats> {
  return getJson(`/api/dialogues/${segment(slug)}/stats`);
}

/** The annex as a download: the server answers with `Content-Disposition: attachment` and a file name. */
export const annexUrl = (slug: string, format: AnnexFormat, lang: Language): string =>
  `/api/dialogues/${segment(slug)}/annex?${new URLSearchParams({ format, lang })}`;

/** The printable HTML annex, to show inside the page in a sandboxed frame. */
export async function annexPreview(slug: string, lang: Language): Promise<string> {
  return (await request('GET', `/api/dialogues/${segment(slug)}/annex/preview?${new URLSearchParams({ lang })}`)).text();
}

/** What the annex in `lang` leaves out or lacks, its untranslated texts included. */
export async function annexWarnings(slug: string, lang: Language): Promise<AnnexWarning[]> {
  return (await getJson<AnnexWarnings>(`/api/dialogues/${segment(slug)}/annex/warnings?${new URLSearchParams({ lang })}`)).warnings;
}

export const rawExportUrl = (slug: string, format: RawFormat): string => `/api/dialogues/${segment(slug)}/export?${new URLSearchParams({ format })}`;

import type { DialogueQuotes } from '../../../shared/quotes.ts';
import type { Summary, SummaryVersion } from '../../../shared/summaries.ts';
import { getJson } from './api.ts';

// What the public reads of a dialogue's outcome. Not manage-api.ts: these requests come from the
// participants' pages, which never download the organizers' and moderators' side of the API.

const segment = encodeURIComponent;

/** A summary as the public reads it: the text of its latest approved version and when that was approved. */
export interface PublicSummary {
  body: string;
  approvedAt: string | null;
}

export interface SummaryReader {
  latest: () => Promise<Summary>;
  version: (version: number) => Promise<SummaryVersion>;
}

/** The summary of a whole dialogue (`slug`) or of one topic (`topicId`), read over the API. */
export function summaryReader(scope: { slug: string } | { topicId: string }): SummaryReader {
  const path = 'slug' in scope ? `/api/dialogues/${segment(scope.slug)}/summary` : `/api/topics/${segment(scope.topicId)}/summary`;
  return { latest: () => getJson(path), version: (version) => getJson(`${path}/versions/${version}`) };
}

/**
 * The approved summary, or null while none is. The public is sent only the approved version; the
 * dialogue's moderators are sent their latest, perhaps a draft, so for them the approved version
 * is read apart: on the public pages everyone sees what the public sees.
 */
export async function approvedSummary(read: SummaryReader): Promise<PublicSummary | null> {
  const summary = await read.latest();
  if (summary.status === 'approved') return summary.body.trim() === '' ? null : { body: summary.body, approvedAt: summary.updatedAt };
  if (summary.approvedVersion === null) return null;
  const approved = await read.version(summary.approvedVersion);
  return approved.body.trim() === '' ? null : { body: approved.body, approvedAt: approved.createdAt };
}

export type TopicSelection = DialogueQuotes['topics'][number];

export function selectedComments(slug: string): Promise<DialogueQuotes> {
  return getJson(`/api/dialogues/${segment(slug)}/quotes`);
}

/**
 * The selected comments the public sees, by topic in topic order: the topics with at least one.
 * Moderators are also sent flagged quotes (their source taken down, consent withdrawn), which
 * the public never sees.
 */
export function publicSelection(selection: DialogueQuotes): TopicSelection[] {
  return selection.topics.flatMap((topic) => {
    const quotes = topic.quotes.filter((quote) => quote.flagged === null);
    return quotes.length === 0 ? [] : [{ ...topic, quotes }];
  });
}

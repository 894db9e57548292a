import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { PAGE_LIMIT_DEFAULT } from '../../shared/common.constants.ts';
import type {
  Citations,
  PutSummaryBody,
  Suggestions,
  Summary,
  SummaryDiff,
  SummaryVersion,
  SummaryVersionList,
  SuggestionsQuery,
  SummaryVersionsQuery,
} from '../../shared/summaries.ts';
import type { Language } from '../../shared/common.ts';
import type { NameDisplay } from '../../shared/users.constants.ts';
import { SUGGESTIONS_DEFAULT } from '../../shared/summaries.ts';
import { diffWords } from '../../shared/text-diff.ts';
import { recordAction } from '../audit/audit.repository.ts';
import { assertCanWrite, isOrganizer, moderatesDialogue, type Viewer } from '../auth/viewer.ts';
import type { Ctx } from '../context.ts';
import { visibleDialogue, visibleTopic } from '../dialogues/dialogues.service.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { decodeNumberCursor, encodeNumberCursor } from '../lib/cursor.ts';
import { newId } from '../lib/ids.ts';
import { nowIso } from '../lib/time.ts';
import { participantFrom } from '../exports/annex.phrases.ts';
import { assertModerates } from '../moderation/rights.ts';
import { citeSentences, keyPoints, type SourceComment } from './key-points.ts';
import {
  findSummary,
  findVersion,
  insertSummary,
  insertVersion,
  latestApprovedVersion,
  listVersions,
  lockSummaryScope,
  publishedCommentTexts,
  updateSummary,
  type SummaryScope,
  type VersionWithAuthor,
} from './summaries.repository.ts';

/** Where a summary route points: a dialogue by slug, or a topic by id. */
export type SummaryTarget = { slug: string } | { topicId: string };

async function resolveScope(ctx: Ctx, viewer: Viewer | null, target: SummaryTarget): Promise<SummaryScope> {
  if ('slug' in target) return { dialogueId: (await visibleDialogue(ctx, viewer, target.slug)).id, topicId: null };
  const { dialogue } = await visibleTopic(ctx, viewer, target.topicId);
  return { dialogueId: dialogue.id, topicId: target.topicId };
}

const emptySummary = (scope: SummaryScope): Summary => ({
  dialogueId: scope.dialogueId,
  topicId: scope.topicId,
  body: '',
  status: 'draft',
  version: 0,
  approvedVersion: null,
  updatedBy: null,
  updatedAt: null,
});

/**
 * The summary as one audience sees it: moderators the latest version, draft or approved; the
 * public the latest approved one. With nothing to show, version 0 with an empty body.
 */
export async function summaryView(db: Kysely<Database>, scope: SummaryScope, moderator: boolean): Promise<Summary> {
  const summary = await findSummary(db, scope);
  if (!summary) return emptySummary(scope);
  const approved = await latestApprovedVersion(db, summary.id);
  if (moderator) {
    return {
      ...emptySummary(scope),
      body: summary.body,
      status: summary.status,
      version: summary.version,
      approvedVersion: approved?.version ?? null,
      updatedBy: { id: summary.updated_by, displayName: summary.updated_by_name },
      updatedAt: summary.updated_at,
    };
  }
  if (!approved) return emptySummary(scope);
  return {
    ...emptySummary(scope),
    body: approved.body,
    status: 'approved',
    version: approved.version,
    approvedVersion: approved.version,
    updatedBy: { id: approved.author_id, displayName: approved.author_name },
    updatedAt: approved.created_at,
  };
}

export async function getSummary(ctx: Ctx, viewer: Viewer | null, target: SummaryTarget): Promise<Summary> {
  const scope = await resolveScope(ctx, viewer, target);
  return summaryView(ctx.db, scope, moderatesDialogue(viewer, scope.dialogueId));
}

/** Saves a new version; moderators write drafts, only organizers approve. */
export async function putSummary(ctx: Ctx, viewer: Viewer, target: SummaryTarget, input: PutSummaryBody): Promise<Summary> {
  const scope = await resolveScope(ctx, viewer, target);
  assertModerates(viewer, scope.dialogueId);
  assertCanWrite(viewer);
  if (input.status === 'approved' && !isOrganizer(viewer)) throw forbidden('Only an organizer can approve a summary; save it as a draft.');
  const now = nowIso();
  await ctx.write(async (trx) => {
    await lockSummaryScope(trx, scope);
    const current = await findSummary(trx, scope);
    const currentVersion = current?.version ?? 0;
    if (input.baseVersion !== undefined && input.baseVersion !== currentVersion) {
      throw new AppError(
        409,
        'summary_conflict',
        `Someone saved version ${currentVersion} since you started from version ${input.baseVersion}; reload it before saving.`,
      );
    }
    const version = currentVersion + 1;
    const summaryId = current?.id ?? newId();
    const fields = { body: input.body, status: input.status, version, updated_by: viewer.id, updated_at: now };
    if (current) await updateSummary(trx, summaryId, fields);
    else await insertSummary(trx, { id: summaryId, dialogue_id: scope.dialogueId, topic_id: scope.topicId, ...fields });
    await insertVersion(trx, { id: newId(), summary_id: summaryId, version, body: input.body, status: input.status, author_id: viewer.id, created_at: now });
    await recordAction(trx, {
      dialogueId: scope.dialogueId,
      actorId: viewer.id,
      action: input.status === 'approved' ? 'summary.approve' : 'summary.save',
      targetType: scope.topicId === null ? 'dialogue_summary' : 'topic_summary',
      targetId: scope.topicId ?? scope.dialogueId,
      before: current ? { version: current.version, status: current.status } : undefined,
      after: { version, status: input.status, length: input.body.length },
    });
  });
  ctx.realtime.summaryChanged(scope.dialogueId, scope.topicId);
  return summaryView(ctx.db, scope, true);
}

async function editableSummary(ctx: Ctx, viewer: Viewer, target: SummaryTarget) {
  const scope = await resolveScope(ctx, viewer, target);
  assertModerates(viewer, scope.dialogueId);
  return findSummary(ctx.db, scope);
}

const versionInfo = (row: VersionWithAuthor) => ({
  version: row.version,
  status: row.status,
  author: { id: row.author_id, displayName: row.author_name },
  createdAt: row.created_at,
});

export async function summaryVersions(ctx: Ctx, viewer: Viewer, target: SummaryTarget, query: SummaryVersionsQuery): Promise<SummaryVersionList> {
  const summary = await editableSummary(ctx, viewer, target);
  if (!summary) return { items: [], nextCursor: null };
  const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
  const rows = await listVersions(ctx.db, summary.id, query.after === undefined ? undefined : decodeNumberCursor(query.after), limit + 1);
  const items = rows.slice(0, limit).map(versionInfo);
  return { items, nextCursor: rows.length > limit ? encodeNumberCursor(items.at(-1)!.version) : null };
}

async function loadVersion(ctx: Ctx, summaryId: string | undefined, version: number): Promise<VersionWithAuthor> {
  const row = summaryId === undefined ? undefined : await findVersion(ctx.db, summaryId, version);
  if (!row) throw notFound(`Version ${version} of this summary`);
  return row;
}

export async function summaryVersion(ctx: Ctx, viewer: Viewer, target: SummaryTarget, version: number): Promise<SummaryVersion> {
  const summary = await editableSummary(ctx, viewer, target);
  const row = await loadVersion(ctx, summary?.id, version);
  return { ...versionInfo(row), body: row.body };
}

export async function summaryDiff(ctx: Ctx, viewer: Viewer, target: SummaryTarget, from: number, to: number): Promise<SummaryDiff> {
  const summary = await editableSummary(ctx, viewer, target);
  const [before, after] = [await loadVersion(ctx, summary?.id, from), await loadVersion(ctx, summary?.id, to)];
  return { from, to, parts: diffWords(before.body, after.body) };
}

async function topicComments(ctx: Ctx, viewer: Viewer, topicId: string) {
  const { dialogue } = await visibleTopic(ctx, viewer, topicId);
  assertModerates(viewer, dialogue.id);
  return publishedCommentTexts(ctx.db, topicId);
}

const sourcesOf = (rows: Awaited<ReturnType<typeof topicComments>>): SourceComment[] =>
  rows.map((row) => ({ id: row.id, markdown: row.body_markdown, language: row.language }));

/** The author as the thread names them: their name, or "participant from COUNTRY" (in `lang`) when they show only that. */
const shownAuthor = (row: { display_name: string; name_display: NameDisplay; country: string }, lang: Language): string =>
  row.name_display === 'country' ? participantFrom(row.country, lang) : row.display_name;

/** The most representative sentences of the topic's published comments, each with its comment and author. */
export async function suggestKeyPoints(ctx: Ctx, viewer: Viewer, topicId: string, query: SuggestionsQuery = {}): Promise<Suggestions> {
  const rows = await topicComments(ctx, viewer, topicId);
  const authors = new Map(rows.map((row) => [row.id, shownAuthor(row, query.lang ?? 'en')]));
  const sentences = keyPoints(sourcesOf(rows), query.limit ?? SUGGESTIONS_DEFAULT);
  return { sentences: sentences.map((sentence) => ({ ...sentence, author: authors.get(sentence.commentId)! })) };
}

/** Each sentence of a draft summary with the published comments that support it (none: it cites no comment). */
export async function summaryCitations(ctx: Ctx, viewer: Viewer, topicId: string, body: string): Promise<Citations> {
  return { sentences: citeSentences(body, sourcesOf(await topicComments(ctx, viewer, topicId))) };
}

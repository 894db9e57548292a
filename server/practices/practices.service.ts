import { PAGE_LIMIT_DEFAULT } from '../../shared/common.constants.ts';
import {
  continentOfCountries,
  normalizeTheme,
  PRACTICE_CONTINENTS,
  PRACTICE_STATUSES,
  PRACTICE_TRANSITIONS,
  SUBMITTER_EDITABLE,
  uniqueThemes,
} from '../../shared/practices.constants.ts';
import type {
  CreatePracticeBody,
  PatchPracticeBody,
  Practice,
  PracticeList,
  PracticeListQuery,
  PracticeModerationBody,
  PracticeStats,
  PracticeStatsQuery,
} from '../../shared/practices.ts';
import type { CountryCode } from '../../shared/countries.ts';
import type { DialogueRow } from '../../db/tables/dialogues.table.ts';
import type { PracticeRow, PracticeUpdate } from '../../db/tables/practices.table.ts';
import { recordAction } from '../audit/audit.repository.ts';
import { assertCanWrite, isOrganizer, moderatesAnyDialogue, moderatesDialogue, type Viewer } from '../auth/viewer.ts';
import { findComment } from '../comments/comments.repository.ts';
import type { Ctx } from '../context.ts';
import { findDialogueById, findDialogueBySlug } from '../dialogues/dialogues.repository.ts';
import { practiceThemesOf, visibleDialogue, visibleTopic } from '../dialogues/dialogues.service.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { decodeCursor, encodeCursor, invalidCursor } from '../lib/cursor.ts';
import { newId } from '../lib/ids.ts';
import { renderMarkdown } from '../lib/markdown.ts';
import { nowIso } from '../lib/time.ts';
import { practiceIdsMatching } from '../search/search.service.ts';
import { toPracticeDto, type PracticeReader } from './practices.mapper.ts';
import { tellSubmitter } from './practice-notice.ts';
import {
  changePracticeIf,
  findPractice,
  findPracticeWithPeople,
  insertPractice,
  listPractices,
  publishedFacets,
  type PracticeFilters,
  type PracticeScope,
  type PracticeWithPeople,
} from './practices.repository.ts';

// Who moderates a practice: organizers always; a moderator when they moderate the dialogue that
// gathered it; a practice gathered by no dialogue, anyone who moderates a dialogue at all. Anyone
// sees a published practice; one in any other status only its submitter and those who moderate it
// (everyone else gets 404, as if it did not exist).

function moderatesPractice(viewer: Viewer | null, practice: Pick<PracticeRow, 'dialogue_id'>): boolean {
  if (viewer === null) return false;
  if (isOrganizer(viewer)) return true;
  return practice.dialogue_id === null ? moderatesAnyDialogue(viewer) : moderatesDialogue(viewer, practice.dialogue_id);
}

const seesPractice = (viewer: Viewer | null, practice: Pick<PracticeRow, 'status' | 'submitted_by' | 'dialogue_id'>): boolean =>
  practice.status === 'published' || (viewer !== null && practice.submitted_by === viewer.id) || moderatesPractice(viewer, practice);

function readerOf(viewer: Viewer | null, row: PracticeWithPeople): PracticeReader {
  return {
    viewerId: viewer?.id ?? null,
    organizer: isOrganizer(viewer),
    moderates: moderatesPractice(viewer, row),
    seesDialogue: row.dialogue_published === 1 || isOrganizer(viewer),
  };
}

function scopeOf(viewer: Viewer | null): PracticeScope {
  if (viewer === null) return { everything: false, viewerId: null, dialogueIds: [], unattached: false };
  return {
    everything: isOrganizer(viewer),
    viewerId: viewer.id,
    dialogueIds: viewer.role === 'moderator' ? viewer.moderatedDialogueIds : [],
    unattached: moderatesAnyDialogue(viewer),
  };
}

/** The practice, when this viewer may know it exists (404 otherwise). */
async function loadVisible(ctx: Ctx, viewer: Viewer | null, practiceId: string): Promise<PracticeRow> {
  const row = await findPractice(ctx.db, practiceId);
  if (!row || !seesPractice(viewer, row)) throw notFound('This practice');
  return row;
}

async function practiceDto(ctx: Ctx, viewer: Viewer | null, practiceId: string): Promise<Practice> {
  const row = await findPracticeWithPeople(ctx.db, practiceId);
  if (!row || !seesPractice(viewer, row)) throw notFound('This practice');
  return toPracticeDto(row, readerOf(viewer, row));
}

/** For the edit route's guard, before the body is read: 404 for a practice the viewer may not see, 403 for one they may not change. */
export async function assertMayEdit(ctx: Ctx, viewer: Viewer, practiceId: string): Promise<void> {
  const row = await loadVisible(ctx, viewer, practiceId);
  if (row.submitted_by !== viewer.id && !moderatesPractice(viewer, row)) {
    throw forbidden('Only the submitter or a moderator of this practice can change it.');
  }
}

/** For the moderation route's guard, before the body is read: 404 for a practice the viewer may not see, 403 for one they do not moderate. */
export async function assertModeratesPractice(ctx: Ctx, viewer: Viewer, practiceId: string): Promise<PracticeRow> {
  const row = await loadVisible(ctx, viewer, practiceId);
  if (!moderatesPractice(viewer, row)) throw forbidden('Only a moderator of this practice’s dialogue can decide on it.');
  return row;
}

const continentRequired = (): AppError =>
  new AppError(400, 'continent_required', 'None of these countries is on a continent a practice is filed under: choose the continent.');

/** The continent given, or the one most of the countries are on. */
function continentFor(given: Practice['continent'] | null | undefined, countries: readonly string[]): Practice['continent'] {
  const continent = given ?? continentOfCountries(countries as CountryCode[]);
  if (!continent) throw continentRequired();
  return continent;
}

/**
 * Where a practice submitted from a comment comes from: a published comment the viewer can see
 * (404 for one they cannot, 409 `comment_not_published` for one held, hidden or withdrawn); its
 * dialogue is the practice's.
 */
async function sourceOf(ctx: Ctx, viewer: Viewer, commentId: string): Promise<{ commentId: string; dialogue: DialogueRow }> {
  const comment = await findComment(ctx.db, commentId);
  if (!comment) throw notFound('This comment');
  const { dialogue } = await visibleTopic(ctx, viewer, comment.topic_id);
  if (comment.status !== 'published') {
    throw new AppError(409, 'comment_not_published', 'A good practice can only be submitted from a published comment.');
  }
  return { commentId, dialogue };
}

const trimmedOrNull = (text: string | null | undefined): string | null => (text === null || text === undefined || text.trim() === '' ? null : text.trim());

/** Submits a practice for review (`submitted`); it is searchable, by those who may see it, from the start. */
export async function createPractice(ctx: Ctx, viewer: Viewer, input: CreatePracticeBody): Promise<Practice> {
  assertCanWrite(viewer);
  let dialogue: DialogueRow | null = null;
  let sourceCommentId: string | null = null;
  if (input.sourceCommentId) {
    const source = await sourceOf(ctx, viewer, input.sourceCommentId);
    if (input.dialogueSlug && input.dialogueSlug !== source.dialogue.slug) {
      throw new AppError(
        400,
        'validation_failed',
        'body/dialogueSlug: a practice submitted from a comment belongs to that comment’s dialogue; leave dialogueSlug out.',
      );
    }
    dialogue = source.dialogue;
    sourceCommentId = source.commentId;
  } else if (input.dialogueSlug) {
    dialogue = await visibleDialogue(ctx, viewer, input.dialogueSlug);
  }
  const continent = continentFor(input.continent, input.countries);
  const id = newId();
  const now = nowIso();
  await ctx.write((trx) =>
    insertPractice(trx, {
      id,
      title: input.title.trim(),
      organization: input.organization.trim(),
      countries: JSON.stringify(input.countries),
      continent,
      themes: JSON.stringify(uniqueThemes(input.themes, dialogue ? practiceThemesOf(dialogue) : [])),
      description: input.description,
      description_html: renderMarkdown(input.description),
      link: input.link ?? null,
      contact: trimmedOrNull(input.contact),
      language: input.language,
      dialogue_id: dialogue?.id ?? null,
      source_comment_id: sourceCommentId,
      status: 'submitted',
      return_reason: null,
      submitted_by: viewer.id,
      moderated_by: null,
      moderated_at: null,
      created_at: now,
      updated_at: now,
      published_at: null,
    }),
  );
  return practiceDto(ctx, viewer, id);
}

/** One practice, as this viewer may see it. */
export const getPractice = (ctx: Ctx, viewer: Viewer | null, practiceId: string): Promise<Practice> => practiceDto(ctx, viewer, practiceId);

/** What an audit entry records of a practice: everything a reader of the log may see (never the contact). */
async function auditState(db: Ctx['db'], row: PracticeRow) {
  const dialogue = row.dialogue_id ? await findDialogueById(db, row.dialogue_id) : undefined;
  return {
    title: row.title,
    organization: row.organization,
    countries: JSON.parse(row.countries) as string[],
    continent: row.continent,
    themes: JSON.parse(row.themes) as string[],
    description: row.description,
    link: row.link,
    language: row.language,
    dialogue: dialogue?.slug ?? null,
    status: row.status,
  };
}

/**
 * Changes a practice. Its submitter may while it is `submitted` or `returned` (409
 * `practice_not_editable` once a moderator published or unpublished it); their edit of a returned
 * practice submits it again, audited as a resubmission. Its moderators may at any time, audited
 * with the practice before and after; the status stays.
 */
export async function patchPractice(ctx: Ctx, viewer: Viewer, practiceId: string, patch: PatchPracticeBody): Promise<Practice> {
  const row = await loadVisible(ctx, viewer, practiceId);
  const moderates = moderatesPractice(viewer, row);
  if (row.submitted_by !== viewer.id && !moderates) throw forbidden('Only the submitter or a moderator of this practice can change it.');
  assertCanWrite(viewer);
  const notEditable = (): AppError => new AppError(409, 'practice_not_editable', 'This practice has been reviewed: only a moderator can change it now.');
  if (!moderates && !SUBMITTER_EDITABLE.includes(row.status)) throw notEditable();

  const changes: PracticeUpdate = { updated_at: nowIso() };
  let dialogueId = row.dialogue_id;
  if (patch.dialogueSlug !== undefined) {
    dialogueId = patch.dialogueSlug === null ? null : (await visibleDialogue(ctx, viewer, patch.dialogueSlug)).id;
    if (dialogueId !== row.dialogue_id) {
      changes.dialogue_id = dialogueId;
      // The comment it came from belongs to the dialogue it leaves.
      changes.source_comment_id = null;
    }
  }
  if (patch.title !== undefined) changes.title = patch.title.trim();
  if (patch.organization !== undefined) changes.organization = patch.organization.trim();
  const countries = patch.countries ?? (JSON.parse(row.countries) as string[]);
  if (patch.countries !== undefined) changes.countries = JSON.stringify(patch.countries);
  if (patch.continent !== undefined) changes.continent = continentFor(patch.continent, countries);
  if (patch.themes !== undefined) {
    const dialogue = dialogueId ? await findDialogueById(ctx.db, dialogueId) : undefined;
    changes.themes = JSON.stringify(uniqueThemes(patch.themes, dialogue ? practiceThemesOf(dialogue) : []));
  }
  if (patch.description !== undefined) {
    changes.description = patch.description;
    changes.description_html = renderMarkdown(patch.description);
  }
  if (patch.link !== undefined) changes.link = patch.link;
  if (patch.contact !== undefined) changes.contact = trimmedOrNull(patch.contact);
  if (patch.language !== undefined) changes.language = patch.language;
  const resubmits = !moderates && row.status === 'returned';
  if (resubmits) changes.status = 'submitted';

  const before = await auditState(ctx.db, row);
  const done = await ctx.write(async (trx) => {
    // A moderator's decision between reading and writing wins over the submitter's edit.
    if (!(await changePracticeIf(trx, practiceId, moderates ? PRACTICE_STATUSES : [row.status], changes))) return false;
    if (moderates || resubmits) {
      const after = await auditState(trx, (await findPractice(trx, practiceId))!);
      await recordAction(trx, {
        dialogueId: row.dialogue_id ?? dialogueId,
        actorId: viewer.id,
        action: resubmits ? 'practice.resubmit' : 'practice.edit',
        targetType: 'practice',
        targetId: practiceId,
        before,
        after,
      });
    }
    return true;
  });
  if (!done) throw notEditable();
  return practiceDto(ctx, viewer, practiceId);
}

const alreadyModerated = (): AppError =>
  new AppError(409, 'already_moderated', 'Another moderator has already dealt with this practice, or it is not in a state this action applies to.');

/**
 * A moderator publishes, returns (with a reason the submitter reads) or unpublishes a practice, as
 * PRACTICE_TRANSITIONS allow (409 `already_moderated` from any other status, as when another
 * moderator got there first). Audited; the submitter is told in the app and by mail.
 */
export async function moderatePractice(ctx: Ctx, viewer: Viewer, practiceId: string, input: PracticeModerationBody): Promise<Practice> {
  const row = await assertModeratesPractice(ctx, viewer, practiceId);
  const reason = input.reason?.trim() || null;
  if (input.action === 'return' && !reason) {
    throw new AppError(400, 'reason_required', 'Say why it is returned: the submitter reads it to change their practice.');
  }
  const transition = PRACTICE_TRANSITIONS[input.action];
  if (!transition.from.includes(row.status)) throw alreadyModerated();
  const now = nowIso();
  const changes: PracticeUpdate = {
    status: transition.to,
    return_reason: input.action === 'return' ? reason : null,
    moderated_by: viewer.id,
    moderated_at: now,
    ...(transition.to === 'published' && row.published_at === null ? { published_at: now } : {}),
  };
  // A moderator deciding on their own practice is not told about it.
  let told = false;
  const done = await ctx.write(async (trx) => {
    if (!(await changePracticeIf(trx, practiceId, transition.from, changes))) return false;
    const current = (await findPractice(trx, practiceId))!;
    await recordAction(trx, {
      dialogueId: current.dialogue_id,
      actorId: viewer.id,
      action: `practice.${input.action}`,
      targetType: 'practice',
      targetId: practiceId,
      reason,
      before: { status: row.status },
      after: { status: transition.to },
    });
    if (current.submitted_by !== viewer.id) {
      told = await tellSubmitter(ctx, trx, {
        submitterId: current.submitted_by,
        practiceId,
        title: current.title,
        decision: input.action,
        reason: reason ?? '',
        now,
      });
    }
    return true;
  });
  if (!done) throw alreadyModerated();
  if (told) ctx.realtime.notified(row.submitted_by);
  return practiceDto(ctx, viewer, practiceId);
}

/**
 * The dialogue a filter names, when the viewer may see it; undefined for no filter, null for a
 * dialogue they may not see (nothing matches it).
 */
async function dialogueFilter(ctx: Ctx, viewer: Viewer | null, slug: string | undefined): Promise<string | null | undefined> {
  if (slug === undefined) return undefined;
  const dialogue = await findDialogueBySlug(ctx.db, slug);
  return dialogue && (dialogue.published === 1 || isOrganizer(viewer)) ? dialogue.id : null;
}

function decodePracticeCursor(cursor: string): { createdAt: string; id: string } {
  const position = decodeCursor(cursor, ['createdAt', 'id']);
  if (Number.isNaN(Date.parse(position.createdAt))) throw invalidCursor();
  return position;
}

/** The filters shared by the list, the stats and the export; null when nothing can match. */
export async function filtersOf(ctx: Ctx, viewer: Viewer | null, query: PracticeStatsQuery): Promise<PracticeFilters | null> {
  const dialogueId = await dialogueFilter(ctx, viewer, query.dialogue);
  if (dialogueId === null) return null;
  const theme = query.theme === undefined ? undefined : normalizeTheme(query.theme);
  return {
    ...(query.continent ? { continent: query.continent } : {}),
    ...(query.country ? { country: query.country } : {}),
    ...(theme ? { theme } : {}),
    ...(dialogueId ? { dialogueId } : {}),
    ...(query.language ? { language: query.language } : {}),
  };
}

/**
 * The practices this viewer may see that pass the filters, newest first: anyone sees the
 * published ones, a submitter also their own in any status, a moderator every practice they
 * moderate. `q` keeps those its words find (the full-text search of /api/search).
 */
export async function listPracticesFor(ctx: Ctx, viewer: Viewer | null, query: PracticeListQuery): Promise<PracticeList> {
  const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
  const after = query.after === undefined ? undefined : decodePracticeCursor(query.after);
  const empty: PracticeList = { items: [], nextCursor: null };
  const filters = await filtersOf(ctx, viewer, query);
  if (filters === null || (query.mine && viewer === null)) return empty;
  if (query.status) filters.status = query.status;
  if (query.mine && viewer) filters.submittedBy = viewer.id;
  if (query.q !== undefined) {
    const ids = await practiceIdsMatching(ctx, viewer, query.q);
    if (ids !== null) filters.ids = ids;
  }
  const rows = await listPractices(ctx.db, ctx.dialect, { filters, scope: scopeOf(viewer), limit: limit + 1, ...(after ? { after } : {}) });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toPracticeDto(row, readerOf(viewer, row))),
    nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
  };
}

type KeyCount = PracticeStats['byContinent'][number];

/** Most first; ties in `order` (the continents) or by key. */
function ranked(counts: Map<string, number>, order?: readonly string[]): KeyCount[] {
  const place = (key: string): number => order?.indexOf(key) ?? 0;
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || place(a.key) - place(b.key) || a.key.localeCompare(b.key));
}

/**
 * How many published practices pass the filters, by continent (all six, none left out), by country
 * and by theme (a practice counts once for each of its countries and themes).
 */
export async function practiceStats(ctx: Ctx, viewer: Viewer | null, query: PracticeStatsQuery): Promise<PracticeStats> {
  const filters = await filtersOf(ctx, viewer, query);
  const rows = filters === null ? [] : await publishedFacets(ctx.db, ctx.dialect, filters);
  const byContinent = new Map<string, number>(PRACTICE_CONTINENTS.map((continent) => [continent, 0]));
  const byCountry = new Map<string, number>();
  const byTheme = new Map<string, number>();
  const add = (counts: Map<string, number>, key: string): void => {
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (const row of rows) {
    add(byContinent, row.continent);
    for (const country of JSON.parse(row.countries) as string[]) add(byCountry, country);
    for (const theme of JSON.parse(row.themes) as string[]) add(byTheme, theme);
  }
  return {
    total: rows.length,
    byContinent: ranked(byContinent, PRACTICE_CONTINENTS),
    byCountry: ranked(byCountry),
    byTheme: ranked(byTheme),
  };
}

import type { Language } from '../../shared/common.ts';
import type {
  CreateDialogueBody,
  CreateTopicBody,
  Dialogue,
  DialogueStatus,
  DialogueSummary,
  DialogueTranslations,
  PatchDialogueBody,
  PatchTopicBody,
  Topic,
  TopicTranslations,
} from '../../shared/dialogues.ts';
import { isUniqueViolation } from '../../db/create-db.ts';
import type { DialogueRow, DialogueUpdate, TopicRow } from '../../db/tables/dialogues.table.ts';
import { renderMarkdown } from '../lib/markdown.ts';
import { recordAction } from '../audit/audit.repository.ts';
import { isOrganizer, moderatesDialogue, type Viewer } from '../auth/viewer.ts';
import type { Ctx } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { newId } from '../lib/ids.ts';
import { nowIso, toIso } from '../lib/time.ts';
import {
  findDialogueById,
  findDialogueBySlug,
  findTopic,
  findTopicWithCount,
  insertDialogue,
  insertTopic,
  listDialogues,
  listTopics,
  nextTopicNumber,
  updateDialogue,
  updateTopic,
  type TopicWithCount,
} from './dialogues.repository.ts';

export function dialogueStatus(row: Pick<DialogueRow, 'opens_at' | 'closes_at'>, now = Date.now()): DialogueStatus {
  if (now < Date.parse(row.opens_at)) return 'announced';
  if (now >= Date.parse(row.closes_at)) return 'closed';
  return 'open';
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The dialogue's languages, stored as JSON text, the first its default. */
export const languagesOf = (row: Pick<DialogueRow, 'languages'>): Language[] => JSON.parse(row.languages) as Language[];

/** A dialogue's or a topic's texts in its other languages, stored as JSON text. */
export const dialogueTranslationsOf = (row: Pick<DialogueRow, 'translations'>): DialogueTranslations => JSON.parse(row.translations) as DialogueTranslations;
export const topicTranslationsOf = (row: Pick<TopicRow, 'translations'>): TopicTranslations => JSON.parse(row.translations) as TopicTranslations;

/** How long authors may edit a comment in this dialogue: its own setting, or the server's. */
export const editWindowOf = (ctx: Ctx, row: Pick<DialogueRow, 'edit_window_minutes'>): number => row.edit_window_minutes ?? ctx.config.editWindowMinutes;

/** The dialogue as this viewer sees it: its moderation settings only for its moderators and organizers. */
function toDialogueSummary(ctx: Ctx, row: DialogueRow, viewer: Viewer | null): DialogueSummary {
  const summary: DialogueSummary = {
    id: row.id,
    slug: row.slug,
    title: row.title,
    theme: row.theme,
    description: row.description,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    timeZone: row.time_zone,
    moderation: row.moderation,
    languages: languagesOf(row),
    hostDescription: row.host_description,
    annexLabel: row.annex_label,
    annexLeadIn: row.annex_lead_in,
    translations: dialogueTranslationsOf(row),
    published: row.published === 1,
    status: dialogueStatus(row),
    createdAt: row.created_at,
    editWindowMinutes: editWindowOf(ctx, row),
    wallEnabled: row.wall_enabled === 1,
    quoteAttribution: row.quote_attribution,
  };
  if (moderatesDialogue(viewer, row.id)) {
    summary.reportsToHold = row.reports_to_hold;
    summary.holdFirstComment = row.hold_first_comment === 1;
  }
  return summary;
}

export function toTopicDto(row: TopicWithCount, dialogueSlug: string): Topic {
  return {
    id: row.id,
    dialogueId: row.dialogue_id,
    dialogueSlug,
    number: row.number,
    question: row.question,
    description: row.description,
    descriptionHtml: renderMarkdown(row.description),
    translations: topicTranslationsOf(row),
    commentCount: Number(row.comment_count),
    locked: row.locked === 1,
  };
}

/** Unpublished dialogues exist only for organizers; everyone else gets a plain 404. */
export async function visibleDialogue(ctx: Ctx, viewer: Viewer | null, slug: string): Promise<DialogueRow> {
  const row = await findDialogueBySlug(ctx.db, slug);
  if (!row || (row.published !== 1 && !isOrganizer(viewer))) throw notFound('This dialogue');
  return row;
}

async function toDialogue(ctx: Ctx, row: DialogueRow, viewer: Viewer | null): Promise<Dialogue> {
  const topics = await listTopics(ctx.db, row.id);
  return { ...toDialogueSummary(ctx, row, viewer), topics: topics.map((t) => toTopicDto(t, row.slug)) };
}

const dialogueCursor = (row: DialogueRow): string => encodeCursor({ opensAt: row.opens_at, id: row.id });

export async function listDialogueSummaries(
  ctx: Ctx,
  viewer: Viewer | null,
  page: { limit: number; after?: string },
): Promise<{ items: DialogueSummary[]; nextCursor: string | null }> {
  const rows = await listDialogues(ctx.db, {
    includeUnpublished: isOrganizer(viewer),
    limit: page.limit + 1,
    after: page.after ? decodeCursor(page.after, ['opensAt', 'id']) : null,
  });
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { items: items.map((row) => toDialogueSummary(ctx, row, viewer)), nextCursor: rows.length > page.limit && last ? dialogueCursor(last) : null };
}

export async function getDialogue(ctx: Ctx, viewer: Viewer | null, slug: string): Promise<Dialogue> {
  return toDialogue(ctx, await visibleDialogue(ctx, viewer, slug), viewer);
}

function assertWindowAndZone(opensAt: string, closesAt: string, timeZone: string): void {
  if (Date.parse(closesAt) <= Date.parse(opensAt)) {
    throw new AppError(400, 'invalid_window', 'closesAt must be later than opensAt.');
  }
  if (!isValidTimeZone(timeZone)) {
    throw new AppError(400, 'invalid_time_zone', `"${timeZone}" is not an IANA time zone name such as Europe/Zurich.`);
  }
}

const slugTaken = (slug: string): AppError => new AppError(409, 'slug_taken', `A dialogue with the slug "${slug}" already exists.`);

export async function createDialogue(ctx: Ctx, viewer: Viewer, input: CreateDialogueBody): Promise<Dialogue> {
  const timeZone = input.timeZone ?? 'UTC';
  assertWindowAndZone(input.opensAt, input.closesAt, timeZone);
  const now = nowIso();
  const id = newId();
  try {
    await insertDialogue(ctx.db, {
      id,
      slug: input.slug,
      title: input.title.trim(),
      theme: input.theme.trim(),
      description: input.description,
      opens_at: toIso(Date.parse(input.opensAt)),
      closes_at: toIso(Date.parse(input.closesAt)),
      time_zone: timeZone,
      moderation: input.moderation,
      languages: JSON.stringify(input.languages),
      host_description: input.hostDescription ?? '',
      annex_label: input.annexLabel ?? '',
      annex_lead_in: input.annexLeadIn ?? '',
      published: input.published === false ? 0 : 1,
      ...(input.reportsToHold === undefined ? {} : { reports_to_hold: input.reportsToHold }),
      ...(input.holdFirstComment === undefined ? {} : { hold_first_comment: input.holdFirstComment ? 1 : 0 }),
      created_by: viewer.id,
      created_at: now,
      updated_at: now,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(input.slug);
    throw error;
  }
  const row = (await findDialogueById(ctx.db, id))!;
  await recordAction(ctx.db, { dialogueId: id, actorId: viewer.id, action: 'dialogue.create', targetType: 'dialogue', targetId: id, after: input });
  return toDialogue(ctx, row, viewer);
}

/**
 * Organizers change a dialogue's settings, its moderation policy among them (post- or
 * pre-moderation, how many reports hold a comment, whether first comments wait); audited with the
 * settings before and after.
 */
export async function patchDialogue(ctx: Ctx, viewer: Viewer, slug: string, patch: PatchDialogueBody): Promise<Dialogue> {
  const row = await visibleDialogue(ctx, viewer, slug);
  const opensAt = patch.opensAt ? toIso(Date.parse(patch.opensAt)) : row.opens_at;
  const closesAt = patch.closesAt ? toIso(Date.parse(patch.closesAt)) : row.closes_at;
  assertWindowAndZone(opensAt, closesAt, patch.timeZone ?? row.time_zone);
  const changes: DialogueUpdate = { updated_at: nowIso(), opens_at: opensAt, closes_at: closesAt };
  if (patch.slug !== undefined) changes.slug = patch.slug;
  if (patch.title !== undefined) changes.title = patch.title.trim();
  if (patch.theme !== undefined) changes.theme = patch.theme.trim();
  if (patch.description !== undefined) changes.description = patch.description;
  if (patch.moderation !== undefined) changes.moderation = patch.moderation;
  if (patch.languages !== undefined) changes.languages = JSON.stringify(patch.languages);
  if (patch.timeZone !== undefined) changes.time_zone = patch.timeZone;
  if (patch.hostDescription !== undefined) changes.host_description = patch.hostDescription;
  if (patch.annexLabel !== undefined) changes.annex_label = patch.annexLabel;
  if (patch.annexLeadIn !== undefined) changes.annex_lead_in = patch.annexLeadIn;
  if (patch.published !== undefined) changes.published = patch.published ? 1 : 0;
  if (patch.reportsToHold !== undefined) changes.reports_to_hold = patch.reportsToHold;
  if (patch.holdFirstComment !== undefined) changes.hold_first_comment = patch.holdFirstComment ? 1 : 0;
  const updated = await ctx.write(async (trx) => {
    try {
      await updateDialogue(trx, row.id, changes);
    } catch (error) {
      if (isUniqueViolation(error)) throw slugTaken(patch.slug ?? row.slug);
      throw error;
    }
    const after = (await findDialogueById(trx, row.id))!;
    await recordAction(trx, {
      dialogueId: row.id,
      actorId: viewer.id,
      action: 'dialogue.update',
      targetType: 'dialogue',
      targetId: row.id,
      before: toDialogueSummary(ctx, row, viewer),
      after: toDialogueSummary(ctx, after, viewer),
    });
    return after;
  });
  if (row.published === 1 && updated.published !== 1) ctx.realtime.dialogueUnpublished(row.id);
  return toDialogue(ctx, updated, viewer);
}

const numberTaken = (n: number): AppError => new AppError(409, 'topic_number_taken', `Topic ${n} already exists in this dialogue.`);

export async function createTopic(ctx: Ctx, viewer: Viewer, slug: string, input: CreateTopicBody): Promise<Topic> {
  const dialogue = await visibleDialogue(ctx, viewer, slug);
  const number = input.number ?? (await nextTopicNumber(ctx.db, dialogue.id));
  const now = nowIso();
  const id = newId();
  try {
    await insertTopic(ctx.db, {
      id,
      dialogue_id: dialogue.id,
      number,
      question: input.question.trim(),
      description: input.description ?? '',
      locked: 0,
      translations: JSON.stringify(input.translations ?? {}),
      last_seq: 0,
      version: 0,
      created_at: now,
      updated_at: now,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw numberTaken(number);
    throw error;
  }
  await recordAction(ctx.db, { dialogueId: dialogue.id, actorId: viewer.id, action: 'topic.create', targetType: 'topic', targetId: id, after: input });
  ctx.realtime.topicChanged(id);
  return toTopicDto((await findTopicWithCount(ctx.db, id))!, dialogue.slug);
}

/** 404 unless the dialogue exists and this viewer may see it (organizers see unpublished ones). */
export async function assertDialogueVisible(ctx: Ctx, viewer: Viewer | null, dialogueId: string): Promise<void> {
  const dialogue = await findDialogueById(ctx.db, dialogueId);
  if (!dialogue || (dialogue.published !== 1 && !isOrganizer(viewer))) throw notFound('This dialogue');
}

export const isPublishedDialogue = async (ctx: Ctx, dialogueId: string): Promise<boolean> => (await findDialogueById(ctx.db, dialogueId))?.published === 1;

/** The ids of a dialogue's topics, in their order. */
export const topicIdsOf = async (ctx: Ctx, dialogueId: string): Promise<string[]> => (await listTopics(ctx.db, dialogueId)).map((topic) => topic.id);

/** A topic and its dialogue, as far as this viewer may see them. */
export async function visibleTopic(ctx: Ctx, viewer: Viewer | null, topicId: string) {
  const topic = await findTopic(ctx.db, topicId);
  const dialogue = topic ? await findDialogueById(ctx.db, topic.dialogue_id) : undefined;
  if (!topic || !dialogue || (dialogue.published !== 1 && !isOrganizer(viewer))) throw notFound('This topic');
  return { topic, dialogue };
}

export async function getTopic(ctx: Ctx, viewer: Viewer | null, topicId: string): Promise<Topic> {
  const { dialogue } = await visibleTopic(ctx, viewer, topicId);
  return toTopicDto((await findTopicWithCount(ctx.db, topicId))!, dialogue.slug);
}

/** Organizers edit a topic's wording; the dialogue's moderators (and organizers) lock and unlock it, audited and announced live. */
export async function patchTopic(ctx: Ctx, viewer: Viewer, topicId: string, patch: PatchTopicBody): Promise<Topic> {
  const wordingChange = patch.question !== undefined || patch.description !== undefined || patch.number !== undefined;
  if (wordingChange && !isOrganizer(viewer)) throw forbidden('Only an organizer can change a topic’s wording or number.');
  const { topic, dialogue } = await visibleTopic(ctx, viewer, topicId);
  if (!moderatesDialogue(viewer, dialogue.id)) throw forbidden('Only a moderator of this dialogue can lock or unlock a topic.');
  try {
    await updateTopic(ctx.db, topicId, {
      updated_at: nowIso(),
      ...(patch.question !== undefined ? { question: patch.question.trim() } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.number !== undefined ? { number: patch.number } : {}),
      ...(patch.locked !== undefined ? { locked: patch.locked ? 1 : 0 } : {}),
    });
  } catch (error) {
    if (isUniqueViolation(error) && patch.number !== undefined) throw numberTaken(patch.number);
    throw error;
  }
  const updated = (await findTopicWithCount(ctx.db, topicId))!;
  await recordAction(ctx.db, {
    dialogueId: dialogue.id,
    actorId: viewer.id,
    action: patch.locked === undefined ? 'topic.update' : patch.locked ? 'topic.lock' : 'topic.unlock',
    targetType: 'topic',
    targetId: topicId,
    before: toTopicDto({ ...topic, comment_count: updated.comment_count }, dialogue.slug),
    after: toTopicDto(updated, dialogue.slug),
  });
  ctx.realtime.topicChanged(topicId);
  return toTopicDto(updated, dialogue.slug);
}

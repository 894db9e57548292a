import { LANGUAGES, type Language } from '../../shared/common.constants.ts';
import type {
  CopyDialogueBody,
  CreateDialogueBody,
  CreateTopicBody,
  Dialogue,
  DialogueStatus,
  DialogueSummary,
  DialogueTranslations,
  PatchDialogueBody,
  PatchTopicBody,
  Topic,
  TopicOrderBody,
  TopicTranslations,
} from '../../shared/dialogues.ts';
import { uniqueThemes } from '../../shared/practices.constants.ts';
import { isUniqueViolation } from '../../db/create-db.ts';
import type { DialogueRow, DialogueUpdate, TopicRow } from '../../db/tables/dialogues.table.ts';
import { renderMarkdown } from '../lib/markdown.ts';
import { recordAction } from '../audit/audit.repository.ts';
import { isOrganizer, moderatesDialogue, type Viewer } from '../auth/viewer.ts';
import type { Ctx } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { newId } from '../lib/ids.ts';
import { isValidTimeZone } from '../lib/calendar.ts';
import { nowIso, toIso } from '../lib/time.ts';
import { appointedDialogueIds, listDialogueModerators, setRole } from '../moderation/moderators.repository.ts';
import {
  commentTotals,
  copyWatchedWords,
  deleteDialogue as deleteDialogueRows,
  deleteTopic as deleteTopicRows,
  findDialogueById,
  findDialogueBySlug,
  findTopic,
  findTopicWithCount,
  insertDialogue,
  insertTopic,
  listDialogues,
  listTopics,
  lockTopicsOf,
  nextTopicNumber,
  renumberTopics,
  topicCommentTotal,
  updateDialogue,
  updateTopic,
  type TopicWithCount,
} from './dialogues.repository.ts';

export function dialogueStatus(row: Pick<DialogueRow, 'opens_at' | 'closes_at'>, now = Date.now()): DialogueStatus {
  if (now < Date.parse(row.opens_at)) return 'announced';
  if (now >= Date.parse(row.closes_at)) return 'closed';
  return 'open';
}

/** The dialogue's languages, stored as JSON text, the first its default. */
export const languagesOf = (row: Pick<DialogueRow, 'languages'>): Language[] => JSON.parse(row.languages) as Language[];

/** A dialogue's or a topic's texts in its other languages, stored as JSON text. */
export const dialogueTranslationsOf = (row: Pick<DialogueRow, 'translations'>): DialogueTranslations => JSON.parse(row.translations) as DialogueTranslations;
export const topicTranslationsOf = (row: Pick<TopicRow, 'translations'>): TopicTranslations => JSON.parse(row.translations) as TopicTranslations;

/** The managed list of themes offered to a good practice gathered by the dialogue, stored as JSON text. */
export const practiceThemesOf = (row: Pick<DialogueRow, 'practice_themes'>): string[] => JSON.parse(row.practice_themes) as string[];

/** How long authors may edit a comment in this dialogue: its own setting, or the server's. */
export const editWindowOf = (ctx: Ctx, row: Pick<DialogueRow, 'edit_window_minutes'>): number => row.edit_window_minutes ?? ctx.config.editWindowMinutes;

type Texts = Partial<Record<string, string>>;
type ByLanguage<T extends Texts> = Partial<Record<Language, T>>;

/** Texts written on one line, trimmed like their base fields. */
const ONE_LINE_FIELDS = new Set(['title', 'theme', 'question']);

/** One language's texts without the empty ones, which fall back to the base text. */
function keptTexts<T extends Texts>(texts: T): T {
  const kept: Texts = {};
  for (const [field, text] of Object.entries(texts)) {
    if (text !== undefined && text.trim() !== '') kept[field] = ONE_LINE_FIELDS.has(field) ? text.trim() : text;
  }
  return kept as T;
}

/**
 * Stored translations with `given` applied: each language it names has its texts replaced by the
 * given ones (empty texts dropped; none left removes the language); languages it does not name
 * are kept. 400 for texts in a language the dialogue is not written in.
 */
function mergeTranslations<T extends Texts>(stored: ByLanguage<T>, given: ByLanguage<T> | undefined, languages: readonly Language[]): ByLanguage<T> {
  const merged = { ...stored };
  for (const language of LANGUAGES) {
    const texts = given?.[language];
    if (texts === undefined) continue;
    const kept = keptTexts(texts);
    if (Object.keys(kept).length === 0) {
      delete merged[language];
      continue;
    }
    if (!languages.includes(language)) {
      throw new AppError(
        400,
        'validation_failed',
        `body/translations/${language}: "${language}" is not one of this dialogue’s languages (${languages.join(', ')}); add it to languages first.`,
      );
    }
    merged[language] = kept;
  }
  return merged;
}

/** The dialogue as this viewer sees it: its moderation settings only for its moderators and organizers; `commentTotal` for organizers. */
function toDialogueSummary(ctx: Ctx, row: DialogueRow, viewer: Viewer | null, commentTotal?: number): DialogueSummary {
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
    requireVerifiedEmail: row.require_verified_email === 1,
    practiceThemes: practiceThemesOf(row),
  };
  if (moderatesDialogue(viewer, row.id)) {
    summary.reportsToHold = row.reports_to_hold;
    summary.holdFirstComment = row.hold_first_comment === 1;
  }
  if (commentTotal !== undefined && isOrganizer(viewer)) summary.commentTotal = commentTotal;
  return summary;
}

/** Every comment ever posted in these dialogues, for organizers only (null for everyone else). */
async function commentTotalsFor(ctx: Ctx, viewer: Viewer | null, rows: readonly DialogueRow[]): Promise<Map<string, number> | null> {
  if (!isOrganizer(viewer)) return null;
  return commentTotals(
    ctx.db,
    rows.map((row) => row.id),
  );
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
  const [topics, totals] = await Promise.all([listTopics(ctx.db, row.id), commentTotalsFor(ctx, viewer, [row])]);
  return { ...toDialogueSummary(ctx, row, viewer, totals ? (totals.get(row.id) ?? 0) : undefined), topics: topics.map((t) => toTopicDto(t, row.slug)) };
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
  const totals = await commentTotalsFor(ctx, viewer, items);
  return {
    items: items.map((row) => toDialogueSummary(ctx, row, viewer, totals ? (totals.get(row.id) ?? 0) : undefined)),
    nextCursor: rows.length > page.limit && last ? dialogueCursor(last) : null,
  };
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
  const translations = mergeTranslations({}, input.translations, input.languages);
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
      translations: JSON.stringify(translations),
      edit_window_minutes: input.editWindowMinutes ?? null,
      published: input.published === false ? 0 : 1,
      ...(input.reportsToHold === undefined ? {} : { reports_to_hold: input.reportsToHold }),
      ...(input.holdFirstComment === undefined ? {} : { hold_first_comment: input.holdFirstComment ? 1 : 0 }),
      ...(input.wallEnabled === undefined ? {} : { wall_enabled: input.wallEnabled ? 1 : 0 }),
      ...(input.quoteAttribution === undefined ? {} : { quote_attribution: input.quoteAttribution }),
      ...(input.requireVerifiedEmail === undefined ? {} : { require_verified_email: input.requireVerifiedEmail ? 1 : 0 }),
      ...(input.practiceThemes === undefined ? {} : { practice_themes: JSON.stringify(uniqueThemes(input.practiceThemes)) }),
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
 * pre-moderation, how many reports hold a comment, whether first comments wait), its texts in other
 * languages, and whether it is published (its window too, while it is open); audited with the
 * settings before and after, as a publication or unpublication when `published` changed.
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
  if (patch.translations !== undefined) {
    changes.translations = JSON.stringify(mergeTranslations(dialogueTranslationsOf(row), patch.translations, patch.languages ?? languagesOf(row)));
  }
  if (patch.published !== undefined) changes.published = patch.published ? 1 : 0;
  if (patch.reportsToHold !== undefined) changes.reports_to_hold = patch.reportsToHold;
  if (patch.holdFirstComment !== undefined) changes.hold_first_comment = patch.holdFirstComment ? 1 : 0;
  if (patch.editWindowMinutes !== undefined) changes.edit_window_minutes = patch.editWindowMinutes;
  if (patch.wallEnabled !== undefined) changes.wall_enabled = patch.wallEnabled ? 1 : 0;
  if (patch.quoteAttribution !== undefined) changes.quote_attribution = patch.quoteAttribution;
  if (patch.requireVerifiedEmail !== undefined) changes.require_verified_email = patch.requireVerifiedEmail ? 1 : 0;
  if (patch.practiceThemes !== undefined) changes.practice_themes = JSON.stringify(uniqueThemes(patch.practiceThemes));
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
      action: after.published === row.published ? 'dialogue.update' : after.published === 1 ? 'dialogue.publish' : 'dialogue.unpublish',
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
  const translations = mergeTranslations({}, input.translations, languagesOf(dialogue));
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
      translations: JSON.stringify(translations),
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
  const wordingChange = patch.question !== undefined || patch.description !== undefined || patch.number !== undefined || patch.translations !== undefined;
  if (wordingChange && !isOrganizer(viewer)) throw forbidden('Only an organizer can change a topic’s wording, texts or number.');
  const { topic, dialogue } = await visibleTopic(ctx, viewer, topicId);
  if (!moderatesDialogue(viewer, dialogue.id)) throw forbidden('Only a moderator of this dialogue can lock or unlock a topic.');
  const translations =
    patch.translations === undefined ? undefined : JSON.stringify(mergeTranslations(topicTranslationsOf(topic), patch.translations, languagesOf(dialogue)));
  try {
    await updateTopic(ctx.db, topicId, {
      updated_at: nowIso(),
      ...(patch.question !== undefined ? { question: patch.question.trim() } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(translations !== undefined ? { translations } : {}),
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

/**
 * Next year's dialogue from this one: a new, unpublished dialogue with its own slug, title and
 * window, and the source's texts (translations of the title left out: the title is new), languages,
 * settings, practice themes, watched words and topics (unlocked). Nothing participants made comes
 * along: no comments, quotes, summaries, visits, practices or moderators. Audited on the new dialogue.
 */
export async function copyDialogue(ctx: Ctx, viewer: Viewer, slug: string, input: CopyDialogueBody): Promise<Dialogue> {
  const source = await visibleDialogue(ctx, viewer, slug);
  assertWindowAndZone(input.opensAt, input.closesAt, source.time_zone);
  const translations: DialogueTranslations = {};
  for (const [language, texts] of Object.entries(dialogueTranslationsOf(source)) as [Language, DialogueTranslations[Language]][]) {
    const kept = { ...texts };
    delete kept.title;
    if (Object.keys(kept).length > 0) translations[language] = kept;
  }
  const now = nowIso();
  const id = newId();
  const opensAt = toIso(Date.parse(input.opensAt));
  const closesAt = toIso(Date.parse(input.closesAt));
  try {
    await ctx.write(async (trx) => {
      await insertDialogue(trx, {
        id,
        slug: input.slug,
        title: input.title.trim(),
        theme: source.theme,
        description: source.description,
        opens_at: opensAt,
        closes_at: closesAt,
        time_zone: source.time_zone,
        moderation: source.moderation,
        languages: source.languages,
        host_description: source.host_description,
        annex_label: source.annex_label,
        annex_lead_in: source.annex_lead_in,
        translations: JSON.stringify(translations),
        edit_window_minutes: source.edit_window_minutes,
        wall_enabled: source.wall_enabled,
        quote_attribution: source.quote_attribution,
        published: 0,
        reports_to_hold: source.reports_to_hold,
        hold_first_comment: source.hold_first_comment,
        require_verified_email: source.require_verified_email,
        practice_themes: source.practice_themes,
        created_by: viewer.id,
        created_at: now,
        updated_at: now,
      });
      await copyWatchedWords(trx, source.id, id, now);
      const topics = await listTopics(trx, source.id);
      for (const topic of topics) {
        await insertTopic(trx, {
          id: newId(),
          dialogue_id: id,
          number: topic.number,
          question: topic.question,
          description: topic.description,
          locked: 0,
          translations: topic.translations,
          last_seq: 0,
          version: 0,
          created_at: now,
          updated_at: now,
        });
      }
      await recordAction(trx, {
        dialogueId: id,
        actorId: viewer.id,
        action: 'dialogue.copy',
        targetType: 'dialogue',
        targetId: id,
        after: { source: source.slug, slug: input.slug, title: input.title.trim(), opensAt, closesAt, topics: topics.length },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken(input.slug);
    throw error;
  }
  return toDialogue(ctx, (await findDialogueById(ctx.db, id))!, viewer);
}

/**
 * Deletes a dialogue that never had a comment, in any status, with its topics, settings and
 * appointments (a moderator left without a dialogue is a participant again, as when removed); one
 * that had comments is unpublished instead (409). Audited without a dialogue (it is gone), with
 * what it was and who moderated it in `before`; viewers still on its pages are sent away.
 */
export async function deleteDialogue(ctx: Ctx, viewer: Viewer, slug: string): Promise<void> {
  const row = await visibleDialogue(ctx, viewer, slug);
  const demoted = await ctx.write(async (trx) => {
    await lockTopicsOf(trx, row.id);
    const current = await findDialogueById(trx, row.id);
    if (!current) throw notFound('This dialogue');
    if (((await commentTotals(trx, [row.id])).get(row.id) ?? 0) > 0) {
      throw new AppError(409, 'dialogue_has_comments', 'This dialogue has comments, so it cannot be deleted; unpublish it instead.');
    }
    const moderators = await listDialogueModerators(trx, row.id);
    await deleteDialogueRows(trx, row.id, nowIso());
    const demoted: string[] = [];
    for (const moderator of moderators) {
      if (moderator.role !== 'moderator' || (await appointedDialogueIds(trx, moderator.id)).length > 0) continue;
      await setRole(trx, moderator.id, 'participant', nowIso());
      demoted.push(moderator.id);
    }
    await recordAction(trx, {
      dialogueId: row.id,
      actorId: viewer.id,
      action: 'dialogue.delete',
      targetType: 'dialogue',
      targetId: row.id,
      before: { ...toDialogueSummary(ctx, current, viewer), moderators: moderators.map((moderator) => moderator.id) },
    });
    return demoted;
  });
  ctx.realtime.dialogueUnpublished(row.id);
  for (const userId of demoted) ctx.realtime.userChanged(userId);
}

/** Ids of the topics whose number differs from their place in `orderedIds` (1-based). */
const movedTopics = (topics: readonly TopicRow[], orderedIds: readonly string[]): string[] =>
  orderedIds.filter((id, index) => topics.find((topic) => topic.id === id)?.number !== index + 1);

/**
 * Deletes a topic that never had a comment, in any status (409 otherwise); the others are numbered
 * 1…n again in their order. Audited; the dialogue's viewers get the renumbered topics.
 */
export async function deleteTopic(ctx: Ctx, viewer: Viewer, topicId: string): Promise<void> {
  const { dialogue } = await visibleTopic(ctx, viewer, topicId);
  const moved = await ctx.write(async (trx) => {
    await lockTopicsOf(trx, dialogue.id);
    const topics = await listTopics(trx, dialogue.id);
    const topic = topics.find((candidate) => candidate.id === topicId);
    if (!topic) throw notFound('This topic');
    if ((await topicCommentTotal(trx, topicId)) > 0) {
      throw new AppError(409, 'topic_has_comments', 'This topic has comments, so it cannot be deleted; lock it instead.');
    }
    await deleteTopicRows(trx, topicId);
    const remaining = topics.filter((candidate) => candidate.id !== topicId);
    const order = remaining.map((candidate) => candidate.id);
    const moved = movedTopics(remaining, order);
    if (moved.length > 0) await renumberTopics(trx, order, nowIso());
    await recordAction(trx, {
      dialogueId: dialogue.id,
      actorId: viewer.id,
      action: 'topic.delete',
      targetType: 'topic',
      targetId: topicId,
      before: toTopicDto(topic, dialogue.slug),
    });
    return moved;
  });
  for (const id of moved) ctx.realtime.topicChanged(id);
}

const topicOrder = (topics: readonly Pick<TopicRow, 'id' | 'number' | 'question'>[]) => topics.map(({ id, number, question }) => ({ id, number, question }));

/**
 * Puts a dialogue's topics in this order, numbered 1…n; `topicIds` names each of its topics once,
 * else 400 `invalid_topic_order`. Audited with the order before and after (nothing when it does not
 * change); the dialogue's viewers get the renumbered topics.
 */
export async function reorderTopics(ctx: Ctx, viewer: Viewer, slug: string, input: TopicOrderBody): Promise<{ items: Topic[] }> {
  const dialogue = await visibleDialogue(ctx, viewer, slug);
  const moved = await ctx.write(async (trx) => {
    await lockTopicsOf(trx, dialogue.id);
    const topics = await listTopics(trx, dialogue.id);
    const known = new Set(topics.map((topic) => topic.id));
    if (input.topicIds.length !== topics.length || !input.topicIds.every((id) => known.has(id))) {
      throw new AppError(400, 'invalid_topic_order', `topicIds must name each of this dialogue’s ${topics.length} topics exactly once.`);
    }
    const moved = movedTopics(topics, input.topicIds);
    if (moved.length === 0) return moved;
    await renumberTopics(trx, input.topicIds, nowIso());
    await recordAction(trx, {
      dialogueId: dialogue.id,
      actorId: viewer.id,
      action: 'topic.reorder',
      targetType: 'dialogue',
      targetId: dialogue.id,
      before: { topics: topicOrder(topics) },
      after: { topics: topicOrder(input.topicIds.map((id, index) => ({ ...topics.find((topic) => topic.id === id)!, number: index + 1 }))) },
    });
    return moved;
  });
  for (const id of moved) ctx.realtime.topicChanged(id);
  return { items: (await listTopics(ctx.db, dialogue.id)).map((topic) => toTopicDto(topic, dialogue.slug)) };
}

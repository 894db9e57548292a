import { PAGE_LIMIT_DEFAULT } from '../../shared/common.constants.ts';
import type { AuditLog, AuditQuery, ModerationActionBody, QueueItem, QueueQuery, WatchedWords } from '../../shared/moderation.ts';
import { isAuditAction, isToldToAuthor, keepsReported, needsReason, TRANSITIONS, type HeldReason } from '../../shared/moderation.constants.ts';
import type { Comment } from '../../shared/comments.ts';
import type { DialogueRow } from '../../db/tables/dialogues.table.ts';
import { recordAction } from '../audit/audit.repository.ts';
import { isOrganizer, moderatesDialogue, type Viewer } from '../auth/viewer.ts';
import { toCommentDto } from '../comments/comments.mapper.ts';
import { changeStatusIf, findComment, findCommentWithAuthor, type CommentWithAuthor } from '../comments/comments.repository.ts';
import type { Ctx } from '../context.ts';
import { findDialogueById, findTopic } from '../dialogues/dialogues.repository.ts';
import { visibleDialogue, visibleTopic } from '../dialogues/dialogues.service.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { decodeCursor, encodeCursor, invalidCursor } from '../lib/cursor.ts';
import { nowIso } from '../lib/time.ts';
import { noticeVisibleComment, pushNotices } from '../notifications/comment-notices.ts';
import { insertNotification } from '../notifications/notifications.repository.ts';
import {
  authorHistories,
  hasPublishedCommentIn,
  isQueued,
  listAudit,
  listWatchedWords,
  openReporterCount,
  openReportsOf,
  queuedCommentIds,
  replaceWatchedWords,
  resolveReports,
} from './moderation.repository.ts';
import { withSubjects } from './audit-subjects.ts';
import { queueDecisionMail } from './decision-mail.ts';
import { assertModerates, assertModeratesAny, moderatedDialogue } from './rights.ts';
import { normalizeWatchedWord, watchedWordsMatcher } from './watched-words.ts';

const MODERATOR_VIEW = { viewerId: null, moderator: true };

/**
 * Why a new comment must wait for a moderator, if it must: the dialogue's policy, its watched
 * words, then (where the dialogue holds first comments) that its author has no published comment
 * in the dialogue yet. The dialogue's moderators and organizers are never held by any rule: they
 * would be waiting for themselves, and may not decide on their own comments.
 */
export async function holdReasonFor(ctx: Ctx, dialogue: DialogueRow, author: Viewer, body: string): Promise<HeldReason | null> {
  if (moderatesDialogue(author, dialogue.id)) return null;
  if (dialogue.moderation === 'pre') return 'pre_moderation';
  const matches = watchedWordsMatcher(await listWatchedWords(ctx.db, dialogue.id));
  if (matches?.(body)) return 'watched_word';
  if (dialogue.hold_first_comment === 1 && !(await hasPublishedCommentIn(ctx.db, author.id, dialogue.id))) {
    return 'first_comment';
  }
  return null;
}

interface QueueEntry {
  dialogueId: string;
  item: QueueItem;
}

/** `viewerId`: who reads the queue, whose own comments are marked `own`; null for the socket event, which every moderator gets alike. */
async function queueEntries(ctx: Ctx, rows: CommentWithAuthor[], viewerId: string | null): Promise<QueueEntry[]> {
  const reports = await openReportsOf(
    ctx.db,
    rows.map((row) => row.id),
  );
  const histories = await authorHistories(ctx.db, [...new Set(rows.map((row) => row.author_id))]);
  const topics = new Map<string, Awaited<ReturnType<typeof findTopic>>>();
  const dialogues = new Map<string, DialogueRow | undefined>();
  const entries: QueueEntry[] = [];
  for (const row of rows) {
    if (!topics.has(row.topic_id)) topics.set(row.topic_id, await findTopic(ctx.db, row.topic_id));
    const topic = topics.get(row.topic_id);
    if (topic && !dialogues.has(topic.dialogue_id)) dialogues.set(topic.dialogue_id, await findDialogueById(ctx.db, topic.dialogue_id));
    const dialogue = topic ? dialogues.get(topic.dialogue_id) : undefined;
    if (!topic || !dialogue) continue;
    const own = reports.filter((report) => report.comment_id === row.id);
    const held = row.status === 'pending';
    const item: QueueItem = {
      comment: toCommentDto(row, MODERATOR_VIEW),
      dialogueSlug: dialogue.slug,
      topicNumber: topic.number,
      kind: held ? 'held' : 'reported',
      heldReason: row.held_reason,
      waitingSince: held ? row.updated_at : (own[0]?.created_at ?? row.updated_at),
      reports: own.map((report) => ({ reason: report.reason, details: report.details, createdAt: report.created_at })),
      authorHistory: histories.get(row.author_id) ?? { held: 0, hidden: 0, declined: 0 },
      ...(viewerId === null ? {} : { own: row.author_id === viewerId }),
    };
    entries.push({ dialogueId: dialogue.id, item });
  }
  return entries;
}

/**
 * Held and reported comments of the dialogues the viewer moderates (all of them for organizers,
 * or the one `dialogue` names), the longest-waiting first.
 */
export async function moderationQueue(ctx: Ctx, viewer: Viewer, query: QueueQuery = {}): Promise<{ items: QueueItem[] }> {
  assertModeratesAny(viewer);
  const scope = query.dialogue ? [(await moderatedDialogue(ctx, viewer, query.dialogue)).id] : isOrganizer(viewer) ? null : viewer.moderatedDialogueIds;
  const ids = await queuedCommentIds(ctx.db, scope);
  const rows = (await Promise.all(ids.map((id) => findCommentWithAuthor(ctx.db, id)))).filter((row) => row !== undefined);
  const items = (await queueEntries(ctx, rows, viewer.id)).map((entry) => entry.item);
  return { items: items.sort((a, b) => a.waitingSince.localeCompare(b.waitingSince)) };
}

/**
 * Tells the moderators of the comment's dialogue that it (still) waits, as the queue shows it; a
 * comment that no longer waits (a moderator got there first) is not announced.
 */
export async function announceQueued(ctx: Ctx, commentId: string): Promise<void> {
  const row = await findCommentWithAuthor(ctx.db, commentId);
  if (!row || !(await isQueued(ctx.db, commentId))) return;
  const [entry] = await queueEntries(ctx, [row], null);
  if (entry) ctx.realtime.moderationQueued(entry.dialogueId, entry.item);
}

/** After a report: once enough distinct participants reported a published comment, it waits for a moderator. */
export async function holdIfReported(ctx: Ctx, commentId: string, dialogue: DialogueRow): Promise<void> {
  if ((await openReporterCount(ctx.db, commentId)) >= dialogue.reports_to_hold) {
    const held = await ctx.write((trx) => changeStatusIf(trx, commentId, ['published'], 'pending', 'reports', nowIso()));
    if (held) ctx.realtime.commentChanged(commentId, 'published');
  }
  await announceQueued(ctx, commentId);
}

/**
 * One moderator decision on one comment. The status changes only if it is still what the
 * moderator saw, so of two moderators acting at once the second gets 409 and nothing happens twice.
 * Nobody decides on their own comment (403 `own_comment`): another moderator of the dialogue does.
 * Keeping a reported comment published is audited as `comment.keep`, not as an approval.
 */
export async function moderateComment(ctx: Ctx, viewer: Viewer, commentId: string, input: ModerationActionBody): Promise<Comment> {
  assertModeratesAny(viewer);
  const comment = await findComment(ctx.db, commentId);
  if (!comment) throw notFound('This comment');
  const { topic, dialogue } = await visibleTopic(ctx, viewer, comment.topic_id);
  assertModerates(viewer, dialogue.id);
  if (comment.author_id === viewer.id) {
    throw new AppError(403, 'own_comment', 'You cannot decide on your own comment; another moderator of this dialogue will.');
  }
  const reason = input.reason?.trim() || null;
  if (needsReason(input.action) && !reason) {
    throw new AppError(400, 'reason_required', 'Say why: the author is told, and the reason is kept in the audit log.');
  }
  const now = nowIso();
  const dismissesReports = keepsReported(input.action, comment.status);
  const transition = TRANSITIONS[input.action];
  // Whom the comment answers and mentions, told once it is visible (issue 14).
  let told: string[] = [];
  const done = await ctx.write(async (trx) => {
    if (dismissesReports) {
      const open = await trx.selectFrom('reports').select('id').where('comment_id', '=', commentId).where('resolved_at', 'is', null).execute();
      if (open.length === 0) return false;
    } else if (!(await changeStatusIf(trx, commentId, transition.from, transition.to, comment.held_reason, now))) {
      return false;
    }
    await resolveReports(trx, commentId, now);
    await recordAction(trx, {
      dialogueId: dialogue.id,
      actorId: viewer.id,
      action: dismissesReports ? 'comment.keep' : `comment.${input.action}`,
      targetType: 'comment',
      targetId: commentId,
      reason,
      before: { status: comment.status },
      after: { status: dismissesReports ? comment.status : transition.to },
    });
    // The client words the decision in the author's language, with the reason.
    if (!dismissesReports && isToldToAuthor(input.action)) {
      await insertNotification(trx, {
        userId: comment.author_id,
        kind: `comment.${input.action}`,
        commentId,
        topicId: comment.topic_id,
        message: reason ?? '',
        now,
      });
      await queueDecisionMail(ctx, trx, { authorId: comment.author_id, decision: input.action, reason: reason ?? '', topic, commentId });
    }
    if (!dismissesReports && transition.to === 'published') told = await noticeVisibleComment(ctx, trx, commentId, now);
    return true;
  });
  if (!done)
    throw new AppError(409, 'already_moderated', 'Another moderator has already dealt with this comment, or it is not in a state this action applies to.');
  if (!dismissesReports) ctx.realtime.commentChanged(commentId, comment.status);
  const status = dismissesReports ? comment.status : transition.to;
  ctx.realtime.moderationResolved(dialogue.id, { commentId, action: input.action, status });
  if (!dismissesReports && isToldToAuthor(input.action)) ctx.realtime.notified(comment.author_id);
  pushNotices(ctx, told);
  const row = await findCommentWithAuthor(ctx.db, commentId);
  return toCommentDto(row!, MODERATOR_VIEW);
}

export async function getWatchedWords(ctx: Ctx, viewer: Viewer, slug: string): Promise<WatchedWords> {
  const dialogue = await moderatedDialogue(ctx, viewer, slug);
  return { words: await listWatchedWords(ctx.db, dialogue.id) };
}

export async function setWatchedWords(ctx: Ctx, viewer: Viewer, slug: string, input: WatchedWords): Promise<WatchedWords> {
  if (!isOrganizer(viewer)) throw forbidden('Only an organizer can change the watched words.');
  const dialogue = await visibleDialogue(ctx, viewer, slug);
  const words = [...new Set(input.words.map(normalizeWatchedWord))].filter((word) => word.replace(/\*/g, '') !== '').sort();
  const before = await listWatchedWords(ctx.db, dialogue.id);
  await ctx.write(async (trx) => {
    await replaceWatchedWords(trx, dialogue.id, words, nowIso());
    await recordAction(trx, {
      dialogueId: dialogue.id,
      actorId: viewer.id,
      action: 'dialogue.watched_words',
      targetType: 'dialogue',
      targetId: dialogue.id,
      before: { words: before },
      after: { words },
    });
  });
  return { words };
}

function decodeAuditCursor(cursor: string): { createdAt: string; id: string } {
  const position = decodeCursor(cursor, ['createdAt', 'id']);
  if (Number.isNaN(Date.parse(position.createdAt))) throw invalidCursor();
  return position;
}

/**
 * The audit log, newest first; it is only ever appended to. Organizers read all of it; a moderator
 * the entries of the dialogues they moderate and the site-wide ones (suspensions).
 */
export async function auditLog(ctx: Ctx, viewer: Viewer, query: AuditQuery): Promise<AuditLog> {
  assertModeratesAny(viewer);
  const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
  const dialogueId = query.dialogue ? (await moderatedDialogue(ctx, viewer, query.dialogue)).id : undefined;
  const action = query.action || undefined;
  // An action the log never records matches nothing.
  if (action !== undefined && !isAuditAction(action)) return { items: [], nextCursor: null };
  const rows = await listAudit(
    ctx.db,
    {
      ...(dialogueId ? { dialogueId } : {}),
      ...(isOrganizer(viewer) ? {} : { withinDialogues: viewer.moderatedDialogueIds }),
      ...(action ? { action } : {}),
      ...(query.actor ? { actorId: query.actor } : {}),
      ...(query.after ? { before: decodeAuditCursor(query.after) } : {}),
    },
    limit + 1,
  );
  const entries = rows.slice(0, limit).map((row) => ({
    id: row.id,
    dialogueId: row.dialogue_id,
    actor: { id: row.actor_id, displayName: row.actor_name },
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    reason: row.reason,
    before: row.before_state === null ? null : (JSON.parse(row.before_state) as unknown),
    after: row.after_state === null ? null : (JSON.parse(row.after_state) as unknown),
    createdAt: row.created_at,
  }));
  const items = await withSubjects(ctx.db, entries, { realNames: isOrganizer(viewer) });
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null };
}

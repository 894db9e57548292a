import type { Comment, CommentPage, CreateCommentBody, PatchCommentBody } from '../../shared/comments.ts';
import { PAGE_LIMIT_DEFAULT } from '../../shared/common.ts';
import { CATCH_UP_MAX } from '../../shared/realtime.ts';
import { isUniqueViolation } from '../../db/create-db.ts';
import type { CommentRow } from '../../db/tables/comments.table.ts';
import type { DialogueRow, TopicRow } from '../../db/tables/dialogues.table.ts';
import { recordAction } from '../audit/audit.repository.ts';
import { assertVerifiedToPost } from '../auth/email-verification.ts';
import { assertCanWrite, moderatesDialogue, type Viewer } from '../auth/viewer.ts';
import type { Ctx } from '../context.ts';
import { dialogueStatus, editWindowOf, languagesOf, visibleTopic } from '../dialogues/dialogues.service.ts';
import { AppError, forbidden, notFound, tooManyRequests } from '../errors.ts';
import { decodeNumberCursor, encodeNumberCursor } from '../lib/cursor.ts';
import { newId } from '../lib/ids.ts';
import { renderMarkdown } from '../lib/markdown.ts';
import { MINUTE, isoMinus, nowIso } from '../lib/time.ts';
import { toCommentDto, type CommentReader } from './comments.mapper.ts';
import { announceQueued, holdReasonFor } from '../moderation/moderation.service.ts';
import { commentPosted, mentionCandidates, pushNotices } from '../notifications/comment-notices.ts';
import { mentionsIn } from './mentions.ts';
import type { PageCache } from './page-cache.ts';
import {
  changeStatusIf,
  shownToPublic,
  findByClientKey,
  findTopicReadState,
  findComment,
  findCommentWithAuthor,
  insertComment,
  insertRevision,
  listComments,
  lockAuthor,
  nthRecentCommentTime,
  takeNextSeq,
  updateComment,
} from './comments.repository.ts';

/** Who reads a thread: moderators of its dialogue (and organizers) see every status and every body. */
export interface ThreadReader {
  viewer: Viewer | null;
  moderates: boolean;
}

const ANONYMOUS: ThreadReader = { viewer: null, moderates: false };

const readerIn = (viewer: Viewer | null, dialogueId: string): ThreadReader => ({ viewer, moderates: moderatesDialogue(viewer, dialogueId) });

const readerOf = ({ viewer, moderates }: ThreadReader): CommentReader => ({ viewerId: viewer?.id ?? null, moderator: moderates });

async function commentDto(ctx: Ctx, id: string, reader: ThreadReader): Promise<Comment> {
  const row = await findCommentWithAuthor(ctx.db, id);
  if (!row) throw notFound('This comment');
  return toCommentDto(row, readerOf(reader));
}

/** One comment as the topic's thread shows it to this reader: 404 where the thread would not show it. */
export async function getComment(ctx: Ctx, viewer: Viewer | null, commentId: string): Promise<Comment> {
  const row = await findCommentWithAuthor(ctx.db, commentId);
  if (!row) throw notFound('This comment');
  const { dialogue } = await visibleTopic(ctx, viewer, row.topic_id);
  const reader = readerIn(viewer, dialogue.id);
  if (!reader.moderates && !shownToPublic(row) && row.author_id !== viewer?.id) throw notFound('This comment');
  return toCommentDto(row, readerOf(reader));
}

interface PageRequest {
  after?: string;
  limit?: number;
}

async function buildPage(ctx: Ctx, reader: ThreadReader, topicId: string, page: PageRequest): Promise<CommentPage> {
  const limit = page.limit ?? PAGE_LIMIT_DEFAULT;
  const rows = await listComments(
    ctx.db,
    topicId,
    { viewerId: reader.viewer?.id ?? null, everything: reader.moderates },
    { afterSeq: page.after === undefined ? 0 : decodeNumberCursor(page.after) },
    limit + 1,
  );
  const items = rows.slice(0, limit).map((row) => toCommentDto(row, readerOf(reader)));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeNumberCursor(last.seq) : null };
}

/** A page of a topic's thread for a signed-in reader, who may also see their own held comments. */
export async function listTopicComments(ctx: Ctx, viewer: Viewer, topicId: string, page: PageRequest): Promise<CommentPage> {
  const { dialogue } = await visibleTopic(ctx, viewer, topicId);
  return buildPage(ctx, readerIn(viewer, dialogue.id), topicId, page);
}

/** The same page for anonymous readers, as JSON text, from the cache while the topic has not changed. */
export async function publicCommentPageJson(ctx: Ctx, cache: PageCache, topicId: string, page: PageRequest): Promise<string> {
  const state = await findTopicReadState(ctx.db, topicId);
  if (!state || state.published !== 1) throw notFound('This topic');
  const key = { topicId, after: page.after, limit: page.limit };
  const cached = cache.get(key, state.version);
  if (cached !== undefined) return cached;
  // Built after reading the version, so the page is never older than the version it is filed under.
  const built = await buildPage(ctx, ANONYMOUS, topicId, page);
  const json = JSON.stringify(built);
  cache.set(key, state.version, json, built.nextCursor);
  return json;
}

/**
 * What a reconnecting reader missed: visible comments after `afterSeq`, and older ones changed
 * after `changedAfter`, from the database, so it works whichever node the reader comes back to.
 */
export async function catchUp(
  ctx: Ctx,
  reader: ThreadReader,
  topicId: string,
  afterSeq: number,
  changedAfter: number | undefined,
): Promise<{ items: Comment[]; more: boolean }> {
  const scope = { viewerId: reader.viewer?.id ?? null, everything: reader.moderates };
  const rows = await listComments(ctx.db, topicId, scope, { afterSeq, ...(changedAfter === undefined ? {} : { changedAfter }) }, CATCH_UP_MAX + 1);
  return { items: rows.slice(0, CATCH_UP_MAX).map((row) => toCommentDto(row, readerOf(reader))), more: rows.length > CATCH_UP_MAX };
}

/** Comments (and typing) only while the dialogue is open and the topic unlocked. */
export function assertWritable(dialogue: DialogueRow, topic: TopicRow): void {
  const status = dialogueStatus(dialogue);
  if (status === 'announced') throw new AppError(409, 'dialogue_not_open', 'This dialogue has not opened yet; comments open on its start date.');
  if (status === 'closed') throw new AppError(409, 'dialogue_closed', 'This dialogue is closed; it can be read but no longer answered.');
  if (topic.locked === 1) throw new AppError(409, 'topic_locked', 'A moderator has locked this topic; it can be read but not answered.');
}

async function assertPostingRate(ctx: Ctx, db: Ctx['db'], authorId: string): Promise<void> {
  const limit = ctx.config.rateLimitPostsPerMinute;
  const oldestCounted = await nthRecentCommentTime(db, authorId, isoMinus(MINUTE), limit);
  if (oldestCounted !== undefined) {
    throw tooManyRequests((Date.parse(oldestCounted) + MINUTE - Date.now()) / 1000, `You can post ${limit} comments a minute; please wait a moment.`);
  }
}

/** A comment's HTML, its @mentions of the topic's participants marked (read only when it has an `@`). */
async function renderBody(ctx: Ctx, body: string, topicId: string, answeredId: string | null): Promise<string> {
  let mentions: Parameters<typeof renderMarkdown>[1];
  if (body.includes('@')) {
    const answered = answeredId ? await findComment(ctx.db, answeredId) : undefined;
    const candidates = await mentionCandidates(ctx.db, topicId, answered?.author_id ?? null);
    mentions = (text) => mentionsIn(text, candidates);
  }
  return renderMarkdown(body, mentions);
}

async function renderNonEmpty(ctx: Ctx, body: string, topicId: string, answeredId: string | null): Promise<string> {
  const html = await renderBody(ctx, body, topicId, answeredId);
  if (html === '') throw new AppError(400, 'empty_body', 'A comment needs some text.');
  return html;
}

/**
 * What a comment with this body would show, rendered and sanitized as posting would; given the
 * topic (one the viewer can see), its participants' @mentions are marked as they will be.
 */
export async function previewComment(ctx: Ctx, viewer: Viewer, body: string, topicId?: string): Promise<{ bodyHtml: string }> {
  if (topicId === undefined) return { bodyHtml: renderMarkdown(body) };
  await visibleTopic(ctx, viewer, topicId);
  return { bodyHtml: await renderBody(ctx, body, topicId, null) };
}

/** Where a reply goes: into the sub-thread of the comment it answers, one level deep. */
async function replyPlacement(ctx: Ctx, topicId: string, parentId: string | undefined) {
  if (parentId === undefined) return { parentId: null, replyToId: null };
  const parent = await findComment(ctx.db, parentId);
  if (!parent || parent.topic_id !== topicId) throw new AppError(400, 'invalid_parent', 'parentId is not a comment of this topic.');
  if (parent.status !== 'published') throw new AppError(409, 'parent_unavailable', 'That comment can no longer be answered.');
  return parent.parent_id === null ? { parentId: parent.id, replyToId: null } : { parentId: parent.parent_id, replyToId: parent.id };
}

export interface Posted {
  comment: Comment;
  /** 201 when published, 202 when it waits for a moderator */
  httpStatus: 201 | 202;
}

const postedStatus = (row: Pick<CommentRow, 'status'>): 201 | 202 => (row.status === 'pending' ? 202 : 201);

/** A post repeated with the same clientKey: the original, as it is now. */
async function repeated(ctx: Ctx, viewer: Viewer, original: CommentRow): Promise<Posted> {
  const { dialogue } = await visibleTopic(ctx, viewer, original.topic_id);
  return { comment: await commentDto(ctx, original.id, readerIn(viewer, dialogue.id)), httpStatus: postedStatus(original) };
}

export async function postComment(ctx: Ctx, viewer: Viewer, topicId: string, input: CreateCommentBody): Promise<Posted> {
  assertCanWrite(viewer);
  if (input.clientKey) {
    const earlier = await findByClientKey(ctx.db, viewer.id, input.clientKey);
    if (earlier) return repeated(ctx, viewer, earlier);
  }
  const { topic, dialogue } = await visibleTopic(ctx, viewer, topicId);
  const reader = readerIn(viewer, dialogue.id);
  assertWritable(dialogue, topic);
  await assertVerifiedToPost(ctx, viewer, dialogue);
  const placement = await replyPlacement(ctx, topicId, input.parentId);
  // Turns a flood away before rendering; the count that decides is the one inside the write.
  await assertPostingRate(ctx, ctx.db, viewer.id);
  const bodyHtml = await renderNonEmpty(ctx, input.body, topicId, placement.replyToId ?? placement.parentId);
  const heldReason = await holdReasonFor(ctx, dialogue, viewer, input.body);
  const status = heldReason ? 'pending' : 'published';
  const id = newId();
  const now = nowIso();
  let told: string[] = [];
  try {
    told = await ctx.write(async (trx) => {
      // Counted and inserted under the author's lock: parallel posts wait their turn and see each other.
      await lockAuthor(trx, viewer.id);
      await assertPostingRate(ctx, trx, viewer.id);
      const { seq, changeSeq } = await takeNextSeq(trx, topicId);
      await insertComment(trx, {
        id,
        topic_id: topicId,
        seq,
        change_seq: changeSeq,
        parent_id: placement.parentId,
        reply_to_id: placement.replyToId,
        author_id: viewer.id,
        body_markdown: input.body,
        body_html: bodyHtml,
        language: input.language ?? languagesOf(dialogue)[0] ?? 'en',
        status,
        held_reason: heldReason,
        edit_note: null,
        client_key: input.clientKey ?? null,
        created_at: now,
        edited_at: null,
        updated_at: now,
      });
      const published = status === 'published';
      return commentPosted(ctx, trx, { id, topicId, authorId: viewer.id, parentId: placement.parentId, body: input.body, published, now });
    });
  } catch (error) {
    // The same clientKey raced in on another request: answer with the one that won.
    if (input.clientKey && isUniqueViolation(error)) {
      const winner = await findByClientKey(ctx.db, viewer.id, input.clientKey);
      if (winner) return repeated(ctx, viewer, winner);
    }
    throw error;
  }
  ctx.realtime.commentChanged(id, null);
  pushNotices(ctx, told);
  if (heldReason) await announceQueued(ctx, id);
  return { comment: await commentDto(ctx, id, reader), httpStatus: status === 'pending' ? 202 : 201 };
}

async function loadForChange(ctx: Ctx, viewer: Viewer, commentId: string) {
  const comment = await findComment(ctx.db, commentId);
  if (!comment) throw notFound('This comment');
  const { topic, dialogue } = await visibleTopic(ctx, viewer, comment.topic_id);
  const own = comment.author_id === viewer.id;
  const moderates = moderatesDialogue(viewer, dialogue.id);
  if (!own && comment.status !== 'published' && !moderates) throw notFound('This comment');
  return { comment, topic, dialogue, own, moderates };
}

function assertAuthorWindow(ctx: Ctx, comment: CommentRow, dialogue: DialogueRow, topic: TopicRow): void {
  assertWritable(dialogue, topic);
  const minutes = editWindowOf(ctx, dialogue);
  if (Date.now() - Date.parse(comment.created_at) > minutes * MINUTE) {
    throw new AppError(409, 'edit_window_closed', `Comments can be changed for ${minutes} minutes after posting.`);
  }
}

export interface Edited {
  comment: Comment;
  /** 200 when published after the edit, 202 when it waits for a moderator */
  httpStatus: 200 | 202;
}

/**
 * An author's edit is held exactly as a new post with its text would be (pre-moderation, watched
 * words): a published comment goes back to `pending` and into the moderation queue, answered with
 * 202. A moderator's edit of someone else's comment is itself a moderation act and is not held.
 */
export async function editComment(ctx: Ctx, viewer: Viewer, commentId: string, input: PatchCommentBody): Promise<Edited> {
  assertCanWrite(viewer);
  const { comment, topic, dialogue, own, moderates } = await loadForChange(ctx, viewer, commentId);
  if (!own && !moderates) throw forbidden('Only the author or a moderator of this dialogue can edit this comment.');
  if (comment.status === 'withdrawn' || comment.status === 'declined') {
    throw new AppError(409, 'comment_not_editable', 'A withdrawn or declined comment cannot be edited.');
  }
  if (!own && !input.note?.trim()) {
    throw new AppError(400, 'note_required', 'Say what you changed: a moderator’s edit shows its note to every reader.');
  }
  if (!moderates) {
    if (comment.status === 'hidden') throw new AppError(409, 'comment_not_editable', 'A moderator has hidden this comment.');
    assertAuthorWindow(ctx, comment, dialogue, topic);
  }
  // Saving the same text without a note is no edit: no "edited" mark, no revision, nothing held.
  if (input.body === comment.body_markdown && !input.note?.trim()) {
    const unchanged = await commentDto(ctx, commentId, { viewer, moderates });
    return { comment: unchanged, httpStatus: unchanged.status === 'pending' ? 202 : 200 };
  }
  const bodyHtml = await renderNonEmpty(ctx, input.body, comment.topic_id, comment.reply_to_id ?? comment.parent_id);
  const heldReason = own && comment.status === 'published' ? await holdReasonFor(ctx, dialogue, viewer, input.body) : null;
  const now = nowIso();
  const moderatorNote = !own && input.note?.trim() ? input.note.trim() : null;
  const held = await ctx.write(async (trx) => {
    await insertRevision(trx, {
      id: newId(),
      commentId,
      bodyMarkdown: comment.body_markdown,
      bodyHtml: comment.body_html,
      editedBy: viewer.id,
      note: input.note?.trim() || null,
      createdAt: now,
    });
    await updateComment(trx, commentId, {
      body_markdown: input.body,
      body_html: bodyHtml,
      edited_at: now,
      updated_at: now,
      ...(moderatorNote ? { edit_note: moderatorNote } : {}),
    });
    if (!own) {
      await recordAction(trx, {
        dialogueId: dialogue.id,
        actorId: viewer.id,
        action: 'comment.edit',
        targetType: 'comment',
        targetId: commentId,
        reason: input.note?.trim() || null,
        before: { bodyMarkdown: comment.body_markdown },
        after: { bodyMarkdown: input.body },
      });
    }
    return heldReason !== null && (await changeStatusIf(trx, commentId, ['published'], 'pending', heldReason, now));
  });
  ctx.realtime.commentChanged(commentId, comment.status);
  if (held) await announceQueued(ctx, commentId);
  const edited = await commentDto(ctx, commentId, { viewer, moderates });
  return { comment: edited, httpStatus: edited.status === 'pending' ? 202 : 200 };
}

export async function withdrawComment(ctx: Ctx, viewer: Viewer, commentId: string): Promise<void> {
  assertCanWrite(viewer);
  const { comment, topic, dialogue, own } = await loadForChange(ctx, viewer, commentId);
  if (!own) throw forbidden('Only the author can withdraw a comment.');
  if (comment.status === 'withdrawn') throw new AppError(409, 'already_withdrawn', 'This comment is already withdrawn.');
  if (comment.status === 'hidden' || comment.status === 'declined') {
    throw new AppError(409, 'comment_not_editable', 'A moderator has already taken this comment down.');
  }
  assertAuthorWindow(ctx, comment, dialogue, topic);
  await ctx.write((trx) => updateComment(trx, commentId, { status: 'withdrawn', updated_at: nowIso() }));
  ctx.realtime.commentChanged(commentId, comment.status);
}

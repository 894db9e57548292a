import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { SocialNotificationKind } from '../../shared/mail.constants.ts';
import { findMentions, MENTIONS_MAX, type MentionCandidate } from '../comments/mentions.ts';
import type { Ctx } from '../context.ts';
import { followUnlessUnfollowed, topicParticipants } from '../follows/follows.repository.ts';
import { queueMail } from '../mail/queue.ts';
import { insertNotification } from './notifications.repository.ts';
import { commentLink, topicQuestionIn } from '../lib/mail-links.ts';
import { openingWords, shownAuthorName } from './notice-texts.ts';

// A comment that becomes visible tells the people it concerns: the author of the comment it
// answers ('comment.reply') and the participants it @mentions ('comment.mention'), in the app and,
// as each prefers, by mail. It all happens in the transaction that makes the comment visible (its
// post, or a moderator's approval), so the notices exist exactly when the comment does; the
// caller pushes the live notices after the commit.

type Trx = Transaction<Database>;

const NOTICE_KINDS: SocialNotificationKind[] = ['comment.reply', 'comment.mention'];

/**
 * What a new comment does besides existing: its author follows the topic (unless they once
 * stopped following it), and a published one tells whom it answers and mentions. Returns the
 * users told, for `ctx.realtime.notified` after the commit.
 */
export async function commentPosted(ctx: Ctx, trx: Trx, comment: PostedComment): Promise<string[]> {
  await followUnlessUnfollowed(trx, comment.authorId, comment.topicId, comment.now);
  // Most comments answer nobody and name nobody: nothing more to read in the posting transaction.
  const concernsOthers = comment.parentId !== null || comment.body.includes('@');
  return comment.published && concernsOthers ? noticeVisibleComment(ctx, trx, comment.id, comment.now) : [];
}

export interface PostedComment {
  id: string;
  topicId: string;
  authorId: string;
  parentId: string | null;
  /** its Markdown */
  body: string;
  published: boolean;
  now: string;
}

async function loadComment(trx: Trx, commentId: string) {
  return trx
    .selectFrom('comments as c')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .innerJoin('topics as t', 't.id', 'c.topic_id')
    .select(['c.id', 'c.topic_id', 'c.parent_id', 'c.reply_to_id', 'c.author_id', 'c.body_markdown', 'c.status'])
    .select(['u.display_name', 'u.name_display', 'u.country', 't.question', 't.translations'])
    .where('c.id', '=', commentId)
    .executeTakeFirst();
}

/** Who may be @mentioned in the topic: its participants shown by name, and the author of the comment answered. */
export async function mentionCandidates(trx: Kysely<Database>, topicId: string, answeredAuthorId: string | null): Promise<MentionCandidate[]> {
  const participants = await topicParticipants(trx, topicId);
  const candidates = participants.filter((p) => p.name_display === 'name').map((p) => ({ id: p.id, displayName: p.display_name }));
  if (answeredAuthorId !== null && !participants.some((p) => p.id === answeredAuthorId)) {
    const answered = await trx
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', '=', answeredAuthorId)
      .where('name_display', '=', 'name')
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (answered) candidates.push({ id: answered.id, displayName: answered.display_name });
  }
  return candidates;
}

/**
 * Tells whom a visible comment answers and mentions, each person once per comment whatever
 * happens to it later (an edit, a hold and a second approval): nobody is told of their own
 * comment, and a comment that is not published tells nobody.
 */
export async function noticeVisibleComment(ctx: Ctx, trx: Trx, commentId: string, now: string): Promise<string[]> {
  const comment = await loadComment(trx, commentId);
  if (!comment || comment.status !== 'published') return [];
  const answeredId = comment.reply_to_id ?? comment.parent_id;
  const answered = answeredId ? await trx.selectFrom('comments').select('author_id').where('id', '=', answeredId).executeTakeFirst() : undefined;
  const repliedTo = answered && answered.author_id !== comment.author_id ? answered.author_id : null;

  const kinds = new Map<string, SocialNotificationKind>();
  if (repliedTo) kinds.set(repliedTo, 'comment.reply');
  if (comment.body_markdown.includes('@')) {
    const candidates = (await mentionCandidates(trx, comment.topic_id, answered?.author_id ?? null)).filter((c) => c.id !== comment.author_id);
    // The person replied to is told once, of the reply; they do not use up a mention.
    const mentioned = findMentions(comment.body_markdown, candidates, MENTIONS_MAX + 1).filter((id) => id !== repliedTo);
    for (const id of mentioned.slice(0, MENTIONS_MAX)) kinds.set(id, 'comment.mention');
  }
  if (kinds.size === 0) return [];

  const told = await trx
    .selectFrom('notifications')
    .select('user_id')
    .where('comment_id', '=', commentId)
    .where('kind', 'in', NOTICE_KINDS)
    .where('user_id', 'in', [...kinds.keys()])
    .execute();
  for (const { user_id } of told) kinds.delete(user_id);
  if (kinds.size === 0) return [];

  const recipients = await trx
    .selectFrom('users')
    .select(['id', 'email', 'language', 'email_prefs', 'deleted_at'])
    .where('id', 'in', [...kinds.keys()])
    .where('deleted_at', 'is', null)
    .execute();
  const excerpt = openingWords(comment.body_markdown);
  const link = commentLink(ctx.config.publicOrigin, comment.topic_id, comment.id);
  for (const recipient of recipients) {
    const kind = kinds.get(recipient.id)!;
    await insertNotification(trx, { userId: recipient.id, kind, commentId, topicId: comment.topic_id, actorId: comment.author_id, message: excerpt, now });
    const data = { actor: shownAuthorName(comment, recipient.language), topic: topicQuestionIn(comment, recipient.language), excerpt, link };
    const mailKind = kind === 'comment.reply' ? 'reply' : 'mention';
    await queueMail(ctx, trx, recipient, mailKind, data, { dedupeKey: `${mailKind}:${commentId}:${recipient.id}` });
  }
  return recipients.map((recipient) => recipient.id);
}

/** After the commit: each person told sees it on their open pages at once. */
export function pushNotices(ctx: Ctx, userIds: readonly string[]): void {
  for (const userId of userIds) ctx.realtime.notified(userId);
}

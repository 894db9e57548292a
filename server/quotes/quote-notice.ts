import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { TopicRow } from '../../db/tables/dialogues.table.ts';
import type { Ctx } from '../context.ts';
import { commentLink, topicQuestionIn } from '../lib/mail-links.ts';
import { queueMail, type Recipient } from '../mail/queue.ts';
import { insertNotification } from '../notifications/notifications.repository.ts';

export interface QuoteNotice {
  author: Recipient;
  /** the moderator who chose the quote */
  moderatorId: string;
  quoteId: string;
  topic: Pick<TopicRow, 'id' | 'question' | 'translations'>;
  commentId: string;
  /** the quote's words as the report prints them */
  text: string;
  now: string;
}

/** Where the quoted author withdraws consent for one quote, in one click from the mail. */
export const withdrawLink = (origin: string, quoteId: string): string => `${origin}/quotes/${encodeURIComponent(quoteId)}/withdraw`;

/**
 * Tells the quoted author, inside the transaction that made the quote: in the app (the bell offers
 * the withdrawal) and by mail as their preferences say, in their language, with the link to
 * withdraw consent. The caller announces the notification once the transaction is committed.
 */
export async function tellQuotedAuthor(ctx: Ctx, trx: Kysely<Database>, notice: QuoteNotice): Promise<void> {
  const { author, topic } = notice;
  await insertNotification(trx, {
    userId: author.id,
    kind: 'quote.created',
    commentId: notice.commentId,
    topicId: topic.id,
    quoteId: notice.quoteId,
    actorId: notice.moderatorId,
    message: notice.text,
    now: notice.now,
  });
  const origin = ctx.config.publicOrigin;
  await queueMail(ctx, trx, author, 'quoted', {
    topic: topicQuestionIn(topic, author.language),
    quote: notice.text,
    link: commentLink(origin, topic.id, notice.commentId),
    withdrawLink: withdrawLink(origin, notice.quoteId),
  });
}

import type { Kysely } from 'kysely';
import type { ToldToAuthor } from '../../shared/moderation.constants.ts';
import type { Database } from '../../db/schema.ts';
import type { TopicRow } from '../../db/tables/dialogues.table.ts';
import { findUserById } from '../auth/users.repository.ts';
import type { Ctx } from '../context.ts';
import { commentLink, topicQuestionIn } from '../lib/mail-links.ts';
import { queueMail } from '../mail/queue.ts';

export interface DecisionMail {
  authorId: string;
  decision: ToldToAuthor;
  /** the moderator's reason, '' when they gave none */
  reason: string;
  topic: Pick<TopicRow, 'id' | 'question' | 'translations'>;
  commentId: string;
}

/**
 * Mails the author a moderator's decision on their comment, inside the decision's transaction,
 * in their language and as their preferences say (`moderation`); whether it was queued.
 */
export async function queueDecisionMail(ctx: Ctx, trx: Kysely<Database>, mail: DecisionMail): Promise<boolean> {
  const author = await findUserById(trx, mail.authorId);
  if (!author) return false;
  return queueMail(ctx, trx, author, 'moderation', {
    decision: mail.decision,
    reason: mail.reason,
    topic: topicQuestionIn(mail.topic, author.language),
    link: commentLink(ctx.config.publicOrigin, mail.topic.id, mail.commentId),
  });
}

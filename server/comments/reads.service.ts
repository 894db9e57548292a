import type { UnreadList } from '../../shared/comments.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Ctx } from '../context.ts';
import { visibleDialogue, visibleTopic } from '../dialogues/dialogues.service.ts';
import { AppError } from '../errors.ts';
import { nowIso } from '../lib/time.ts';
import { advanceReadPosition, findReadPosition, unreadCounts } from './reads.repository.ts';

/** "N new since your last visit": where the reader left off in each topic of a dialogue. */
export async function dialogueUnread(ctx: Ctx, viewer: Viewer, slug: string): Promise<UnreadList> {
  const dialogue = await visibleDialogue(ctx, viewer, slug);
  return { items: await unreadCounts(ctx.db, viewer.id, dialogue.id) };
}

export async function markRead(ctx: Ctx, viewer: Viewer, topicId: string, lastSeq: number): Promise<void> {
  const { topic } = await visibleTopic(ctx, viewer, topicId);
  if (lastSeq > topic.last_seq) throw new AppError(400, 'invalid_seq', 'lastSeq is beyond the last comment of this topic.');
  await ctx.write((trx) => advanceReadPosition(trx, viewer.id, topicId, lastSeq, nowIso()));
}

export const readPosition = (ctx: Ctx, viewer: Viewer, topicId: string): Promise<number | null> => findReadPosition(ctx.db, viewer.id, topicId);

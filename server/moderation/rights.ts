import type { DialogueRow } from '../../db/tables/dialogues.table.ts';
import { moderatesAnyDialogue, moderatesDialogue, type Viewer } from '../auth/viewer.ts';
import { findComment } from '../comments/comments.repository.ts';
import type { Ctx } from '../context.ts';
import { findDialogueById, findDialogueBySlug, findTopic } from '../dialogues/dialogues.repository.ts';
import { forbidden, notFound } from '../errors.ts';
import { moderatesDialogueNow } from './moderators.repository.ts';

// Moderation rights are per dialogue: organizers moderate every dialogue, a moderator the ones an
// organizer appointed them to. Every moderation endpoint checks them here, on the server.

export function assertModerates(viewer: Viewer, dialogueId: string): void {
  if (!moderatesDialogue(viewer, dialogueId)) throw forbidden('Only a moderator of this dialogue can do this.');
}

export function assertModeratesAny(viewer: Viewer): void {
  if (!moderatesAnyDialogue(viewer)) throw forbidden('Only a moderator can do this.');
}

/** A dialogue this viewer moderates, by slug: 404 when they may not know it exists, 403 when they do not moderate it. */
export async function moderatedDialogue(ctx: Ctx, viewer: Viewer, slug: string): Promise<DialogueRow> {
  const dialogue = await findDialogueBySlug(ctx.db, slug);
  if (!dialogue || (dialogue.published !== 1 && !moderatesDialogue(viewer, dialogue.id))) throw notFound('This dialogue');
  assertModerates(viewer, dialogue.id);
  return dialogue;
}

/** A dialogue's id when this viewer may know it exists; null lets the service answer 404. */
async function visibleDialogueId(ctx: Ctx, viewer: Viewer | null, dialogueId: string | undefined): Promise<string | null> {
  const dialogue = dialogueId ? await findDialogueById(ctx.db, dialogueId) : undefined;
  if (!dialogue || (dialogue.published !== 1 && !moderatesDialogue(viewer, dialogue.id))) return null;
  return dialogue.id;
}

/** Where a request about a comment, topic or dialogue belongs, for the route guards that check rights before the body. */
export const dialogueOf = {
  async comment(ctx: Ctx, viewer: Viewer | null, commentId: string): Promise<string | null> {
    const comment = await findComment(ctx.db, commentId);
    const topic = comment ? await findTopic(ctx.db, comment.topic_id) : undefined;
    return visibleDialogueId(ctx, viewer, topic?.dialogue_id);
  },
  async topic(ctx: Ctx, viewer: Viewer | null, topicId: string): Promise<string | null> {
    return visibleDialogueId(ctx, viewer, (await findTopic(ctx.db, topicId))?.dialogue_id);
  },
  async slug(ctx: Ctx, viewer: Viewer | null, slug: string): Promise<string | null> {
    return visibleDialogueId(ctx, viewer, (await findDialogueBySlug(ctx.db, slug))?.id);
  },
};

/** The same as `moderatesDialogue`, from the database as it is now: for sockets, whose viewer dates from their handshake. */
export async function moderatesNow(ctx: Ctx, viewer: Viewer | null, dialogueId: string): Promise<boolean> {
  return viewer !== null && moderatesDialogueNow(ctx.db, viewer.id, dialogueId);
}

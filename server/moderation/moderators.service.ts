import type { DialogueModeratorList } from '../../shared/moderation.ts';
import { recordAction } from '../audit/audit.repository.ts';
import { findUserById } from '../auth/users.repository.ts';
import { isOrganizer, type Viewer } from '../auth/viewer.ts';
import type { Ctx } from '../context.ts';
import { listTopics } from '../dialogues/dialogues.repository.ts';
import { visibleDialogue } from '../dialogues/dialogues.service.ts';
import { forbidden, notFound } from '../errors.ts';
import { nowIso } from '../lib/time.ts';
import {
  appointedDialogueIds,
  deleteDialogueModerator,
  insertDialogueModerator,
  listDialogueModerators,
  lockUser,
  moderatedDialogueSlugs,
  setRole,
} from './moderators.repository.ts';

function assertOrganizer(viewer: Viewer): void {
  if (!isOrganizer(viewer)) throw forbidden('Only an organizer can appoint or remove moderators.');
}

/** The slugs of the dialogues whose moderation tools a user may use (the `moderates` of their user object). */
export async function moderatedSlugs(ctx: Ctx, user: { id: string; role: string }): Promise<string[]> {
  if (user.role !== 'organizer' && user.role !== 'moderator') return [];
  return moderatedDialogueSlugs(ctx.db, user.id, user.role === 'organizer');
}

async function moderatorList(ctx: Ctx, dialogueId: string): Promise<DialogueModeratorList> {
  const rows = await listDialogueModerators(ctx.db, dialogueId);
  return { items: rows.map((row) => ({ id: row.id, displayName: row.display_name, email: row.email, role: row.role })) };
}

export async function listModerators(ctx: Ctx, viewer: Viewer, slug: string): Promise<DialogueModeratorList> {
  assertOrganizer(viewer);
  return moderatorList(ctx, (await visibleDialogue(ctx, viewer, slug)).id);
}

async function targetOf(ctx: Ctx, viewer: Viewer, slug: string, userId: string) {
  assertOrganizer(viewer);
  const dialogue = await visibleDialogue(ctx, viewer, slug);
  if (!(await findUserById(ctx.db, userId))) throw notFound('This user');
  return dialogue;
}

/** The user's open pages follow at once: their sockets join or leave the dialogue's moderation feed, on every node. */
async function announceRights(ctx: Ctx, userId: string, dialogueId: string, moderates: boolean): Promise<void> {
  const topics = await listTopics(ctx.db, dialogueId);
  ctx.realtime.moderatorRightsChanged({ userId, dialogueId, topicIds: topics.map((topic) => topic.id), moderates });
}

/**
 * Appoints a user to moderate a dialogue (again: nothing changes). A participant becomes a
 * moderator; an organizer stays one. Logged with the role before and after.
 */
export async function appointModerator(ctx: Ctx, viewer: Viewer, slug: string, userId: string): Promise<DialogueModeratorList> {
  const dialogue = await targetOf(ctx, viewer, slug, userId);
  const now = nowIso();
  const appointed = await ctx.write(async (trx) => {
    const user = await lockUser(trx, userId);
    if (!user || !(await insertDialogueModerator(trx, dialogue.id, userId, now))) return false;
    const role = user.role === 'participant' ? 'moderator' : user.role;
    if (role !== user.role) await setRole(trx, userId, role, now);
    await recordAction(trx, {
      dialogueId: dialogue.id,
      actorId: viewer.id,
      action: 'dialogue.moderator_appoint',
      targetType: 'user',
      targetId: userId,
      before: { role: user.role, moderates: false },
      after: { role, moderates: true },
    });
    return true;
  });
  if (appointed) await announceRights(ctx, userId, dialogue.id, true);
  return moderatorList(ctx, dialogue.id);
}

/**
 * Ends an appointment (none: nothing changes). A moderator left without any dialogue becomes a
 * participant again; an organizer is never demoted. Logged with the role before and after.
 */
export async function removeModerator(ctx: Ctx, viewer: Viewer, slug: string, userId: string): Promise<DialogueModeratorList> {
  const dialogue = await targetOf(ctx, viewer, slug, userId);
  const now = nowIso();
  const removed = await ctx.write(async (trx) => {
    const user = await lockUser(trx, userId);
    if (!user || !(await deleteDialogueModerator(trx, dialogue.id, userId))) return false;
    const lastOne = (await appointedDialogueIds(trx, userId)).length === 0;
    const role = user.role === 'moderator' && lastOne ? 'participant' : user.role;
    if (role !== user.role) await setRole(trx, userId, role, now);
    await recordAction(trx, {
      dialogueId: dialogue.id,
      actorId: viewer.id,
      action: 'dialogue.moderator_remove',
      targetType: 'user',
      targetId: userId,
      before: { role: user.role, moderates: true },
      after: { role, moderates: false },
    });
    return true;
  });
  if (removed) await announceRights(ctx, userId, dialogue.id, false);
  return moderatorList(ctx, dialogue.id);
}

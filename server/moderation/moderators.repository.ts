import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Role } from '../../shared/common.constants.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** The dialogues a user is appointed to moderate. */
export async function appointedDialogueIds(db: Executor, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('dialogue_moderators').select('dialogue_id').where('user_id', '=', userId).execute();
  return rows.map((row) => row.dialogue_id);
}

/** Slugs of the dialogues a user moderates: all of them for an organizer, the appointed ones otherwise. */
export async function moderatedDialogueSlugs(db: Executor, userId: string, everyDialogue: boolean): Promise<string[]> {
  let query = db.selectFrom('dialogues').select('dialogues.slug').where('dialogues.deleted_at', 'is', null);
  if (!everyDialogue) {
    query = query.innerJoin('dialogue_moderators as dm', 'dm.dialogue_id', 'dialogues.id').where('dm.user_id', '=', userId);
  }
  const rows = await query.orderBy('dialogues.opens_at', 'desc').orderBy('dialogues.id', 'desc').execute();
  return rows.map((row) => row.slug);
}

/** Whether the user, as the database has them now, moderates the dialogue: sockets check this, not their handshake. */
export async function moderatesDialogueNow(db: Executor, userId: string, dialogueId: string): Promise<boolean> {
  const row = await db
    .selectFrom('users as u')
    .leftJoin('dialogue_moderators as dm', (join) => join.onRef('dm.user_id', '=', 'u.id').on('dm.dialogue_id', '=', dialogueId))
    .select(['u.role', 'dm.user_id as appointed'])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  return row !== undefined && (row.role === 'organizer' || (row.role === 'moderator' && row.appointed !== null));
}

export async function listDialogueModerators(db: Executor, dialogueId: string) {
  return db
    .selectFrom('dialogue_moderators as dm')
    .innerJoin('users as u', 'u.id', 'dm.user_id')
    .select(['u.id', 'u.display_name', 'u.email', 'u.role'])
    .where('dm.dialogue_id', '=', dialogueId)
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
}

/**
 * Takes the user's row lock for the rest of the transaction (a write that changes nothing): on
 * PostgreSQL, an appointment and a removal for the same user then run one after the other, so the
 * role a removal leaves behind always counts the appointments another transaction just made.
 * SQLite runs one write transaction at a time anyway.
 */
export async function lockUser(trx: Transaction<Database>, userId: string): Promise<{ role: Role } | undefined> {
  return trx
    .updateTable('users')
    .set((eb) => ({ role: eb.ref('role') }))
    .where('id', '=', userId)
    .returning('role')
    .executeTakeFirst();
}

/** Appoints; false when the user already moderated the dialogue. */
export async function insertDialogueModerator(trx: Transaction<Database>, dialogueId: string, userId: string, now: string): Promise<boolean> {
  const result = await trx
    .insertInto('dialogue_moderators')
    .values({ dialogue_id: dialogueId, user_id: userId, created_at: now })
    .onConflict((oc) => oc.columns(['dialogue_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Removes an appointment; false when there was none. */
export async function deleteDialogueModerator(trx: Transaction<Database>, dialogueId: string, userId: string): Promise<boolean> {
  const result = await trx.deleteFrom('dialogue_moderators').where('dialogue_id', '=', dialogueId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function setRole(trx: Transaction<Database>, userId: string, role: Role, now: string): Promise<void> {
  await trx.updateTable('users').set({ role, updated_at: now }).where('id', '=', userId).execute();
}

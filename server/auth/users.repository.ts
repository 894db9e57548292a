import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { NewUserRow, UserRow, UserUpdate } from '../../db/tables/users.table.ts';

export async function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function insertUser(db: Kysely<Database>, row: NewUserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(db: Kysely<Database>, id: string, changes: UserUpdate): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

export async function hasOrganizer(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('role', '=', 'organizer').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** The end of the user's current suspension, or null. */
export async function activeSuspensionEnd(db: Kysely<Database>, userId: string, now: string): Promise<string | null> {
  const row = await db
    .selectFrom('suspensions')
    .select('until')
    .where('user_id', '=', userId)
    .where('lifted_at', 'is', null)
    .where('until', '>', now)
    .orderBy('until', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.until ?? null;
}

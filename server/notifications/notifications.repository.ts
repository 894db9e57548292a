import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export async function listNotifications(db: Kysely<Database>, userId: string, limit: number) {
  return db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function markAllRead(db: Kysely<Database>, userId: string, now: string): Promise<void> {
  await db.updateTable('notifications').set({ read_at: now }).where('user_id', '=', userId).where('read_at', 'is', null).execute();
}

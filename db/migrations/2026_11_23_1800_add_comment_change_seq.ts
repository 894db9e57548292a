import type { Kysely } from 'kysely';

// Each comment records the topic version at its last change, so a reconnecting client can be
// sent the older comments that were edited, hidden or restored while it was away.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('comments')
    .addColumn('change_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('comments_topic_change_idx').on('comments').columns(['topic_id', 'change_seq']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('comments_topic_change_idx').execute();
  await db.schema.alterTable('comments').dropColumn('change_seq').execute();
}

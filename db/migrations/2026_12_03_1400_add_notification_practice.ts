import type { Kysely } from 'kysely';

// A moderator's decision on a good practice (published, returned, unpublished) is told to its
// submitter in the app as on a comment; the notice names the practice it opens.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notifications').addColumn('practice_id', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('practice_id').execute();
}

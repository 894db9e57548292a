import type { Kysely } from 'kysely';

// The organizers' workspace: a dialogue's and a topic's texts in the dialogue's other languages
// (JSON objects keyed by language, `{}` when there are none), and the settings organizers now
// choose per dialogue instead of per server: how long authors may edit a comment (null: the
// server's EDIT_WINDOW_MINUTES), whether the room's wall may show it, and the attribution a new
// quote starts from. A deleted dialogue keeps its row (and its audit entries) with `deleted_at`
// set and its slug freed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('dialogues')
    .addColumn('translations', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.alterTable('dialogues').addColumn('edit_window_minutes', 'integer').execute();
  await db.schema
    .alterTable('dialogues')
    .addColumn('wall_enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('dialogues')
    .addColumn('quote_attribution', 'text', (c) => c.notNull().defaultTo('none'))
    .execute();
  // A deleted dialogue stays as a row, so that the append-only audit log keeps pointing at it.
  await db.schema.alterTable('dialogues').addColumn('deleted_at', 'text').execute();
  await db.schema
    .alterTable('topics')
    .addColumn('translations', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('topics').dropColumn('translations').execute();
  for (const column of ['deleted_at', 'quote_attribution', 'wall_enabled', 'edit_window_minutes', 'translations']) {
    await db.schema.alterTable('dialogues').dropColumn(column).execute();
  }
}

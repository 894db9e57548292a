import type { Kysely } from 'kysely';

// Whether a comment was ever shown to the public. A hidden or withdrawn comment stays in the
// thread as a placeholder only if readers saw it: one held for review and withdrawn or hidden
// before anybody approved it must leave no trace (not even its author's name).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('comments')
    .addColumn('was_public', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Published now, never held, held only after publication (by reports), or approved or restored once.
  await db
    .updateTable('comments')
    .set({ was_public: 1 })
    .where((eb) =>
      eb.or([
        eb('status', '=', 'published'),
        eb('held_reason', 'is', null),
        eb('held_reason', '=', 'reports'),
        eb(
          'id',
          'in',
          eb
            .selectFrom('moderation_actions')
            .select('target_id')
            .where('target_type', '=', 'comment')
            .where('action', 'in', ['comment.approve', 'comment.restore']),
        ),
      ]),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comments').dropColumn('was_public').execute();
}

import type { Kysely } from 'kysely';

// Participants stay in touch. Users get a verified address, e-mail preferences (JSON, `{}` means
// the defaults), a time zone for their digest's hour, and `deleted_at` for an account deleted by
// its owner (the row stays, emptied, so kept comments still point at it). Mail waits in a durable
// outbox, queued in the same transaction as what caused it and claimed atomically by one node.
// One-time tokens (password reset, address verification) are stored as hashes only. Follows are
// one row per user and topic (`following` 0 once the user stopped following: posting again does
// not re-follow them). Notifications now name their topic, quote and actor; a quote records when
// its author withdrew consent.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('email_verified_at', 'text').execute();
  await db.schema
    .alterTable('users')
    .addColumn('email_prefs', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.alterTable('users').addColumn('time_zone', 'text').execute();
  await db.schema.alterTable('users').addColumn('last_digest_at', 'text').execute();
  await db.schema.alterTable('users').addColumn('deleted_at', 'text').execute();

  await db.schema
    .alterTable('dialogues')
    .addColumn('require_verified_email', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema.alterTable('quotes').addColumn('consent_withdrawn_at', 'text').execute();
  await db.schema.alterTable('quotes').addColumn('consent_withdrawal_reason', 'text').execute();

  await db.schema.alterTable('notifications').addColumn('topic_id', 'text').execute();
  await db.schema.alterTable('notifications').addColumn('quote_id', 'text').execute();
  await db.schema.alterTable('notifications').addColumn('actor_id', 'text').execute();

  await db.schema
    .createTable('auth_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('auth_tokens_user').on('auth_tokens').columns(['user_id', 'purpose']).execute();

  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text')
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    .addColumn('headers', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('mail_outbox_due').on('mail_outbox').columns(['status', 'next_attempt_at']).execute();

  await db.schema
    .createTable('topic_follows')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('topic_id', 'text', (c) => c.notNull().references('topics.id').onDelete('cascade'))
    .addColumn('following', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('topic_follows_pk', ['user_id', 'topic_id'])
    .execute();
  await db.schema.createIndex('topic_follows_topic').on('topic_follows').columns(['topic_id', 'following']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('topic_follows').execute();
  await db.schema.dropTable('mail_outbox').execute();
  await db.schema.dropTable('auth_tokens').execute();
  for (const column of ['actor_id', 'quote_id', 'topic_id']) await db.schema.alterTable('notifications').dropColumn(column).execute();
  for (const column of ['consent_withdrawal_reason', 'consent_withdrawn_at']) await db.schema.alterTable('quotes').dropColumn(column).execute();
  await db.schema.alterTable('dialogues').dropColumn('require_verified_email').execute();
  for (const column of ['deleted_at', 'last_digest_at', 'time_zone', 'email_prefs', 'email_verified_at']) {
    await db.schema.alterTable('users').dropColumn(column).execute();
  }
}

import { PostgresAdapter, sql, type Kysely } from 'kysely';

// The community's memory. A good practice gets what a submitter writes (contact, language, the
// dialogue it came from and the comment that prompted it, its description rendered to sanitized
// HTML), what a review leaves (the reason it was returned, when and by whom it was decided) and
// each dialogue a managed list of practice themes.
//
// Search reads one table of documents, `search_docs`: one row per comment, practice and quote,
// kept in step by the repositories inside the transaction that writes the source. Its integer id
// is stable (SQLite may renumber the implicit rowid of a table with a text key on VACUUM), so the
// full-text index can point at it. SQLite indexes it with an FTS5 table of external content kept
// by triggers, with the `unicode61 remove_diacritics 2` tokenizer so "integracion" finds
// "integración"; PostgreSQL with a stored `tsvector` of the `simple` configuration over unaccented
// text and a GIN index. `unaccent` is an extension (trusted since PostgreSQL 13): it is installed
// once per database, in `public`, under an advisory lock because several schemas may migrate at
// once; the immutable wrapper `vd_unaccent` that a generated column needs lives in this schema.
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  for (const column of ['contact', 'return_reason', 'moderated_at', 'dialogue_id', 'source_comment_id']) {
    await db.schema.alterTable('practices').addColumn(column, 'text').execute();
  }
  await db.schema
    .alterTable('practices')
    .addColumn('description_html', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('practices')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
    .execute();
  await db.schema
    .alterTable('practices')
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('practices_submitter').on('practices').columns(['submitted_by', 'created_at']).execute();
  await db.schema.createIndex('practices_dialogue').on('practices').columns(['dialogue_id', 'status']).execute();

  await db.schema
    .alterTable('dialogues')
    .addColumn('practice_themes', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  await db.schema
    .createTable('search_docs')
    .addColumn('id', postgres ? 'serial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('dialogue_id', 'text')
    .addColumn('topic_id', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('search_docs_ref', ['kind', 'ref_id'])
    .execute();

  if (postgres) {
    await sql`select pg_advisory_xact_lock(7263001)`.execute(db);
    const installed = await sql<{ schema: string }>`
      select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'unaccent'`.execute(db);
    let schema = installed.rows[0]?.schema;
    if (!schema) {
      await sql`create schema if not exists public`.execute(db);
      await sql`create extension if not exists unaccent schema public`.execute(db);
      schema = 'public';
    }
    const unaccent = sql.id(schema, 'unaccent');
    const dictionary = sql.lit(`${schema}.unaccent`);
    await sql`create or replace function vd_unaccent(text) returns text language sql immutable parallel safe strict
      as $$ select ${unaccent}(${dictionary}::regdictionary, $1) $$`.execute(db);
    await sql`alter table search_docs add column vector tsvector generated always as (
      setweight(to_tsvector('simple'::regconfig, vd_unaccent(title)), 'A') || to_tsvector('simple'::regconfig, vd_unaccent(body))) stored`.execute(db);
    await sql`create index search_docs_vector on search_docs using gin (vector)`.execute(db);
  } else {
    await sql`create virtual table search_fts using fts5(title, body, content='search_docs', content_rowid='id',
      tokenize='unicode61 remove_diacritics 2', prefix='2 3')`.execute(db);
    await sql`create trigger search_docs_ai after insert on search_docs begin
      insert into search_fts(rowid, title, body) values (new.id, new.title, new.body); end`.execute(db);
    await sql`create trigger search_docs_ad after delete on search_docs begin
      insert into search_fts(search_fts, rowid, title, body) values ('delete', old.id, old.title, old.body); end`.execute(db);
    await sql`create trigger search_docs_au after update of title, body on search_docs begin
      insert into search_fts(search_fts, rowid, title, body) values ('delete', old.id, old.title, old.body);
      insert into search_fts(rowid, title, body) values (new.id, new.title, new.body); end`.execute(db);
  }

  // What is already written becomes searchable: every comment, with its dialogue.
  await sql`insert into search_docs (kind, ref_id, dialogue_id, topic_id, language, status, title, body, created_at)
    select 'comment', c.id, t.dialogue_id, c.topic_id, c.language, c.status, '', c.body_markdown, c.created_at
    from comments c join topics t on t.id = c.topic_id`.execute(db);
  await sql`insert into search_docs (kind, ref_id, dialogue_id, topic_id, language, status, title, body, created_at)
    select 'quote', q.id, t.dialogue_id, q.topic_id, c.language,
      case when c.status = 'published' and q.consent_withdrawn_at is null then 'published' else 'flagged' end,
      '', case when q.excerpt = '' then c.body_markdown else q.excerpt end, q.created_at
    from quotes q join comments c on c.id = q.comment_id join topics t on t.id = q.topic_id`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (!postgres) await sql`drop table if exists search_fts`.execute(db);
  await db.schema.dropTable('search_docs').execute();
  if (postgres) await sql`drop function if exists vd_unaccent(text)`.execute(db);
  await db.schema.alterTable('dialogues').dropColumn('practice_themes').execute();
  await db.schema.dropIndex('practices_dialogue').execute();
  await db.schema.dropIndex('practices_submitter').execute();
  for (const column of ['contact', 'return_reason', 'moderated_at', 'dialogue_id', 'source_comment_id', 'description_html', 'language', 'updated_at']) {
    await db.schema.alterTable('practices').dropColumn(column).execute();
  }
}

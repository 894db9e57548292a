import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { PracticeRow } from '../../db/tables/practices.table.ts';
import { isPublicQuote, WHOLE_COMMENT } from '../quotes/quotes.mapper.ts';
import { findQuoteWithSource, quotesOfComments, type QuoteWithSource } from '../quotes/quotes.repository.ts';

type Executor = Kysely<Database> | Transaction<Database>;

// The search documents, written in the transaction that writes their source: what a participant
// can find is always what they can read. The full-text index follows `search_docs` by itself (FTS5
// triggers on SQLite, a generated column on PostgreSQL). The body is the Markdown source: its
// punctuation separates words for both tokenizers, and snippets are cut from the source at read time.

/** A new comment: in the same transaction as its insert. */
export async function indexNewComment(
  db: Executor,
  comment: { id: string; topic_id: string; language: string; status: string; body_markdown: string; created_at: string },
): Promise<void> {
  await db
    .insertInto('search_docs')
    .values((eb) => ({
      kind: 'comment',
      ref_id: comment.id,
      dialogue_id: eb.selectFrom('topics').select('dialogue_id').where('id', '=', comment.topic_id),
      topic_id: comment.topic_id,
      language: comment.language as Database['search_docs']['language'],
      status: comment.status,
      title: '',
      body: comment.body_markdown,
      created_at: comment.created_at,
    }))
    .execute();
}

/** A comment whose text or status changed, and every quote of it (their visibility follows it). */
export async function reindexComment(db: Executor, commentId: string): Promise<void> {
  const comment = await db.selectFrom('comments').select(['status', 'body_markdown', 'language']).where('id', '=', commentId).executeTakeFirst();
  if (!comment) return;
  await db
    .updateTable('search_docs')
    .set({ status: comment.status, body: comment.body_markdown, language: comment.language })
    .where('kind', '=', 'comment')
    .where('ref_id', '=', commentId)
    .execute();
  for (const quote of await quotesOfComments(db, [commentId])) await writeQuoteDoc(db, quote);
}

async function writeQuoteDoc(db: Executor, quote: QuoteWithSource): Promise<void> {
  const doc = {
    status: isPublicQuote(quote) ? 'published' : 'flagged',
    body: quote.excerpt === WHOLE_COMMENT ? quote.comment_markdown : quote.excerpt,
    language: quote.comment_language,
  };
  await db
    .insertInto('search_docs')
    .values((eb) => ({
      kind: 'quote',
      ref_id: quote.id,
      dialogue_id: eb.selectFrom('topics').select('dialogue_id').where('id', '=', quote.topic_id),
      topic_id: quote.topic_id,
      title: '',
      created_at: quote.created_at,
      ...doc,
    }))
    .onConflict((oc) => oc.columns(['kind', 'ref_id']).doUpdateSet(doc))
    .execute();
}

/** A quote made, changed or deleted (gone: its document goes too). */
export async function reindexQuote(db: Executor, quoteId: string): Promise<void> {
  const quote = await findQuoteWithSource(db, quoteId);
  if (quote) await writeQuoteDoc(db, quote);
  else await db.deleteFrom('search_docs').where('kind', '=', 'quote').where('ref_id', '=', quoteId).execute();
}

/** The quotes of one author's comments: their consent to be quoted decides whether the public sees them. */
export async function reindexQuotesOfAuthor(db: Executor, authorId: string): Promise<void> {
  const commentIds = await db
    .selectFrom('quotes as q')
    .innerJoin('comments as c', 'c.id', 'q.comment_id')
    .select('c.id')
    .where('c.author_id', '=', authorId)
    .execute();
  const quotes = await quotesOfComments(
    db,
    commentIds.map((row) => row.id),
  );
  for (const quote of quotes) await writeQuoteDoc(db, quote);
}

/** A practice submitted or changed: its title weighs more than its text; the description comes first, so a snippet opens with it. */
export async function indexPractice(db: Executor, practice: PracticeRow): Promise<void> {
  const themes = JSON.parse(practice.themes) as string[];
  const doc = {
    dialogue_id: practice.dialogue_id,
    language: practice.language,
    status: practice.status,
    title: practice.title,
    body: [practice.description, practice.organization, themes.join(', ')].join('\n\n'),
  };
  await db
    .insertInto('search_docs')
    .values({ kind: 'practice', ref_id: practice.id, topic_id: null, created_at: practice.created_at, ...doc })
    .onConflict((oc) => oc.columns(['kind', 'ref_id']).doUpdateSet(doc))
    .execute();
}

/** A practice deleted: its document goes with it, in the same transaction. */
export async function unindexPractice(db: Executor, practiceId: string): Promise<void> {
  await db.deleteFrom('search_docs').where('kind', '=', 'practice').where('ref_id', '=', practiceId).execute();
}

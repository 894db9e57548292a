import type { NewCommentRow } from '../../db/tables/comments.table.ts';
import type { Attribution } from '../../shared/quote-consent.ts';
import { newId } from '../../server/lib/ids.ts';
import { nowIso } from '../../server/lib/time.ts';
import type { TestApp } from './test-app.ts';

/**
 * Quotes, summaries, visits and comments written straight into the database, for tests of what
 * reads them (annex, exports, statistics) without going through the curation routes.
 */

export async function insertQuote(
  t: TestApp,
  quote: { topicId: string; commentId: string; chosenBy: string; attribution: Attribution; position: number; excerpt?: string },
): Promise<string> {
  const id = newId();
  const now = nowIso();
  await t.ctx.db
    .insertInto('quotes')
    .values({
      id,
      topic_id: quote.topicId,
      comment_id: quote.commentId,
      excerpt: quote.excerpt ?? '',
      attribution: quote.attribution,
      position: quote.position,
      chosen_by: quote.chosenBy,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A summary with its versions, oldest first; the summary row holds the last one. */
export async function insertSummary(
  t: TestApp,
  summary: { dialogueId: string; topicId: string | null; authorId: string; versions: { body: string; status: 'draft' | 'approved' }[] },
): Promise<string> {
  const id = newId();
  const now = nowIso();
  const last = summary.versions.at(-1)!;
  await t.ctx.db
    .insertInto('summaries')
    .values({
      id,
      dialogue_id: summary.dialogueId,
      topic_id: summary.topicId,
      body: last.body,
      status: last.status,
      version: summary.versions.length,
      updated_by: summary.authorId,
      updated_at: now,
    })
    .execute();
  await t.ctx.db
    .insertInto('summary_versions')
    .values(
      summary.versions.map((version, i) => ({
        id: newId(),
        summary_id: id,
        version: i + 1,
        body: version.body,
        status: version.status,
        author_id: summary.authorId,
        created_at: now,
      })),
    )
    .execute();
  return id;
}

/** Page views at the given times, by the given visitors (cycled). */
export async function insertVisits(t: TestApp, dialogueId: string, times: readonly string[], visitorIds: readonly string[] = ['visitor']): Promise<void> {
  const rows = times.map((createdAt, i) => ({
    id: newId(),
    dialogue_id: dialogueId,
    visitor_id: visitorIds[i % visitorIds.length]!,
    path: '/',
    created_at: createdAt,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await t.ctx.db
      .insertInto('visits')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** Many published comments at once, numbered after the topic's last seq (for paging and volume tests). */
export async function insertComments(t: TestApp, topicId: string, authorId: string, bodies: readonly string[]): Promise<void> {
  const topic = await t.ctx.db.selectFrom('topics').select('last_seq').where('id', '=', topicId).executeTakeFirstOrThrow();
  const now = nowIso();
  const rows = bodies.map((body, i): NewCommentRow => ({
    id: newId(),
    topic_id: topicId,
    seq: topic.last_seq + i + 1,
    change_seq: 0,
    parent_id: null,
    reply_to_id: null,
    author_id: authorId,
    body_markdown: body,
    body_html: `<p>${body}</p>`,
    language: 'en',
    status: 'published',
    held_reason: null,
    edit_note: null,
    client_key: null,
    created_at: now,
    edited_at: null,
    updated_at: now,
  }));
  for (let i = 0; i < rows.length; i += 200)
    await t.ctx.db
      .insertInto('comments')
      .values(rows.slice(i, i + 200))
      .execute();
  await t.ctx.db
    .updateTable('topics')
    .set({ last_seq: topic.last_seq + bodies.length })
    .where('id', '=', topicId)
    .execute();
}

export async function setCommentTime(t: TestApp, commentId: string, createdAt: string): Promise<void> {
  await t.ctx.db.updateTable('comments').set({ created_at: createdAt }).where('id', '=', commentId).execute();
}

import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DialectName } from '../../db/create-db.ts';
import type { Database } from '../../db/schema.ts';
import type { SearchKind } from '../../shared/search.constants.ts';
import type { Language } from '../../shared/common.constants.ts';
import { fts5Match, tsQuery, type Term } from './search-query.ts';

/** Who may find what: everyone finds what is public; moderators also what waits or was taken down where they moderate. */
export interface SearchScope {
  /** every dialogue (organizers) */
  all: boolean;
  /** the dialogues whose unpublished content the reader may find */
  dialogueIds: readonly string[];
  /** practices filed under no dialogue, unpublished ones included */
  unattachedPractices: boolean;
}

export interface SearchFilters {
  kind?: SearchKind;
  dialogueSlug?: string;
  topicId?: string;
  language?: Language;
}

export interface SearchHit {
  kind: SearchKind;
  ref_id: string;
  /** a quote's source comment */
  comment_id: string | null;
  dialogue_id: string | null;
  dialogue_slug: string | null;
  topic_id: string | null;
  language: Language;
  status: string;
  title: string;
  body: string;
  created_at: string;
}

// The best matches are ranked among a bounded set of candidates: the newest `candidates` matching
// documents the reader may see. Ranking every match of a very common word (an unbounded ORDER BY
// rank) costs time in proportion to the whole index; this costs at most `candidates` rows.

const idList = (ids: readonly string[]): RawBuilder<unknown> => sql.join(ids.map((id) => sql`${id}`));

/** What the reader may see: public documents (a practice anywhere, the rest in a public dialogue), and what their scope adds. */
function visible(scope: SearchScope, publicDialogueIds: readonly string[]): RawBuilder<unknown> {
  const inPublicDialogue = publicDialogueIds.length > 0 ? sql`d.dialogue_id in (${idList(publicDialogueIds)})` : sql`1 = 0`;
  const published = sql`(d.status = 'published' and (d.kind = 'practice' or ${inPublicDialogue}))`;
  if (scope.all) return sql`d.status <> 'withdrawn'`;
  const parts = [published];
  if (scope.dialogueIds.length > 0) parts.push(sql`(d.status <> 'withdrawn' and d.dialogue_id in (${idList(scope.dialogueIds)}))`);
  if (scope.unattachedPractices) parts.push(sql`(d.kind = 'practice' and d.dialogue_id is null)`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** The filters, the dialogue already resolved from its slug (undefined: any dialogue). */
function filtered(filters: SearchFilters, dialogueId: string | undefined): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`1 = 1`];
  if (filters.kind) parts.push(sql`d.kind = ${filters.kind}`);
  if (dialogueId) parts.push(sql`d.dialogue_id = ${dialogueId}`);
  if (filters.topicId) parts.push(sql`d.topic_id = ${filters.topicId}`);
  if (filters.language) parts.push(sql`d.language = ${filters.language}`);
  return sql.join(parts, sql` and `);
}

const COLUMNS = sql`d.kind, d.ref_id, qt.comment_id, d.dialogue_id, g.slug as dialogue_slug, d.topic_id, d.language, d.status, d.title, d.body, d.created_at`;

/** One page of the best matches (the best first), and whether more follow. */
export async function searchDocs(
  db: Kysely<Database>,
  dialect: DialectName,
  terms: readonly Term[],
  scope: SearchScope,
  filters: SearchFilters,
  page: { offset: number; limit: number; candidates: number },
): Promise<{ hits: SearchHit[]; more: boolean }> {
  // Dialogues are few: their ids go into the query, which then needs no join to rank candidates.
  const dialogues = await db.selectFrom('dialogues').select(['id', 'slug', 'published', 'deleted_at']).execute();
  const publicIds = dialogues.filter((g) => g.published === 1 && g.deleted_at === null).map((g) => g.id);
  let dialogueId: string | undefined;
  if (filters.dialogueSlug !== undefined) {
    dialogueId = dialogues.find((g) => g.slug === filters.dialogueSlug && g.deleted_at === null)?.id;
    if (!dialogueId) return { hits: [], more: false };
  }
  const where = sql`${visible(scope, publicIds)} and ${filtered(filters, dialogueId)}`;
  const take = Math.max(0, Math.min(page.limit + 1, page.candidates - page.offset));
  if (take === 0) return { hits: [], more: false };
  // Only ids and scores are carried through the ranking; the page's rows are read at the end.
  const ranked =
    dialect === 'sqlite'
      ? sql`
        select d.id as doc_id, bm25(search_fts, 5.0, 1.0) as score
        from search_fts
        join search_docs d on d.id = search_fts.rowid
        where search_fts match ${fts5Match(terms)} and ${where}
        order by search_fts.rowid desc
        limit ${page.candidates}`
      : sql`
        select d.id as doc_id, -ts_rank(d.vector, query) as score
        from search_docs d
        cross join to_tsquery('simple'::regconfig, vd_unaccent(${tsQuery(terms)})) query
        where d.vector @@ query and ${where}
        order by d.id desc
        limit ${page.candidates}`;
  const query = sql<SearchHit & { score: number }>`
    select ${COLUMNS}, c.score from (
      select doc_id, score from (${ranked}) r order by score, doc_id desc limit ${take} offset ${page.offset}
    ) c
    join search_docs d on d.id = c.doc_id
    left join dialogues g on g.id = d.dialogue_id
    left join quotes qt on d.kind = 'quote' and qt.id = d.ref_id
    order by c.score, c.doc_id desc`;
  const rows = (await query.execute(db)).rows;
  return { hits: rows.slice(0, page.limit), more: rows.length > page.limit };
}

/** The ids of the practices matching the terms that the reader may see, among the newest candidates. */
export async function matchingPracticeIds(
  db: Kysely<Database>,
  dialect: DialectName,
  terms: readonly Term[],
  scope: SearchScope,
  candidates: number,
): Promise<string[]> {
  const { hits } = await searchDocs(db, dialect, terms, scope, { kind: 'practice' }, { offset: 0, limit: candidates, candidates });
  return hits.map((hit) => hit.ref_id);
}

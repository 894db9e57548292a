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

function visible(scope: SearchScope): RawBuilder<unknown> {
  const published = sql`(d.status = 'published' and (d.kind = 'practice' or (g.published = 1 and g.deleted_at is null)))`;
  if (scope.all) return sql`(${published} or d.status <> 'withdrawn')`;
  const parts = [published];
  if (scope.dialogueIds.length > 0) {
    parts.push(sql`(d.status <> 'withdrawn' and d.dialogue_id in (${sql.join(scope.dialogueIds.map((id) => sql`${id}`))}))`);
  }
  if (scope.unattachedPractices) parts.push(sql`(d.kind = 'practice' and d.dialogue_id is null)`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

function filtered(filters: SearchFilters): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`1 = 1`];
  if (filters.kind) parts.push(sql`d.kind = ${filters.kind}`);
  if (filters.dialogueSlug) parts.push(sql`g.slug = ${filters.dialogueSlug}`);
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
  const where = sql`${visible(scope)} and ${filtered(filters)}`;
  const take = Math.max(0, Math.min(page.limit + 1, page.candidates - page.offset));
  if (take === 0) return { hits: [], more: false };
  const query =
    dialect === 'sqlite'
      ? sql<SearchHit & { score: number }>`
        select * from (
          select ${COLUMNS}, d.id as doc_id, bm25(search_fts, 5.0, 1.0) as score
          from search_fts
          join search_docs d on d.id = search_fts.rowid
          left join dialogues g on g.id = d.dialogue_id
          left join quotes qt on d.kind = 'quote' and qt.id = d.ref_id
          where search_fts match ${fts5Match(terms)} and ${where}
          order by search_fts.rowid desc
          limit ${page.candidates}
        ) c order by score, doc_id desc limit ${take} offset ${page.offset}`
      : sql<SearchHit & { score: number }>`
        select * from (
          select ${COLUMNS}, d.id as doc_id, ts_rank(d.vector, query) as score
          from search_docs d
          cross join to_tsquery('simple'::regconfig, vd_unaccent(${tsQuery(terms)})) query
          left join dialogues g on g.id = d.dialogue_id
          left join quotes qt on d.kind = 'quote' and qt.id = d.ref_id
          where d.vector @@ query and ${where}
          order by d.id desc
          limit ${page.candidates}
        ) c order by score desc, doc_id desc limit ${take} offset ${page.offset}`;
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

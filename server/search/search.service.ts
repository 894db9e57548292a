import type { Language } from '../../shared/common.constants.ts';
import { SEARCH_LIMITS } from '../../shared/search.constants.ts';
import type { SearchQuery, SearchResult, SearchResults } from '../../shared/search.ts';
import { moderatesAnyDialogue, type Viewer } from '../auth/viewer.ts';
import type { Ctx } from '../context.ts';
import { topicQuestionIn } from '../lib/mail-links.ts';
import { matchingPracticeIds, searchDocs, type SearchHit, type SearchScope } from './search.repository.ts';
import { parseQuery } from './search-query.ts';
import { snippetHtml } from './snippet.ts';

/** What the viewer may find beyond what is public: a moderator's dialogues; everything for organizers. */
export function scopeOf(viewer: Viewer | null): SearchScope {
  if (viewer?.role === 'organizer') return { all: true, dialogueIds: [], unattachedPractices: true };
  if (viewer?.role === 'moderator') return { all: false, dialogueIds: viewer.moderatedDialogueIds, unattachedPractices: moderatesAnyDialogue(viewer) };
  return { all: false, dialogueIds: [], unattachedPractices: false };
}

const urlOf = (hit: SearchHit): string => {
  if (hit.kind === 'practice') return `/practices/${encodeURIComponent(hit.ref_id)}`;
  return `/t/${encodeURIComponent(hit.topic_id ?? '')}?c=${encodeURIComponent(hit.kind === 'quote' ? (hit.comment_id ?? '') : hit.ref_id)}`;
};

/** The topic questions of these hits, in the reader's language where the organizers translated them. */
async function questionsOf(ctx: Ctx, hits: SearchHit[], language: Language | undefined): Promise<Map<string, string>> {
  const ids = [...new Set(hits.map((hit) => hit.topic_id).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const topics = await ctx.db.selectFrom('topics').select(['id', 'question', 'translations']).where('id', 'in', ids).execute();
  return new Map(topics.map((topic) => [topic.id, language ? topicQuestionIn(topic, language) : topic.question]));
}

/** A practice's snippet comes from its description alone: its organization and themes are searched, not quoted. */
async function descriptionsOf(ctx: Ctx, hits: SearchHit[]): Promise<Map<string, string>> {
  const ids = hits.filter((hit) => hit.kind === 'practice').map((hit) => hit.ref_id);
  if (ids.length === 0) return new Map();
  const rows = await ctx.db.selectFrom('practices').select(['id', 'description']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.description]));
}

/**
 * GET /api/search: visible content only, best matches first. Any `q` is answered: a query with
 * no word in it finds nothing, and the cursor is an offset into the ranked candidates.
 */
export async function search(ctx: Ctx, viewer: Viewer | null, query: SearchQuery): Promise<SearchResults> {
  const terms = parseQuery(query.q ?? '');
  const offset = Number(query.after ?? 0);
  const limit = query.limit ?? SEARCH_LIMITS.pageDefault;
  const candidates = SEARCH_LIMITS.candidates[ctx.dialect];
  if (terms.length === 0 || offset >= candidates) return { items: [], nextCursor: null };
  const { hits, more } = await searchDocs(
    ctx.db,
    ctx.dialect,
    terms,
    scopeOf(viewer),
    { kind: query.type, dialogueSlug: query.dialogue, topicId: query.topic, language: query.language },
    { offset, limit, candidates },
  );
  const [questions, descriptions] = await Promise.all([questionsOf(ctx, hits, query.lang), descriptionsOf(ctx, hits)]);
  const items = hits.map((hit): SearchResult => {
    const isPublic = hit.status === 'published';
    return {
      type: hit.kind,
      id: hit.ref_id,
      title: hit.kind === 'practice' ? hit.title : (questions.get(hit.topic_id ?? '') ?? ''),
      snippetHtml: snippetHtml((hit.kind === 'practice' ? descriptions.get(hit.ref_id) : undefined) ?? hit.body, terms),
      url: urlOf(hit),
      ...(hit.dialogue_slug ? { dialogueSlug: hit.dialogue_slug } : {}),
      ...(hit.topic_id ? { topicId: hit.topic_id } : {}),
      language: hit.language,
      ...(isPublic ? {} : { status: hit.status }),
      createdAt: hit.created_at,
    };
  });
  return { items, nextCursor: more ? String(offset + limit) : null };
}

/** The practices matching `q` that the viewer may find, for the library's own filter (null: `q` names no word). */
export async function practiceIdsMatching(ctx: Ctx, viewer: Viewer | null, q: string): Promise<string[] | null> {
  const terms = parseQuery(q);
  if (terms.length === 0) return null;
  return matchingPracticeIds(ctx.db, ctx.dialect, terms, scopeOf(viewer), SEARCH_LIMITS.candidates[ctx.dialect]);
}

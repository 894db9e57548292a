import { SearchQuery, SearchResults } from '../../shared/search.ts';
import type { Ctx } from '../context.ts';
import { errors } from '../http.ts';
import type { App } from '../types.ts';
import { search } from './search.service.ts';

export async function searchRoutes(app: App, { ctx }: { ctx: Ctx }): Promise<void> {
  app.get(
    '/api/search',
    {
      // A search reads NUL, like every control character, as a space: any text is answered 200.
      preValidation: async (request) => {
        const query = request.query as { q?: unknown };
        if (typeof query.q === 'string') query.q = query.q.replaceAll('\u0000', ' ');
      },
      schema: {
        tags: ['search'],
        summary:
          'Full-text search of visible comments, published practices and public quotes (moderators also find what waits or was taken down where they moderate); words, "phrases" and prefix*, accents ignored; best matches first among the newest 500 (SQLite) or 1,000 (PostgreSQL) matches, all of them for most words; any q is answered 200',
        querystring: SearchQuery,
        response: { 200: SearchResults, ...errors(400) },
      },
    },
    async (request) => search(ctx, request.viewer, request.query),
  );
}

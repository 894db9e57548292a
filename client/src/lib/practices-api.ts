import type {
  CreatePracticeBody,
  PatchPracticeBody,
  Practice,
  PracticeList,
  PracticeListQuery,
  PracticeModerationBody,
  PracticeStats,
  PracticeStatsQuery,
} from '../../../shared/practices.ts';
import { getJson, request } from './api.ts';

// The good practices: the library, one practice, submitting and editing one, and the moderators'
// decisions on it. A dialogue's list of practice themes is saved with the dialogue (PATCH
// /api/dialogues/:slug, workspace-api.ts).

const segment = encodeURIComponent;

/** A query string of the values given: '' and undefined are left out. */
function queryOf(query: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** One page of practices matching the query; `nextCursor` is passed back as `after` for the next. */
export function listPractices(query: PracticeListQuery): Promise<PracticeList> {
  return getJson(`/api/practices${queryOf(query)}`);
}

/** Published practices counted by continent, country and theme, under the same filters as the library. */
export function practiceStats(query: PracticeStatsQuery): Promise<PracticeStats> {
  return getJson(`/api/practices/stats${queryOf(query)}`);
}

export function getPractice(id: string): Promise<Practice> {
  return getJson(`/api/practices/${segment(id)}`);
}

/** Submits a practice: it waits for a moderator (`status: "submitted"`). */
export async function createPractice(body: CreatePracticeBody): Promise<Practice> {
  return (await (await request('POST', '/api/practices', body)).json()) as Practice;
}

/** Changes a practice; a returned one is submitted again. */
export async function updatePractice(id: string, body: PatchPracticeBody): Promise<Practice> {
  return (await (await request('PATCH', `/api/practices/${segment(id)}`, body)).json()) as Practice;
}

export async function moderatePractice(id: string, body: PracticeModerationBody): Promise<Practice> {
  return (await (await request('POST', `/api/practices/${segment(id)}/moderation`, body)).json()) as Practice;
}

/** Where organizers download the published practices, as a file. */
export const practicesExportUrl = (format: 'csv' | 'json', dialogue?: string): string => `/api/practices/export${queryOf({ format, dialogue })}`;

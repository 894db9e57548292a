import type { CommentPage } from '../../../shared/comments.ts';
import type { ErrorBody } from '../../../shared/common.ts';
import type { Dialogue, DialogueSummary, Topic } from '../../../shared/dialogues.ts';
import type { User } from '../../../shared/users.ts';

// The contract's maximum page size (PAGE_LIMIT_MAX in shared/common.ts, which cannot be
// imported at runtime without pulling TypeBox into the bundle): fewer round trips per thread.
const COMMENT_PAGE_SIZE = 200;

/** A failed request: `status` 0 means the server could not be reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function errorFrom(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
  const error = body?.error;
  return new ApiError(response.status, error?.code ?? 'http_error', error?.message ?? response.statusText);
}

async function request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : String(cause));
  }
  if (!response.ok) throw await errorFrom(response);
  return response;
}

async function getJson<T>(path: string): Promise<T> {
  return (await (await request('GET', path)).json()) as T;
}

const segment = encodeURIComponent;

export async function listDialogues(): Promise<DialogueSummary[]> {
  return (await getJson<{ items: DialogueSummary[] }>('/api/dialogues')).items;
}

export function getDialogue(slug: string): Promise<Dialogue> {
  return getJson(`/api/dialogues/${segment(slug)}`);
}

export function getTopic(id: string): Promise<Topic> {
  return getJson(`/api/topics/${segment(id)}`);
}

/** One page of a topic's visible comments in posting order, after the `after` cursor. */
export function listComments(topicId: string, after?: string): Promise<CommentPage> {
  const query = new URLSearchParams({ limit: String(COMMENT_PAGE_SIZE) });
  if (after !== undefined) query.set('after', after);
  return getJson(`/api/topics/${segment(topicId)}/comments?${query}`);
}

/** The signed-in user, or null for a visitor. */
export async function me(): Promise<User | null> {
  try {
    return (await getJson<{ user: User }>('/api/auth/me')).user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Counts one page view of a dialogue. Statistics must never disturb reading, so failures are ignored. */
export function recordVisit(slug: string, path: string): void {
  request('POST', `/api/dialogues/${segment(slug)}/visits`, { path }).catch(() => undefined);
}

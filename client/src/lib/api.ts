import { COMMENT_PAGE_SIZE } from '../../../shared/comments.constants.ts';
import type { Comment, CommentPage, CreateCommentBody, CreateReportBody, UnreadList } from '../../../shared/comments.ts';
import type { ErrorBody } from '../../../shared/common.ts';
import type { Dialogue, DialogueSummary, Topic } from '../../../shared/dialogues.ts';
import type { LoginBody, ProfilePatch, RegisterBody, User } from '../../../shared/users.ts';

type ErrorDetail = NonNullable<ErrorBody['error']['details']>[number];

/**
 * A failed request: `status` 0 means the server could not be reached at all; `details` name the
 * fields a 400 rejected (`path` like "body/password"); `retryAfter` is a 429's wait in seconds.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly ErrorDetail[] = [],
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function errorFrom(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
  const error = body?.error;
  const retryAfter = Number(response.headers.get('retry-after'));
  return new ApiError(
    response.status,
    error?.code ?? 'http_error',
    error?.message ?? response.statusText,
    error?.details ?? [],
    retryAfter > 0 ? retryAfter : null,
  );
}

export async function request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<Response> {
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

export async function getJson<T>(path: string): Promise<T> {
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

async function userFrom(response: Response): Promise<User> {
  return ((await response.json()) as { user: User }).user;
}

/** Creates a participant account; the server signs the new participant in. */
export async function register(body: RegisterBody): Promise<User> {
  return userFrom(await request('POST', '/api/auth/register', body));
}

export async function login(body: LoginBody): Promise<User> {
  return userFrom(await request('POST', '/api/auth/login', body));
}

export async function logout(): Promise<void> {
  await request('POST', '/api/auth/logout');
}

/** Changes the signed-in user's profile; a new `password` needs `currentPassword`. */
export async function updateProfile(patch: ProfilePatch): Promise<User> {
  return userFrom(await request('PATCH', '/api/auth/me', patch));
}

/** Counts one page view of a dialogue. Statistics must never disturb reading, so failures are ignored. */
export function recordVisit(slug: string, path: string): void {
  request('POST', `/api/dialogues/${segment(slug)}/visits`, { path }).catch(() => undefined);
}

/** A posted comment, and whether it waits for a moderator (202) instead of being published (201). */
export interface Posted {
  comment: Comment;
  pending: boolean;
}

export async function postComment(topicId: string, body: CreateCommentBody): Promise<Posted> {
  const response = await request('POST', `/api/topics/${segment(topicId)}/comments`, body);
  return { comment: (await response.json()) as Comment, pending: response.status === 202 };
}

export async function editComment(id: string, body: string): Promise<Comment> {
  return (await (await request('PATCH', `/api/comments/${segment(id)}`, { body })).json()) as Comment;
}

export async function withdrawComment(id: string): Promise<void> {
  await request('DELETE', `/api/comments/${segment(id)}`);
}

export async function reportComment(id: string, report: CreateReportBody): Promise<void> {
  await request('POST', `/api/comments/${segment(id)}/reports`, report);
}

/** A draft rendered and sanitized by the server exactly as posting would store it. */
/** A draft as posting would show it; in a topic, with its participants' @mentions marked. */
export async function previewComment(body: string, topicId?: string): Promise<string> {
  return ((await (await request('POST', '/api/comments/preview', topicId ? { body, topicId } : { body })).json()) as { bodyHtml: string }).bodyHtml;
}

/** Remembers the highest comment the signed-in reader has seen in a topic. */
export async function markRead(topicId: string, lastSeq: number): Promise<void> {
  await request('PUT', `/api/topics/${segment(topicId)}/read`, { lastSeq });
}

export async function dialogueUnread(slug: string): Promise<UnreadList['items']> {
  return (await getJson<UnreadList>(`/api/dialogues/${segment(slug)}/unread`)).items;
}

import { randomBytes } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Comment } from '../../shared/comments.ts';
import type { CreateDialogueBody, Dialogue, Topic } from '../../shared/dialogues.ts';
import type { Role } from '../../shared/common.ts';
import type { RegisterBody, User } from '../../shared/users.ts';
import { updateUser } from '../../server/auth/users.repository.ts';
import { DAY, HOUR, toIso } from '../../server/lib/time.ts';
import { TEST_ORIGIN, type TestApp } from './test-app.ts';

/** Someone using the API: their session cookie (null when anonymous) and, once signed in, their user. */
export interface Agent {
  cookie: string | null;
  user: User;
}

export const anonymous = null;

export interface CallOptions {
  as?: Agent | null;
  body?: unknown;
  /** raw payload, sent as is (for malformed-input tests) */
  payload?: string;
  headers?: Record<string, string>;
  /** the Origin header; defaults to the forum's own origin when a session cookie is sent */
  origin?: string | null;
  /** the caller's IP address (light-my-request's default is 127.0.0.1) */
  remoteAddress?: string;
}

export async function call(t: TestApp, method: InjectOptions['method'], url: string, options: CallOptions = {}): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.as?.cookie) {
    headers.cookie = headers.cookie ? `${headers.cookie}; ${options.as.cookie}` : options.as.cookie;
    const origin = options.origin === undefined ? TEST_ORIGIN : options.origin;
    if (origin !== null) headers.origin = origin;
  } else if (options.origin) {
    headers.origin = options.origin;
  }
  const from = options.remoteAddress === undefined ? {} : { remoteAddress: options.remoteAddress };
  if (options.payload !== undefined) {
    headers['content-type'] ??= 'application/json';
    return t.app.inject({ method, url, headers, payload: options.payload, ...from });
  }
  return t.app.inject({ method, url, headers, ...from, ...(options.body === undefined ? {} : { payload: options.body as object }) });
}

export function sessionCookieOf(response: LightMyRequestResponse): string | null {
  const cookie = response.cookies.find((c) => c.name === 'session');
  return cookie && cookie.value ? `session=${cookie.value}` : null;
}

export const uniqueEmail = (prefix = 'user'): string => `${prefix}-${randomBytes(5).toString('hex')}@example.org`;

export const PASSWORD = 'correct horse battery';

export function registration(overrides: Partial<RegisterBody> = {}): RegisterBody {
  return { email: uniqueEmail(), password: PASSWORD, displayName: 'Test Participant', country: 'ES', ...overrides };
}

export async function register(t: TestApp, overrides: Partial<RegisterBody> = {}): Promise<Agent> {
  const response = await call(t, 'POST', '/api/auth/register', { body: registration(overrides) });
  if (response.statusCode !== 201) throw new Error(`register failed: ${response.statusCode} ${response.body}`);
  return { cookie: sessionCookieOf(response), user: response.json<{ user: User }>().user };
}

/** A registered user given a role directly in the database (there is no public route for it yet). */
export async function withRole(t: TestApp, role: Role, overrides: Partial<RegisterBody> = {}): Promise<Agent> {
  const agent = await register(t, { displayName: `Test ${role}`, ...overrides });
  await updateUser(t.ctx.db, agent.user.id, { role });
  return { ...agent, user: { ...agent.user, role } };
}

export const participant = (t: TestApp, overrides: Partial<RegisterBody> = {}): Promise<Agent> => register(t, overrides);

/**
 * A moderator appointed to these dialogues (directly in the database, as an organizer's PUT
 * /api/dialogues/:slug/moderators/:userId would): moderation rights are per dialogue, so one
 * appointed nowhere may use no moderation tool.
 */
export async function moderator(t: TestApp, ...dialogues: { id: string }[]): Promise<Agent> {
  const agent = await withRole(t, 'moderator');
  if (dialogues.length > 0) {
    const now = new Date().toISOString();
    await t.ctx.db
      .insertInto('dialogue_moderators')
      .values(dialogues.map((dialogue) => ({ dialogue_id: dialogue.id, user_id: agent.user.id, created_at: now })))
      .execute();
  }
  return agent;
}

export const organizer = (t: TestApp): Promise<Agent> => withRole(t, 'organizer');

let slugCounter = 0;

export function dialogueInput(overrides: Partial<CreateDialogueBody> = {}): CreateDialogueBody {
  slugCounter += 1;
  return {
    slug: `dialogue-${randomBytes(3).toString('hex')}-${slugCounter}`,
    title: 'Migration and social change',
    theme: 'Migration and Social Change',
    description: 'A dialogue for tests.',
    opensAt: toIso(Date.now() - HOUR),
    closesAt: toIso(Date.now() + 14 * DAY),
    moderation: 'post',
    languages: ['en', 'fr', 'es'],
    ...overrides,
  };
}

export async function createDialogue(t: TestApp, owner: Agent, overrides: Partial<CreateDialogueBody> = {}): Promise<Dialogue> {
  const response = await call(t, 'POST', '/api/dialogues', { as: owner, body: dialogueInput(overrides) });
  if (response.statusCode !== 201) throw new Error(`create dialogue failed: ${response.statusCode} ${response.body}`);
  return response.json<Dialogue>();
}

export async function createTopic(t: TestApp, owner: Agent, slug: string, question = 'How does migration change societies?'): Promise<Topic> {
  const response = await call(t, 'POST', `/api/dialogues/${slug}/topics`, { as: owner, body: { question } });
  if (response.statusCode !== 201) throw new Error(`create topic failed: ${response.statusCode} ${response.body}`);
  return response.json<Topic>();
}

/** An organizer, and a dialogue (open now unless overridden) with one topic. */
export async function dialogueWithTopic(t: TestApp, overrides: Partial<CreateDialogueBody> = {}) {
  const owner = await organizer(t);
  const dialogue = await createDialogue(t, owner, overrides);
  const topic = await createTopic(t, owner, dialogue.slug);
  return { owner, dialogue, topic };
}

export async function postComment(
  t: TestApp,
  author: Agent,
  topicId: string,
  body: Record<string, unknown> = { body: 'A thoughtful comment.' },
): Promise<Comment> {
  const response = await call(t, 'POST', `/api/topics/${topicId}/comments`, { as: author, body });
  if (response.statusCode !== 201 && response.statusCode !== 202) {
    throw new Error(`post comment failed: ${response.statusCode} ${response.body}`);
  }
  return response.json<Comment>();
}

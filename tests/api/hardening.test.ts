import { beforeAll, describe, expect, it } from 'vitest';
import { call, dialogueInput, organizer, participant, registration } from '../helpers/factories.ts';
import { describeOnEachDatabase } from '../helpers/databases.ts';
import { connect, listen } from '../helpers/sockets.ts';
import { useTestApp } from '../helpers/test-app.ts';

const LEAP_SECOND = '2030-12-31T23:59:60Z';

describeOnEachDatabase('times the schema accepts', (kind) => {
  const t = useTestApp(kind);

  it('refuses a leap-second suspension end with 400, not 500', async () => {
    const owner = await organizer(t);
    const someone = await participant(t);
    const response = await call(t, 'POST', `/api/users/${someone.user.id}/suspension`, { as: owner, body: { until: LEAP_SECOND, reason: 'x' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect((await call(t, 'GET', '/api/auth/me', { as: someone })).json().user.suspendedUntil).toBeNull();
  });

  it('refuses a leap-second window on a new dialogue with 400', async () => {
    const owner = await organizer(t);
    const input = dialogueInput({ closesAt: LEAP_SECOND });
    const response = await call(t, 'POST', '/api/dialogues', { as: owner, body: input });
    expect(response.statusCode).toBe(400);
    expect((await call(t, 'GET', `/api/dialogues/${input.slug}`, { as: owner })).statusCode).toBe(404);
  });

  it('refuses a leap second when a dialogue is moved, and keeps its window', async () => {
    const owner = await organizer(t);
    const created = await call(t, 'POST', '/api/dialogues', { as: owner, body: dialogueInput() });
    const dialogue = created.json<{ slug: string; closesAt: string }>();
    const moved = await call(t, 'PATCH', `/api/dialogues/${dialogue.slug}`, { as: owner, body: { closesAt: LEAP_SECOND } });
    expect(moved.statusCode).toBe(400);
    expect((await call(t, 'GET', `/api/dialogues/${dialogue.slug}`, { as: owner })).json().closesAt).toBe(dialogue.closesAt);
  });

  it('still accepts an offset time and stores it in UTC', async () => {
    const owner = await organizer(t);
    const someone = await participant(t);
    const until = '2030-12-31T23:59:59+01:00';
    const response = await call(t, 'POST', `/api/users/${someone.user.id}/suspension`, { as: owner, body: { until, reason: 'x' } });
    expect(response.statusCode, response.body).toBe(201);
    expect((await call(t, 'GET', '/api/auth/me', { as: someone })).json().user.suspendedUntil).toBe('2030-12-31T22:59:59.000Z');
  });
});

describeOnEachDatabase('a suspended participant’s profile', (kind) => {
  const t = useTestApp(kind);

  it('refuses changes to how their comments are signed while suspended, and allows the rest', async () => {
    const owner = await organizer(t);
    const someone = await participant(t, { displayName: 'Amina' });
    const until = new Date(Date.now() + 86_400_000).toISOString();
    expect((await call(t, 'POST', `/api/users/${someone.user.id}/suspension`, { as: owner, body: { until, reason: 'Insults.' } })).statusCode).toBe(201);

    for (const patch of [{ displayName: 'Somebody else' }, { nameDisplay: 'country' }, { country: 'FR' }, { affiliation: 'ngo' }]) {
      const refused = await call(t, 'PATCH', '/api/auth/me', { as: someone, body: patch });
      expect(refused.statusCode, JSON.stringify(patch)).toBe(403);
      expect(refused.json().error.code).toBe('suspended');
    }
    const me = (await call(t, 'GET', '/api/auth/me', { as: someone })).json().user;
    expect(me).toMatchObject({ displayName: 'Amina', nameDisplay: 'name', country: 'ES' });

    expect((await call(t, 'PATCH', '/api/auth/me', { as: someone, body: { language: 'fr' } })).statusCode).toBe(200);
  });
});

async function registerAt(base: string, origin: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify(registration()),
  });
  expect(response.status).toBe(201);
  return response.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith('session='))!
    .split(';')[0]!;
}

const rename = (base: string, cookie: string, origin: string): Promise<Response> =>
  fetch(`${base}/api/auth/me`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', origin, cookie },
    body: JSON.stringify({ displayName: 'Renamed' }),
  });

const signedIn = (cookie: string) => ({ cookie, user: undefined as never });

describe('pages opened on a loopback address while PUBLIC_ORIGIN is unset', () => {
  const t = useTestApp('sqlite');
  let base = '';
  let port = 0;
  beforeAll(async () => {
    base = await listen(t.app);
    port = Number(new URL(base).port);
  });

  it('accepts changes and sockets from http://127.0.0.1 and http://[::1] on the listening port', async () => {
    for (const origin of [`http://127.0.0.1:${port}`, `http://[::1]:${port}`, `http://localhost:${port}`]) {
      const cookie = await registerAt(base, origin);
      expect((await rename(base, cookie, origin)).status, origin).toBe(200);
      const socket = await connect(base, signedIn(cookie), { origin });
      expect(socket.connected).toBe(true);
      socket.disconnect();
    }
  });

  it('still refuses other ports, other hosts, https and null', async () => {
    const cookie = await registerAt(base, `http://127.0.0.1:${port}`);
    for (const origin of [`http://127.0.0.1:${port + 1}`, `https://127.0.0.1:${port}`, `http://evil.example:${port}`, `http://127.0.0.2:${port}`, 'null']) {
      expect((await rename(base, cookie, origin)).status, origin).toBe(403);
      await expect(connect(base, null, { origin }), origin).rejects.toThrow();
    }
  });
});

describe('a set PUBLIC_ORIGIN', () => {
  const t = useTestApp('sqlite', { publicOrigin: 'http://localhost:3000', publicOriginSet: true });

  it('is the only origin accepted, even on loopback', async () => {
    const base = await listen(t.app);
    const loopback = `http://127.0.0.1:${new URL(base).port}`;
    const cookie = await registerAt(base, loopback);
    expect((await rename(base, cookie, loopback)).status).toBe(403);
    await expect(connect(base, null, { origin: loopback })).rejects.toThrow();
  });
});

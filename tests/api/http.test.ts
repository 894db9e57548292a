import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '../../server/app.ts';
import { describeOnEachDatabase } from '../helpers/databases.ts';
import { PASSWORD, call, participant, registration, type CallOptions } from '../helpers/factories.ts';
import { createTestApp, useTestApp } from '../helpers/test-app.ts';

function expectSecurityHeaders(response: LightMyRequestResponse): void {
  const policy = String(response.headers['content-security-policy'] ?? '');
  const directives = policy.split(';').map((directive) => directive.trim());
  expect(directives).toEqual(expect.arrayContaining(["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]));
  expect(response.headers['x-content-type-options']).toBe('nosniff');
}

/** `{error:{code,message,details?}}` and nothing else: no stack, no framework fields. */
function expectErrorShape(response: LightMyRequestResponse, status: number, code?: string): void {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const body = response.json<{ error: { code: string; message: string; details?: unknown } }>();
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).filter((key) => !['code', 'message', 'details'].includes(key))).toEqual([]);
  expect(body.error.code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  if (code) expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(response.body).not.toMatch(/stack|\n\s+at |\.[jt]s:\d+|node_modules|FST_ERR|statusCode/i);
}

const OVERSIZED = JSON.stringify({ email: 'x'.repeat(BODY_LIMIT), password: PASSWORD });

/** Bad requests of every kind, anonymous (null) or from a signed-in participant ('participant'). */
const BAD_REQUESTS: [string, 'GET' | 'POST' | 'PATCH' | 'DELETE', string, CallOptions, 'participant' | null][] = [
  ['an unknown API route', 'GET', '/api/no-such-thing', {}, null],
  ['an unknown method on a known path', 'DELETE', '/api/dialogues', {}, null],
  ['malformed JSON', 'POST', '/api/auth/login', { payload: '{"email": "a@b.org",' }, null],
  ['JSON with single quotes', 'POST', '/api/auth/login', { payload: "{'email': 'a@b.org'}" }, null],
  ['an empty JSON body', 'POST', '/api/auth/login', { payload: '' }, null],
  ['a __proto__ key', 'POST', '/api/auth/login', { payload: '{"__proto__":{"admin":true},"email":"a@b.org","password":"x"}' }, null],
  ['a JSON array', 'POST', '/api/auth/login', { payload: '[]' }, null],
  ['JSON null', 'POST', '/api/auth/login', { payload: 'null' }, null],
  ['a deeply nested body', 'POST', '/api/auth/login', { payload: `${'['.repeat(10_000)}${']'.repeat(10_000)}` }, null],
  ['a body over 1 MiB', 'POST', '/api/auth/login', { payload: OVERSIZED }, null],
  ['an XML body', 'POST', '/api/auth/login', { payload: '<login/>', headers: { 'content-type': 'application/xml' } }, null],
  ['a wrong type', 'POST', '/api/auth/register', { body: { ...registration(), country: 7 } }, null],
  ['a limit that is not a number', 'GET', '/api/dialogues?limit=many', {}, null],
  ['a forged cursor', 'GET', '/api/dialogues?after=%00%FF', {}, null],
  ['an id with odd characters', 'GET', '/api/topics/%20%3Cscript%3E/comments', {}, null],
  ['an anonymous write', 'PATCH', '/api/auth/me', { body: { displayName: 'x' } }, null],
  ['a foreign Origin', 'PATCH', '/api/auth/me', { body: { displayName: 'x' }, origin: 'https://evil.example' }, 'participant'],
];

describeOnEachDatabase('HTTP conventions', (kind) => {
  const t = useTestApp(kind);

  describe('security headers', () => {
    it.each([
      ['a JSON route', 'GET', '/api/dialogues', 200],
      ['an unknown API route', 'GET', '/api/no-such-thing', 404],
      ['a validation error', 'POST', '/api/auth/login', 400],
      ['a request that needs a session', 'GET', '/api/auth/me', 401],
      ['the liveness probe', 'GET', '/healthz', 200],
      ['the readiness probe', 'GET', '/readyz', 200],
      ['the OpenAPI document', 'GET', '/docs/json', 200],
    ] as const)('are on %s', async (_name, method, url, status) => {
      const response = await call(t, method, url, method === 'POST' ? { body: {} } : {});
      expect(response.statusCode).toBe(status);
      expectSecurityHeaders(response);
    });

    it('are on a 403, a 413 and a signed-in reply too', async () => {
      const agent = await participant(t);
      expectSecurityHeaders(await call(t, 'PATCH', '/api/auth/me', { as: agent, origin: 'https://evil.example', body: { language: 'fr' } }));
      expectSecurityHeaders(await call(t, 'POST', '/api/auth/login', { payload: OVERSIZED }));
      expectSecurityHeaders(await call(t, 'GET', '/api/auth/me', { as: agent }));
    });
  });

  describe('errors', () => {
    it('answers an unknown API route with 404 in the error shape', async () => {
      for (const [method, url] of [
        ['GET', '/api/no-such-thing'],
        ['POST', '/api/no-such-thing'],
        ['DELETE', '/api/dialogues'],
      ] as const) {
        expectErrorShape(await call(t, method, url), 404, 'not_found');
      }
    });

    it.each([
      ['a truncated object', '{"email": "a@b.org",'],
      ['single quotes', "{'email': 'a@b.org'}"],
      ['trailing garbage', '{"email": "a@b.org"} x'],
    ])('answers malformed JSON (%s) with 400 invalid_json', async (_name, payload) => {
      expectErrorShape(await call(t, 'POST', '/api/auth/login', { payload }), 400, 'invalid_json');
    });

    it('answers a body over 1 MiB with 413 payload_too_large, and accepts 1 MiB', async () => {
      expectErrorShape(await call(t, 'POST', '/api/auth/login', { payload: OVERSIZED }), 413, 'payload_too_large');
      const padding = BODY_LIMIT - JSON.stringify({ email: '', password: PASSWORD }).length;
      const atLimit = JSON.stringify({ email: 'y'.repeat(padding), password: PASSWORD });
      expect(Buffer.byteLength(atLimit)).toBe(BODY_LIMIT);
      const response = await call(t, 'POST', '/api/auth/login', { payload: atLimit });
      expectErrorShape(response, 400, 'validation_failed');
    });

    it('answers a body that is not JSON with a 4xx in the error shape', async () => {
      for (const contentType of ['application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const response = await call(t, 'POST', '/api/auth/login', { payload: 'email=a%40b.org', headers: { 'content-type': contentType } });
        expect([400, 415]).toContain(response.statusCode);
        expectErrorShape(response, response.statusCode);
      }
    });

    it('answers a NUL character in a text field with 400, on every database', async () => {
      const agent = await participant(t);
      const cases = [
        call(t, 'POST', '/api/auth/register', { body: registration({ displayName: 'Ana\u0000' }) }),
        call(t, 'POST', '/api/auth/register', { body: registration({ organization: 'IOM\u0000' }) }),
        call(t, 'POST', '/api/auth/login', { body: { email: 'ana\u0000@example.org', password: PASSWORD } }),
        call(t, 'PATCH', '/api/auth/me', { as: agent, body: { displayName: 'Ana\u0000' } }),
      ];
      for (const response of await Promise.all(cases)) expectErrorShape(response, 400, 'validation_failed');
      const page = await call(t, 'GET', '/api/auth/me', { as: agent });
      expect(page.json().user.displayName).toBe(agent.user.displayName);
    });

    it.each(BAD_REQUESTS)('answers %s with a 4xx in the error shape, never a 500 or a stack trace', async (_name, method, url, options, as) => {
      const response = await call(t, method, url, { ...options, as: as === 'participant' ? await participant(t) : null });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expectErrorShape(response, response.statusCode);
    });
  });

  describe('GET /healthz and GET /readyz', () => {
    it('answers 200 while the process and the database are up', async () => {
      const live = await call(t, 'GET', '/healthz');
      expect(live.statusCode).toBe(200);
      expect(live.json()).toEqual({ status: 'ok' });
      const ready = await call(t, 'GET', '/readyz');
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'ready' });
    });
  });

  describe('GET /docs/json', () => {
    it('serves the OpenAPI document with the auth, dialogue and comment paths', async () => {
      const response = await call(t, 'GET', '/docs/json');
      expect(response.statusCode).toBe(200);
      const document = response.json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
      expect(document.openapi).toMatch(/^3\./);
      const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
      expect(operations).toEqual(
        expect.arrayContaining([
          'POST /api/auth/register',
          'POST /api/auth/login',
          'POST /api/auth/logout',
          'GET /api/auth/me',
          'PATCH /api/auth/me',
          'GET /api/dialogues',
          'POST /api/dialogues',
          'GET /api/dialogues/{slug}',
          'PATCH /api/dialogues/{slug}',
          'POST /api/dialogues/{slug}/topics',
          'GET /api/topics/{id}',
          'GET /api/topics/{id}/comments',
          'POST /api/topics/{id}/comments',
          'PATCH /api/comments/{id}',
          'DELETE /api/comments/{id}',
        ]),
      );
    });
  });
});

describeOnEachDatabase('a URL that cannot be decoded', (kind) => {
  const t = useTestApp(kind);

  it('answers 400 bad_url in the error shape, with the security headers', async () => {
    const response = await call(t, 'GET', '/api/%E0%A4%A');
    expectErrorShape(response, 400, 'bad_url');
    expectSecurityHeaders(response);
  });
});

describeOnEachDatabase('per-address API rate limit', (kind) => {
  const t = useTestApp(kind, { rateLimitRequestsPerMinute: 5 });

  it('answers API requests beyond RATE_LIMIT_REQUESTS_PER_MINUTE from one address with 429 and Retry-After', async () => {
    const from = '192.0.2.1';
    for (let i = 1; i <= 5; i += 1) {
      expect((await call(t, 'GET', '/api/dialogues', { remoteAddress: from })).statusCode, `request ${i}`).toBe(200);
    }
    const limited = await call(t, 'GET', '/api/dialogues', { remoteAddress: from });
    expectErrorShape(limited, 429, 'rate_limited');
    expectSecurityHeaders(limited);
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);

    expect((await call(t, 'GET', '/api/dialogues', { remoteAddress: '192.0.2.2' })).statusCode).toBe(200);
    expect((await call(t, 'GET', '/healthz', { remoteAddress: from })).statusCode).toBe(200);
  });

  it('counts requests refused by a guard and requests for unknown routes too', async () => {
    for (const url of ['/api/auth/me', '/api/no-such-route']) {
      const from = url === '/api/auth/me' ? '192.0.2.10' : '192.0.2.11';
      for (let i = 1; i <= 5; i += 1) expect((await call(t, 'GET', url, { remoteAddress: from })).statusCode).not.toBe(429);
      expectErrorShape(await call(t, 'GET', url, { remoteAddress: from }), 429, 'rate_limited');
    }
  });

  it.each([
    ['a percent-encoded letter', '/%61pi/dialogues', '192.0.2.21'],
    ['every letter encoded', '/%61%70%69/dialogues', '192.0.2.22'],
    ['an encoded unknown route', '/%61pi/no-such-route', '192.0.2.23'],
  ])('counts a path with %s as the API route the router decodes it to', async (_name, url, from) => {
    for (let i = 1; i <= 5; i += 1) expect((await call(t, 'GET', url, { remoteAddress: from })).statusCode).not.toBe(429);
    expectErrorShape(await call(t, 'GET', url, { remoteAddress: from }), 429, 'rate_limited');
    expectErrorShape(await call(t, 'GET', '/api/dialogues', { remoteAddress: from }), 429, 'rate_limited');
  });
});

describeOnEachDatabase('sign-up limit by a percent-encoded path', (kind) => {
  const t = useTestApp(kind, { rateLimitSignupsPerHour: 3 });

  it('refuses registrations past RATE_LIMIT_SIGNUPS_PER_HOUR however the path is spelt', async () => {
    const from = '198.51.100.7';
    const paths = ['/api/auth/register', '/%61pi/auth/register', '/api/auth/%72egister', '/%61pi/%61uth/register'];
    const statuses: number[] = [];
    for (const path of paths) statuses.push((await call(t, 'POST', path, { body: registration(), remoteAddress: from })).statusCode);
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it('signs in a session on an encoded API path as on the plain one', async () => {
    const me = await call(t, 'GET', '/%61pi/auth/me', { as: await participant(t) });
    expect(me.statusCode).toBe(200);
  });
});

describeOnEachDatabase('when the database is gone', (kind) => {
  it('masks the failure as 500 internal_error naming the request, and /readyz answers 503', async () => {
    const t = await createTestApp(kind);
    try {
      await t.ctx.db.destroy();
      const failed = await call(t, 'GET', '/api/dialogues');
      expectErrorShape(failed, 500, 'internal_error');
      expect(failed.body).not.toMatch(/destroyed|driver|sqlite|postgres|pool/i);
      expectSecurityHeaders(failed);
      expect((await call(t, 'GET', '/healthz')).statusCode).toBe(200);
      expectErrorShape(await call(t, 'GET', '/readyz'), 503, 'not_ready');
    } finally {
      await t.close();
    }
  });
});

import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { User } from '../../shared/users.ts';
import { toIso } from '../../server/lib/time.ts';
import { describeOnEachDatabase } from '../helpers/databases.ts';
import { PASSWORD, call, participant, register, registration, sessionCookieOf, uniqueEmail, type Agent } from '../helpers/factories.ts';
import { useTestApp, type TestApp } from '../helpers/test-app.ts';

const USER_FIELDS = [
  'id',
  'email',
  'displayName',
  'country',
  'organization',
  'affiliation',
  'language',
  'quoteConsent',
  'nameDisplay',
  'role',
  'suspendedUntil',
  'createdAt',
  'emailVerified',
  'emailNotifications',
  'timeZone',
  'moderates',
].sort();

const NEW_PASSWORD = 'a new and longer passphrase';

const sessionCookie = (response: LightMyRequestResponse) => response.cookies.find((c) => c.name === 'session');

/** The reply tells the browser to drop its session cookie. */
function expectSessionCleared(response: LightMyRequestResponse): void {
  const cookie = sessionCookie(response);
  expect(cookie).toBeDefined();
  expect(cookie!.value).toBe('');
  expect(cookie!.expires!.getTime()).toBeLessThanOrEqual(Date.now());
}

async function login(t: TestApp, email: string, password: string, remoteAddress?: string): Promise<LightMyRequestResponse> {
  return call(t, 'POST', '/api/auth/login', { body: { email, password }, remoteAddress });
}

/** A second, independent session of the same user. */
async function signInAgain(t: TestApp, agent: Agent): Promise<Agent> {
  const response = await login(t, agent.user.email, PASSWORD);
  expect(response.statusCode).toBe(200);
  return { cookie: sessionCookieOf(response), user: agent.user };
}

const me = (t: TestApp, agent: Agent | null) => call(t, 'GET', '/api/auth/me', { as: agent });

const usersWithEmail = async (t: TestApp, email: string) => t.ctx.db.selectFrom('users').select('id').where('email', '=', email.toLowerCase()).execute();

describeOnEachDatabase('auth', (kind) => {
  const t = useTestApp(kind);

  describe('POST /api/auth/register', () => {
    it('creates a participant, answers 201 with {user} and signs them in with an HttpOnly, SameSite=Lax cookie', async () => {
      const input = registration({ displayName: 'Amina Diallo', country: 'SN', organization: 'Diaspora Forum', affiliation: 'ngo' });
      const response = await call(t, 'POST', '/api/auth/register', { body: input });
      expect(response.statusCode).toBe(201);
      const { user } = response.json<{ user: User }>();
      expect(user).toMatchObject({
        email: input.email,
        displayName: 'Amina Diallo',
        country: 'SN',
        organization: 'Diaspora Forum',
        affiliation: 'ngo',
        role: 'participant',
        suspendedUntil: null,
        moderates: [],
      });
      expect(Object.keys(user).sort()).toEqual(USER_FIELDS);

      const cookie = sessionCookie(response)!;
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie.secure).toBeFalsy();
      expect(response.headers['set-cookie']).not.toMatch(/;\s*secure/i);
      expect(cookie.expires!.getTime()).toBeGreaterThan(Date.now());

      const signedIn = await me(t, { cookie: sessionCookieOf(response), user });
      expect(signedIn.statusCode).toBe(200);
      expect(signedIn.json<{ user: User }>().user).toEqual(user);
    });

    it('defaults quoteConsent to anonymous, language to en and leaves organization and affiliation empty', async () => {
      const { user } = await register(t);
      expect(user).toMatchObject({ quoteConsent: 'anonymous', language: 'en', nameDisplay: 'name', organization: null, affiliation: null });
    });

    it('keeps the chosen language, quoteConsent and nameDisplay', async () => {
      const { user } = await register(t, { language: 'es', quoteConsent: 'none', nameDisplay: 'country' });
      expect(user).toMatchObject({ language: 'es', quoteConsent: 'none', nameDisplay: 'country' });
    });

    it('stores the e-mail address in lower case', async () => {
      const email = uniqueEmail('MiXeD').replace('example.org', 'Example.ORG');
      const { user } = await register(t, { email });
      expect(user.email).toBe(email.toLowerCase());
    });

    it('never echoes the password and never returns a password hash', async () => {
      const password = 'a secret only I know 42';
      const response = await call(t, 'POST', '/api/auth/register', { body: registration({ password }) });
      expect(response.statusCode).toBe(201);
      expect(response.body).not.toContain(password);
      expect(response.body).not.toMatch(/password|hash/i);
      const rejected = await call(t, 'POST', '/api/auth/register', { body: registration({ password: 'tooshort!' }) });
      expect(rejected.statusCode).toBe(400);
      expect(rejected.body).not.toContain('tooshort!');
    });

    it('accepts a password of exactly 10 characters', async () => {
      const response = await call(t, 'POST', '/api/auth/register', { body: registration({ password: '0123456789' }) });
      expect(response.statusCode).toBe(201);
    });

    it('rejects an e-mail address already taken, in any case, with 409 email_taken', async () => {
      const email = uniqueEmail('taken');
      await register(t, { email });
      for (const again of [email, email.toUpperCase()]) {
        const response = await call(t, 'POST', '/api/auth/register', { body: registration({ email: again }) });
        expect(response.statusCode).toBe(409);
        expect(response.json().error.code).toBe('email_taken');
        expect(sessionCookie(response)).toBeUndefined();
      }
      expect(await usersWithEmail(t, email)).toHaveLength(1);
    });

    it('creates one account when the same address registers twice at once', async () => {
      const email = uniqueEmail('race');
      const responses = await Promise.all([
        call(t, 'POST', '/api/auth/register', { body: registration({ email }) }),
        call(t, 'POST', '/api/auth/register', { body: registration({ email: email.toUpperCase() }) }),
      ]);
      expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(await usersWithEmail(t, email)).toHaveLength(1);
    });

    it.each([
      ['an e-mail address that is not one', { email: 'not-an-email' }],
      ['a password under 10 characters', { password: '123456789' }],
      ['a password over 256 characters', { password: 'p'.repeat(257) }],
      ['an unknown field', { favouriteColour: 'blue' }],
      ['a role', { role: 'organizer' }],
      ['a number for the e-mail address', { email: 42 }],
      ['a number for the password', { password: 12345678901 }],
      ['a list for the display name', { displayName: ['Ana'] }],
      ['null for the country', { country: null }],
      ['a boolean for quoteConsent', { quoteConsent: true }],
      ['the unassigned country code XX', { country: 'XX' }],
      ['a lower-case country code', { country: 'es' }],
      ['a country name', { country: 'Spain' }],
      ['an unknown affiliation', { affiliation: 'politician' }],
      ['an unsupported language', { language: 'de' }],
      ['an unknown quoteConsent', { quoteConsent: 'everyone' }],
      ['a blank display name', { displayName: '   ' }],
      ['an empty display name', { displayName: '' }],
      ['no country', { country: undefined }],
    ])('rejects %s with 400 validation_failed and creates no account', async (_name, override) => {
      const body: Record<string, unknown> = { ...registration(), ...override };
      const response = await call(t, 'POST', '/api/auth/register', { body: JSON.parse(JSON.stringify(body)) });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
      expect(response.json().error.details.length).toBeGreaterThan(0);
      expect(sessionCookie(response)).toBeUndefined();
      if (typeof body.email === 'string') expect(await usersWithEmail(t, body.email)).toHaveLength(0);
    });
  });

  describe('POST /api/auth/login', () => {
    it('answers 200 with {user} and a new session cookie', async () => {
      const agent = await participant(t);
      const response = await login(t, agent.user.email, PASSWORD);
      expect(response.statusCode).toBe(200);
      expect(response.json<{ user: User }>().user).toEqual(agent.user);
      expect(sessionCookie(response)).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(response.body).not.toContain(PASSWORD);
      const cookie = sessionCookieOf(response);
      expect(cookie).not.toBe(agent.cookie);
      expect((await me(t, { cookie, user: agent.user })).statusCode).toBe(200);
    });

    it('matches the e-mail address whatever its case', async () => {
      const agent = await participant(t);
      const response = await login(t, agent.user.email.toUpperCase(), PASSWORD);
      expect(response.statusCode).toBe(200);
      expect(response.json<{ user: User }>().user.id).toBe(agent.user.id);
    });

    it('answers 401 invalid_credentials with the same message for an unknown e-mail and a wrong password', async () => {
      const agent = await participant(t);
      const unknown = await login(t, uniqueEmail('nobody'), PASSWORD);
      const wrong = await login(t, agent.user.email, 'not the password at all');
      for (const response of [unknown, wrong]) {
        expect(response.statusCode).toBe(401);
        expect(response.json().error.code).toBe('invalid_credentials');
        expect(sessionCookie(response)).toBeUndefined();
      }
      expect(wrong.json()).toEqual(unknown.json());
    });

    it.each([
      ['no password', { email: 'someone@example.org' }],
      ['no e-mail address', { password: PASSWORD }],
      ['nothing', {}],
      ['an empty password', { email: 'someone@example.org', password: '' }],
      ['an unknown field', { email: 'someone@example.org', password: PASSWORD, remember: true }],
    ])('rejects %s with 400', async (_name, body) => {
      const response = await call(t, 'POST', '/api/auth/login', { body });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    });
  });

  describe('POST /api/auth/logout', () => {
    it('answers 204, clears the cookie and ends the session', async () => {
      const agent = await participant(t);
      const response = await call(t, 'POST', '/api/auth/logout', { as: agent });
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe('');
      expectSessionCleared(response);
      const after = await me(t, agent);
      expect(after.statusCode).toBe(401);
      expect(after.json().error.code).toBe('not_signed_in');
    });

    it('ends only the session it was sent with', async () => {
      const agent = await participant(t);
      const other = await signInAgain(t, agent);
      expect((await call(t, 'POST', '/api/auth/logout', { as: agent })).statusCode).toBe(204);
      expect((await me(t, other)).statusCode).toBe(200);
    });

    it('answers 401 to an anonymous caller', async () => {
      const response = await call(t, 'POST', '/api/auth/logout');
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('not_signed_in');
    });
  });

  describe('GET /api/auth/me', () => {
    it('answers 200 with the signed-in user', async () => {
      const agent = await participant(t);
      const response = await me(t, agent);
      expect(response.statusCode).toBe(200);
      expect(response.json<{ user: User }>().user).toEqual(agent.user);
    });

    it('answers 401 not_signed_in to an anonymous caller without setting a cookie', async () => {
      const response = await me(t, null);
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('not_signed_in');
      expect(response.headers['set-cookie']).toBeUndefined();
    });

    it.each([
      ['garbage', 'session=garbage'],
      ['two dots', 'session=a.b'],
      ['empty', 'session='],
      ['percent signs', 'session=%zz%E0%A4'],
      ['an unknown id', `session=${'a'.repeat(24)}.${'b'.repeat(24)}`],
      ['an overlong value', `session=${'c'.repeat(24)}.${'d'.repeat(5000)}`],
    ])('treats a malformed or unknown session cookie (%s) as signed out: 401 and the cookie cleared', async (_name, cookie) => {
      const response = await call(t, 'GET', '/api/auth/me', { headers: { cookie } });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('not_signed_in');
      expectSessionCleared(response);
    });

    it('treats a real session id with a forged secret as signed out, and the real session survives', async () => {
      const agent = await participant(t);
      const [id, secret] = agent.cookie!.slice('session='.length).split('.') as [string, string];
      const forgedSecret = secret.startsWith('a') ? 'b'.repeat(24) : 'a'.repeat(24);
      const response = await call(t, 'GET', '/api/auth/me', { headers: { cookie: `session=${id}.${forgedSecret}` } });
      expect(response.statusCode).toBe(401);
      expectSessionCleared(response);
      expect((await me(t, agent)).statusCode).toBe(200);
    });

    it('treats an expired session as signed out and forgets it', async () => {
      const agent = await participant(t);
      await t.ctx.db
        .updateTable('sessions')
        .set({ expires_at: toIso(Date.now() - 1000) })
        .where('user_id', '=', agent.user.id)
        .execute();
      const response = await me(t, agent);
      expect(response.statusCode).toBe(401);
      expectSessionCleared(response);
      const left = await t.ctx.db.selectFrom('sessions').select('id').where('user_id', '=', agent.user.id).execute();
      expect(left).toEqual([]);
    });
  });

  describe('PATCH /api/auth/me', () => {
    it('changes the profile fields and answers 200 with the new {user}', async () => {
      const agent = await participant(t);
      const patch = {
        displayName: 'Renamed Person',
        country: 'FR',
        organization: 'IOM',
        affiliation: 'international_organization',
        language: 'fr',
        quoteConsent: 'name',
        nameDisplay: 'country',
      } as const;
      const response = await call(t, 'PATCH', '/api/auth/me', { as: agent, body: patch });
      expect(response.statusCode).toBe(200);
      const expected = { ...agent.user, ...patch };
      expect(response.json<{ user: User }>().user).toEqual(expected);
      expect((await me(t, agent)).json<{ user: User }>().user).toEqual(expected);
    });

    it('clears organization and affiliation with null', async () => {
      const agent = await participant(t, { organization: 'Somewhere', affiliation: 'academia' });
      const response = await call(t, 'PATCH', '/api/auth/me', { as: agent, body: { organization: null, affiliation: null } });
      expect(response.statusCode).toBe(200);
      expect(response.json<{ user: User }>().user).toMatchObject({ organization: null, affiliation: null });
    });

    it.each([
      ['the e-mail address', { email: 'new-address@example.org' }],
      ['the role', { role: 'organizer' }],
      ['an empty patch', {}],
      ['a lower-case country code', { country: 'fr' }],
      ['an unsupported language', { language: 'de' }],
      ['a blank display name', { displayName: ' ' }],
      ['an unknown quoteConsent', { quoteConsent: 'sometimes' }],
      ['a short new password', { password: 'short', currentPassword: PASSWORD }],
      ['a current password without a new one', { currentPassword: PASSWORD }],
    ])('refuses %s with 400 and changes nothing', async (_name, body) => {
      const agent = await participant(t);
      const response = await call(t, 'PATCH', '/api/auth/me', { as: agent, body });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
      expect((await me(t, agent)).json<{ user: User }>().user).toEqual(agent.user);
    });

    it('changes the password with the right current one, ends the other sessions and keeps this one', async () => {
      const agent = await participant(t);
      const elsewhere = await signInAgain(t, agent);
      const response = await call(t, 'PATCH', '/api/auth/me', { as: agent, body: { password: NEW_PASSWORD, currentPassword: PASSWORD } });
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toContain(NEW_PASSWORD);
      expect((await me(t, agent)).statusCode).toBe(200);
      expect((await me(t, elsewhere)).statusCode).toBe(401);
      expect((await login(t, agent.user.email, PASSWORD)).statusCode).toBe(401);
      expect((await login(t, agent.user.email, NEW_PASSWORD)).statusCode).toBe(200);
    });

    it.each([
      ['a wrong current password', { password: NEW_PASSWORD, currentPassword: 'not my password' }],
      ['no current password', { password: NEW_PASSWORD }],
    ])('refuses a new password with %s: 403 wrong_password, nothing changes', async (_name, body) => {
      const agent = await participant(t);
      const elsewhere = await signInAgain(t, agent);
      const response = await call(t, 'PATCH', '/api/auth/me', { as: agent, body });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('wrong_password');
      expect((await me(t, elsewhere)).statusCode).toBe(200);
      expect((await login(t, agent.user.email, PASSWORD)).statusCode).toBe(200);
    });

    it('answers 401 to an anonymous caller before looking at the body', async () => {
      for (const options of [{ body: { email: 42, role: 'organizer' } }, { payload: '{"displayName":' }, { body: {} }]) {
        const response = await call(t, 'PATCH', '/api/auth/me', options);
        expect(response.statusCode).toBe(401);
        expect(response.json().error.code).toBe('not_signed_in');
      }
    });
  });

  describe('the Origin check on state-changing requests', () => {
    const stateChanging = [
      ['POST', '/api/auth/logout', undefined],
      ['PATCH', '/api/auth/me', { displayName: 'Changed from elsewhere' }],
      ['POST', '/api/dialogues', {}],
      ['DELETE', '/api/comments/some-comment', undefined],
    ] as const;

    it.each([
      ['no Origin', null],
      ['a foreign Origin', 'https://evil.example'],
      ['Origin: null', 'null'],
      ['the forum origin with a path', 'http://localhost:3000/'],
      ['another port of the forum host', 'http://localhost:3001'],
    ])('answers 403 origin_mismatch to requests with the session cookie and %s', async (_name, origin) => {
      const agent = await participant(t);
      for (const [method, url, body] of stateChanging) {
        const response = await call(t, method, url, { as: agent, origin, ...(body ? { body } : {}) });
        expect(response.statusCode, `${method} ${url}`).toBe(403);
        expect(response.json().error.code).toBe('origin_mismatch');
      }
      const after = await me(t, agent);
      expect(after.statusCode).toBe(200);
      expect(after.json<{ user: User }>().user.displayName).toBe(agent.user.displayName);
    });

    it('decides the Origin before validating the body', async () => {
      const agent = await participant(t);
      const response = await call(t, 'PATCH', '/api/auth/me', { as: agent, origin: 'https://evil.example', body: { role: 'organizer' } });
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('origin_mismatch');
    });

    it('lets the forum’s own origin through', async () => {
      const agent = await participant(t);
      const response = await call(t, 'PATCH', '/api/auth/me', { as: agent, body: { language: 'es' } });
      expect(response.statusCode).toBe(200);
    });

    it('does not apply to reads', async () => {
      const agent = await participant(t);
      expect((await call(t, 'GET', '/api/auth/me', { as: agent, origin: 'https://evil.example' })).statusCode).toBe(200);
      expect((await call(t, 'GET', '/api/auth/me', { as: agent, origin: null })).statusCode).toBe(200);
    });

    it('judges requests without a session cookie by their other rules', async () => {
      for (const origin of ['https://evil.example', 'null']) {
        const registered = await call(t, 'POST', '/api/auth/register', { body: registration(), origin });
        expect(registered.statusCode).toBe(201);
        const wrong = await call(t, 'POST', '/api/auth/login', { body: { email: uniqueEmail(), password: PASSWORD }, origin });
        expect(wrong.statusCode).toBe(401);
        const anonymousLogout = await call(t, 'POST', '/api/auth/logout', { origin });
        expect(anonymousLogout.statusCode).toBe(401);
      }
    });
  });

  describe('over HTTPS', () => {
    const secure = useTestApp(kind, { publicOrigin: 'https://dialogue.example.org' });

    it('marks the session cookie Secure', async () => {
      const response = await call(secure, 'POST', '/api/auth/register', { body: registration() });
      expect(response.statusCode).toBe(201);
      expect(sessionCookie(response)).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    });
  });
});

describeOnEachDatabase('registration limit per address', (kind) => {
  const t = useTestApp(kind, { rateLimitSignupsPerHour: 2 });

  it('answers the third registration from one address in an hour with 429 and Retry-After, and creates no account', async () => {
    const from = '198.51.100.7';
    for (let i = 0; i < 2; i += 1) {
      expect((await call(t, 'POST', '/api/auth/register', { body: registration(), remoteAddress: from })).statusCode).toBe(201);
    }
    const third = registration();
    const response = await call(t, 'POST', '/api/auth/register', { body: third, remoteAddress: from });
    expect(response.statusCode).toBe(429);
    expect(response.json().error.code).toBe('rate_limited');
    const retryAfter = Number(response.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await usersWithEmail(t, third.email)).toHaveLength(0);

    const elsewhere = await call(t, 'POST', '/api/auth/register', { body: registration(), remoteAddress: '198.51.100.8' });
    expect(elsewhere.statusCode).toBe(201);
  });
});

describeOnEachDatabase('sign-in throttling', (kind) => {
  const t = useTestApp(kind);

  const expectThrottled = (response: LightMyRequestResponse): void => {
    expect(response.statusCode).toBe(429);
    expect(response.json().error.code).toBe('rate_limited');
    expect(sessionCookie(response)).toBeUndefined();
    const retryAfter = Number(response.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  };

  it('answers the 11th attempt after 10 failures for one account from one address with 429, even with the right password', async () => {
    const agent = await participant(t);
    const from = '203.0.113.10';
    for (let i = 1; i <= 10; i += 1) {
      expect((await login(t, agent.user.email, `wrong password ${i}`, from)).statusCode, `attempt ${i}`).toBe(401);
    }
    expectThrottled(await login(t, agent.user.email, PASSWORD, from));
    expectThrottled(await login(t, agent.user.email.toUpperCase(), PASSWORD, from));
  });

  it('never locks the owner out because of failures from another address', async () => {
    const agent = await participant(t);
    const attacker = '203.0.113.20';
    for (let i = 0; i < 12; i += 1) await login(t, agent.user.email, `guess ${i}`, attacker);
    expectThrottled(await login(t, agent.user.email, PASSWORD, attacker));
    const owner = await login(t, agent.user.email, PASSWORD, '203.0.113.21');
    expect(owner.statusCode).toBe(200);
    expect((await login(t, agent.user.email, PASSWORD)).statusCode).toBe(200);
  });

  it('answers 429 after 50 failures from one address across accounts, and only to that address', async () => {
    const agent = await participant(t);
    const from = '203.0.113.30';
    for (let i = 1; i <= 50; i += 1) {
      expect((await login(t, uniqueEmail('spray'), PASSWORD, from)).statusCode, `attempt ${i}`).toBe(401);
    }
    expectThrottled(await login(t, agent.user.email, PASSWORD, from));
    expectThrottled(await login(t, uniqueEmail('spray'), PASSWORD, from));
    expect((await login(t, agent.user.email, PASSWORD, '203.0.113.31')).statusCode).toBe(200);
  });
});

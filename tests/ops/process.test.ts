import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Dialogue } from '../../shared/dialogues.ts';
import { runScript, startServer } from '../helpers/server-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'vd-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the server process', () => {
  it('stops with one clear line per bad configuration value', async () => {
    const run = runScript('server/main.ts', { PORT: 'abc', DATABASE_URL: 'mysql://nope', REDIS_PREFIX: 'a b', RATE_LIMIT_POSTS_PER_MINUTE: '0' });
    expect(await run.exited).toBe(1);
    const lines = run
      .output()
      .split('\n')
      .filter((line) => line.startsWith('configuration error:'));
    expect(lines.map((line) => line.split(':')[1]!.trim())).toEqual(['PORT', 'DATABASE_URL', 'REDIS_PREFIX', 'RATE_LIMIT_POSTS_PER_MINUTE']);
    expect(run.output()).not.toMatch(/\n\s+at /);
  });

  it('creates the database, the first organizer (password printed once) and the demo on first start, and shuts down on SIGTERM', async () => {
    const env = { DATABASE_URL: `sqlite:${join(dir, 'first.db')}` };
    const first = await startServer(env);
    const list = (await (await fetch(`${first.url}/api/dialogues`)).json()) as { items: Dialogue[] };
    expect(list.items.map((d) => d.slug)).toEqual(['idm-2010-migration-and-social-change']);
    const demo = (await (await fetch(`${first.url}/api/dialogues/idm-2010-migration-and-social-change`)).json()) as Dialogue;
    expect(demo).toMatchObject({ status: 'open', timeZone: 'Europe/Zurich', moderation: 'post' });
    expect(demo.topics.map((t) => t.number)).toEqual([1, 2, 3, 4]);
    expect(demo.topics[0]!.question).toBe('How does migration lead to social change in countries of origin and of destination?');

    const password = /Password \(shown only now\): (\S+)/.exec(first.output())?.[1];
    expect(password).toBeDefined();
    const login = await fetch(`${first.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'organizer@example.org', password }),
    });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { user: { role: string } }).user.role).toBe('organizer');

    first.process.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await startServer(env);
    expect(second.output()).not.toContain('Password');
    const again = (await (await fetch(`${second.url}/api/dialogues`)).json()) as { items: Dialogue[] };
    expect(again.items).toHaveLength(1);
    second.process.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('takes the first organizer from ORGANIZER_EMAIL and ORGANIZER_PASSWORD, and seeds nothing with SEED_DEMO=false', async () => {
    const server = await startServer({
      DATABASE_URL: `sqlite:${join(dir, 'configured.db')}`,
      ORGANIZER_EMAIL: 'Chair@Example.org',
      ORGANIZER_PASSWORD: 'a long enough password',
      SEED_DEMO: 'false',
    });
    try {
      expect(server.output()).not.toContain('Password');
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'chair@example.org', password: 'a long enough password' }),
      });
      expect(login.status).toBe(200);
      expect(((await (await fetch(`${server.url}/api/dialogues`)).json()) as { items: unknown[] }).items).toEqual([]);
    } finally {
      server.process.kill('SIGTERM');
      await server.exited;
    }
  });

  it('creates or promotes an organizer from the command line', async () => {
    const env = { DATABASE_URL: `sqlite:${join(dir, 'cli.db')}` };
    const created = runScript('server/cli.ts', env, ['create-organizer', '--email', 'host@example.org']);
    expect(await created.exited).toBe(0);
    expect(created.output()).toMatch(/created organizer host@example.org\npassword \(shown only now\): \S{24}/);
    const promoted = runScript('server/cli.ts', env, ['create-organizer', '--email', 'host@example.org', '--password', 'another long password']);
    expect(await promoted.exited).toBe(0);
    expect(promoted.output()).toContain('host@example.org is now an organizer');
    const bad = runScript('server/cli.ts', env, ['create-organizer', '--email', 'not-an-email']);
    expect(await bad.exited).toBe(2);
  });
});

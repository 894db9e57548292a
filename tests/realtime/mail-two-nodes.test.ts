import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../db/create-db.ts';
import { TEST_DATABASE_URL } from '../helpers/databases.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.ts';
import { pause } from '../helpers/sockets.ts';

// Two server processes on one PostgreSQL database, both sending the outbox to one SMTP server:
// each message must arrive exactly once.

const enabled = Boolean(TEST_DATABASE_URL);
const title = enabled
  ? 'mail from two nodes on one PostgreSQL database'
  : 'mail from two nodes on one PostgreSQL database (skipped: set TEST_DATABASE_URL=postgres://… to run it)';

const MESSAGES = 200;
const ORGANIZER = { email: 'chair@example.org', password: 'a long enough password' };

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Signs the organizer in on a node; the session cookie. */
async function signIn(node: ServerProcess): Promise<string> {
  const response = await fetch(`${node.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ORGANIZER),
  });
  expect(response.status).toBe(200);
  return /session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')![0];
}

/** The ids of the messages a node logged as sent (LOG_LEVEL=debug). */
const sentBy = (node: ServerProcess): string[] =>
  node
    .output()
    .split('\n')
    .filter((line) => line.includes('"mail sent"'))
    .map((line) => (JSON.parse(line) as { id: string }).id);

describe.skipIf(!enabled)(title, () => {
  const name = `vd_mail_${randomBytes(5).toString('hex')}`;
  let smtp: TestSmtp;
  let database: Db;
  const nodes: ServerProcess[] = [];

  beforeAll(async () => {
    smtp = await startTestSmtp();
    await admin((client) => client.query(`create database ${name}`));
    const url = new URL(TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const env = {
      DATABASE_URL: url.toString(),
      SMTP_URL: smtp.url,
      SEED_DEMO: 'false',
      ORGANIZER_EMAIL: ORGANIZER.email,
      ORGANIZER_PASSWORD: ORGANIZER.password,
      LOG_LEVEL: 'debug',
    };
    // One after the other: the first creates the tables.
    nodes.push(await startServer(env));
    nodes.push(await startServer(env));
    database = createDb({ url: url.toString() });
  }, 60_000);

  afterAll(async () => {
    for (const node of nodes) node.process.kill('SIGTERM');
    await Promise.all(nodes.map((node) => node.exited));
    await database?.db.destroy();
    await smtp?.close();
    await admin((client) => client.query(`drop database if exists ${name}`));
  });

  it('sends each of 200 queued messages exactly once', async () => {
    const now = new Date().toISOString();
    const row = (id: string, status: 'queued' | 'failed') => ({
      id,
      user_id: null,
      to_address: `${id}@example.org`,
      kind: 'reply' as const,
      language: 'en' as const,
      subject: `Message ${id}`,
      text_body: `This is message ${id}.`,
      html_body: `<p>This is message ${id}.</p>`,
      status,
      next_attempt_at: now,
      created_at: now,
    });
    const ids = Array.from({ length: MESSAGES }, (_, i) => `m${String(i).padStart(3, '0')}`);
    // Two failed messages, retried one on each node, wake both workers at the same moment.
    await database.db
      .insertInto('mail_outbox')
      .values([...ids.map((id) => row(id, 'queued')), row('wakea', 'failed'), row('wakeb', 'failed')])
      .execute();
    const [a, b] = nodes as [ServerProcess, ServerProcess];
    const [cookieA, cookieB] = await Promise.all([signIn(a), signIn(b)]);
    const retry = (node: ServerProcess, cookie: string, id: string) =>
      fetch(`${node.url}/api/mail/outbox/${id}/retry`, { method: 'POST', headers: { cookie, origin: `http://localhost:${new URL(node.url).port}` } });
    const retried = await Promise.all([retry(a, cookieA, 'wakea'), retry(b, cookieB, 'wakeb')]);
    expect(retried.map((response) => response.status)).toEqual([200, 200]);

    const all = [...ids, 'wakea', 'wakeb'];
    for (let waited = 0; smtp.received.length < all.length && waited < 60_000; waited += 100) await pause(100);
    const statuses = await database.db
      .selectFrom('mail_outbox')
      .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy('status')
      .execute();
    expect(statuses.map((s) => [s.status, Number(s.n)])).toEqual([['sent', all.length]]);

    const arrived = smtp.received.map((mail) => /^<([^@]+)@/.exec(mail.parsed.messageId ?? '')?.[1]);
    expect(arrived.toSorted()).toEqual(all.toSorted());
    // Both nodes took part, and no message was sent by both.
    const [byA, byB] = [sentBy(a), sentBy(b)];
    expect(byA.length).toBeGreaterThan(0);
    expect(byB.length).toBeGreaterThan(0);
    expect([...byA, ...byB].toSorted()).toEqual(all.toSorted());
  }, 90_000);
});

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../server/config.ts';
import { buildApp } from '../../server/app.ts';
import type { MailData } from '../../server/mail/mail.model.ts';
import type { OutboxRow } from '../../server/mail/outbox.repository.ts';
import { queueMail } from '../../server/mail/queue.ts';
import { renderMail } from '../../server/mail/templates.ts';
import type { MailWorkerOptions } from '../../server/mail/worker.ts';
import type { OutboxItem } from '../../shared/mail.ts';
import type { OutboxList, UnsubscribeResult } from '../../shared/outbox.ts';
import { createTestDatabase, describeOnEachDatabase, type DatabaseKind } from '../helpers/databases.ts';
import { anonymous, call, organizer, participant, type Agent } from '../helpers/factories.ts';
import { linkIn, startTestSmtp, type ReceivedMail, type TestSmtp } from '../helpers/smtp.ts';
import { pause } from '../helpers/sockets.ts';
import { TEST_ORIGIN, testConfig, type TestApp } from '../helpers/test-app.ts';

/** Retries come quickly here, five of them before a message is failed; the worker looks often. */
const FAST: MailWorkerOptions = { pollMs: 50, backoffMs: [300, 300, 300, 300, 300] };

/** An app whose mail worker runs with `mail`'s timing, on a fresh database, for the enclosing describe block. */
function useMailApp(kind: DatabaseKind, config: () => Partial<Config>, mail: MailWorkerOptions = FAST): TestApp {
  let current: TestApp;
  beforeAll(async () => {
    const testDb = await createTestDatabase(kind);
    const app = await buildApp({ config: testConfig(config()), database: testDb.database, mail });
    await app.ready();
    current = { app, ctx: app.ctx, testDb, close: async () => (await app.close(), await testDb.drop()) };
  });
  afterAll(async () => current?.close());
  return {
    get app() {
      return current.app;
    },
    get ctx() {
      return current.ctx;
    },
    get testDb() {
      return current.testDb;
    },
    close: () => current.close(),
  };
}

const REPLY: MailData['reply'] = { actor: 'Kwame', topic: 'How does migration change societies?', excerpt: 'I agree, and…', link: `${TEST_ORIGIN}/t/1` };

/** Queues a reply mail to this user as a service would, in a write transaction; the outbox row. */
async function queueReply(t: TestApp, userId: string): Promise<OutboxRow> {
  const user = await t.ctx.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  expect(await t.ctx.write((trx) => queueMail(t.ctx, trx, user, 'reply', REPLY))).toBe(true);
  return t.ctx.db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('user_id', '=', userId)
    .where('kind', '=', 'reply')
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
}

const rowOf = (t: TestApp, id: string): Promise<OutboxRow> => t.ctx.db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** The outbox row once `done` holds for it (the worker runs on its own). */
async function rowWhen(t: TestApp, id: string, done: (row: OutboxRow) => boolean): Promise<OutboxRow> {
  for (let waited = 0; waited < 15_000; waited += 20) {
    const row = await rowOf(t, id);
    if (done(row)) return row;
    await pause(20);
  }
  throw new Error(`outbox row ${id} never reached the expected state: ${JSON.stringify(await rowOf(t, id))}`);
}

/** The mail of this outbox row, once it arrives (its Message-ID names the row). */
const mailOf = (smtp: TestSmtp, row: OutboxRow): Promise<ReceivedMail> => smtp.waitFor((mail) => mail.parsed.messageId?.startsWith(`<${row.id}@`) === true);
const copiesOf = (smtp: TestSmtp, row: OutboxRow): number => smtp.received.filter((mail) => mail.parsed.messageId?.startsWith(`<${row.id}@`)).length;

const headerLine = (mail: ReceivedMail, name: string): string | undefined =>
  mail.parsed.headerLines.find((header) => header.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, '');

/** The API address of a mail's List-Unsubscribe header. */
const unsubscribeUrlOf = (mail: ReceivedMail): URL => new URL(/^<([^>]+)>$/.exec(headerLine(mail, 'List-Unsubscribe') ?? '')![1]!);

describeOnEachDatabase('mail over SMTP', (kind) => {
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startTestSmtp();
  });
  const t = useMailApp(kind, () => ({ smtpUrl: smtp.url }));
  afterAll(async () => smtp?.close());

  it('sends a queued mail once, as text and HTML in the recipient’s language, with unsubscribe headers', async () => {
    const reader = await participant(t, { language: 'fr' });
    const row = await queueReply(t, reader.user.id);
    const mail = await mailOf(smtp, row);
    const sent = await rowWhen(t, row.id, (r) => r.status === 'sent');
    expect(copiesOf(smtp, row)).toBe(1);
    expect(mail.to).toBe(reader.user.email);
    expect(sent).toMatchObject({ attempts: 1, last_error: null, claimed_by: null });
    expect(sent.sent_at).not.toBeNull();

    const expected = renderMail('reply', 'fr', REPLY, { unsubscribeUrl: '', preferencesUrl: '' });
    expect(mail.subject).toBe(expected.subject);
    expect(mail.text).toContain('Kwame');
    expect(mail.html).toContain('<html lang="fr">');
    expect(headerLine(mail, 'Content-Language')).toBe('fr');
    expect(headerLine(mail, 'Message-ID')).toMatch(new RegExp(`^<${row.id}@`));
    expect(headerLine(mail, 'From')).toBe(t.ctx.config.mailFrom);
    expect(headerLine(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const header = unsubscribeUrlOf(mail);
    expect(`${header.origin}${header.pathname}`).toBe(`${TEST_ORIGIN}/api/unsubscribe`);
    // The mail's own link opens the page that asks first, with the same token.
    const link = new URL(linkIn(mail, `${TEST_ORIGIN}/unsubscribe?token=`));
    expect(link.searchParams.get('token')).toBe(header.searchParams.get('token'));
  });

  it('keeps a message the server refuses for now (4xx) queued with the reply, and delivers it once accepted', async () => {
    const reader = await participant(t);
    smtp.refuse = { code: 451, message: 'Greylisted, try again later' };
    try {
      const row = await queueReply(t, reader.user.id);
      const refused = await rowWhen(t, row.id, (r) => r.attempts >= 1);
      expect(refused.status).toBe('queued');
      expect(refused.last_error).toMatch(/^451 .*Greylisted, try again later/);
      expect(refused.last_error).not.toMatch(/\n\s+at /);
      expect(refused.next_attempt_at > refused.created_at).toBe(true);
      smtp.refuse = null;
      await mailOf(smtp, row);
      const sent = await rowWhen(t, row.id, (r) => r.status === 'sent');
      expect(sent.attempts).toBeGreaterThanOrEqual(2);
      expect(copiesOf(smtp, row)).toBe(1);
    } finally {
      smtp.refuse = null;
    }
  });

  it('fails a message after the last retry', async () => {
    const reader = await participant(t);
    smtp.refuse = { code: 421, message: 'Service not available' };
    try {
      const row = await queueReply(t, reader.user.id);
      const failed = await rowWhen(t, row.id, (r) => r.status === 'failed');
      expect(failed.attempts).toBe(FAST.backoffMs!.length + 1);
      expect(failed.last_error).toMatch(/^421 /);
    } finally {
      smtp.refuse = null;
    }
  });

  it('sends a message whose claim ran out (its node crashed while sending it)', async () => {
    const now = new Date();
    const row: OutboxRow = {
      id: `crashed${now.getTime()}`,
      user_id: null,
      to_address: 'crashed@example.org',
      kind: 'reply',
      language: 'en',
      subject: 'Claimed by a node gone since',
      text_body: 'Text',
      html_body: '<p>HTML</p>',
      headers: '{}',
      dedupe_key: null,
      status: 'sending',
      attempts: 0,
      next_attempt_at: now.toISOString(),
      claimed_by: 'gone/1/node',
      claimed_until: new Date(now.getTime() - 1000).toISOString(),
      last_error: null,
      created_at: now.toISOString(),
      sent_at: null,
    };
    await t.ctx.db.insertInto('mail_outbox').values(row).execute();
    await mailOf(smtp, row);
    expect(await rowWhen(t, row.id, (r) => r.status === 'sent')).toMatchObject({ claimed_by: null, attempts: 1 });
    expect(copiesOf(smtp, row)).toBe(1);
  });

  describe('the outbox, for organizers', () => {
    let boss: Agent;
    let failedId: string;
    let reader: Agent;
    beforeAll(async () => {
      boss = await organizer(t);
      reader = await participant(t);
      smtp.refuse = { code: 550, message: 'No such mailbox here' };
      try {
        // A permanent refusal (5xx) fails the message at once.
        const row = await queueReply(t, reader.user.id);
        failedId = row.id;
        expect(await rowWhen(t, row.id, (r) => r.status === 'failed')).toMatchObject({ attempts: 1 });
      } finally {
        smtp.refuse = null;
      }
    });

    it('lists messages newest first with their status, attempts, SMTP error and counts', async () => {
      const response = await call(t, 'GET', '/api/mail/outbox?status=failed', { as: boss });
      expect(response.statusCode).toBe(200);
      const page = response.json<OutboxList>();
      const item = page.items.find((candidate) => candidate.id === failedId);
      expect(item).toMatchObject({ to: reader.user.email, kind: 'reply', language: reader.user.language, status: 'failed', attempts: 1, nextAttemptAt: null });
      expect(item?.lastError).toMatch(/^550 .*No such mailbox here/);
      expect(page.items.every((candidate) => candidate.status === 'failed')).toBe(true);
      const counts = page.counts;
      const total = Number(
        (
          await t.ctx.db
            .selectFrom('mail_outbox')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      expect(counts.queued + counts.sending + counts.sent + counts.failed).toBe(total);
      expect(counts.failed).toBeGreaterThanOrEqual(2);
    });

    it('pages through every message once, newest first', async () => {
      const seen: OutboxItem[] = [];
      let after: string | null = null;
      do {
        const query: string = after ? `limit=2&after=${encodeURIComponent(after)}` : 'limit=2';
        const page: OutboxList = (await call(t, 'GET', `/api/mail/outbox?${query}`, { as: boss })).json<OutboxList>();
        seen.push(...page.items);
        after = page.nextCursor;
      } while (after !== null);
      const all = await t.ctx.db.selectFrom('mail_outbox').select('id').orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
      expect(seen.map((item) => item.id)).toEqual(all.map((row) => row.id));
      expect((await call(t, 'GET', '/api/mail/outbox?after=nonsense', { as: boss })).json()).toMatchObject({ error: { code: 'invalid_cursor' } });
    });

    it('is only for organizers', async () => {
      const someone = await participant(t);
      expect((await call(t, 'GET', '/api/mail/outbox', { as: anonymous })).statusCode).toBe(401);
      expect((await call(t, 'GET', '/api/mail/outbox', { as: someone })).statusCode).toBe(403);
      expect((await call(t, 'POST', `/api/mail/outbox/${failedId}/retry`, { as: anonymous })).statusCode).toBe(401);
      expect((await call(t, 'POST', `/api/mail/outbox/${failedId}/retry`, { as: someone })).statusCode).toBe(403);
      expect((await call(t, 'GET', '/api/mail/outbox?status=lost', { as: someone })).statusCode).toBe(403);
    });

    it('queues a failed message again, which is then delivered', async () => {
      const response = await call(t, 'POST', `/api/mail/outbox/${failedId}/retry`, { as: boss });
      expect(response.statusCode).toBe(200);
      expect(response.json<OutboxItem>()).toMatchObject({ id: failedId, status: 'queued', attempts: 0 });
      await mailOf(smtp, await rowOf(t, failedId));
      expect(await rowWhen(t, failedId, (r) => r.status === 'sent')).toMatchObject({ attempts: 1 });
      const again = await call(t, 'POST', `/api/mail/outbox/${failedId}/retry`, { as: boss });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ error: { code: 'mail_not_failed' } });
      expect((await call(t, 'POST', '/api/mail/outbox/nosuchmessage/retry', { as: boss })).statusCode).toBe(404);
    });
  });

  it('documents its routes in the OpenAPI document, the one-click form included', async () => {
    const document = (await call(t, 'GET', '/docs/json')).json<{ paths: Record<string, Record<string, { requestBody?: { content: object } }>> }>();
    expect(Object.keys(document.paths['/api/unsubscribe'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(document.paths['/api/unsubscribe']!.post!.requestBody!.content)).toContain('application/x-www-form-urlencoded');
    expect(document.paths['/api/mail/outbox']?.get).toBeDefined();
    expect(document.paths['/api/mail/outbox/{id}/retry']?.post).toBeDefined();
  });

  describe('unsubscribe', () => {
    const prefsOf = async (userId: string) =>
      JSON.parse((await t.ctx.db.selectFrom('users').select('email_prefs').where('id', '=', userId).executeTakeFirstOrThrow()).email_prefs) as Record<
        string,
        unknown
      >;

    it('turns the kind of mail off with the one-click POST a mail program sends, without a session', async () => {
      const reader = await participant(t);
      const url = unsubscribeUrlOf(await mailOf(smtp, await queueReply(t, reader.user.id)));
      const response = await call(t, 'POST', `${url.pathname}${url.search}`, {
        payload: 'List-Unsubscribe=One-Click',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(response.statusCode).toBe(200);
      const result = response.json<UnsubscribeResult>();
      expect(result).toEqual({ scope: 'replies', emailNotifications: { replies: false, mentions: true, moderation: true, quotes: true, digest: 'daily' } });
      expect(await prefsOf(reader.user.id)).toEqual(result.emailNotifications);
      // No more replies by mail for this reader.
      const user = await t.ctx.db.selectFrom('users').selectAll().where('id', '=', reader.user.id).executeTakeFirstOrThrow();
      expect(await t.ctx.write((trx) => queueMail(t.ctx, trx, user, 'reply', REPLY))).toBe(false);
    });

    it('accepts the token by GET, from the page (POST without a body) and as multipart; HEAD changes nothing', async () => {
      const reader = await participant(t);
      const url = unsubscribeUrlOf(await mailOf(smtp, await queueReply(t, reader.user.id)));
      expect((await call(t, 'HEAD', `${url.pathname}${url.search}`)).statusCode).toBe(200);
      expect(await prefsOf(reader.user.id)).toEqual({});
      const byGet = await call(t, 'GET', `${url.pathname}${url.search}`);
      expect(byGet.statusCode).toBe(200);
      expect(byGet.json<UnsubscribeResult>().emailNotifications.replies).toBe(false);
      // The page POSTs as the signed-in reader would, from the forum's own origin.
      const byPage = await call(t, 'POST', `${url.pathname}${url.search}`, { as: reader });
      expect(byPage.statusCode).toBe(200);
      expect(byPage.json<UnsubscribeResult>().scope).toBe('replies');
      // RFC 8058 prefers the one-click form as multipart/form-data.
      const multipart = await call(t, 'POST', `${url.pathname}${url.search}`, {
        payload: '--b\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--b--\r\n',
        headers: { 'content-type': 'multipart/form-data; boundary=b' },
      });
      expect(multipart.statusCode).toBe(200);
    });

    it('refuses a forged, altered or missing token', async () => {
      const reader = await participant(t);
      const token = unsubscribeUrlOf(await mailOf(smtp, await queueReply(t, reader.user.id))).searchParams.get('token')!;
      const [userId, , signature] = token.split('.');
      for (const forged of [`${userId}.all.${signature}`, `${token}x`, 'nonsense', `${userId}.replies.`]) {
        const response = await call(t, 'POST', `/api/unsubscribe?token=${encodeURIComponent(forged)}`);
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ error: { code: 'invalid_token' } });
      }
      expect((await call(t, 'GET', '/api/unsubscribe')).statusCode).toBe(400);
      expect(await prefsOf(reader.user.id)).toEqual({});
    });
  });
});

describe('mail without SMTP_URL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vd-outbox-'));
  const t = useMailApp('sqlite', () => ({ smtpUrl: null, mailOutboxDir: join(dir, 'outbox') }));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes each message as an .eml file to the outbox directory', async () => {
    const reader = await participant(t, { language: 'es' });
    const row = await queueReply(t, reader.user.id);
    await rowWhen(t, row.id, (r) => r.status === 'sent');
    const files = readdirSync(join(dir, 'outbox')).filter((name) => name.endsWith(`-${row.id}.eml`));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z-/);
    const parsed = await simpleParser(readFileSync(join(dir, 'outbox', files[0]!)));
    expect(parsed.to && 'text' in parsed.to ? parsed.to.text : '').toBe(reader.user.email);
    expect(parsed.subject).toBe(row.subject);
    expect(parsed.text).toContain('Kwame');
    expect(parsed.html).toContain('<html lang="es">');
    expect(parsed.headers.get('content-language')).toBe('es');
    expect(parsed.headerLines.map((header) => header.key)).toEqual(expect.arrayContaining(['list-unsubscribe', 'list-unsubscribe-post']));
  });
});

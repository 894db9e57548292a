import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { Document, Packer, Paragraph } from 'docx';
import { AFFILIATIONS } from '../../shared/common.ts';
import { createDb } from '../../db/create-db.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import type { NewCommentRow } from '../../db/tables/comments.table.ts';
import type { NewUserRow } from '../../db/tables/users.table.ts';
import { newId } from '../../server/lib/ids.ts';
import { startServer } from '../helpers/server-process.ts';
import { machine, median, pinSelf, residentBytes, writeResult } from './lib.ts';

// TARGETS.md: the annex of a dialogue with 10,000 comments and 50 quotes as DOCX in ≤ 2 s, and the
// raw CSV streamed at ≥ 50,000 rows/s. Baselines in the same run: for the CSV, the same rows read
// in one query from better-sqlite3 and serialised with JSON.stringify (no HTTP, no streaming); for
// the DOCX, the `docx` package packing a document of the same paragraphs with nothing else to do.
// The product runs as `server/main.ts` on core 0; this process (baselines and client) on core 1.
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 10_000);
const QUOTES = 50;
const TOPICS = 4;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const WARM_UP = 3;
const COUNTRIES = ['ES', 'FR', 'MX', 'SN', 'PH', 'MA', 'CH', 'US', 'BR', 'IN', 'DE', 'NG', 'CO', 'TR', 'ID'];

const bodyOf = (i: number): string =>
  [
    i % 97 === 0 ? '=SUM(A1:A9) looks like a formula.' : `Comment ${i}: in our town, migrants opened **shops** and *schools* changed too.`,
    'Remittances pay for school fees, and families expect more from local government, which is a social change, "for better or worse".',
    i % 5 === 0 ? '- one point\n- another point' : 'See https://example.org/report for the figures.',
  ].join('\n\n');

async function seed(file: string): Promise<string> {
  const database = createDb({ url: `sqlite:${file}` });
  await migrateToLatest(database.db);
  const { db } = database;
  const now = new Date().toISOString();
  const users = Array.from({ length: 500 }, (_, i): NewUserRow => ({
    id: newId(),
    email: `bench-${i}@example.org`,
    password_hash: 'x',
    display_name: `Participant ${i}`,
    country: COUNTRIES[i % COUNTRIES.length]!,
    organization: null,
    affiliation: AFFILIATIONS[i % AFFILIATIONS.length]!,
    language: 'en',
    quote_consent: (['anonymous', 'country', 'name'] as const)[i % 3]!,
    name_display: i % 4 === 0 ? 'country' : 'name',
    role: 'participant',
    created_at: now,
    updated_at: now,
  }));
  for (let i = 0; i < users.length; i += 100)
    await db
      .insertInto('users')
      .values(users.slice(i, i + 100))
      .execute();
  const dialogueId = newId();
  const opensAt = new Date(Date.now() - 14 * 86_400_000).toISOString();
  await db
    .insertInto('dialogues')
    .values({
      id: dialogueId,
      slug: 'bench-export',
      title: 'Migration and social change',
      theme: 'Migration and Social Change',
      description: '',
      opens_at: opensAt,
      closes_at: now,
      time_zone: 'Europe/Zurich',
      moderation: 'post',
      languages: '["en","fr","es"]',
      host_description: 'the Online Community on Migration and Integration',
      annex_label: 'Annex II',
      annex_lead_in: 'In the week preceding the workshop',
      published: 1,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const topics = Array.from({ length: TOPICS }, (_, i) => ({
    id: newId(),
    dialogue_id: dialogueId,
    number: i + 1,
    question: `Discussion question number ${i + 1}: how does migration change societies?`,
    description: '',
    locked: 0,
    last_seq: COMMENTS / TOPICS,
    version: 0,
    created_at: now,
    updated_at: now,
  }));
  await db.insertInto('topics').values(topics).execute();
  const comments = Array.from({ length: COMMENTS }, (_, i): NewCommentRow => {
    const body = bodyOf(i);
    const created = new Date(Date.parse(opensAt) + i * 60_000).toISOString();
    return {
      id: newId(),
      topic_id: topics[i % TOPICS]!.id,
      seq: Math.floor(i / TOPICS) + 1,
      change_seq: 0,
      parent_id: null,
      reply_to_id: null,
      author_id: users[i % users.length]!.id,
      body_markdown: body,
      body_html: `<p>${body}</p>`,
      language: 'en',
      status: i % 50 === 0 ? 'hidden' : 'published',
      held_reason: null,
      edit_note: null,
      client_key: null,
      created_at: created,
      edited_at: null,
      updated_at: created,
    };
  });
  for (let i = 0; i < comments.length; i += 200)
    await db
      .insertInto('comments')
      .values(comments.slice(i, i + 200))
      .execute();
  const quoted = comments
    .filter((c) => c.status === 'published')
    .filter((_, i) => i % 97 === 1)
    .slice(0, QUOTES);
  await db
    .insertInto('quotes')
    .values(
      quoted.map((comment, i) => ({
        id: newId(),
        topic_id: comment.topic_id,
        comment_id: comment.id,
        excerpt: '',
        attribution: (['none', 'country', 'name'] as const)[i % 3]!,
        position: i + 1,
        chosen_by: users[0]!.id,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  const visits = Array.from({ length: 5_000 }, (_, i) => ({
    id: newId(),
    dialogue_id: dialogueId,
    visitor_id: `v${i % 900}`,
    path: '/',
    created_at: new Date(Date.parse(opensAt) + i * 200_000).toISOString(),
  }));
  for (let i = 0; i < visits.length; i += 500)
    await db
      .insertInto('visits')
      .values(visits.slice(i, i + 500))
      .execute();
  await db.destroy();
  return dialogueId;
}

/** The bare floor: the same rows in one query, serialised with JSON.stringify. */
function bareRows(file: string, dialogueId: string): { ms: number; bytes: number } {
  const sqlite = new SQLite(file, { readonly: true });
  const started = performance.now();
  const rows = sqlite
    .prepare(
      `select c.id, t.number as topicNumber, c.parent_id as parentId, c.created_at as createdAt, c.author_id as authorId,
              case when u.name_display = 'country' then null else u.display_name end as author, u.country, u.affiliation,
              c.language, c.status, case when c.status = 'published' then c.body_markdown else '' end as body
         from comments c join topics t on t.id = c.topic_id join users u on u.id = c.author_id
        where t.dialogue_id = ? order by t.number, c.seq`,
    )
    .all(dialogueId);
  const bytes = Buffer.byteLength(JSON.stringify(rows));
  const ms = performance.now() - started;
  sqlite.close();
  return { ms, bytes };
}

async function bareDocx(markdown: string): Promise<number> {
  const started = performance.now();
  const paragraphs = markdown
    .split('\n')
    .filter(Boolean)
    .map((line) => new Paragraph({ text: line }));
  await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
  return performance.now() - started;
}

/** Reads a streamed response to its end, sampling the server's resident memory meanwhile. */
async function download(url: string, cookie: string, serverPid: number): Promise<{ ms: number; bytes: number; peakRssMb: number }> {
  let peak = residentBytes(serverPid) ?? 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, residentBytes(serverPid) ?? 0);
  }, 5);
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie } });
  if (!response.ok || !response.body) throw new Error(`${url}: ${response.status}`);
  let bytes = 0;
  for await (const chunk of response.body) bytes += (chunk as Uint8Array).byteLength;
  const ms = performance.now() - started;
  clearInterval(sampler);
  return { ms, bytes, peakRssMb: Math.round(peak / 1_048_576) };
}

interface Round {
  bareRowsPerSecond: number;
  csvRowsPerSecond: number;
  jsonRowsPerSecond: number;
  csvRatio: number;
  csvBytes: number;
  peakRssMb: number;
  bareDocxMs: number;
  docxMs: number;
  docxRatio: number;
  docxBytes: number;
  pdfMs: number;
  mdMs: number;
}

async function main(): Promise<void> {
  pinSelf('1');
  const dir = mkdtempSync(join(tmpdir(), 'vd-export-bench-'));
  const file = join(dir, 'export.db');
  const dialogueId = await seed(file);
  const credentials = { email: 'bench-organizer@example.org', password: 'bench organizer password' };
  const server = await startServer(
    {
      DATABASE_URL: `sqlite:${file}`,
      ORGANIZER_EMAIL: credentials.email,
      ORGANIZER_PASSWORD: credentials.password,
      SEED_DEMO: 'false',
      RATE_LIMIT_REQUESTS_PER_MINUTE: '1000000',
    },
    { cpus: '0' },
  );
  try {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(credentials),
    });
    const cookie = /session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0];
    const pid = server.process.pid!;
    const base = `${server.url}/api/dialogues/bench-export`;
    const markdown = await (await fetch(`${base}/annex?format=md`, { headers: { cookie } })).text();

    // Warm-up: JIT, statement cache, page cache.
    for (let i = 0; i < WARM_UP; i += 1) {
      await download(`${base}/export?format=csv`, cookie, pid);
      await download(`${base}/annex?format=docx`, cookie, pid);
      bareRows(file, dialogueId);
      await bareDocx(markdown);
    }

    const rounds: Round[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const bare = bareRows(file, dialogueId);
      const csv = await download(`${base}/export?format=csv`, cookie, pid);
      const json = await download(`${base}/export?format=json`, cookie, pid);
      const bareDocxMs = await bareDocx(markdown);
      const docx = await download(`${base}/annex?format=docx`, cookie, pid);
      const pdf = await download(`${base}/annex?format=pdf`, cookie, pid);
      const md = await download(`${base}/annex?format=md`, cookie, pid);
      rounds.push({
        bareRowsPerSecond: Math.round((COMMENTS / bare.ms) * 1000),
        csvRowsPerSecond: Math.round((COMMENTS / csv.ms) * 1000),
        jsonRowsPerSecond: Math.round((COMMENTS / json.ms) * 1000),
        csvRatio: bare.ms / csv.ms,
        csvBytes: csv.bytes,
        peakRssMb: csv.peakRssMb,
        bareDocxMs,
        docxMs: docx.ms,
        docxRatio: docx.ms / bareDocxMs,
        docxBytes: docx.bytes,
        pdfMs: pdf.ms,
        mdMs: md.ms,
      });
      console.log(
        `round ${round + 1}: csv ${rounds.at(-1)!.csvRowsPerSecond} rows/s (bare ${rounds.at(-1)!.bareRowsPerSecond}), docx ${docx.ms.toFixed(0)} ms (bare ${bareDocxMs.toFixed(0)} ms), pdf ${pdf.ms.toFixed(0)} ms, md ${md.ms.toFixed(0)} ms`,
      );
    }
    const med = (key: keyof Round) => median(rounds.map((r) => r[key]));
    const summary = {
      comments: COMMENTS,
      quotes: QUOTES,
      rounds: ROUNDS,
      csv: {
        target: '≥ 50,000 rows/s',
        productRowsPerSecond: med('csvRowsPerSecond'),
        jsonRowsPerSecond: med('jsonRowsPerSecond'),
        baselineRowsPerSecond: med('bareRowsPerSecond'),
        ratioToBaseline: Number(med('csvRatio').toFixed(3)),
        bytes: med('csvBytes'),
        serverPeakRssMb: med('peakRssMb'),
        meetsTarget: med('csvRowsPerSecond') >= 50_000,
      },
      docx: {
        target: '≤ 2 s',
        productMs: Math.round(med('docxMs')),
        baselineMs: Math.round(med('bareDocxMs')),
        ratioToBaseline: Number(med('docxRatio').toFixed(2)),
        bytes: med('docxBytes'),
        meetsTarget: med('docxMs') <= 2_000,
      },
      pdfMs: Math.round(med('pdfMs')),
      mdMs: Math.round(med('mdMs')),
      perRound: rounds,
    };
    console.log(`machine: ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}`);
    console.log(
      `CSV export: ${summary.csv.productRowsPerSecond} rows/s (JSON ${summary.csv.jsonRowsPerSecond}); bare query + JSON.stringify ${summary.csv.baselineRowsPerSecond} rows/s; ratio ${summary.csv.ratioToBaseline}; target ≥ 50,000 rows/s: ${summary.csv.meetsTarget ? 'met' : 'NOT met'}`,
    );
    console.log(
      `DOCX annex: ${summary.docx.productMs} ms; bare docx pack ${summary.docx.baselineMs} ms; ratio ${summary.docx.ratioToBaseline}; target ≤ 2 s: ${summary.docx.meetsTarget ? 'met' : 'NOT met'}`,
    );
    writeResult('export', summary);
  } finally {
    server.process.kill('SIGTERM');
    await server.exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dialogue } from '../../shared/dialogues.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';
import { load, machine, median, pinSelf, writeResult, type LoadResult } from './lib.ts';

// TARGETS.md: reading a topic page (50 comments, anonymous) against a bare 50-row read route,
// and posting comments (50 concurrent posters, synchronous=FULL) against a bare FULL insert route.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

async function stop(server: ServerProcess): Promise<void> {
  server.process.kill('SIGTERM');
  await server.exited;
}

async function prepareProduct(dir: string) {
  const env = {
    DATABASE_URL: `sqlite:${join(dir, 'product.db')}`,
    ORGANIZER_EMAIL: 'bench@example.org',
    ORGANIZER_PASSWORD: 'bench organizer password',
    SEED_DEMO: 'false',
    RATE_LIMIT_POSTS_PER_MINUTE: '10000',
    RATE_LIMIT_REQUESTS_PER_MINUTE: '1000000',
    LOG_LEVEL: 'warn',
  };
  const server = await startServer(env, { cpus: '0' });
  const origin = server.url.replace('127.0.0.1', 'localhost');
  const json = { 'content-type': 'application/json', origin };
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email: env.ORGANIZER_EMAIL, password: env.ORGANIZER_PASSWORD }),
  });
  const cookie = /session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0];
  const now = Date.now();
  const dialogue = (await (
    await fetch(`${server.url}/api/dialogues`, {
      method: 'POST',
      headers: { ...json, cookie },
      body: JSON.stringify({
        slug: 'bench',
        title: 'Bench',
        theme: 'Bench',
        description: '',
        moderation: 'post',
        languages: ['en'],
        opensAt: new Date(now - 60_000).toISOString(),
        closesAt: new Date(now + 86_400_000).toISOString(),
      }),
    })
  ).json()) as Dialogue;
  const topicIds: string[] = [];
  for (const question of ['Read here?', 'Write here?']) {
    const topic = (await (
      await fetch(`${server.url}/api/dialogues/${dialogue.slug}/topics`, { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify({ question }) })
    ).json()) as { id: string };
    topicIds.push(topic.id);
  }
  for (let i = 0; i < 50; i += 1) {
    await fetch(`${server.url}/api/topics/${topicIds[0]}/comments`, {
      method: 'POST',
      headers: { ...json, cookie },
      body: JSON.stringify({ body: `A comment of ordinary length, number ${i}, with a few **words**.` }),
    });
  }
  await stop(server);
  return { env, cookie, readTopic: topicIds[0]!, writeTopic: topicIds[1]! };
}

interface Pair {
  baseline: LoadResult;
  product: LoadResult;
  ratio: number;
}

async function main(): Promise<void> {
  pinSelf('1');
  const dir = mkdtempSync(join(tmpdir(), 'vd-bench-'));
  try {
    const product = await prepareProduct(dir);
    const reads: Pair[] = [];
    const writes: Pair[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const bare = await startServer({ BARE_DB: join(dir, `bare-${round}.db`), BARE_SYNC: 'FULL' }, { script: 'tests/bench/bare-server.ts', cpus: '0' });
      await load({ url: `${bare.url}/rows`, duration: 1 });
      const bareRead = await load({ url: `${bare.url}/rows`, duration: SECONDS });
      const bareWrite = await load({
        url: `${bare.url}/insert`,
        duration: SECONDS,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ body: 'A comment of ordinary length with a few words.' }),
      });
      await stop(bare);

      const server = await startServer(product.env, { cpus: '0' });
      const origin = server.url.replace('127.0.0.1', 'localhost');
      await load({ url: `${server.url}/api/topics/${product.readTopic}/comments`, duration: 1 });
      const productRead = await load({ url: `${server.url}/api/topics/${product.readTopic}/comments`, duration: SECONDS });
      const productWrite = await load({
        url: `${server.url}/api/topics/${product.writeTopic}/comments`,
        duration: SECONDS,
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: product.cookie, origin },
        requests: [
          {
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({ body: 'A comment of ordinary length with a few **words**.', clientKey: randomBytes(9).toString('base64url') }),
            }),
          },
        ],
      });
      await stop(server);
      reads.push({ baseline: bareRead, product: productRead, ratio: productRead.rps / bareRead.rps });
      writes.push({ baseline: bareWrite, product: productWrite, ratio: productWrite.rps / bareWrite.rps });
      console.log(
        `round ${round + 1}: read ${productRead.rps.toFixed(0)} / bare ${bareRead.rps.toFixed(0)} req/s; ` +
          `post ${productWrite.rps.toFixed(0)} / bare FULL insert ${bareWrite.rps.toFixed(0)} req/s ` +
          `(non-2xx ${productRead.non2xx + productWrite.non2xx}, errors ${productRead.errors + productWrite.errors})`,
      );
    }
    const summary = {
      rounds: ROUNDS,
      secondsPerRun: SECONDS,
      connections: 50,
      topicRead: { target: '>= 0.70 of bare 50-row read', medianRatio: median(reads.map((r) => r.ratio)), runs: reads },
      commentPost: { target: '>= 1.00 of bare FULL insert', medianRatio: median(writes.map((r) => r.ratio)), runs: writes },
    };
    writeResult('http', summary);
    console.log(`machine: ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}`);
    console.log(`topic read:   median ratio ${summary.topicRead.medianRatio.toFixed(2)} (target >= 0.70)`);
    console.log(`comment post: median ratio ${summary.commentPost.medianRatio.toFixed(2)} (target >= 1.00)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';

// The bare baselines of TARGETS.md: Fastify with better-sqlite3 and nothing else.
const file = process.env.BARE_DB ?? '/tmp/vd-bench/bare.db';
mkdirSync(dirname(file), { recursive: true });
const db = new SQLite(file);
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${process.env.BARE_SYNC ?? 'FULL'}`);
db.exec('create table if not exists rows (id integer primary key, topic text, body text, created_at text)');
if ((db.prepare('select count(*) n from rows').get() as { n: number }).n < 50) {
  const insert = db.prepare('insert into rows (topic, body, created_at) values (?, ?, ?)');
  for (let i = 0; i < 50; i += 1) insert.run('t', `<p>A comment of ordinary length, number ${i}, with a few words.</p>`, new Date().toISOString());
}
const read = db.prepare("select * from rows where topic = 't' order by id limit 50");
const write = db.prepare('insert into rows (topic, body, created_at) values (?, ?, ?)');

const app = Fastify();
app.get('/readyz', async () => ({ status: 'ready' }));
app.get('/json', async () => ({ hello: 'world' }));
app.get('/rows', async () => ({ items: read.all() }));
app.post('/insert', async (request) => {
  const info = write.run('w', JSON.stringify(request.body), new Date().toISOString());
  return { id: info.lastInsertRowid.toString() };
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../../db/create-db.ts';
import { groupCommit } from '../../db/group-commit.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import type { Database } from '../../db/schema.ts';
import { ImmediateSqliteDialect } from '../../db/sqlite-dialect.ts';

const dir = mkdtempSync(join(tmpdir(), 'vd-group-commit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function counted(file: string) {
  const { db: migrating } = createDb({ url: `sqlite:${file}` });
  await migrateToLatest(migrating);
  await migrating.destroy();
  const counts = { begins: 0 };
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: new SQLite(file) }),
    log: (event) => {
      if (event.query.sql === 'begin immediate') counts.begins += 1;
    },
  });
  return { db, counts, write: groupCommit(db) };
}

const visit = (id: string) => ({ id, dialogue_id: 'd', visitor_id: 'v', path: '/', created_at: new Date().toISOString() });

describe('group commit on SQLite', () => {
  it('runs concurrent write transactions in one commit and answers each after it', async () => {
    const file = join(dir, 'batch.db');
    const { db, counts, write } = await counted(file);
    await db
      .insertInto('dialogues')
      .values({
        id: 'd',
        slug: 'ddd',
        title: 't',
        theme: 't',
        description: '',
        opens_at: '',
        closes_at: '',
        time_zone: 'UTC',
        moderation: 'post',
        languages: '[]',
        host_description: '',
        annex_label: '',
        annex_lead_in: '',
        published: 1,
        created_by: null,
        created_at: '',
        updated_at: '',
      })
      .execute();
    const outside = new SQLite(file, { readonly: true });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        write(async (trx) => {
          await trx
            .insertInto('visits')
            .values(visit(`v${i}`))
            .execute();
          return i;
        }).then((value) => {
          // Answered only once durable: another connection already sees the row.
          expect(outside.prepare('select count(*) n from visits where id = ?').get(`v${value}`)).toEqual({ n: 1 });
          return value;
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(counts.begins).toBeLessThanOrEqual(2);
    outside.close();
    await db.destroy();
  });

  it('undoes only the write that failed, and rejects only its caller', async () => {
    const { db, write } = await counted(join(dir, 'failure.db'));
    await db
      .insertInto('dialogues')
      .values({
        id: 'd',
        slug: 'ddd',
        title: 't',
        theme: 't',
        description: '',
        opens_at: '',
        closes_at: '',
        time_zone: 'UTC',
        moderation: 'post',
        languages: '[]',
        host_description: '',
        annex_label: '',
        annex_lead_in: '',
        published: 1,
        created_by: null,
        created_at: '',
        updated_at: '',
      })
      .execute();
    const outcomes = await Promise.allSettled([
      write((trx) => trx.insertInto('visits').values(visit('a')).execute()),
      write(async (trx) => {
        await trx.insertInto('visits').values(visit('b')).execute();
        await trx.insertInto('visits').values(visit('a')).execute();
      }),
      write((trx) => trx.insertInto('visits').values(visit('c')).execute()),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const ids = (await db.selectFrom('visits').select('id').orderBy('id').execute()).map((r) => r.id);
    expect(ids).toEqual(['a', 'c']);
    await db.destroy();
  });
});

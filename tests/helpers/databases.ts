import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, it } from 'vitest';
import { createDb, type Db } from '../../db/create-db.ts';
import { migrateToLatest } from '../../db/migrate.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

export interface TestDatabase {
  database: Db;
  /** the URL a second process would use to reach the same data */
  url: string;
  pgSchema?: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database: a new SQLite file, or a new PostgreSQL schema dropped afterwards. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  if (kind === 'sqlite') {
    const dir = join(tmpdir(), 'virtual-dialogue-tests');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${name}.db`);
    const url = `sqlite:${file}`;
    const database = createDb({ url });
    await migrateToLatest(database.db);
    return {
      database,
      url,
      drop: async () => {
        await database.db.destroy();
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      },
    };
  }
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create schema ${name}`);
  await admin.end();
  const database = createDb({ url: TEST_DATABASE_URL, pgSchema: name });
  await migrateToLatest(database.db, name);
  return {
    database,
    url: TEST_DATABASE_URL,
    pgSchema: name,
    drop: async () => {
      await database.db.destroy();
      const cleanup = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await cleanup.connect();
      await cleanup.query(`drop schema ${name} cascade`);
      await cleanup.end();
    },
  };
}

/**
 * Runs a suite on SQLite, and again on PostgreSQL when TEST_DATABASE_URL is set; without it the
 * PostgreSQL run shows up as skipped, with the variable to set in its name.
 */
export function describeOnEachDatabase(title: string, body: (kind: DatabaseKind) => void): void {
  describe(`${title} [sqlite]`, () => body('sqlite'));
  if (TEST_DATABASE_URL) {
    describe(`${title} [postgres]`, () => body('postgres'));
  } else {
    describe.skipIf(true)(`${title} [postgres] (skipped: set TEST_DATABASE_URL=postgres://… to run it)`, () => {
      it('runs the same tests on PostgreSQL', () => undefined);
    });
  }
}

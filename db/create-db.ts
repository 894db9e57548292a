import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import { groupCommit, plainTransactions, type Write } from './group-commit.ts';
import type { Database } from './schema.ts';
import { ImmediateSqliteDialect } from './sqlite-dialect.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface DbConfig {
  /** `sqlite:<path>` (`sqlite::memory:` for a throwaway database) or `postgres://…` */
  url: string;
  /** PostgreSQL only: the schema to work in (tests use one per file). */
  pgSchema?: string;
}

export interface Db {
  db: Kysely<Database>;
  dialect: DialectName;
  /** runs a write transaction; on SQLite concurrent ones share a commit (see group-commit.ts) */
  write: Write;
}

export function dialectOf(url: string): DialectName {
  if (url.startsWith('sqlite:')) return 'sqlite';
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
  throw new Error(`unsupported database URL (use sqlite:<path> or postgres://…)`);
}

function openSqlite(path: string): SQLite.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  // FULL: an acknowledged write survives a power loss, not only a crash of the process.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew; the SQL of our queries repeats, so prepared statements are
 * kept (least recently used out first). Safe because Kysely runs one query at a time per connection.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql) => {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

export function createDb(config: DbConfig): Db {
  const dialect = dialectOf(config.url);
  if (dialect === 'sqlite') {
    const sqlite = openSqlite(config.url.slice('sqlite:'.length));
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
    return { dialect, db, write: groupCommit(db) };
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: 10,
    ...(config.pgSchema ? { options: `-c search_path=${config.pgSchema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { dialect, db, write: plainTransactions(db) };
}

/** True when a write failed on a unique or primary-key constraint, in either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Resolves when the database answers a trivial query; rejects when it cannot be reached. */
export async function pingDb(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}

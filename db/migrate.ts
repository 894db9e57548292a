import { Migrator, type Kysely } from 'kysely';
import { migrationProvider } from './migrations/index.ts';

/**
 * `migrationTableSchema` names the PostgreSQL schema that holds Kysely's own bookkeeping tables.
 * Give it when the database has other schemas: without it Kysely finds those tables in any
 * schema and skips creating them in this one.
 */
export async function migrateToLatest(db: Kysely<any>, migrationTableSchema?: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

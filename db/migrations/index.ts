import type { Migration, MigrationProvider } from 'kysely';
import * as createCoreTables from './2026_11_23_0400_create_core_tables.ts';

/** The registry: every migration, by its sortable name. Add new ones here. */
const migrations: Record<string, Migration> = {
  '2026_11_23_0400_create_core_tables': createCoreTables,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

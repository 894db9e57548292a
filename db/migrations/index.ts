import type { Migration, MigrationProvider } from 'kysely';
import * as createCoreTables from './2026_11_23_0400_create_core_tables.ts';
import * as addCommentChangeSeq from './2026_11_23_1800_add_comment_change_seq.ts';
import * as addCommentWasPublic from './2026_12_02_1200_add_comment_was_public.ts';
import * as createServerSecrets from './2026_12_02_1230_create_server_secrets.ts';
import * as addDialogueWorkspace from './2026_12_02_1800_add_dialogue_workspace.ts';
import * as addMailAndFollows from './2026_12_02_2100_add_mail_and_follows.ts';
import * as addPracticesAndSearch from './2026_12_03_1000_add_practices_and_search.ts';
import * as addNotificationPractice from './2026_12_03_1400_add_notification_practice.ts';

/** The registry: every migration, by its sortable name. Add new ones here. */
const migrations: Record<string, Migration> = {
  '2026_11_23_0400_create_core_tables': createCoreTables,
  '2026_11_23_1800_add_comment_change_seq': addCommentChangeSeq,
  '2026_12_02_1200_add_comment_was_public': addCommentWasPublic,
  '2026_12_02_1230_create_server_secrets': createServerSecrets,
  '2026_12_02_1800_add_dialogue_workspace': addDialogueWorkspace,
  '2026_12_02_2100_add_mail_and_follows': addMailAndFollows,
  '2026_12_03_1000_add_practices_and_search': addPracticesAndSearch,
  '2026_12_03_1400_add_notification_practice': addNotificationPractice,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

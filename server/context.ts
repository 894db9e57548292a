import type { Kysely } from 'kysely';
import type { DialectName } from '../db/create-db.ts';
import type { Database } from '../db/schema.ts';
import type { Config } from './config.ts';

/** What every service needs; built once by buildApp. */
export interface Ctx {
  db: Kysely<Database>;
  dialect: DialectName;
  config: Config;
}

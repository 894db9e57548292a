import type { Kysely } from 'kysely';
import type { DialectName, Db } from '../db/create-db.ts';
import type { Write } from '../db/group-commit.ts';
import type { Database } from '../db/schema.ts';
import type { Config } from './config.ts';
import { noRealtime, type RealtimePort } from './realtime/realtime.port.ts';
import { sharedSecret } from './secrets/secrets.repository.ts';

/** What every service needs; built once per process (or per test app). */
export interface Ctx {
  db: Kysely<Database>;
  dialect: DialectName;
  /** every write transaction goes through here (group commit on SQLite) */
  write: Write;
  config: Config;
  /** told of every change after its commit; it fans the change out to sockets */
  realtime: RealtimePort;
  /** signs the visitor ids this server issues */
  visitorSecret: string;
  /** signs the unsubscribe links of the mail this server sends */
  mailSecret: string;
  /** the mail worker: woken when a message is queued, so it goes out at once after the commit */
  mail: MailPort;
}

export interface MailPort {
  wake(): void;
}

const noMailWorker: MailPort = { wake: () => {} };

/** The context, with the secrets that are not configured taken from the database (migrated already). */
export async function createCtx(database: Db, config: Config, realtime: RealtimePort = noRealtime): Promise<Ctx> {
  return {
    db: database.db,
    dialect: database.dialect,
    write: database.write,
    config,
    realtime,
    visitorSecret: config.visitorSecret ?? (await sharedSecret(database.db, 'visitor')),
    mailSecret: await sharedSecret(database.db, 'mail'),
    mail: noMailWorker,
  };
}

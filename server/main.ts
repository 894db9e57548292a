import { createDb } from '../db/create-db.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createCtx } from './context.ts';
import { bootstrap } from './seed/bootstrap.ts';

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const line of error.problems) console.error(`configuration error: ${line}`);
    process.exit(1);
  }
}

const config = readConfig();
const database = createDb({ url: config.databaseUrl });
await migrateToLatest(database.db);
const ctx = await createCtx(database, config);
const { organizer, demoSeeded } = await bootstrap(ctx);

const app = await buildApp({ config, database, logger: { level: config.logLevel }, digests: true });
if (organizer?.generatedPassword) {
  // Printed once, on the start that created the account; it is stored only as an argon2id hash.
  console.log(`\n  First organizer created: ${organizer.email}\n  Password (shown only now): ${organizer.generatedPassword}\n`);
}
if (demoSeeded) app.log.info('seeded the demo dialogue "Migration and social change" (IDM 2010)');

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down');
  const forceExit = setTimeout(() => process.exit(1), 10_000);
  forceExit.unref();
  try {
    await app.close();
    await database.db.destroy();
    process.exit(0);
  } catch (error) {
    app.log.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

app.server.keepAliveTimeout = 65_000;
app.server.headersTimeout = 66_000;
await app.listen({ port: config.port, host: config.host });
console.log(`Virtual Dialogue is listening on ${config.publicOrigin} (API docs at ${config.publicOrigin}/docs)`);

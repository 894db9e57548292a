import { parseArgs } from 'node:util';
import { createDb } from '../db/create-db.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { ConfigError, loadConfig } from './config.ts';
import { createCtx } from './context.ts';
import { createOrganizer } from './seed/organizer.ts';

const usage = 'usage: npm run create-organizer -- --email you@example.org [--password "at least 10 characters"]';

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== 'create-organizer') {
    console.error(usage);
    return 2;
  }
  const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, password: { type: 'string' } } });
  const email = values.email?.trim().toLowerCase();
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    console.error(usage);
    return 2;
  }
  if (values.password !== undefined && values.password.length < 10) {
    console.error('the password must be at least 10 characters long');
    return 2;
  }
  const config = loadConfig(process.env);
  const database = createDb({ url: config.databaseUrl });
  try {
    await migrateToLatest(database.db);
    const result = await createOrganizer(await createCtx(database, config), email, values.password ?? null);
    console.log(result.created ? `created organizer ${email}` : `${email} is now an organizer`);
    if (result.generatedPassword) console.log(`password (shown only now): ${result.generatedPassword}`);
    return 0;
  } finally {
    await database.db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) for (const line of error.problems) console.error(`configuration error: ${line}`);
    else console.error(error);
    process.exit(1);
  },
);

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import type { Ctx } from '../../server/context.ts';
import type { App } from '../../server/types.ts';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases.ts';

export const TEST_ORIGIN = 'http://localhost:3000';

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({}),
    publicOrigin: TEST_ORIGIN,
    seedDemo: false,
    rateLimitPostsPerMinute: 1_000,
    rateLimitSignupsPerHour: 100_000,
    rateLimitRequestsPerMinute: 1_000_000,
    // Every test's sockets come from 127.0.0.1 and stay open until its suite ends.
    rateLimitSocketsPerAddress: 10_000,
    rateLimitCatchUpPerMinute: 10_000_000,
    logLevel: 'silent',
    // Mail without SMTP_URL goes to .eml files: the tests' go to a directory of their own.
    mailOutboxDir: join(tmpdir(), 'vd-test-outbox'),
    ...overrides,
  };
}

export interface TestApp {
  app: App;
  ctx: Ctx;
  testDb: TestDatabase;
  close(): Promise<void>;
}

export async function createTestApp(kind: DatabaseKind, overrides: Partial<Config> = {}): Promise<TestApp> {
  const testDb = await createTestDatabase(kind);
  const config = testConfig(overrides);
  const app = await buildApp({ config, database: testDb.database });
  await app.ready();
  return {
    app,
    testDb,
    ctx: app.ctx,
    close: async () => {
      await app.close();
      await testDb.drop();
    },
  };
}

/** A fresh app and database for the enclosing describe block: `const t = useTestApp('sqlite')`, then `t.app`. */
export function useTestApp(kind: DatabaseKind, overrides: Partial<Config> = {}): TestApp {
  const holder = {} as { current: TestApp };
  beforeAll(async () => {
    holder.current = await createTestApp(kind, overrides);
  });
  afterAll(async () => {
    await holder.current?.close();
  });
  return {
    get app() {
      return holder.current.app;
    },
    get ctx() {
      return holder.current.ctx;
    },
    get testDb() {
      return holder.current.testDb;
    },
    close: () => holder.current.close(),
  };
}

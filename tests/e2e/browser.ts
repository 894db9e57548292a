import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { clientBuildIsStale, ROOT } from '../../scripts/client-build.ts';
import { freePort, startServer, type ServerProcess } from '../helpers/server-process.ts';

// What the end-to-end suites share: a built client, a server on a fresh database, one headless
// Chromium, and an axe scan.

const CHROMIUM = '/usr/bin/chromium';
// The machine has no internet: without these flags Chromium keeps trying to reach it.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 360, height: 740 };

export const hasChromium = existsSync(CHROMIUM);

/** The suite's name, saying why it was skipped when Chromium is missing. */
export const suiteName = (name: string): string => (hasChromium ? name : `${name} (skipped: Chromium not found at ${CHROMIUM}; apt-get install chromium)`);

/** Builds dist/client when it is missing or older than its sources, as `npm start` would. */
async function ensureClientBuilt(): Promise<void> {
  if (!clientBuildIsStale()) return;
  // A clean environment: vitest's NODE_ENV=test would make Vite build Svelte in development mode.
  await promisify(execFile)(join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
  });
}

export interface Testbed {
  /** The server's address, which is also its PUBLIC_ORIGIN: the browser's own POST and PATCH pass the Origin check. */
  url: string;
  /** the server process running now (a restart replaces it) */
  readonly server: ServerProcess;
  /** A page in a fresh context (its own cookies and storage); bypassCSP only where axe is injected. */
  openPage(viewport?: { width: number; height: number }, options?: { bypassCSP?: boolean }): Promise<Page>;
  /** Calls the API as a browser on PUBLIC_ORIGIN would, with this session cookie. */
  api(method: string, path: string, cookie: string | null, body?: unknown): Promise<Response>;
  /** Stops the server gracefully (SIGTERM) and starts it again on the same port and database. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** The client built, a server on a fresh SQLite database with the demo, and Chromium, in parallel; `extraEnv` adds settings (SMTP_URL, say). */
export async function startTestbed(extraEnv: Record<string, string> = {}): Promise<Testbed> {
  await ensureClientBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'vd-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { DATABASE_URL: `sqlite:${join(dir, 'e2e.db')}`, PORT: String(port), PUBLIC_ORIGIN: url, MAIL_OUTBOX_DIR: join(dir, 'outbox'), ...extraEnv };
  const [serverStart, browserStart] = await Promise.allSettled([startServer(env), chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })]);
  if (serverStart.status === 'rejected' || browserStart.status === 'rejected') {
    // Whichever did start would otherwise outlive the suite.
    if (serverStart.status === 'fulfilled') serverStart.value.process.kill('SIGTERM');
    if (browserStart.status === 'fulfilled') await browserStart.value.close();
    rmSync(dir, { recursive: true, force: true });
    throw serverStart.status === 'rejected' ? serverStart.reason : (browserStart as PromiseRejectedResult).reason;
  }
  let server: ServerProcess = serverStart.value;
  const browser: Browser = browserStart.value;
  const contexts: BrowserContext[] = [];

  return {
    url,
    get server() {
      return server;
    },
    async openPage(viewport = DESKTOP, { bypassCSP = false } = {}) {
      // The product's CSP rightly refuses inline scripts, which is how axe is injected.
      const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'Europe/Zurich', bypassCSP });
      contexts.push(context);
      return context.newPage();
    },
    api(method, path, cookie, body) {
      return fetch(`${url}${path}`, {
        method,
        headers: {
          origin: url,
          ...(cookie ? { cookie } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    },
    async restart() {
      server.process.kill('SIGTERM');
      await server.exited;
      server = await startServer(env);
    },
    async close() {
      await Promise.all(contexts.map((context) => context.close()));
      await browser.close();
      server.process.kill('SIGTERM');
      await server.exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The serious and critical axe violations of what the page shows now (open it with bypassCSP). */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const results = await page.evaluate<AxeResults>('axe.run(document, { resultTypes: ["violations"] })');
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${new URL(page.url()).pathname}: ${violation.id} (${violation.impact}) ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
}

export const heading = (page: Page): Locator => page.getByRole('heading', { level: 1 });
export const focusedTag = (page: Page): Promise<string | undefined> => page.evaluate<string | undefined>('document.activeElement?.tagName');

/** The session cookie (`session=…`) a sign-up or sign-in answered with. */
const sessionCookieOf = (response: Response): string =>
  response.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith('session='))!
    .split(';')[0]!;

/** Creates a participant through the API and returns their session cookie (`session=…`). */
export async function signUp(bed: Testbed, displayName: string, country = 'KE'): Promise<string> {
  const email = `${displayName.toLowerCase().replace(/\W/g, '')}@example.org`;
  const response = await bed.api('POST', '/api/auth/register', null, { email, password: 'a long enough password', displayName, country });
  if (response.status !== 201) throw new Error(`registering ${displayName}: ${response.status} ${await response.text()}`);
  return sessionCookieOf(response);
}

/** Signs the first organizer in through the API (its password is printed once, on the first start) and returns the session cookie. */
export async function signInOrganizer(bed: Testbed): Promise<string> {
  const password = /Password \(shown only now\): (\S+)/.exec(bed.server.output())?.[1];
  const response = await bed.api('POST', '/api/auth/login', null, { email: 'organizer@example.org', password });
  if (response.status !== 200) throw new Error(`signing the organizer in: ${response.status} ${await response.text()}`);
  return sessionCookieOf(response);
}

/** Signs the page's browser context in with a session cookie from signUp. */
export async function signIn(bed: Testbed, page: Page, cookie: string): Promise<void> {
  await page.context().addCookies([{ name: 'session', value: cookie.slice('session='.length), url: bed.url }]);
}

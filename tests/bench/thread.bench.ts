// A 2,000-comment topic in headless Chromium at 4× CPU throttling (a mid-range phone), against
// the same page with 50 comments in the same run (issue 14, TARGETS.md "Size and feel"):
// - time to the first comment shown, from the start of navigation (and FCP, LCP beside it);
// - scripting time of a scroll from the top of the page to the bottom, one viewport per frame,
//   with the longest task and the slowest frames on the way;
// - main-thread time to take in one live comment posted through the API while the page is open,
//   the reader mid-thread (less the same stretch of time idle), and how far what the reader looks
//   at moved meanwhile.
// Built client, the product's server on a fresh SQLite database (core 0), this process and
// Chromium on core 1. Rounds interleave the two sizes (in alternating order); ratios are the
// medians of the per-round ratios. Results in tests/bench/results/thread.json. With
// BENCH_TRACE=1, each live comment's window is also recorded (a Chromium trace and a CPU profile
// beside the results) to see where its time goes; the profiler's own cost then inflates the figures.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { clientBuildIsStale, ROOT } from '../../scripts/client-build.ts';
import { seedLongTopics } from '../helpers/long-thread.ts';
import { freePort, startServer } from '../helpers/server-process.ts';
import { machine, median, pinSelf, writeResult } from './lib.ts';

const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS ?? 3));
const SIZES = [50, 2_000] as const;
type Size = (typeof SIZES)[number];
const CPU_THROTTLING = 4;
const VIEWPORT = { width: 360, height: 740 };
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const TARGET_LIVE_MS = 16;
/** how long a live comment is given to arrive and be shown (under throttling, with room to spare) */
const LIVE_WINDOW_MS = 1_000;
const TRACE = process.env.BENCH_TRACE === '1';
const RESULTS = join(ROOT, 'tests/bench/results');

interface Metrics {
  ScriptDuration: number;
  TaskDuration: number;
  LayoutDuration: number;
  RecalcStyleDuration: number;
  Nodes: number;
  JSHeapUsedSize: number;
}

interface Round {
  size: Size;
  /** ms from navigation start to the first comment in the page */
  firstCommentMs: number;
  fcpMs: number;
  lcpMs: number;
  /** ms from navigation start until every page of the thread is read */
  completeMs: number;
  scroll: {
    scriptMs: number;
    taskMs: number;
    /** pixels scrolled, and the same in viewport heights */
    distancePx: number;
    screens: number;
    scriptMsPerScreen: number;
    longestTaskMs: number;
    frameP95Ms: number;
    /** comment elements in the page at the bottom, and DOM nodes */
    commentsInPage: number;
    nodes: number;
  };
  live: {
    scriptMs: number;
    taskMs: number;
    longestTaskMs: number;
    /** how far the comment the reader was looking at moved, px */
    readerMovedPx: number;
    layoutShift: number;
  };
}

// In-page instruments, installed before the app runs: when the first comment appears, paint
// timings, long tasks and layout shifts.
const INSTRUMENTS = `
  window.__bench = { firstComment: null, lcp: 0, longTasks: [], shifts: 0 };
  new MutationObserver((records, observer) => {
    if (document.querySelector('article[id^="comment-"]')) {
      window.__bench.firstComment = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__bench.lcp = entry.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__bench.longTasks.push(entry.duration); }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => { for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__bench.shifts += entry.value; }).observe({ type: 'layout-shift', buffered: true });
`;

// Scrolls from where the page is to its bottom, one viewport per frame, until the bottom holds
// (the page's height settles as guessed heights give way to measured ones); returns the pixels
// scrolled and each frame's duration.
const SCROLL_TO_BOTTOM = `(async () => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const frames = [];
  let distance = 0;
  let last = await frame();
  let still = 0;
  while (still < 5) {
    const before = scrollY;
    scrollBy({ top: innerHeight, behavior: 'instant' });
    distance += scrollY - before;
    const now = await frame();
    frames.push(now - last);
    last = now;
    still = scrollY === before ? still + 1 : 0;
  }
  return { distance, frames };
})()`;

const metrics = async (cdp: CDPSession): Promise<Metrics> => {
  const { metrics: list } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(list.map(({ name, value }) => [name, value])) as unknown as Metrics;
};
const ms = (seconds: number): number => Math.round(seconds * 10_000) / 10;
const round1 = (value: number): number => Math.round(value * 10) / 10;
const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
};
const frames = (page: Page, count = 2): Promise<unknown> =>
  page.evaluate(
    `new Promise((resolve) => { let n = ${count}; const next = () => (--n <= 0 ? resolve() : requestAnimationFrame(next)); requestAnimationFrame(next); })`,
  );
const sleep = (duration: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, duration));
/** Polls an expression in the page until it is true (from here: the product's CSP forbids the page evaluating strings itself). */
async function until(page: Page, expression: string, timeoutMs = 60_000, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(expression))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await sleep(everyMs);
  }
}

async function measure(browser: Browser, url: string, topicId: string, size: Size, post: (body: string) => Promise<void>): Promise<Round> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB', timezoneId: 'Europe/Zurich' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
    await cdp.send('Performance.enable');
    await page.addInitScript(INSTRUMENTS);

    await page.goto(`${url}/t/${topicId}`, { waitUntil: 'commit' });
    await until(page, 'window.__bench.firstComment !== null');
    await page.getByText('Live: new comments appear as they are posted').waitFor({ timeout: 60_000 });
    await until(page, "!document.body.textContent.includes('Loading more comments…')");
    const completeMs = await page.evaluate<number>('performance.now()');
    const load = await page.evaluate<{ firstComment: number; lcp: number; fcp: number }>(
      "({ firstComment: window.__bench.firstComment, lcp: window.__bench.lcp, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0 })",
    );
    await sleep(1_000);

    // The scroll, top to bottom.
    await page.evaluate("window.__bench.longTasks = []; scrollTo({ top: 0, behavior: 'instant' })");
    await frames(page, 3);
    const beforeScroll = await metrics(cdp);
    const scrolled = await page.evaluate<{ distance: number; frames: number[] }>(SCROLL_TO_BOTTOM);
    const afterScroll = await metrics(cdp);
    const scrollTasks = await page.evaluate<number[]>('window.__bench.longTasks');
    // Nodes no longer in the page are counted until collected.
    await cdp.send('HeapProfiler.collectGarbage');
    const nodes = (await metrics(cdp)).Nodes;
    const commentsInPage = await page.evaluate<number>('document.querySelectorAll(\'article[id^="comment-"]\').length');

    // A live comment, the reader halfway down the thread.
    await page.evaluate("scrollTo({ top: document.documentElement.scrollHeight / 2, behavior: 'instant' })");
    await frames(page, 5);
    await sleep(1_000);
    const reading = await page.evaluate<string>(
      `[...document.querySelectorAll('article[id^="comment-"]')].find((article) => article.getBoundingClientRect().top >= 0).id`,
    );
    const topOfReading = `document.getElementById(${JSON.stringify(reading)}).getBoundingClientRect().top`;
    const readingBefore = await page.evaluate<number>(topOfReading);
    const countBefore = await page.evaluate<string>("document.querySelector('h2 .count').textContent");
    // Nothing touches the page while the comment comes (no polling: each look would be a task of
    // its own): the same stretch of time idle just before is the floor taken off.
    await page.evaluate('window.__bench.longTasks = []; window.__bench.shifts = 0');
    const idleStart = await metrics(cdp);
    await sleep(LIVE_WINDOW_MS);
    const idleEnd = await metrics(cdp);
    // BENCH_TRACE=1: a Chromium trace of the live comment's window, to see where its time goes.
    if (TRACE) {
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'] });
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const beforeLive = await metrics(cdp);
    await post(`A live comment for the benchmark, round with ${size} comments.`);
    await sleep(LIVE_WINDOW_MS);
    const afterLive = await metrics(cdp);
    if (TRACE) {
      writeFileSync(join(RESULTS, `thread-live-${size}.cpuprofile`), JSON.stringify((await cdp.send('Profiler.stop')).profile));
      writeFileSync(join(RESULTS, `thread-live-trace-${size}.json`), await browser.stopTracing());
    }
    if ((await page.evaluate<string>("document.querySelector('h2 .count').textContent")) === countBefore)
      throw new Error('the live comment did not arrive in time');
    const live = await page.evaluate<{ longTasks: number[]; shifts: number }>('window.__bench');
    const readingAfter = await page.evaluate<number>(topOfReading);

    const screens = scrolled.distance / VIEWPORT.height;
    const scrollScriptMs = ms(afterScroll.ScriptDuration - beforeScroll.ScriptDuration);
    return {
      size,
      firstCommentMs: round1(load.firstComment),
      fcpMs: round1(load.fcp),
      lcpMs: round1(load.lcp),
      completeMs: round1(completeMs),
      scroll: {
        scriptMs: scrollScriptMs,
        taskMs: ms(afterScroll.TaskDuration - beforeScroll.TaskDuration),
        distancePx: Math.round(scrolled.distance),
        screens: round1(screens),
        scriptMsPerScreen: round1(scrollScriptMs / Math.max(1, screens)),
        longestTaskMs: round1(Math.max(0, ...scrollTasks)),
        frameP95Ms: round1(percentile(scrolled.frames, 95)),
        commentsInPage,
        nodes,
      },
      live: {
        scriptMs: ms(afterLive.ScriptDuration - beforeLive.ScriptDuration - (idleEnd.ScriptDuration - idleStart.ScriptDuration)),
        taskMs: ms(afterLive.TaskDuration - beforeLive.TaskDuration - (idleEnd.TaskDuration - idleStart.TaskDuration)),
        longestTaskMs: round1(Math.max(0, ...live.longTasks)),
        readerMovedPx: round1(Math.abs(readingAfter - readingBefore)),
        layoutShift: Math.round(live.shifts * 10_000) / 10_000,
      },
    };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  pinSelf('1');
  if (clientBuildIsStale()) {
    execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'vd-bench-thread-'));
  const file = join(dir, 'thread.db');
  const [small, large] = await seedLongTopics(file, [...SIZES]);
  const topics: Record<Size, string> = { 50: small!.id, 2000: large!.id };
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await startServer(
    {
      DATABASE_URL: `sqlite:${file}`,
      PORT: String(port),
      PUBLIC_ORIGIN: url,
      SEED_DEMO: 'false',
      RATE_LIMIT_REQUESTS_PER_MINUTE: '100000',
      RATE_LIMIT_POSTS_PER_MINUTE: '1000',
    },
    { cpus: '0' },
  );
  let browser: Browser | undefined;
  try {
    const registered = await fetch(`${url}/api/auth/register`, {
      method: 'POST',
      headers: { origin: url, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench-poster@example.org', password: 'a long enough password', displayName: 'Bench Poster', country: 'KE' }),
    });
    if (registered.status !== 201) throw new Error(`registering the poster: ${registered.status} ${await registered.text()}`);
    const cookie = registered.headers
      .getSetCookie()
      .find((line) => line.startsWith('session='))!
      .split(';')[0]!;
    const postTo =
      (topicId: string) =>
      async (body: string): Promise<void> => {
        const response = await fetch(`${url}/api/topics/${topicId}/comments`, {
          method: 'POST',
          headers: { origin: url, cookie, 'content-type': 'application/json' },
          body: JSON.stringify({ body }),
        });
        if (response.status !== 201) throw new Error(`posting: ${response.status} ${await response.text()}`);
      };

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const version = browser.version();
    // One unmeasured visit each: the server's caches and the browser's code cache as a returning reader has them.
    for (const size of SIZES) await measure(browser, url, topics[size], size, postTo(topics[size]));

    const rounds: Round[][] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? SIZES : [...SIZES].reverse();
      const results: Round[] = [];
      for (const size of order) results.push(await measure(browser, url, topics[size], size, postTo(topics[size])));
      rounds.push(results.sort((a, b) => a.size - b.size));
      console.log(`round ${r + 1}/${ROUNDS} done`);
    }

    type Figure = { name: string; of: (round: Round) => number };
    const figures: Figure[] = [
      { name: 'first comment shown, ms', of: (x) => x.firstCommentMs },
      { name: 'first contentful paint, ms', of: (x) => x.fcpMs },
      { name: 'largest contentful paint, ms', of: (x) => x.lcpMs },
      { name: 'whole thread read, ms', of: (x) => x.completeMs },
      { name: 'scroll top to bottom: scripting, ms', of: (x) => x.scroll.scriptMs },
      { name: 'scroll top to bottom: main-thread tasks, ms', of: (x) => x.scroll.taskMs },
      { name: 'scroll: screens scrolled', of: (x) => x.scroll.screens },
      { name: 'scroll: scripting per screen, ms', of: (x) => x.scroll.scriptMsPerScreen },
      { name: 'scroll: longest task, ms', of: (x) => x.scroll.longestTaskMs },
      { name: 'scroll: frame p95, ms', of: (x) => x.scroll.frameP95Ms },
      { name: 'comments in the page at the bottom', of: (x) => x.scroll.commentsInPage },
      { name: 'DOM nodes at the bottom', of: (x) => x.scroll.nodes },
      { name: 'live comment: scripting, ms', of: (x) => x.live.scriptMs },
      { name: 'live comment: main-thread tasks, ms', of: (x) => x.live.taskMs },
      { name: 'live comment: longest task, ms', of: (x) => x.live.longestTaskMs },
      { name: 'live comment: reader moved, px', of: (x) => x.live.readerMovedPx },
      { name: 'live comment: layout shift', of: (x) => x.live.layoutShift },
    ];
    const ratio = (a: number, b: number): number | null => (b > 0 ? Math.round((a / b) * 100) / 100 : null);
    const table = figures.map(({ name, of }) => {
      const baseline = median(rounds.map((pair) => of(pair[0]!)));
      const long = median(rounds.map((pair) => of(pair[1]!)));
      const ratios = rounds.map((pair) => ratio(of(pair[1]!), of(pair[0]!))).filter((value): value is number => value !== null);
      return { figure: name, '50 comments': baseline, '2,000 comments': long, ratio: ratios.length > 0 ? median(ratios) : null };
    });

    const liveTask = median(rounds.map((pair) => pair[1]!.live.taskMs));
    console.log(`machine: ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}, Chromium ${version}`);
    console.log(
      `Chromium at ${CPU_THROTTLING}× CPU throttling, viewport ${VIEWPORT.width}×${VIEWPORT.height}; ${ROUNDS} rounds interleaved; medians, ratio = median of per-round ratios`,
    );
    console.table(table);
    console.log(`live comment in the 2,000-comment topic: ${liveTask} ms of main-thread tasks (target ≤ ${TARGET_LIVE_MS} ms)`);
    writeResult('thread', {
      chromium: version,
      cpuThrottling: CPU_THROTTLING,
      viewport: VIEWPORT,
      rounds: ROUNDS,
      targetLiveMs: TARGET_LIVE_MS,
      figures: table,
      runs: rounds.flat(),
    });
  } finally {
    await browser?.close();
    server.process.kill('SIGTERM');
    await server.exited;
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINKED_SEQ, seedLongTopics, type SeededTopic } from '../helpers/long-thread.ts';
import { DESKTOP, hasChromium, PHONE, seriousViolations, signIn, signUp, startTestbed, suiteName, type Testbed } from './browser.ts';

const COMMENTS = 2_000;
// A server, Chromium and a 2,000-comment thread share two cores with the rest of the suite.
const SLOW = { timeout: 30_000 };

/** What the page shows of one comment: whether it is in the viewport, highlighted, focused. */
interface Shown {
  inView: boolean;
  top: number;
  target: boolean;
  focused: boolean;
}

describe.skipIf(!hasChromium)(suiteName('a 2,000-comment topic in headless Chromium'), () => {
  let bed: Testbed;
  let dir: string;
  let topic: SeededTopic;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vd-long-'));
    const file = join(dir, 'long.db');
    [topic] = (await seedLongTopics(file, [COMMENTS])) as [SeededTopic];
    bed = await startTestbed({ DATABASE_URL: `sqlite:${file}` });
  }, 180_000);

  afterAll(async () => {
    await bed?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const idOf = (seq: number): string => topic.ids[seq - 1]!;
  const topicPath = (): string => `/t/${topic.id}`;
  /** Seqs of the comments that answer the question, in posting order. */
  const topLevel = (): number[] => topic.parents.flatMap((parent, i) => (parent === null ? [i + 1] : []));
  /** Seqs in the order the page shows them, oldest first: each comment, then its replies. */
  const pageOrder = (): number[] => topLevel().flatMap((seq) => [seq, ...topic.parents.flatMap((parent, i) => (parent === idOf(seq) ? [i + 1] : []))]);

  // Scripts for the page are strings: the tests are type-checked without the DOM's types.
  const shown = (page: Page, commentId: string): Promise<Shown | null> =>
    page.evaluate<Shown | null>(`(() => {
      const element = document.getElementById(${JSON.stringify(`comment-${commentId}`)});
      if (!element) return null;
      const box = element.getBoundingClientRect();
      return {
        inView: box.top >= 0 && box.top < innerHeight,
        top: box.top,
        target: element.classList.contains('target'),
        focused: document.activeElement === element,
      };
    })()`);
  const topOf = (page: Page, elementId: string): Promise<number> =>
    page.evaluate<number>(`document.getElementById(${JSON.stringify(elementId)}).getBoundingClientRect().top`);
  const commentsInPage = (page: Page): Promise<number> => page.evaluate<number>('document.querySelectorAll(\'article[id^="comment-"]\').length');
  const settle = (page: Page): Promise<unknown> => page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');

  it.each([
    ['1280px', DESKTOP],
    ['360px', PHONE],
  ])(
    'opens a link to comment 1,500 (in a folded sub-thread) in view, highlighted and focused, with far fewer comments in the page, and no serious axe violation, at %s',
    async (_width, viewport) => {
      const page = await bed.openPage(viewport, { bypassCSP: true });
      const linked = idOf(LINKED_SEQ);
      await page.goto(`${bed.url}${topicPath()}?c=${linked}`);
      await expect.poll(() => shown(page, linked), SLOW).toEqual(expect.objectContaining({ inView: true, target: true, focused: true }));
      // Its sub-thread has eleven replies: folded by default, opened for the link.
      const parent = page.locator(`li[data-key="${idOf(LINKED_SEQ - 10)}"]`);
      expect(await parent.getByRole('button', { name: 'Hide replies' }).getAttribute('aria-expanded')).toBe('true');
      expect(await parent.getByRole('list').locator(`#comment-${linked}`).count()).toBe(1);
      expect(await commentsInPage(page)).toBeLessThan(100);
      expect(await seriousViolations(page)).toEqual([]);
    },
    120_000,
  );

  it('copies a comment’s link, and follows another comment’s link in the same topic without reading the thread again', async () => {
    const page = await bed.openPage(PHONE);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: bed.url });
    const first = idOf(LINKED_SEQ);
    await page.goto(`${bed.url}${topicPath()}?c=${first}`);
    await expect.poll(() => shown(page, first), SLOW).toEqual(expect.objectContaining({ inView: true, focused: true }));
    await page
      .locator(`#comment-${first}`)
      .getByRole('button', { name: /^Copy link to the comment by / })
      .click();
    await expect.poll(() => page.locator(`#comment-${first}`).getByRole('status').textContent()).toBe('Link copied.');
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(`${bed.url}${topicPath()}?c=${first}`);
    const reads: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/comments')) reads.push(request.url());
    });
    // The comment right after it in the page: the next sub-thread's first comment, or a reply.
    const next = page.locator(`#comment-${first}`).locator('xpath=following::article[1]');
    const nextId = (await next.getAttribute('id'))!.replace('comment-', '');
    await next.locator('a.permalink').click();
    await expect.poll(() => new URL(page.url()).search).toBe(`?c=${nextId}`);
    await expect.poll(() => shown(page, nextId), SLOW).toEqual(expect.objectContaining({ inView: true, target: true, focused: true }));
    expect((await shown(page, first))?.target).toBe(false);
    await page.goBack();
    await expect.poll(() => shown(page, first), SLOW).toEqual(expect.objectContaining({ inView: true, target: true }));
    expect(reads).toEqual([]);
  }, 120_000);

  it('says so when a link points to a comment the thread does not hold', async () => {
    const page = await bed.openPage(PHONE);
    await page.goto(`${bed.url}${topicPath()}?c=no-such-comment`);
    await expect.poll(() => page.getByText('The comment this link points to is not shown here', { exact: false }).count(), SLOW).toBe(1);
  }, 60_000);

  it('scrolls to the last comment and back to the first, keeping few comments in the page', async () => {
    const page = await bed.openPage(PHONE);
    await page.goto(`${bed.url}${topicPath()}`);
    const firstId = idOf(1);
    await expect.poll(() => shown(page, firstId), SLOW).not.toBeNull();
    await expect.poll(() => page.getByText('Loading more comments…').count(), SLOW).toBe(0);
    const lastId = idOf(topLevel().at(-1)!);
    // A keyboard user's focus in the first comment, scrolled out of the page with it.
    await page
      .locator(`#comment-${firstId}`)
      .getByRole('button', { name: /^Copy link to the comment by / })
      .focus();
    // The guessed heights of the comments never shown give way to measured ones on the way: the
    // end of the page moves a little until the last comment is there.
    for (let i = 0; i < 20 && !(await shown(page, lastId))?.inView; i++) {
      await page.evaluate("scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' })");
      await settle(page);
    }
    expect((await shown(page, lastId))?.inView).toBe(true);
    expect(await commentsInPage(page)).toBeLessThan(60);
    // The focus went to the thread, not to the page's start: Tab reaches a comment near the view.
    expect(await page.evaluate<boolean>("document.activeElement?.classList.contains('window') ?? false")).toBe(true);
    await page.keyboard.press('Tab');
    const focusedTop = await page.evaluate<number | null>("document.activeElement?.closest('article')?.getBoundingClientRect().top ?? null");
    expect(focusedTop).not.toBeNull();
    expect(Math.abs(focusedTop!)).toBeLessThan(2 * PHONE.height);
    await page.evaluate("scrollTo({ top: 0, behavior: 'instant' })");
    await expect.poll(() => shown(page, firstId), SLOW).toEqual(expect.objectContaining({ inView: true }));
    expect(await commentsInPage(page)).toBeLessThan(60);
  }, 120_000);

  it('shows the newest sub-threads first when asked, remembers it, and folds and opens a sub-thread', async () => {
    const page = await bed.openPage(DESKTOP);
    await page.goto(`${bed.url}${topicPath()}`);
    const firstArticle = () => page.locator('ol.threads article').first().getAttribute('id');
    await expect.poll(firstArticle, SLOW).toBe(`comment-${idOf(1)}`);
    const newest = page.getByRole('button', { name: 'Newest first' });
    await newest.click();
    const lastTopLevel = `comment-${idOf(topLevel().at(-1)!)}`;
    await expect.poll(firstArticle, SLOW).toBe(lastTopLevel);
    expect(await newest.getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await expect.poll(firstArticle, SLOW).toBe(lastTopLevel);

    await page.getByRole('button', { name: 'Oldest first' }).click();
    await expect.poll(firstArticle, SLOW).toBe(`comment-${idOf(1)}`);
    const key = await page
      .locator('ol.threads > li')
      .filter({ has: page.getByRole('button', { name: 'Hide replies' }) })
      .first()
      .getAttribute('data-key');
    const thread = page.locator(`li[data-key="${key}"]`);
    const replies = thread.getByRole('list');
    const count = await replies.getByRole('listitem').count();
    expect(count).toBeGreaterThan(0);
    await thread.getByRole('button', { name: 'Hide replies' }).click();
    await expect.poll(() => replies.count()).toBe(0);
    const show = thread.getByRole('button', { name: count === 1 ? 'Show 1 reply' : `Show ${count} replies` });
    expect(await show.getAttribute('aria-expanded')).toBe('false');
    await show.click();
    await expect.poll(() => replies.getByRole('listitem').count()).toBe(count);
  }, 120_000);

  it('jumps to the first comment new since the last visit, far down the thread', async () => {
    const cookie = await signUp(bed, 'Returning Reader');
    expect((await bed.api('PUT', `/api/topics/${topic.id}/read`, cookie, { lastSeq: 1_200 })).status).toBe(204);
    const page = await bed.openPage(PHONE);
    await signIn(bed, page, cookie);
    await page.goto(`${bed.url}${topicPath()}`);
    const banner = page.getByRole('link', { name: `${(COMMENTS - 1_200).toLocaleString('en')} new comments since your last visit` });
    await expect.poll(() => banner.count(), SLOW).toBe(1);
    await banner.click();
    const firstNew = idOf(pageOrder().find((seq) => seq > 1_200)!);
    await expect.poll(() => shown(page, firstNew), SLOW).toEqual(expect.objectContaining({ inView: true, focused: true }));
    expect(await page.evaluate("document.getElementById('new-since-last-visit')?.nextElementSibling?.id")).toBe(`comment-${firstNew}`);
    expect(new URL(page.url()).hash).toBe('#new-since-last-visit');
  }, 120_000);

  it('takes in live comments without moving what the reader is reading, and reaches the composer from mid-thread', async () => {
    const [reader, poster] = [await signUp(bed, 'Mid Thread Reader'), await signUp(bed, 'Live Poster')];
    const page = await bed.openPage(DESKTOP);
    await signIn(bed, page, reader);
    const middle = idOf(1_000);
    await page.goto(`${bed.url}${topicPath()}?c=${middle}`);
    await expect.poll(() => shown(page, middle), SLOW).toEqual(expect.objectContaining({ inView: true }));
    await expect.poll(() => page.getByText('Live: new comments appear as they are posted').count(), SLOW).toBe(1);
    // Just past the end of the first sub-thread rendered: it stays rendered, wholly above the viewport.
    await page.evaluate("scrollBy({ top: document.querySelector('ol.threads > li').getBoundingClientRect().bottom + 40, behavior: 'instant' })");
    await settle(page);
    // The first comment wholly in view, and a sub-thread rendered above the viewport that is open.
    const reading = await page.evaluate<string>(
      `[...document.querySelectorAll('article[id^="comment-"]')].find((article) => article.getBoundingClientRect().top >= 0).id`,
    );
    const above = await page.evaluate<string | null>(
      `[...document.querySelectorAll('ol.threads > li')]
        .findLast((item) => item.getBoundingClientRect().bottom < 0 && item.querySelector('[aria-expanded="false"]') === null)
        ?.dataset.key ?? null`,
    );
    expect(above).not.toBeNull();
    const before = await topOf(page, reading);

    for (const body of [{ body: 'A reply above the reader.', parentId: above! }, { body: 'A new comment at the end.' }]) {
      expect((await bed.api('POST', `/api/topics/${topic.id}/comments`, poster, body)).status).toBe(201);
    }
    await expect.poll(() => page.locator('article', { hasText: 'A reply above the reader.' }).count(), SLOW).toBe(1);
    await settle(page);
    // Scroll anchoring works in whole pixels: less than one is no movement anyone sees.
    expect(Math.abs((await topOf(page, reading)) - before)).toBeLessThan(1);

    // Newest first, a new sub-thread goes above the reader, who stays where they were.
    await page.getByRole('button', { name: 'Newest first' }).click();
    await settle(page);
    await page.evaluate("scrollBy({ top: document.querySelector('ol.threads > li').getBoundingClientRect().bottom + 40, behavior: 'instant' })");
    await settle(page);
    const readingNewest = await page.evaluate<string>(
      `[...document.querySelectorAll('article[id^="comment-"]')].find((article) => article.getBoundingClientRect().top >= 0).id`,
    );
    const beforeNewest = await topOf(page, readingNewest);
    const count = () => page.locator('h2 .count').textContent();
    const counted = await count();
    expect((await bed.api('POST', `/api/topics/${topic.id}/comments`, poster, { body: 'The newest comment.' })).status).toBe(201);
    await expect.poll(count, SLOW).not.toBe(counted);
    await settle(page);
    expect(Math.abs((await topOf(page, readingNewest)) - beforeNewest)).toBeLessThan(1);

    await page.getByRole('button', { name: 'Write a comment' }).last().click();
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('composer');
  }, 120_000);
});

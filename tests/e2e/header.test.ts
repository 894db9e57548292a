import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialogue } from '../../shared/dialogues.ts';
import { DESKTOP, hasChromium, PHONE, seriousViolations, signIn, signInOrganizer, signUp, startTestbed, suiteName, type Testbed } from './browser.ts';

const DEMO_SLUG = 'idm-2010-migration-and-social-change';
const LONG_NAME = 'María Fernanda de los Ángeles Rodríguez-Villanueva y Castellanos';

describe.skipIf(!hasChromium)(suiteName('the signed-in header, and editing a comment, in headless Chromium'), () => {
  let bed: Testbed;
  let organizer: string;

  beforeAll(async () => {
    bed = await startTestbed();
    organizer = await signInOrganizer(bed);
    expect((await bed.api('PATCH', '/api/auth/me', organizer, { displayName: LONG_NAME })).status).toBe(200);
  }, 180_000);

  afterAll(async () => {
    await bed?.close();
  });

  /** The header's controls, each with the middle of its box, once they are all there. */
  async function controls(page: Page) {
    const header = page.getByRole('banner');
    const all = [
      header.getByRole('link', { name: 'Organize' }),
      header.getByRole('link', { name: 'Moderation' }),
      header.getByRole('button', { name: /notifications/i }),
      header.getByRole('link', { name: `${LONG_NAME} — your profile` }),
      header.getByRole('button', { name: 'Sign out' }),
      header.getByRole('combobox', { name: 'Language' }),
    ];
    // The moderation link and the bell are fetched after the session is known, and take their room
    // in the header when they come: the boxes are read once the header holds them, not before.
    await expect.poll(() => Promise.all(all.map((control) => control.count())), { timeout: 30_000 }).toEqual(all.map(() => 1));
    const boxes = await Promise.all(all.map((control) => control.boundingBox()));
    return boxes.map((box) => box!.y + box!.height / 2);
  }

  it('keeps an organizer’s header on one line at 1280 px, with the link to their workspace', async () => {
    const page = await bed.openPage(DESKTOP, { bypassCSP: true });
    await signIn(bed, page, organizer);
    await page.goto(`${bed.url}/`);
    await expect.poll(() => page.getByRole('banner').getByRole('link', { name: 'Organize' }).count()).toBe(1);
    expect(await page.getByRole('banner').getByRole('link', { name: 'Organize' }).getAttribute('href')).toBe('/admin');
    const middles = await controls(page);
    expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(8);
    expect((await page.getByRole('banner').boundingBox())!.height).toBeLessThan(80);
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('takes two short rows on a phone, the name cut with an ellipsis', async () => {
    const page = await bed.openPage(PHONE, { bypassCSP: true });
    await signIn(bed, page, organizer);
    await page.goto(`${bed.url}/`);
    await expect.poll(() => page.getByRole('banner').getByRole('link', { name: 'Organize' }).count()).toBe(1);
    const middles = await controls(page);
    // Two rows: the account's controls on one, the links and the language on the other.
    const sorted = [...middles].sort((a, b) => a - b);
    const rows = 1 + sorted.filter((middle, index) => index > 0 && middle - sorted[index - 1]! > 16).length;
    expect(rows).toBe(2);
    expect((await page.getByRole('banner').boundingBox())!.height).toBeLessThan(120);
    const cut = `(() => {
      const name = document.querySelector('header a[href="/profile"]');
      return name.scrollWidth > name.clientWidth && getComputedStyle(name).textOverflow === 'ellipsis';
    })()`;
    expect(await page.evaluate<boolean>(cut)).toBe(true);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('saves an edit and a reply without an error in the console, and does not mark an unchanged edit as edited', async () => {
    const demo = (await (await fetch(`${bed.url}/api/dialogues/${DEMO_SLUG}`)).json()) as Dialogue;
    const topic = demo.topics[2]!;
    const [ben, cara] = [await signUp(bed, 'Ben Header'), await signUp(bed, 'Cara Header')];
    expect((await bed.api('POST', `/api/topics/${topic.id}/comments`, ben, { body: 'A point to answer.' })).status).toBe(201);
    const page = await bed.openPage(DESKTOP);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    await signIn(bed, page, cara);
    await page.goto(`${bed.url}/t/${topic.id}`);
    await page.getByRole('button', { name: 'Reply to Ben Header' }).click();
    await page.getByLabel('Your reply to Ben Header').fill('I agree.');
    await page.getByRole('button', { name: 'Post reply' }).click();
    const replies = page.getByRole('list', { name: 'Replies to Ben Header' });
    await expect.poll(() => replies.getByText('I agree.').count()).toBe(1);
    const mine = page.locator(`#${await replies.locator('article').first().getAttribute('id')}`);

    // Saved as it was: nothing is sent, nothing is marked.
    await mine.getByRole('button', { name: 'Edit' }).click();
    await expect.poll(() => page.getByLabel('Your comment, edited').inputValue()).toBe('I agree.');
    await mine.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByLabel('Your comment, edited').count()).toBe(0);
    expect(await mine.getByText('edited', { exact: true }).count()).toBe(0);

    await mine.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Your comment, edited').fill('I agree, mostly.');
    await page.getByLabel('Your comment, edited').press('Control+Enter');
    await expect.poll(() => mine.getByText('edited', { exact: true }).count()).toBe(1);
    // The live event may mark it edited before the save answers and the editor gives way to the text.
    await expect.poll(() => mine.getByText('I agree, mostly.').count(), { timeout: 30_000 }).toBe(1);
    await page.waitForTimeout(500);
    expect(problems).toEqual([]);
  }, 120_000);
});

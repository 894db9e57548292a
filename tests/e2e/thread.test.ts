import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialogue, Topic } from '../../shared/dialogues.ts';
import { DESKTOP, focusedTag, hasChromium, heading, PHONE, seriousViolations, signIn, signUp, startTestbed, suiteName, type Testbed } from './browser.ts';

const DEMO_SLUG = 'idm-2010-migration-and-social-change';
// Two browsers, a server and the rest of the suite share two cores: live updates get more time.
const LIVE = { timeout: 30_000 };

describe.skipIf(!hasChromium)(suiteName('taking part in a thread in headless Chromium'), () => {
  let bed: Testbed;
  let demo: Dialogue;

  beforeAll(async () => {
    bed = await startTestbed();
    demo = (await (await fetch(`${bed.url}/api/dialogues/${DEMO_SLUG}`)).json()) as Dialogue;
  }, 180_000);

  afterAll(async () => {
    await bed?.close();
  });

  const topicPath = (topic: Topic) => `/t/${topic.id}`;

  /** A page signed in as `cookie`, showing `path` with its composer ready. */
  async function participantPage(cookie: string, path: string, viewport = DESKTOP, options = {}): Promise<Page> {
    const page = await bed.openPage(viewport, options);
    await signIn(bed, page, cookie);
    await page.goto(`${bed.url}${path}`);
    await expect.poll(() => composerOf(page).count(), LIVE).toBe(1);
    return page;
  }

  const composerOf = (page: Page) => page.getByLabel('Your comment', { exact: true });
  const article = (page: Page, text: string): Locator => page.locator('article', { hasText: text });
  const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });
  const focusedId = (page: Page) => page.evaluate<string>('document.activeElement?.id ?? ""');

  async function post(cookie: string, topic: Topic, body: string, parentId?: string): Promise<{ id: string; seq: number }> {
    const response = await bed.api('POST', `/api/topics/${topic.id}/comments`, cookie, { body, ...(parentId ? { parentId } : {}) });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; seq: number };
  }

  it('posts a comment with the composer after a preview, shown at once here and live in another browser, never twice', async () => {
    const topic = demo.topics[3]!;
    const ana = await signUp(bed, 'Ana');
    const page = await participantPage(ana, topicPath(topic));
    const other = await bed.openPage(PHONE);
    await other.goto(`${bed.url}${topicPath(topic)}`);
    await expect.poll(() => other.getByText('Live: new comments appear as they are posted').count(), LIVE).toBe(1);

    await composerOf(page).fill('Cooperatives built **trust** first.');
    const preview = page.getByRole('region', { name: 'Preview' });
    await expect.poll(() => preview.locator('strong', { hasText: 'trust' }).count()).toBe(1);
    expect(await page.getByText('35 of 10,000 characters').count()).toBe(1);
    await page.getByRole('button', { name: 'Post comment' }).click();

    await expect.poll(() => article(page, 'Cooperatives built trust first.').count()).toBe(1);
    // The live event may show the comment a moment before the POST answers and empties the composer.
    await expect.poll(() => composerOf(page).inputValue()).toBe('');
    await expect.poll(() => status(page, 'Your comment was posted.').count()).toBe(1);
    await expect.poll(() => article(other, 'Cooperatives built trust first.').count(), LIVE).toBe(1);
    // One polite announcement for the newcomer in the other browser, after a short gathering pause.
    await expect.poll(() => status(other, /^1 new comment/).count(), LIVE).toBe(1);
    // The live event for one's own comment merges into the one already shown.
    await other.waitForTimeout(500);
    expect(await article(page, 'Cooperatives built trust first.').count()).toBe(1);
  }, 120_000);

  it('replies (Escape cancels), then edits and withdraws the reply within the edit window', async () => {
    const topic = demo.topics[3]!;
    const [ben, cara] = [await signUp(bed, 'Ben'), await signUp(bed, 'Cara')];
    const point = await post(ben, topic, 'A point worth answering.');
    const page = await participantPage(cara, topicPath(topic));

    await page.getByRole('button', { name: 'Reply to Ben' }).click();
    const reply = page.getByLabel('Your reply to Ben');
    await expect.poll(() => focusedId(page)).toBe(`reply-${point.id}`);
    await page.keyboard.press('Escape');
    await expect.poll(() => reply.count()).toBe(0);
    await expect.poll(() => focusedId(page)).toBe(`reply-button-${point.id}`);

    await page.keyboard.press('Enter');
    await reply.fill('I agree.');
    await page.getByRole('button', { name: 'Post reply' }).click();
    const replies = page.getByRole('list', { name: 'Replies to Ben' });
    await expect.poll(() => replies.getByText('I agree.').count()).toBe(1);
    await expect.poll(() => reply.count()).toBe(0);
    await expect.poll(() => focusedTag(page)).toBe('ARTICLE');

    // By id: while it is edited, the article shows an editor instead of its text.
    const mine = page.locator(`#${await replies.locator('article').first().getAttribute('id')}`);
    await mine.getByRole('button', { name: 'Edit' }).click();
    const editor = page.getByLabel('Your comment, edited');
    await expect.poll(() => editor.inputValue()).toBe('I agree.');
    await editor.fill('I agree, with *one* reservation.');
    await expect.poll(() => mine.getByRole('region', { name: 'Preview' }).locator('em').count()).toBe(1);
    await mine.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => mine.getByText('edited', { exact: true }).count()).toBe(1);
    await expect.poll(() => editor.count()).toBe(0);
    expect(await mine.getByText('I agree, with one reservation.').count()).toBe(1);

    await mine.getByRole('button', { name: 'Withdraw' }).click();
    expect(await page.getByText('Withdraw this comment?', { exact: false }).count()).toBe(1);
    await page.getByRole('button', { name: 'Yes, withdraw it' }).click();
    await expect.poll(() => replies.getByText('This comment was withdrawn by its author.').count()).toBe(1);
    expect(await page.getByText('I agree, with one reservation.').count()).toBe(0);
  }, 120_000);

  it('reports someone else’s comment with a reason, once, and offers no report on one’s own', async () => {
    const topic = demo.topics[3]!;
    const [dan, eva] = [await signUp(bed, 'Dan'), await signUp(bed, 'Eva')];
    await post(dan, topic, 'Buy cheap watches here.');
    await post(eva, topic, 'My own remark.');
    const page = await participantPage(eva, topicPath(topic));
    await expect.poll(() => article(page, 'My own remark.').count()).toBe(1);
    expect(await article(page, 'My own remark.').getByRole('button', { name: 'Report' }).count()).toBe(0);

    const spam = article(page, 'Buy cheap watches here.');
    await spam.getByRole('button', { name: 'Report' }).click();
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => page.getByText('Choose a reason.').count()).toBe(1);
    await page.getByLabel('Spam or advertising').check();
    await page.getByLabel('Details (optional)').fill('Advertising, twice today.');
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => page.getByText('Thank you, moderators will review it.').count()).toBe(1);
    await page.getByRole('button', { name: 'Close' }).click();

    await spam.getByRole('button', { name: 'Report' }).click();
    await page.getByLabel('Off topic').check();
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect.poll(() => page.getByText('You have already reported this comment; moderators will review it.').count()).toBe(1);
  }, 120_000);

  it('posts and replies with the keyboard alone, and the focus stays where the writer is', async () => {
    const topic = demo.topics[3]!;
    const fay = await signUp(bed, 'Fay');
    const page = await participantPage(fay, topicPath(topic));
    const tabUntil = async (id: (focused: string) => boolean, key = 'Tab'): Promise<void> => {
      for (let i = 0; i < 120 && !id(await focusedId(page)); i++) await page.keyboard.press(key);
      expect(id(await focusedId(page))).toBe(true);
    };

    await tabUntil((focused) => focused === 'composer');
    await page.keyboard.type('Typed without a mouse.');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => article(page, 'Typed without a mouse.').count()).toBe(1);
    expect(await focusedId(page)).toBe('composer');

    await tabUntil((focused) => focused.startsWith('reply-button-'), 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedId(page)).toMatch(/^reply-(?!button)/);
    await page.keyboard.type('And answered the same way.');
    for (let i = 0; i < 5 && (await page.evaluate<string>('document.activeElement?.textContent?.trim() ?? ""')) !== 'Post reply'; i++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await expect.poll(() => article(page, 'And answered the same way.').count()).toBe(1);
    await expect.poll(() => focusedTag(page)).toBe('ARTICLE');
  }, 120_000);

  it('keeps a draft across a reload', async () => {
    const topic = demo.topics[2]!;
    const gil = await signUp(bed, 'Gil');
    const page = await participantPage(gil, topicPath(topic), PHONE);
    await composerOf(page).fill('A thought I will finish later.');
    await page.reload();
    await expect.poll(() => composerOf(page).inputValue(), LIVE).toBe('A thought I will finish later.');
    await expect.poll(() => page.getByRole('region', { name: 'Preview' }).getByText('A thought I will finish later.').count()).toBe(1);
  }, 60_000);

  it('shows viewers, counts and what is new on the dialogue page, then "N new since your last visit" in the topic', async () => {
    const topic = demo.topics[2]!;
    const [hana, ivo] = [await signUp(bed, 'Hana'), await signUp(bed, 'Ivo')];
    const reading = await participantPage(hana, topicPath(topic));
    // The page counts as read once it has been open a moment.
    await reading.waitForRequest((request) => request.method() === 'PUT' && request.url().endsWith(`/api/topics/${topic.id}/read`), LIVE);
    await reading.close();

    const dialoguePage = await bed.openPage();
    await signIn(bed, dialoguePage, hana);
    await dialoguePage.goto(`${bed.url}/d/${DEMO_SLUG}`);
    const item = dialoguePage.getByRole('listitem').filter({ has: dialoguePage.getByRole('link', { name: topic.question }) });
    await expect.poll(() => item.count()).toBe(1);
    const before = Number((await item.getByText(/\d+ comments?$/).textContent())!.match(/\d+/)![0]);

    const viewer = await bed.openPage(PHONE);
    await viewer.goto(`${bed.url}${topicPath(topic)}`);
    await expect.poll(() => item.getByText('1 person reading now').count(), LIVE).toBe(1);

    const first = await post(ivo, topic, 'First while Hana was away.');
    await post(ivo, topic, 'Second while Hana was away.');
    await expect.poll(() => item.getByText(`${before + 2} comments`).count(), LIVE).toBe(1);
    await dialoguePage.reload();
    await expect.poll(() => item.getByText('2 new', { exact: true }).count(), LIVE).toBe(1);

    await item.getByRole('link', { name: topic.question }).click();
    const banner = dialoguePage.getByRole('link', { name: '2 new comments since your last visit' });
    await expect.poll(() => banner.count(), LIVE).toBe(1);
    // The marker sits right before the first new comment.
    const markerNext = await dialoguePage.evaluate<string | undefined>("document.getElementById('new-since-last-visit')?.nextElementSibling?.id");
    expect(markerNext).toBe(`comment-${first.id}`);
    await banner.click();
    expect(new URL(dialoguePage.url()).hash).toBe('#new-since-last-visit');
  }, 120_000);

  it('after a server restart shows the reconnection, posts the retried comment once, and receives new comments live', async () => {
    const topic = demo.topics[1]!;
    const [jo, kim] = [await signUp(bed, 'Jo'), await signUp(bed, 'Kim')];
    const page = await participantPage(jo, topicPath(topic));
    const live = () => page.getByText('Live: new comments appear as they are posted').count();
    await expect.poll(live, LIVE).toBe(1);

    // Stopped as a deployment stops it; restart() below starts it again on the same port and database.
    const stopping = bed.server;
    stopping.process.kill('SIGTERM');
    await stopping.exited;
    await expect.poll(() => page.getByText(/Connecting…|Connection lost\./).count(), LIVE).toBe(1);
    await composerOf(page).fill('Sent while the server was down.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect.poll(() => page.getByText('The forum could not be reached. Nothing is lost: try again.').count(), LIVE).toBe(1);
    expect(await composerOf(page).inputValue()).toBe('Sent while the server was down.');

    await bed.restart();
    await expect.poll(live, LIVE).toBe(1);
    await page.getByRole('button', { name: 'Post comment' }).click();
    await expect.poll(() => article(page, 'Sent while the server was down.').count(), LIVE).toBe(1);
    await post(kim, topic, 'Posted after the restart.');
    await expect.poll(() => article(page, 'Posted after the restart.').count(), LIVE).toBe(1);
    expect(await article(page, 'Sent while the server was down.').count()).toBe(1);
  }, 180_000);

  it.each([
    ['1280px', DESKTOP],
    ['360px', PHONE],
  ])(
    'has no serious or critical axe violations with the composer, a reply and a report open, nor on the about page, at %s',
    async (width, viewport) => {
      const topic = demo.topics[0]!;
      const cookie = await signUp(bed, `Axe ${width}`);
      const page = await participantPage(cookie, topicPath(topic), viewport, { bypassCSP: true });
      await composerOf(page).fill('Checked for **accessibility**.');
      await expect.poll(() => page.getByRole('region', { name: 'Preview' }).count()).toBe(1);
      await page.getByRole('button', { name: 'Reply to Amina K.' }).click();
      await page.getByRole('button', { name: 'Report' }).first().click();
      await expect.poll(() => page.getByRole('button', { name: 'Send report' }).count()).toBe(1);
      const problems = await seriousViolations(page);

      await page.goto(`${bed.url}/d/${DEMO_SLUG}`);
      await page.getByRole('link', { name: 'About this dialogue' }).click();
      await expect.poll(() => heading(page).textContent()).toBe('About this dialogue');
      expect(await page.getByText('In the dialogue’s time zone (Europe/Zurich)').count()).toBe(1);
      expect(await page.getByText('Comments appear as soon as they are posted.', { exact: false }).count()).toBe(1);
      problems.push(...(await seriousViolations(page)));
      expect(problems).toEqual([]);
    },
    120_000,
  );
});

import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comment } from '../../shared/comments.ts';
import type { Dialogue, Topic } from '../../shared/dialogues.ts';
import type { User } from '../../shared/users.ts';
import { DESKTOP, hasChromium, heading, PHONE, seriousViolations, signIn, signUp, startTestbed, suiteName, type Testbed } from './browser.ts';

const DEMO_SLUG = 'idm-2010-migration-and-social-change';
const ORGANIZER_EMAIL = 'organizer@example.org';
// Several browsers, a server and the rest of the suite share two cores: live updates get more time.
const LIVE = { timeout: 30_000 };
const SHOTS = '/tmp/shots';

describe.skipIf(!hasChromium)(suiteName('moderating in headless Chromium'), () => {
  let bed: Testbed;
  let demo: Dialogue;
  let organizer: string;
  let moderator: string;

  const cookieOf = (response: Response): string =>
    response.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith('session='))!
      .split(';')[0]!;
  const me = async (cookie: string): Promise<User> => ((await (await bed.api('GET', '/api/auth/me', cookie)).json()) as { user: User }).user;

  beforeAll(async () => {
    bed = await startTestbed();
    demo = (await (await fetch(`${bed.url}/api/dialogues/${DEMO_SLUG}`)).json()) as Dialogue;
    // The first organizer's password is printed once, at the first start.
    const password = /Password \(shown only now\): (\S+)/.exec(bed.server.output())?.[1];
    if (!password) throw new Error(`no organizer password in the server's output:\n${bed.server.output()}`);
    organizer = cookieOf(await bed.api('POST', '/api/auth/login', null, { email: ORGANIZER_EMAIL, password }));
    // A participant appointed to moderate the demo dialogue, as an organizer does it.
    moderator = await signUp(bed, 'Mona Moderator');
    const appointed = await bed.api('PUT', `/api/dialogues/${DEMO_SLUG}/moderators/${(await me(moderator)).id}`, organizer);
    expect(appointed.status).toBe(200);
    mkdirSync(SHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await bed?.close();
  });

  const topicPath = (topic: Topic) => `/t/${topic.id}`;
  const article = (page: Page, text: string): Locator => page.locator('article', { hasText: text });
  const composerOf = (page: Page) => page.getByLabel('Your comment', { exact: true });
  const queueItem = (page: Page, text: string): Locator => page.locator('.queue-list article', { hasText: text });
  const bell = (page: Page) => page.getByRole('button', { name: /^Your notifications/ });

  async function open(cookie: string | null, path: string, viewport = DESKTOP, options = {}): Promise<Page> {
    const page = await bed.openPage(viewport, options);
    if (cookie) await signIn(bed, page, cookie);
    await page.goto(`${bed.url}${path}`);
    return page;
  }

  /** The queue page, once it has read the queue and is listening. */
  async function queuePage(cookie: string, viewport = DESKTOP, options = {}): Promise<Page> {
    const page = await open(cookie, '/moderation', viewport, options);
    await expect.poll(() => page.getByRole('heading', { name: /comments? waiting$/ }).count(), LIVE).toBe(1);
    await expect.poll(() => page.getByText('Live: new items appear here as they arrive.').count(), LIVE).toBe(1);
    return page;
  }

  async function post(cookie: string, topic: Topic, body: string): Promise<Comment> {
    const response = await bed.api('POST', `/api/topics/${topic.id}/comments`, cookie, { body });
    expect(response.status).toBeLessThan(300);
    return (await response.json()) as Comment;
  }

  it('holds a comment with a watched word; the open queue shows it live, the keyboard approves it, readers and its author see it live', async () => {
    const topic = demo.topics[0]!;

    // The organizer adds a watched word on the settings page.
    const settings = await open(organizer, `/d/${DEMO_SLUG}/settings`);
    const words = settings.getByLabel('Watched words, one per line');
    await expect.poll(() => words.count(), LIVE).toBe(1);
    await words.fill('contraband\n');
    await settings.getByRole('button', { name: 'Save watched words' }).click();
    await expect.poll(() => settings.getByRole('status').filter({ hasText: '1 watched word saved.' }).count(), LIVE).toBe(1);

    const queue = await queuePage(moderator);
    const [ana, ben] = [await signUp(bed, 'Ana Author'), await signUp(bed, 'Ben Reader')];
    const reader = await open(ben, topicPath(topic), PHONE);
    await expect.poll(() => reader.getByText('Live: new comments appear as they are posted').count(), LIVE).toBe(1);

    // The participant posts: their comment waits, and they are told so.
    const author = await open(ana, topicPath(topic));
    await expect.poll(() => composerOf(author).count(), LIVE).toBe(1);
    await composerOf(author).fill('Customs found contraband in one of the trucks.');
    await author.getByRole('button', { name: 'Post comment' }).click();
    const mine = article(author, 'Customs found contraband');
    await expect.poll(() => mine.getByText('Your comment is waiting for a moderator.').count(), LIVE).toBe(1);
    expect(await article(reader, 'Customs found contraband').count()).toBe(0);

    // The moderator's open queue shows it without a reload, with why it waits.
    const item = queueItem(queue, 'Customs found contraband');
    await expect.poll(() => item.count(), LIVE).toBe(1);
    expect(await item.getByText('It contains a watched word.').count()).toBe(1);
    expect(await item.getByText(/^Queued /).count()).toBe(1);
    expect(await item.getByRole('heading', { name: 'Held Comment by Ana Author' }).count()).toBe(1);

    // j selects it (the only item), a approves it.
    await queue.keyboard.press('j');
    await expect.poll(() => queue.evaluate<string>('document.activeElement?.id ?? ""')).toMatch(/^queue-item-/);
    await queue.keyboard.press('a');
    await expect.poll(() => item.getByText('Approved. The author has been told.').count(), LIVE).toBe(1);
    await expect.poll(() => queue.getByRole('status').filter({ hasText: 'The comment by Ana Author was approved.' }).count()).toBe(1);

    // Published live to the other reader, and to its author without the waiting note. On the
    // reader's phone it lands below the thread's rendered stretch: it is there once they scroll down.
    await expect
      .poll(async () => {
        await reader.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
        return article(reader, 'Customs found contraband').count();
      }, LIVE)
      .toBe(1);
    await expect.poll(() => mine.getByText('Your comment is waiting for a moderator.').count(), LIVE).toBe(0);

    // The author's bell counts it, and opening it says what happened.
    await expect.poll(async () => (await bell(author).textContent())?.includes('1 unread') ?? false, LIVE).toBe(true);
    await bell(author).click();
    expect(await bell(author).getAttribute('aria-expanded')).toBe('true');
    const panel = author.locator('#notifications-panel');
    await expect.poll(() => panel.getByText('Your comment was approved and is now published.').count()).toBe(1);
    await expect.poll(() => author.evaluate<string>('document.activeElement?.textContent ?? ""')).toBe('Your notifications');
    await author.keyboard.press('Escape');
    await expect.poll(() => panel.isVisible()).toBe(false);
    expect(await author.evaluate<string>('document.activeElement?.getAttribute("aria-controls") ?? ""')).toBe('notifications-panel');
    expect(await bell(author).textContent()).not.toContain('unread');
  }, 180_000);

  it('hides a comment from the thread with a reason: readers see the placeholder live, its author is told why', async () => {
    const topic = demo.topics[1]!;
    const [cid, dee] = [await signUp(bed, 'Cid Author'), await signUp(bed, 'Dee Reader')];
    await post(cid, topic, 'My phone number is 555 0100, call me.');
    const reader = await open(dee, topicPath(topic), PHONE);
    const author = await open(cid, topicPath(topic));
    await expect.poll(() => article(reader, 'My phone number').count(), LIVE).toBe(1);
    await expect.poll(() => reader.getByText('Live: new comments appear as they are posted').count(), LIVE).toBe(1);

    const page = await open(moderator, topicPath(topic));
    const target = article(page, 'My phone number');
    const tools = target.getByRole('group', { name: 'Moderation of the comment by Cid Author' });
    await expect.poll(() => tools.count(), LIVE).toBe(1);
    await tools.getByRole('button', { name: 'Hide…' }).click();
    const reason = page.getByLabel(/^Reason/);
    await expect.poll(() => page.evaluate<string>('document.activeElement?.tagName ?? ""')).toBe('TEXTAREA');
    await page.getByRole('button', { name: 'Hide the comment' }).click();
    await expect.poll(() => page.getByText('Give a reason.').count()).toBe(1);
    await reason.fill('Personal data.');
    await page.getByRole('button', { name: 'Hide the comment' }).click();
    await expect.poll(() => target.getByText('This comment was removed by a moderator.').count(), LIVE).toBe(1);
    // The moderator can take it back, once their own request has answered: the live event that
    // shows the placeholder may come first, while the reason form still stands in for the tools.
    await expect.poll(() => target.getByRole('button', { name: 'Restore' }).count(), LIVE).toBe(1);

    const hidden = reader.locator('article', { hasText: 'This comment was removed by a moderator.' });
    await expect.poll(() => hidden.count(), LIVE).toBe(1);
    expect(await reader.getByText('My phone number').count()).toBe(0);

    await expect.poll(async () => (await bell(author).textContent())?.includes('1 unread') ?? false, LIVE).toBe(true);
    await bell(author).click();
    await expect.poll(() => author.getByText('Your comment was removed: Personal data.').count()).toBe(1);
  }, 180_000);

  it('edits a comment with a note readers see, and locks and unlocks the topic, live for readers', async () => {
    const topic = demo.topics[1]!;
    const hal = await signUp(bed, 'Hal Author');
    await post(hal, topic, 'Write to me at hal@example.org for the study.');
    const reader = await open(await signUp(bed, 'Ivy Reader'), topicPath(topic), PHONE);
    await expect.poll(() => article(reader, 'hal@example.org').count(), LIVE).toBe(1);
    await expect.poll(() => reader.getByText('Live: new comments appear as they are posted').count(), LIVE).toBe(1);

    const page = await open(moderator, topicPath(topic));
    const target = article(page, 'hal@example.org');
    await expect.poll(() => target.getByRole('button', { name: 'Edit with a note…' }).count(), LIVE).toBe(1);
    await target.getByRole('button', { name: 'Edit with a note…' }).click();
    const text = page.getByLabel('The comment, as you correct it');
    await expect.poll(() => text.inputValue()).toBe('Write to me at hal@example.org for the study.');
    await text.fill('Write to me for the study.');
    await page.getByRole('button', { name: 'Save the edit' }).click();
    await expect.poll(() => page.getByText('Write the note readers will see.').count()).toBe(1);
    await page.getByLabel(/^Note shown under the comment/).fill('E-mail address removed.');
    await page.getByRole('button', { name: 'Save the edit' }).click();

    const edited = article(reader, 'Write to me for the study.');
    await expect.poll(() => edited.getByText('Moderator’s note: E-mail address removed.').count(), LIVE).toBe(1);
    expect(await reader.getByText('hal@example.org').count()).toBe(0);

    await page.getByRole('button', { name: 'Lock the topic' }).click();
    await expect.poll(() => reader.getByText('This topic is locked: no new comments can be posted.').count(), LIVE).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Unlock the topic' }).click();
    await expect.poll(() => reader.getByText('This topic is locked: no new comments can be posted.').count(), LIVE).toBe(0);
  }, 180_000);

  it('takes away an item another moderator handled, with a polite note, and says so when it was too late', async () => {
    const topic = demo.topics[2]!;
    await bed.api('PUT', `/api/dialogues/${DEMO_SLUG}/watched-words`, organizer, { words: ['contraband', 'smuggl*'] });
    const eli = await signUp(bed, 'Eli Author');
    const first = await post(eli, topic, 'Smuggling routes are changing.');
    await post(eli, topic, 'Smugglers adapt quickly.');
    const queue = await queuePage(moderator);
    const firstItem = queueItem(queue, 'Smuggling routes');
    await expect.poll(() => firstItem.count(), LIVE).toBe(1);

    // The organizer, another moderator, declines the first one.
    const declined = await bed.api('POST', `/api/comments/${first.id}/moderation`, organizer, { action: 'decline', reason: 'Off topic.' });
    expect(declined.status).toBe(200);
    await expect.poll(() => firstItem.count(), LIVE).toBe(0);
    await expect.poll(() => queue.getByRole('status').filter({ hasText: 'Handled by another moderator: the comment by Eli Author.' }).count()).toBe(1);

    // The second is approved by the organizer just as this moderator approves it too: theirs comes second.
    const secondItem = queueItem(queue, 'Smugglers adapt');
    await queue.route('**/api/comments/*/moderation', async (route) => {
      const id = /comments\/([^/]+)\/moderation/.exec(route.request().url())![1]!;
      expect((await bed.api('POST', `/api/comments/${id}/moderation`, organizer, { action: 'approve' })).status).toBe(200);
      await route.continue();
    });
    await secondItem.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => secondItem.getByText('Another moderator has already dealt with this comment.').count(), LIVE).toBe(1);
    expect(await queue.getByRole('alert').count()).toBe(0);
    await secondItem.getByRole('button', { name: 'Remove from the list' }).click();
    await expect.poll(() => secondItem.count()).toBe(0);
  }, 180_000);

  it('shows the audit log newest first, filtered by action, with before and after', async () => {
    const page = await open(moderator, '/moderation/log');
    await expect.poll(() => heading(page).textContent(), LIVE).toBe('Audit log');
    const entries = page.locator('ol.entries > li');
    await expect.poll(() => entries.count(), LIVE).toBeGreaterThan(0);
    await page.getByLabel('Action').selectOption('comment.hide');
    await expect.poll(() => page.getByRole('status').filter({ hasText: '1 entry shown' }).count(), LIVE).toBe(1);
    const entry = entries.first();
    expect(await entry.getByRole('heading', { name: 'Comment hidden' }).count()).toBe(1);
    expect(await entry.getByText('Mona Moderator').count()).toBe(1);
    expect(await entry.getByText('Personal data.').count()).toBe(1);
    expect(await entry.locator('del').textContent()).toBe('Before: published');
    expect(await entry.locator('ins').textContent()).toBe('After: hidden');
  }, 120_000);

  it.each([
    ['1280', DESKTOP],
    ['360', PHONE],
  ])(
    'has no serious or critical axe violations on the queue, the log and the settings at %spx',
    async (width, viewport) => {
      const topic = demo.topics[3]!;
      const fay = await signUp(bed, `Fay ${width}`);
      await post(fay, topic, `Contraband is a word to watch (${width}).`);
      const reporter = await signUp(bed, `Gus ${width}`);
      const reported = await post(fay, topic, `A remark that someone reports (${width}).`);
      await bed.api('POST', `/api/comments/${reported.id}/reports`, reporter, { reason: 'off_topic', details: 'Not about integration.' });

      const queue = await queuePage(moderator, viewport, { bypassCSP: true });
      await expect.poll(() => queueItem(queue, `(${width})`).count(), LIVE).toBe(2);
      await queue.getByText('Keyboard shortcuts').click();
      await queue.keyboard.press('j');
      await queue.keyboard.press('h');
      await expect.poll(() => queue.getByRole('button', { name: 'Hide the comment' }).count()).toBe(1);
      await queue.screenshot({ path: `${SHOTS}/queue-${width}.png`, fullPage: true });
      const problems = await seriousViolations(queue);

      const log = await open(moderator, '/moderation/log', viewport, { bypassCSP: true });
      await expect.poll(() => log.locator('ol.entries > li').count(), LIVE).toBeGreaterThan(0);
      await log.screenshot({ path: `${SHOTS}/log-${width}.png`, fullPage: true });
      problems.push(...(await seriousViolations(log)));

      const settings = await open(organizer, `/d/${DEMO_SLUG}/settings`, viewport, { bypassCSP: true });
      await expect.poll(() => settings.getByText('Mona Moderator').count(), LIVE).toBe(1);
      await settings.getByLabel('Find a person by name or e-mail address').fill(`Fay ${width}`);
      await expect.poll(() => settings.getByRole('button', { name: `Appoint Fay ${width} as a moderator` }).count(), LIVE).toBe(1);
      await settings.screenshot({ path: `${SHOTS}/settings-${width}.png`, fullPage: true });
      problems.push(...(await seriousViolations(settings)));

      const bellPage = await open(fay, topicPath(topic), viewport, { bypassCSP: true });
      await expect.poll(() => bell(bellPage).count(), LIVE).toBe(1);
      await bell(bellPage).click();
      await expect.poll(() => bellPage.locator('#notifications-panel').isVisible()).toBe(true);
      await bellPage.screenshot({ path: `${SHOTS}/bell-${width}.png` });
      problems.push(...(await seriousViolations(bellPage)));
      expect(problems).toEqual([]);
    },
    180_000,
  );
});

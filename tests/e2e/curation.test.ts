import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Dialogue } from '../../shared/dialogues.ts';
import { DESKTOP, hasChromium, heading, PHONE, seriousViolations, signIn, signInOrganizer, signUp, startTestbed, suiteName, type Testbed } from './browser.ts';

const DEMO_SLUG = 'idm-2010-migration-and-social-change';
// Two browsers, a server and the rest of the suite share two cores: live updates get more time.
const LIVE = { timeout: 30_000 };

const PARAGRAPH_1 = 'Our city opened its schools to parents in the evening.';
const PARAGRAPH_2 = 'Mothers who had never set foot in a classroom began to teach the others their languages.';
const PARAGRAPH_3 = 'Within a year the teachers asked for the same evenings.';

describe.skipIf(!hasChromium)(suiteName('organizers’ and moderators’ screens in headless Chromium'), () => {
  let bed: Testbed;
  let demo: Dialogue;
  let organizer: string;
  let moderator: string;
  let author: string;

  async function userId(cookie: string): Promise<string> {
    return ((await (await bed.api('GET', '/api/auth/me', cookie)).json()) as { user: { id: string } }).user.id;
  }

  beforeAll(async () => {
    bed = await startTestbed();
    demo = (await (await fetch(`${bed.url}/api/dialogues/${DEMO_SLUG}`)).json()) as Dialogue;
    organizer = await signInOrganizer(bed);
    moderator = await signUp(bed, 'Mona Moderator', 'CH');
    const appointed = await bed.api('PUT', `/api/dialogues/${DEMO_SLUG}/moderators/${await userId(moderator)}`, organizer);
    expect(appointed.status).toBeLessThan(300);
    author = await signUp(bed, 'Rosa Author', 'KE');
    // Rosa allows being quoted with her country and affiliation, not by name.
    expect((await bed.api('PATCH', '/api/auth/me', author, { quoteConsent: 'country', affiliation: 'ngo' })).status).toBe(200);
  }, 180_000);

  afterAll(async () => {
    await bed?.close();
  });

  async function pageAs(cookie: string, path: string, viewport = DESKTOP, options = {}): Promise<Page> {
    const page = await bed.openPage(viewport, options);
    await signIn(bed, page, cookie);
    await page.goto(`${bed.url}${path}`);
    return page;
  }

  async function post(cookie: string, topicIndex: number, body: string): Promise<{ id: string }> {
    const response = await bed.api('POST', `/api/topics/${demo.topics[topicIndex]!.id}/comments`, cookie, { body });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string };
  }

  it('a moderator selects a passage of a comment, quotes it within the author’s consent, and the organizer finds it in the annex preview', async () => {
    const topic = demo.topics[2]!;
    const comment = await post(author, 2, `${PARAGRAPH_1}\n\n${PARAGRAPH_2}\n\n${PARAGRAPH_3}`);
    // The organizer's curation page is open meanwhile: the new quote arrives live.
    const curation = await pageAs(organizer, `/d/${DEMO_SLUG}/quotes`);
    await expect.poll(() => heading(curation).textContent(), LIVE).toBe('Selected comments');

    const page = await pageAs(moderator, `/t/${topic.id}`);
    const article = page.locator(`#comment-${comment.id}`);
    const quoteButton = article.getByRole('button', { name: 'Quote the comment by Rosa Author' });
    await expect.poll(() => quoteButton.count(), LIVE).toBe(1);
    // A triple click selects the second paragraph, as a reader would.
    await article.locator('.comment-body p').nth(1).click({ clickCount: 3 });
    expect(await page.evaluate<string>('String(document.getSelection())')).toContain('Mothers who had never');
    await quoteButton.click();

    const form = page.getByRole('region', { name: 'Quote this comment in the report' });
    await expect.poll(() => form.count()).toBe(1);
    expect(await form.getByLabel('Only the passage selected in the comment').isChecked()).toBe(true);
    const preview = form.locator('blockquote');
    await expect.poll(() => preview.textContent()).toContain(`“[…] ${PARAGRAPH_2} […]”`);

    // The form shows Rosa's consent and starts at the dialogue's default (anonymous); by name is beyond her consent.
    await expect.poll(() => form.getByText('agreed to be quoted', { exact: false }).count()).toBeGreaterThan(0);
    expect(await form.getByLabel('By name: Rosa Author').isDisabled()).toBe(true);
    await form.getByLabel('As a participant from Kenya, with their affiliation').check();
    await expect.poll(() => preview.textContent()).toContain('— participant from Kenya (NGO or civil society)');
    await form.getByRole('button', { name: 'Create the quote' }).click();
    await expect.poll(() => form.getByText('Quote created: it is quote 1 of this topic.').count(), LIVE).toBe(1);

    // Live on the organizer's curation page.
    const topicSection = curation.getByRole('region', { name: new RegExp(topic.question.slice(0, 30)) });
    await expect.poll(() => topicSection.getByText(PARAGRAPH_2, { exact: false }).count(), LIVE).toBe(1);

    const exportPage = await pageAs(organizer, `/d/${DEMO_SLUG}/export`);
    const annex = exportPage.frameLocator('iframe[title^="The annex as it will read"]');
    await expect.poll(() => annex.getByText(PARAGRAPH_2, { exact: false }).count(), LIVE).toBe(1);
    expect(await annex.getByText('participant from Kenya', { exact: false }).count()).toBeGreaterThan(0);
    expect(await annex.getByText(PARAGRAPH_1).count()).toBe(0);

    // The preview follows the language chosen.
    await exportPage.getByLabel('Français').check();
    await expect.poll(() => exportPage.getByRole('heading', { name: 'Preview of the annex (Français)' }).count()).toBe(1);
    await expect.poll(() => annex.getByText('Citation', { exact: false }).count(), LIVE).toBeGreaterThan(0);
    const download = exportPage.getByRole('link', { name: /^Download the annex/ });
    expect(await download.getAttribute('href')).toBe(`/api/dialogues/${DEMO_SLUG}/annex?format=docx&lang=fr`);
    const file = await bed.api('GET', (await download.getAttribute('href'))!, organizer);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment/);
  }, 180_000);

  it('reorders quotes with the keyboard and shows flagged quotes with why they are left out', async () => {
    const first = await post(author, 3, 'The first remark worth keeping.');
    const second = await post(author, 3, 'The second remark worth keeping.');
    for (const { id } of [first, second]) {
      expect((await bed.api('POST', `/api/comments/${id}/quotes`, moderator, { attribution: 'none' })).status).toBe(201);
    }
    const page = await pageAs(moderator, `/d/${DEMO_SLUG}/quotes`);
    const section = page.getByRole('region', { name: new RegExp(demo.topics[3]!.question.slice(0, 30)) });
    const texts = () => section.locator('blockquote p').allTextContents();
    await expect.poll(texts, LIVE).toEqual(['“The first remark worth keeping.”', '“The second remark worth keeping.”']);

    const down = section.getByRole('button', { name: 'Move down' }).first();
    await down.focus();
    await page.keyboard.press('Enter');
    await expect.poll(texts).toEqual(['“The second remark worth keeping.”', '“The first remark worth keeping.”']);
    // The moved quote keeps the focus, on the control that still works.
    await expect.poll(() => page.evaluate<string>('document.activeElement?.textContent?.trim() ?? ""')).toContain('Move up');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Moved to place 2 of 2.' }).count()).toBe(1);
    // The list moves at once and is saved in the background: the server has it once the save has gone through.
    const savedOrder = async (): Promise<string[]> => {
      const order = (await (await bed.api('GET', `/api/dialogues/${DEMO_SLUG}/quotes`, moderator)).json()) as {
        topics: { topicId: string; quotes: { commentId: string }[] }[];
      };
      return order.topics.find((entry) => entry.topicId === demo.topics[3]!.id)!.quotes.map((quote) => quote.commentId);
    };
    await expect.poll(savedOrder, LIVE).toEqual([second.id, first.id]);

    // With a pointer: the first quote's handle dropped on the lower half of the second.
    // A synthetic drag can start while the list is still settling from the live echo of the
    // keyboard move; it is then tried again, never once the order is already the new one.
    const items = section.locator('ol > li');
    const reordered = ['“The first remark worth keeping.”', '“The second remark worth keeping.”'];
    await vi.waitFor(
      async () => {
        if ((await texts())[0] === reordered[0]) return;
        const box = (await items.nth(1).boundingBox())!;
        await items
          .nth(0)
          .locator('.drag-handle')
          .dragTo(items.nth(1), { targetPosition: { x: box.width / 2, y: box.height - 10 } });
        await expect.poll(texts, { timeout: 2_000 }).toEqual(reordered);
      },
      { timeout: 20_000, interval: 500 },
    );
    await expect.poll(texts).toEqual(reordered);

    // An attribution is chosen, then saved; one beyond the author's consent is refused and put back.
    const firstQuote = section.locator('ol > li').first();
    await firstQuote.getByLabel('Attribution').selectOption('country');
    await firstQuote.getByRole('button', { name: 'Save the attribution' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Attribution saved: Country and affiliation.' }).count()).toBe(1);
    await expect.poll(() => firstQuote.getByText('— participant from Kenya (NGO or civil society)').count()).toBe(1);
    await firstQuote.getByLabel('Attribution').selectOption('name');
    await firstQuote.getByRole('button', { name: 'Save the attribution' }).click();
    await expect.poll(() => firstQuote.getByRole('alert').textContent()).toContain('The author does not allow being quoted this way.');
    expect(await firstQuote.getByLabel('Attribution').inputValue()).toBe('country');

    // Hiding the source comment flags its quote, live.
    expect((await bed.api('POST', `/api/comments/${first.id}/moderation`, organizer, { action: 'hide', reason: 'Off topic after all' })).status).toBe(200);
    await expect.poll(() => section.getByText('Left out of exports: its comment was hidden by a moderator.').count(), LIVE).toBe(1);
    expect(await page.getByText('1 left out of exports').count()).toBe(1);
  }, 120_000);

  it('keeps the text and offers both versions when someone saved the summary meanwhile', async () => {
    const topic = demo.topics[0]!;
    const page = await pageAs(moderator, `/t/${topic.id}/summary`);
    const editor = page.getByLabel('Summary (Markdown)');
    await expect.poll(() => editor.count(), LIVE).toBe(1);
    await editor.fill('Returning migrants started savings cooperatives.\n\nThe moon is made of cheese.');
    await expect.poll(() => page.getByText('Changes not saved').count()).toBe(1);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(() => page.getByText(/Version 1, saved by Mona Moderator/).count(), LIVE).toBe(1);
    // The sentence nobody wrote about is marked.
    const sources = page.getByRole('region', { name: 'Sources of each sentence' });
    await expect.poll(() => sources.locator('li', { hasText: 'The moon is made of cheese.' }).getByText('Cites no comment').count(), LIVE).toBe(1);

    await editor.fill('My own rewording.');
    const saved = await bed.api('PUT', `/api/topics/${topic.id}/summary`, organizer, { body: 'The organizer’s rewording.', status: 'draft', baseVersion: 1 });
    expect(saved.status).toBe(200);
    await page.getByRole('button', { name: 'Save draft' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Someone else saved a new version while you were editing.' });
    await expect.poll(() => conflict.count(), LIVE).toBe(1);
    expect(await editor.inputValue()).toBe('My own rewording.');
    await conflict.getByRole('button', { name: 'Show the differences' }).click();
    await expect.poll(() => page.locator('del', { hasText: 'organizer’s' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Keep my text and save it as a new draft' }).click();
    await expect.poll(() => page.getByText(/Version 3, saved by Mona Moderator/).count(), LIVE).toBe(1);
    expect(await page.getByRole('button', { name: /^Approve/ }).count()).toBe(0);
  }, 120_000);

  it('refuses statistics and export to a moderator, and shows them to the organizer', async () => {
    const page = await pageAs(moderator, `/d/${DEMO_SLUG}/stats`);
    await expect.poll(() => page.getByText('This page is for the organizers of this dialogue.').count(), LIVE).toBe(1);
    await page.goto(`${bed.url}/d/${DEMO_SLUG}`);
    const manage = page.getByRole('region', { name: 'Manage this dialogue' });
    await expect.poll(() => manage.getByRole('link').allTextContents(), LIVE).toEqual(['Selected comments', 'Summaries']);

    const organizerPage = await pageAs(organizer, `/d/${DEMO_SLUG}`);
    const organizerManage = organizerPage.getByRole('region', { name: 'Manage this dialogue' });
    await expect
      .poll(() => organizerManage.getByRole('link').allTextContents(), LIVE)
      .toEqual(['Topics', 'Texts', 'Selected comments', 'Summaries', 'Statistics', 'Export']);
    await organizerManage.getByRole('link', { name: 'Statistics' }).click();
    await expect.poll(() => heading(organizerPage).textContent(), LIVE).toBe('Statistics');
    const figures = organizerPage.locator('dl');
    await expect.poll(() => figures.locator('dt').allTextContents(), LIVE).toEqual(['Visits', 'Unique visitors', 'Comments', 'Participants', 'Countries']);
    expect(await organizerPage.getByRole('img', { name: /^Comments: \d+ over \d+ days/ }).count()).toBe(1);
    expect(await organizerPage.getByRole('table', { name: 'Participants by region' }).getByRole('rowheader', { name: 'Africa' }).count()).toBe(1);
  }, 120_000);

  it.each([
    ['1280px', DESKTOP],
    ['360px', PHONE],
  ])(
    'has no serious or critical axe violations on curation, summary, statistics and export at %s',
    async (_width, viewport) => {
      const problems: string[] = [];
      const page = await pageAs(organizer, `/d/${DEMO_SLUG}/quotes`, viewport, { bypassCSP: true });
      const checks: [string, () => Promise<unknown>][] = [
        [`/d/${DEMO_SLUG}/quotes`, () => page.getByRole('button', { name: 'Move down' }).first().waitFor()],
        [`/t/${demo.topics[0]!.id}/summary`, () => page.getByRole('region', { name: 'Sources of each sentence' }).locator('li').first().waitFor()],
        [`/d/${DEMO_SLUG}/stats`, () => page.getByRole('table', { name: 'Participants by region' }).waitFor()],
        [`/d/${DEMO_SLUG}/export`, () => page.getByRole('list').filter({ hasText: 'Topic' }).first().waitFor()],
      ];
      for (const [path, ready] of checks) {
        await page.goto(`${bed.url}${path}`);
        await ready();
        problems.push(...(await seriousViolations(page)));
      }
      // The quote form in a thread, opened.
      await page.goto(`${bed.url}/t/${demo.topics[1]!.id}`);
      await page
        .getByRole('button', { name: /^Quote the comment by/ })
        .first()
        .click();
      await page.getByRole('region', { name: 'Quote this comment in the report' }).waitFor();
      problems.push(...(await seriousViolations(page)));
      expect(problems).toEqual([]);
    },
    180_000,
  );
});

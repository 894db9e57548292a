import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comment } from '../../shared/comments.ts';
import type { Dialogue } from '../../shared/dialogues.ts';
import type { Practice } from '../../shared/practices.ts';
import { DESKTOP, hasChromium, heading, PHONE, seriousViolations, signIn, signInOrganizer, signUp, startTestbed, suiteName, type Testbed } from './browser.ts';

const DEMO_SLUG = 'idm-2010-migration-and-social-change';
const LIVE = { timeout: 30_000 };
const PAGE_TIMEOUT = 120_000;
const WORDS =
  'In Thiès our tailoring cooperative shares one workshop: newcomers learn the trade beside local apprentices, and both sell at the Saturday market.';
const TITLE = 'Atelier partagé de Thiès';
const CONTACT = 'awa.ndoye@example.org';

// The whole way of a good practice: a participant submits one from their comment, a moderator
// publishes it from the queue, and a visitor on a phone finds it by the header's search and by the
// library's continent filter.
describe.skipIf(!hasChromium)(suiteName('a good practice from a comment to the library, in headless Chromium'), () => {
  let bed: Testbed;
  let demo: Dialogue;
  let organizer: string;
  let author: string;
  let comment: Comment;

  beforeAll(async () => {
    bed = await startTestbed();
    demo = (await (await fetch(`${bed.url}/api/dialogues/${DEMO_SLUG}`)).json()) as Dialogue;
    organizer = await signInOrganizer(bed);
    author = await signUp(bed, 'Awa Ndoye', 'SN');
    const posted = await bed.api('POST', `/api/topics/${demo.topics[3]!.id}/comments`, author, { body: WORDS });
    expect(posted.status).toBe(201);
    comment = (await posted.json()) as Comment;
  }, 180_000);

  afterAll(async () => {
    await bed?.close();
  });

  async function pageAs(cookie: string | null, path: string, viewport = DESKTOP): Promise<Page> {
    const page = await bed.openPage(viewport, { bypassCSP: true });
    if (cookie) await signIn(bed, page, cookie);
    await page.goto(`${bed.url}${path}`);
    return page;
  }

  const practiceTitled = async (title: string): Promise<Practice | undefined> => {
    const list = await bed.api('GET', '/api/practices?mine=true&limit=200', author);
    return ((await list.json()) as { items: Practice[] }).items.find((practice) => practice.title === title);
  };

  it(
    'submits a practice from a comment: the form starts from its words and its dialogue',
    async () => {
      const page = await pageAs(author, `/t/${comment.topicId}?c=${comment.id}`);
      const link = page.locator(`#comment-${comment.id}`).getByRole('link', { name: /good practice/ });
      await expect.poll(() => link.count(), LIVE).toBe(1);
      await link.click();
      await expect.poll(() => heading(page).textContent(), LIVE).toBe('Submit a good practice');
      const description = page.getByLabel('Description', { exact: true });
      await expect.poll(() => description.inputValue(), LIVE).toContain('tailoring cooperative');
      await page.getByRole('textbox', { name: /^Title/ }).fill(TITLE);
      await page.getByRole('textbox', { name: /^Organization/ }).fill('Coopérative des tailleurs de Thiès');
      await page.getByRole('textbox', { name: /^Contact/ }).fill(CONTACT);
      await page.getByLabel('Find a country').fill('Seneg');
      await page.getByRole('checkbox', { name: 'Senegal' }).check();
      await expect.poll(() => page.getByRole('combobox', { name: /^Continent/ }).inputValue(), LIVE).toBe('africa');
      await page.getByRole('button', { name: 'Submit for review' }).click();
      await expect.poll(() => heading(page).textContent(), LIVE).toBe(TITLE);
      await expect.poll(() => page.getByText('waiting for a moderator’s review', { exact: false }).count(), LIVE).toBe(1);

      const practice = await practiceTitled(TITLE);
      expect(practice).toMatchObject({
        contact: CONTACT,
        status: 'submitted',
        continent: 'africa',
        countries: ['SN'],
        dialogue: { slug: DEMO_SLUG },
        sourceComment: { id: comment.id },
      });
      // Nobody else finds it before a moderator publishes it.
      const found = await (await fetch(`${bed.url}/api/search?q=thies&type=practice`)).json();
      expect((found as { items: unknown[] }).items).toEqual([]);
    },
    PAGE_TIMEOUT,
  );

  it(
    'shows it to a moderator in the queue beside the comments, who publishes it; its author is told',
    async () => {
      const page = await pageAs(organizer, '/moderation');
      const publish = page.getByRole('button', { name: `Publish: ${TITLE}` });
      await expect.poll(() => publish.count(), LIVE).toBe(1);
      await publish.click();
      await expect.poll(async () => (await practiceTitled(TITLE))?.status, LIVE).toBe('published');
      await expect.poll(() => publish.count(), LIVE).toBe(0);
      const notices = await bed.api('GET', '/api/notifications', author);
      expect(JSON.stringify(await notices.json())).toContain('practice.publish');
    },
    PAGE_TIMEOUT,
  );

  it(
    'lets a visitor on a phone find it by the header’s search, then by the continent filter',
    async () => {
      const page = await pageAs(null, '/', PHONE);
      const banner = page.getByRole('banner');
      await expect.poll(() => banner.getByRole('button', { name: 'Search' }).count(), LIVE).toBe(1);
      await banner.getByRole('button', { name: 'Search' }).click();
      await banner.getByRole('searchbox').fill('thies atelier');
      await banner.getByRole('searchbox').press('Enter');
      await expect.poll(() => heading(page).textContent(), LIVE).toContain('thies atelier');
      const result = page.getByRole('main').getByRole('link', { name: TITLE });
      await expect.poll(() => result.count(), LIVE).toBe(1);
      expect(await page.getByRole('main').locator('mark').count()).toBeGreaterThan(0);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
      expect(await seriousViolations(page)).toEqual([]);
      await result.click();
      await expect.poll(() => heading(page).textContent(), LIVE).toBe(TITLE);
      // The contact is for the organizers and the submitter only.
      await expect.poll(() => page.getByText('Coopérative des tailleurs de Thiès').count(), LIVE).toBeGreaterThan(0);
      expect(await page.getByText(CONTACT).count()).toBe(0);

      await page.goto(`${bed.url}/practices`);
      await expect.poll(() => page.getByLabel('Continent', { exact: true }).count(), LIVE).toBe(1);
      await page.getByLabel('Continent', { exact: true }).selectOption('africa');
      await expect.poll(() => new URL(page.url()).searchParams.get('continent'), LIVE).toBe('africa');
      await expect.poll(() => page.getByRole('main').getByRole('link', { name: TITLE }).count(), LIVE).toBe(1);
      await page.getByLabel('Continent', { exact: true }).selectOption('europe');
      await expect.poll(() => page.getByRole('main').getByRole('link', { name: TITLE }).count(), LIVE).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
    },
    PAGE_TIMEOUT,
  );
});

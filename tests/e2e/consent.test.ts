import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialogue } from '../../shared/dialogues.ts';
import { DESKTOP, hasChromium, heading, PHONE, seriousViolations, signIn, signInOrganizer, signUp, startTestbed, suiteName, type Testbed } from './browser.ts';

const DEMO_SLUG = 'idm-2010-migration-and-social-change';
const LIVE = { timeout: 30_000 };
/** Longer than one LIVE wait, so a slow moment on a loaded machine (CI runs the crash tests beside) waits instead of failing. */
const PAGE_TIMEOUT = 90_000;
const WORDS = 'Our neighbourhood choir sang in four languages, and nobody asked where anyone came from.';
const REASON = 'I said this to friends, not for a report.';

describe.skipIf(!hasChromium)(suiteName('a quoted participant withdraws consent in headless Chromium'), () => {
  let bed: Testbed;
  let demo: Dialogue;
  let organizer: string;
  let author: string;
  let quoteId: string;

  beforeAll(async () => {
    bed = await startTestbed();
    demo = (await (await fetch(`${bed.url}/api/dialogues/${DEMO_SLUG}`)).json()) as Dialogue;
    organizer = await signInOrganizer(bed);
    author = await signUp(bed, 'Noor Singer', 'JO');
    const comment = await bed.api('POST', `/api/topics/${demo.topics[0]!.id}/comments`, author, { body: WORDS });
    expect(comment.status).toBe(201);
    const quoted = await bed.api('POST', `/api/comments/${((await comment.json()) as { id: string }).id}/quotes`, organizer, { attribution: 'none' });
    expect(quoted.status).toBe(201);
    quoteId = ((await quoted.json()) as { id: string }).id;
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

  it(
    'asks a visitor to sign in first, and tells someone else it is not theirs',
    async () => {
      const visitor = await pageAs(null, `/quotes/${quoteId}/withdraw`);
      await expect.poll(() => visitor.getByText('Sign in with the account that wrote the comment').count(), LIVE).toBe(1);
      const other = await pageAs(await signUp(bed, 'Other Reader', 'FR'), `/quotes/${quoteId}/withdraw`);
      await expect.poll(() => other.getByText('This quote is of someone else’s words.', { exact: false }).count(), LIVE).toBe(1);
    },
    PAGE_TIMEOUT,
  );

  it(
    'shows the author the quote and its topic at 360 px, withdraws with a reason, and says it is left out',
    async () => {
      const page = await pageAs(author, `/quotes/${quoteId}/withdraw`, PHONE);
      await expect.poll(() => heading(page).textContent(), LIVE).toBe('Your words in the report');
      await expect.poll(() => page.getByRole('main').locator('blockquote').textContent(), LIVE).toContain(WORDS);
      expect(await page.getByText(demo.topics[0]!.question, { exact: false }).count()).toBe(1);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByLabel('Your reason (optional)').fill(REASON);
      await page.getByRole('button', { name: 'Withdraw my consent' }).click();
      const done = page.getByRole('status').filter({ hasText: 'this quote will be left out of the report' });
      await expect.poll(() => done.count(), LIVE).toBe(1);
      expect(await page.evaluate<string | undefined>('document.activeElement?.className')).toContain('outcome');
      // The reason as the server kept it, read back once the withdrawal went through.
      await expect.poll(() => page.getByText(REASON, { exact: false }).count(), LIVE).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);

      // Back later (from the mail or the bell): already withdrawn.
      const again = await pageAs(author, `/quotes/${quoteId}/withdraw`);
      await expect.poll(() => again.getByText('You withdrew your consent for this quote on', { exact: false }).count(), LIVE).toBe(1);
      expect(await again.getByRole('button', { name: 'Withdraw my consent' }).count()).toBe(0);
    },
    PAGE_TIMEOUT,
  );

  it(
    'flags the quote for the curators with the reason, without an attribution to change',
    async () => {
      const page = await pageAs(organizer, `/d/${DEMO_SLUG}/quotes`);
      const quote = page.locator(`#quote-${quoteId}`);
      await expect.poll(() => quote.getByText('The author withdrew consent for this quote').count(), LIVE).toBe(1);
      expect(await quote.getByText(REASON, { exact: false }).count()).toBe(1);
      expect(await quote.getByLabel('Attribution').count()).toBe(0);
      expect(await quote.getByRole('button', { name: 'Remove' }).count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
    },
    PAGE_TIMEOUT,
  );
});

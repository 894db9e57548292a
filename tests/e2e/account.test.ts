import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialogue } from '../../shared/dialogues.ts';
import type { User } from '../../shared/users.ts';
import { linkIn, startTestSmtp, type TestSmtp } from '../helpers/smtp.ts';
import { DESKTOP, hasChromium, heading, PHONE, seriousViolations, signIn, signInOrganizer, signUp, startTestbed, suiteName, type Testbed } from './browser.ts';

// Issue 14's account walk in Chromium, with mail going to a real SMTP server: a forgotten password
// (the link read from the mail that arrived), a confirmed address, a dialogue that asks for one,
// deleting the account; axe and no sideways scrolling on every new screen at 1280 and 360 px.

const DEMO = '/api/dialogues/idm-2010-migration-and-social-change';
const PASSWORD = 'a long enough password';
const NEW_PASSWORD = 'my brand new passphrase';

describe.skipIf(!hasChromium)(suiteName('the account in headless Chromium: forgotten password, confirmed address, deletion'), () => {
  let bed: Testbed;
  let smtp: TestSmtp;
  let organizerCookie: string;
  const violations: string[] = [];

  beforeAll(async () => {
    smtp = await startTestSmtp();
    bed = await startTestbed({ SMTP_URL: smtp.url });
    organizerCookie = await signInOrganizer(bed);
  }, 180_000);

  afterAll(async () => {
    await bed?.close();
    await smtp?.close();
  });

  const header = (page: Page) => page.getByRole('banner');
  const main = (page: Page) => page.getByRole('main');
  const emailOf = (name: string): string => `${name.toLowerCase().replace(/\W/g, '')}@example.org`;
  const me = async (cookie: string): Promise<Response> => bed.api('GET', '/api/auth/me', cookie);

  /** Axe and sideways scrolling on what the page shows now. */
  async function scan(page: Page, what: string): Promise<void> {
    const width = page.viewportSize()?.width;
    violations.push(...(await seriousViolations(page)).map((line) => `${width} px ${what}: ${line}`));
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    if (overflow > 0) violations.push(`${width} px ${what}: scrolls sideways by ${overflow} px`);
  }

  it('forgot password → the mail → the link → a new password → signed in with it', async () => {
    const name = 'Nadia Reset';
    const oldSession = await signUp(bed, name);
    const page = await bed.openPage();
    await page.goto(`${bed.url}/sign-in`);
    await main(page).getByRole('link', { name: 'Forgot your password?' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Forgot your password?');
    await page.getByLabel(/^E-mail address/).fill(emailOf(name));
    await page.getByRole('button', { name: 'Send me the link' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Check your mail' }).count()).toBe(1);
    expect(await main(page).textContent()).toContain(`If an account exists for ${emailOf(name)}`);

    const mail = await smtp.waitFor((m) => m.to === emailOf(name) && m.text.includes('/reset-password?token='), 20_000);
    expect(mail.subject).toBe('Choose a new password');
    await page.goto(linkIn(mail, `${bed.url}/reset-password?token=`));
    await expect.poll(() => heading(page).textContent()).toBe('Choose a new password');
    await page.getByLabel(/^New password/).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await expect.poll(() => main(page).getByText('Your password is changed.').count()).toBe(1);
    // Every session of the account ended with the reset.
    expect((await me(oldSession)).status).toBe(401);

    await main(page).getByRole('link', { name: 'Sign in' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Sign in');
    await page.getByLabel(/^E-mail address/).fill(emailOf(name));
    await page.getByLabel(/^Password/).fill(NEW_PASSWORD);
    await main(page).getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() =>
        header(page)
          .getByRole('link', { name: `${name} — your profile` })
          .count(),
      )
      .toBe(1);

    // The link served once: opened again, it says so and leads to a new one.
    await page.goto(linkIn(mail, `${bed.url}/reset-password?token=`));
    await page.getByLabel(/^New password/).fill('yet another passphrase');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await expect
      .poll(() =>
        main(page)
          .getByText(/This link does not work any more/)
          .count(),
      )
      .toBe(1);
    expect(await main(page).getByRole('link', { name: 'Ask for a new link' }).count()).toBe(1);
  });

  it('asks for a confirmed address where the dialogue wants one, sends the link, and lets the participant post once confirmed', async () => {
    const demo = (await (await bed.api('GET', DEMO, null)).json()) as Dialogue;
    expect((await bed.api('PATCH', `/api/dialogues/${demo.slug}`, organizerCookie, { requireVerifiedEmail: true })).status).toBe(200);
    try {
      const name = 'Ines Verify';
      const cookie = await signUp(bed, name);
      const page = await bed.openPage();
      await signIn(bed, page, cookie);
      await page.goto(`${bed.url}/t/${demo.topics[0]!.id}`);
      const notice = page.getByText('This dialogue asks participants to confirm their e-mail address before posting.', { exact: false });
      await expect.poll(() => notice.count()).toBe(1);
      await page.getByRole('button', { name: 'Send me the link' }).click();
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .filter({ hasText: `We sent a link to ${emailOf(name)}` })
            .count(),
        )
        .toBe(1);

      // The one sent on registration, and the one asked for: either works.
      await expect.poll(() => smtp.to(emailOf(name)).filter((m) => m.text.includes('/verify-email?token=')).length).toBe(2);
      const mail = smtp.to(emailOf(name)).find((m) => m.text.includes('/verify-email?token='))!;
      const other = await page.context().newPage();
      await other.goto(linkIn(mail, `${bed.url}/verify-email?token=`));
      await expect.poll(() => heading(other).textContent()).toBe('Confirm your e-mail address');
      // Nothing is confirmed by merely opening the link (a mail program's link checker does that).
      expect(((await (await me(cookie)).json()) as { user: User }).user.emailVerified).toBe(false);
      await other.getByRole('button', { name: 'Confirm my address' }).click();
      await expect.poll(() => main(other).getByText('Thank you: your e-mail address is confirmed.').count()).toBe(1);
      expect(((await (await me(cookie)).json()) as { user: User }).user.emailVerified).toBe(true);

      await page.getByRole('button', { name: 'I have confirmed it' }).click();
      await expect.poll(() => notice.count()).toBe(0);
      // The composer replaces the notice once the session is read again.
      await expect.poll(() => page.locator('#compose textarea').count()).toBeGreaterThan(0);
    } finally {
      expect((await bed.api('PATCH', `/api/dialogues/${demo.slug}`, organizerCookie, { requireVerifiedEmail: false })).status).toBe(200);
    }
  });

  it('deletes the account from the profile after a last question; it can no longer sign in', async () => {
    const name = 'Omar Leaving';
    const cookie = await signUp(bed, name);
    const page = await bed.openPage();
    await signIn(bed, page, cookie);
    await page.goto(`${bed.url}/profile`);
    await expect.poll(() => page.getByRole('heading', { name: 'Delete your account' }).count()).toBe(1);
    await page.getByLabel('Withdraw them all').check();
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Delete your account for good?' }).count()).toBe(1);
    expect(await main(page).textContent()).toContain('Every comment of yours is withdrawn.');
    expect((await me(cookie)).status).toBe(200);
    await page.getByRole('button', { name: 'Yes, delete my account' }).click();
    await expect.poll(() => main(page).getByText('Your account is deleted. Thank you for taking part.').count()).toBe(1);
    await expect.poll(() => header(page).getByRole('link', { name: 'Sign in' }).count()).toBe(1);
    expect((await me(cookie)).status).toBe(401);
    expect((await bed.api('POST', '/api/auth/login', null, { email: emailOf(name), password: PASSWORD })).status).toBe(401);
  });

  it('passes axe without sideways scrolling on the new screens, at 1280 and 360 px', async () => {
    const demo = (await (await bed.api('GET', DEMO, null)).json()) as Dialogue;
    const cookie = await signUp(bed, 'Axel Scan');
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await bed.openPage(viewport, { bypassCSP: true });
      await page.goto(`${bed.url}/sign-in`);
      await expect.poll(() => main(page).getByRole('link', { name: 'Forgot your password?' }).count()).toBe(1);
      await scan(page, 'sign-in');

      await page.goto(`${bed.url}/forgot-password`);
      await expect.poll(() => heading(page).textContent()).toBe('Forgot your password?');
      await scan(page, 'forgot-password');
      await page.getByLabel(/^E-mail address/).fill('a-rather-long-address-for-a-phone-screen@example.org');
      await page.getByRole('button', { name: 'Send me the link' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Check your mail' }).count()).toBe(1);
      await scan(page, 'forgot-password, sent');

      await page.goto(`${bed.url}/reset-password?token=nosuchtoken`);
      await expect.poll(() => heading(page).textContent()).toBe('Choose a new password');
      await scan(page, 'reset-password');
      await page.getByLabel(/^New password/).fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Save the new password' }).click();
      await expect
        .poll(() =>
          main(page)
            .getByText(/This link does not work any more/)
            .count(),
        )
        .toBe(1);
      await scan(page, 'reset-password, invalid link');

      await page.goto(`${bed.url}/verify-email?token=nosuchtoken`);
      await expect.poll(() => heading(page).textContent()).toBe('Confirm your e-mail address');
      await scan(page, 'verify-email');

      await signIn(bed, page, cookie);
      await page.goto(`${bed.url}/profile#email`);
      await expect.poll(() => page.getByRole('heading', { name: 'What we e-mail you' }).count()).toBe(1);
      await scan(page, 'profile');
      await page.getByLabel(/^Password/).fill(PASSWORD);
      await page.getByRole('button', { name: 'Delete my account' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Delete your account for good?' }).count()).toBe(1);
      await scan(page, 'profile, deleting');
      await page.getByRole('button', { name: 'Cancel' }).click();

      expect((await bed.api('PATCH', `/api/dialogues/${demo.slug}`, organizerCookie, { requireVerifiedEmail: true })).status).toBe(200);
      await page.goto(`${bed.url}/t/${demo.topics[0]!.id}`);
      await expect.poll(() => page.getByRole('button', { name: 'Send me the link' }).count()).toBe(1);
      await scan(page, 'topic, address not confirmed');
      expect((await bed.api('PATCH', `/api/dialogues/${demo.slug}`, organizerCookie, { requireVerifiedEmail: false })).status).toBe(200);
      await page.close();
    }
    expect(violations).toEqual([]);
  }, 120_000);

  it('saves the e-mail settings from the profile', async () => {
    const cookie = await signUp(bed, 'Pia Prefs');
    const page = await bed.openPage();
    await signIn(bed, page, cookie);
    await page.goto(`${bed.url}/profile#email`);
    await expect.poll(() => page.getByRole('heading', { name: 'What we e-mail you' }).count()).toBe(1);
    await page.getByLabel('someone mentions me (@name)').uncheck();
    await page.getByLabel('Once a week').check();
    await page.getByRole('button', { name: 'Save e-mail settings' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Your e-mail settings are saved.' }).count()).toBe(1);
    const user = ((await (await me(cookie)).json()) as { user: User }).user;
    expect(user.emailNotifications).toEqual({ replies: true, mentions: false, moderation: true, quotes: true, digest: 'weekly' });
    // The browser told the profile where it is, for the digest's hour: in a request of its own, sent in
    // the background once the page had read the session, which the saved settings do not wait for.
    await expect.poll(async () => ((await (await me(cookie)).json()) as { user: User }).user.timeZone, { timeout: 30_000 }).toBe('Europe/Zurich');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../shared/users.ts';
import { linkIn, startTestSmtp, type TestSmtp } from '../helpers/smtp.ts';
import { DESKTOP, hasChromium, heading, PHONE, seriousViolations, signIn, signInOrganizer, signUp, startTestbed, suiteName, type Testbed } from './browser.ts';

// Mail in the browser: the page an e-mail's "stop these e-mails" link opens turns nothing off
// until its button is pressed; the organizers' outbox shows a refused message with the mail
// server's answer and sends it again. Axe checks both screens at 1280 and 360 px.

const LIVE = { timeout: 30_000 };

describe.skipIf(!hasChromium)(suiteName('mail: the unsubscribe page and the organizers’ outbox'), () => {
  let smtp: TestSmtp;
  let bed: Testbed;
  let organizer: string;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    bed = await startTestbed({ SMTP_URL: smtp.url });
    organizer = await signInOrganizer(bed);
  }, 180_000);

  afterAll(async () => {
    await bed?.close();
    await smtp?.close();
  });

  it('stops the e-mails a link names only once its button is pressed', async () => {
    const amara = await signUp(bed, 'Amara');
    const mail = await smtp.waitFor((m) => m.to === 'amara@example.org', 20_000);
    const link = linkIn(mail, `${bed.url}/unsubscribe?token=`);
    const me = async () => ((await (await bed.api('GET', '/api/auth/me', amara)).json()) as { user: User }).user;

    const page = await bed.openPage(PHONE, { bypassCSP: true });
    await page.goto(link);
    await expect.poll(() => heading(page).textContent(), LIVE).toBe('Stop these e-mails');
    expect(await seriousViolations(page)).toEqual([]);
    expect((await me()).emailNotifications.replies).toBe(true);

    await page.getByRole('button', { name: 'Stop these e-mails' }).click();
    await page.getByText('Done: these e-mails are stopped.').waitFor(LIVE);
    expect(await page.getByRole('link', { name: 'Your e-mail settings' }).getAttribute('href')).toBe('/profile#email');
    expect(await seriousViolations(page)).toEqual([]);
    expect((await me()).emailNotifications).toEqual({ replies: false, mentions: false, moderation: false, quotes: false, digest: 'off' });
  });

  it('shows organizers a refused message with the server’s answer, and sends it again', async () => {
    smtp.refuse = { code: 550, message: 'Mailbox unavailable' };
    try {
      await signUp(bed, 'Bruno');
      const page = await bed.openPage(DESKTOP, { bypassCSP: true });
      await signIn(bed, page, organizer);
      await page.goto(`${bed.url}/admin`);
      await page.getByRole('link', { name: 'Outgoing mail' }).click();
      await expect.poll(() => heading(page).textContent(), LIVE).toBe('Outgoing mail');
      await page.getByLabel('Show').selectOption('failed');
      // The worker may still be on it: refresh until it has failed.
      const card = page.getByRole('listitem').filter({ hasText: 'bruno@example.org' });
      await expect
        .poll(async () => {
          await page.getByRole('button', { name: 'Refresh' }).click();
          return card.getByText('550 Mailbox unavailable').count();
        }, LIVE)
        .toBe(1);
      expect(await seriousViolations(page)).toEqual([]);

      smtp.refuse = null;
      await card.getByRole('button', { name: /^Try again: send .* to bruno@example\.org$/ }).click();
      await card.getByText('The message to bruno@example.org is queued again.').waitFor(LIVE);
      await smtp.waitFor((m) => m.to === 'bruno@example.org', 20_000);

      await page.setViewportSize(PHONE);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    } finally {
      smtp.refuse = null;
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialogue } from '../../shared/dialogues.ts';
import type { NotificationList } from '../../shared/notifications.ts';
import { linkIn, startTestSmtp, type TestSmtp } from '../helpers/smtp.ts';
import { DESKTOP, hasChromium, PHONE, seriousViolations, signIn, signInOrganizer, signUp, startTestbed, suiteName, type Testbed } from './browser.ts';

const DEMO_SLUG = 'idm-2010-migration-and-social-change';
// Two browsers, a server and the mail worker share two cores: live updates get more time.
const LIVE = { timeout: 30_000 };

describe.skipIf(!hasChromium)(suiteName('replies and mentions notify in headless Chromium, live and by mail'), () => {
  let bed: Testbed;
  let smtp: TestSmtp;
  let demo: Dialogue;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    bed = await startTestbed({ SMTP_URL: smtp.url });
    demo = (await (await fetch(`${bed.url}/api/dialogues/${DEMO_SLUG}`)).json()) as Dialogue;
  }, 180_000);

  afterAll(async () => {
    await bed?.close();
    await smtp?.close();
  });

  async function post(cookie: string, topicId: string, body: string): Promise<{ id: string }> {
    const response = await bed.api('POST', `/api/topics/${topicId}/comments`, cookie, { body });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string };
  }

  it('a reply with an @mention chosen from the suggestions tells both people, live in the bell and by mail, and the bell opens the comment', async () => {
    const topic = demo.topics[2]!;
    const [amara, bruno, chen] = [await signUp(bed, 'Amara Diallo', 'SN'), await signUp(bed, 'Bruno Costa', 'BR'), await signUp(bed, 'Chen Wei', 'CN')];
    await post(chen, topic.id, 'Diaspora networks carry ideas as well as money.');
    await post(amara, topic.id, 'Remittances fund schools in my region.');

    // Amara waits on the home page, on a phone.
    const amaraPage = await bed.openPage(PHONE, { bypassCSP: true });
    await signIn(bed, amaraPage, amara);
    await amaraPage.goto(`${bed.url}/`);
    const bell = amaraPage.getByRole('button', { name: /^Your notifications/ });
    await expect.poll(() => bell.count(), LIVE).toBe(1);

    // Bruno answers her and names Chen, picking the name from the suggestions with the keyboard.
    const brunoPage = await bed.openPage(DESKTOP, { bypassCSP: true });
    await signIn(bed, brunoPage, bruno);
    await brunoPage.goto(`${bed.url}/t/${topic.id}`);
    await brunoPage.getByRole('button', { name: 'Reply to Amara Diallo' }).first().click();
    const reply = brunoPage.getByLabel('Your reply to Amara Diallo');
    await expect.poll(() => reply.count(), LIVE).toBe(1);
    await reply.pressSequentially('Agreed, and @ch');
    const option = brunoPage.getByRole('option', { name: 'Chen Wei' });
    await expect.poll(() => option.count(), LIVE).toBe(1);
    const listbox = brunoPage.getByRole('listbox', { name: 'People to mention' });
    expect(await reply.getAttribute('aria-controls')).toBe(await listbox.getAttribute('id'));
    expect(await reply.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    expect(await brunoPage.getByRole('status').filter({ hasText: '1 person to mention' }).count()).toBe(1);
    expect(await seriousViolations(brunoPage)).toEqual([]);
    await brunoPage.keyboard.press('Enter');
    await expect.poll(() => reply.inputValue()).toBe('Agreed, and @Chen Wei ');
    expect(await listbox.isHidden()).toBe(true);
    await reply.pressSequentially('would say so too.');
    await brunoPage.getByRole('button', { name: 'Post reply' }).click();
    await expect.poll(() => reply.count(), LIVE).toBe(0);

    // Amara's bell counts it without a reload, and opens the reply.
    await expect.poll(() => amaraPage.getByRole('button', { name: 'Your notifications 1 unread' }).count(), LIVE).toBe(1);
    await bell.click();
    const notice = amaraPage.getByRole('link', { name: 'Bruno Costa replied to you' });
    await expect.poll(() => notice.count(), LIVE).toBe(1);
    expect(await amaraPage.getByText('Agreed, and @Chen Wei would say so too.').count()).toBe(1);
    expect(await seriousViolations(amaraPage)).toEqual([]);
    const href = await notice.getAttribute('href');
    expect(href).toMatch(new RegExp(`^/t/${topic.id}\\?c=[\\w-]+$`));
    const replyId = href!.split('?c=')[1]!;
    await notice.click();
    await expect.poll(() => new URL(amaraPage.url()).search, LIVE).toBe(`?c=${replyId}`);
    await expect.poll(() => amaraPage.locator(`#comment-${replyId}`).getByText('would say so too.').count(), LIVE).toBe(1);
    // The person named stands out in the comment.
    expect(await amaraPage.locator(`#comment-${replyId} .mention`).allTextContents()).toEqual(['@Chen Wei']);

    // Chen is told of the mention.
    const chenNotices = (await (await bed.api('GET', '/api/notifications', chen)).json()) as NotificationList;
    expect(chenNotices.items.map((n) => [n.kind, n.commentId, n.actorName])).toEqual([['comment.mention', replyId, 'Bruno Costa']]);

    // And both by mail, once each, with the link to the reply and the unsubscribe headers.
    const replyMail = await smtp.waitFor((mail) => mail.to === 'amaradiallo@example.org' && mail.subject.startsWith('Bruno Costa replied to you'), 30_000);
    expect(linkIn(replyMail, `${bed.url}/t/`)).toBe(`${bed.url}/t/${topic.id}?c=${replyId}`);
    expect(replyMail.text).toContain('Agreed, and @Chen Wei would say so too.');
    expect(replyMail.parsed.headerLines.find((header) => header.key === 'list-unsubscribe-post')?.line).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
    const mentionMail = await smtp.waitFor((mail) => mail.to === 'chenwei@example.org' && mail.subject.startsWith('Bruno Costa mentioned you'), 30_000);
    expect(linkIn(mentionMail, `${bed.url}/t/`)).toBe(`${bed.url}/t/${topic.id}?c=${replyId}`);
    expect(smtp.received.filter((mail) => mail.to === 'amaradiallo@example.org' && mail.subject.includes('replied'))).toHaveLength(1);
    // Nobody is told of their own words.
    expect(smtp.received.filter((mail) => mail.to === 'brunocosta@example.org' && /replied|mentioned/.test(mail.subject))).toEqual([]);
  }, 180_000);

  it('a quoted author withdraws consent from the bell in one click', async () => {
    const topic = demo.topics[1]!;
    const elena = await signUp(bed, 'Elena Petrova', 'BG');
    const words = await post(elena, topic.id, 'Circular migration keeps families together.');
    const page = await bed.openPage(DESKTOP, { bypassCSP: true });
    await signIn(bed, page, elena);
    await page.goto(`${bed.url}/`);
    const bell = page.getByRole('button', { name: /^Your notifications/ });
    await expect.poll(() => bell.count(), LIVE).toBe(1);

    const quoted = await bed.api('POST', `/api/comments/${words.id}/quotes`, await signInOrganizer(bed), { attribution: 'none' });
    expect(quoted.status).toBe(201);
    await expect.poll(() => page.getByRole('button', { name: 'Your notifications 1 unread' }).count(), LIVE).toBe(1);
    await bell.click();
    await expect.poll(() => page.getByRole('link', { name: 'Your words were quoted:' }).count(), LIVE).toBe(1);
    expect(await page.getByText('Circular migration keeps families together.').count()).toBe(1);
    await page.getByRole('button', { name: 'Withdraw my consent' }).click();
    const withdrawn = page.getByText('Consent withdrawn: this quote is left out of every export.');
    await expect.poll(() => withdrawn.count(), LIVE).toBe(1);
    // The button is gone: the focus is on what took its place.
    await expect
      .poll(() => page.evaluate<string>('document.activeElement?.textContent ?? ""'))
      .toBe('Consent withdrawn: this quote is left out of every export.');
    expect(await seriousViolations(page)).toEqual([]);
    const notices = (await (await bed.api('GET', '/api/notifications', elena)).json()) as NotificationList;
    expect(notices.items[0]).toMatchObject({ kind: 'quote.created', consentWithdrawn: true });
    // Opened again later, it still says so.
    await page.reload();
    await bell.click();
    await expect.poll(() => withdrawn.count(), LIVE).toBe(1);
    expect(await page.getByRole('button', { name: 'Withdraw my consent' }).count()).toBe(0);
  }, 120_000);

  it('follows and stops following a topic from its page', async () => {
    const topic = demo.topics[1]!;
    const dina = await signUp(bed, 'Dina Haddad', 'LB');
    const page = await bed.openPage(PHONE, { bypassCSP: true });
    await signIn(bed, page, dina);
    await page.goto(`${bed.url}/t/${topic.id}`);
    const button = page.getByRole('button', { name: 'Follow', exact: true });
    await expect.poll(() => button.count(), LIVE).toBe(1);
    await button.click();
    const followingButton = page.getByRole('button', { name: 'Following', exact: true });
    await expect.poll(() => followingButton.count(), LIVE).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: 'You follow this topic.' }).count()).toBe(1);
    expect(((await (await bed.api('GET', `/api/topics/${topic.id}/follow`, dina)).json()) as { following: boolean }).following).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await followingButton.click();
    await expect.poll(() => button.count(), LIVE).toBe(1);
    expect(((await (await bed.api('GET', `/api/topics/${topic.id}/follow`, dina)).json()) as { following: boolean }).following).toBe(false);
  }, 120_000);
});

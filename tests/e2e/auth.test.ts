import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialogue } from '../../shared/dialogues.ts';
import type { User } from '../../shared/users.ts';
import { DESKTOP, hasChromium, heading, PHONE, seriousViolations, signIn, signUp, startTestbed, suiteName, type Testbed } from './browser.ts';

const DEMO_PATH = '/d/idm-2010-migration-and-social-change';
const PASSWORD = 'a long enough password';

describe.skipIf(!hasChromium)(suiteName('registering, signing in and the profile, in headless Chromium'), () => {
  let bed: Testbed;
  let demo: Dialogue;

  beforeAll(async () => {
    bed = await startTestbed();
    demo = (await (await fetch(`${bed.url}/api${DEMO_PATH.replace('/d/', '/dialogues/')}`)).json()) as Dialogue;
  }, 180_000);

  afterAll(async () => {
    await bed?.close();
  });

  const header = (page: Page) => page.getByRole('banner');
  const summary = (page: Page) => page.getByRole('alert').filter({ hasText: 'There is a problem' });
  const focusedText = (page: Page) => page.evaluate<string>('document.activeElement?.textContent ?? ""');

  /** A page whose browser is signed in as a new participant, `name@example.org` (see signUp). */
  async function signedInPage(displayName: string, viewport = DESKTOP, options = {}): Promise<Page> {
    const cookie = await signUp(bed, displayName);
    const page = await bed.openPage(viewport, options);
    await signIn(bed, page, cookie);
    return page;
  }

  /** The profile the server holds for the page's session. */
  async function profileOf(page: Page): Promise<User> {
    const session = (await page.context().cookies()).find((cookie) => cookie.name === 'session');
    const response = await bed.api('GET', '/api/auth/me', `session=${session?.value}`);
    return ((await response.json()) as { user: User }).user;
  }

  it('registers through the form from a dialogue, comes back to it signed in, signs out and in again', async () => {
    const page = await bed.openPage();
    await page.goto(`${bed.url}${DEMO_PATH}`);
    await header(page).getByRole('link', { name: 'Register' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Register');
    expect(new URL(page.url()).search).toBe(`?next=${encodeURIComponent(DEMO_PATH)}`);

    await page.getByLabel(/^E-mail address/).fill('awa@example.org');
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByLabel(/^Display name/).fill('Awa D.');
    await page.getByLabel(/^Country/).selectOption({ label: 'Senegal' });
    await page.getByLabel(/^Organization/).fill('Université Cheikh Anta Diop');
    await page.getByLabel(/^Affiliation/).selectOption({ label: 'Academia' });
    await page.getByLabel('Only your country: “Participant from Senegal”').check();
    await page.getByLabel('Not at all').check();
    await page.getByRole('button', { name: 'Create your account' }).click();

    await expect.poll(() => heading(page).textContent()).toBe('Migration and social change');
    expect(new URL(page.url()).pathname).toBe(DEMO_PATH);
    await expect.poll(() => header(page).getByRole('link', { name: 'Awa D. — your profile' }).count()).toBe(1);
    expect(await profileOf(page)).toMatchObject({
      displayName: 'Awa D.',
      country: 'SN',
      organization: 'Université Cheikh Anta Diop',
      affiliation: 'academia',
      language: 'en',
      nameDisplay: 'country',
      quoteConsent: 'none',
    });

    await header(page).getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Dialogues');
    await expect.poll(() => header(page).getByRole('link', { name: 'Sign in' }).count()).toBe(1);
    expect((await page.context().cookies()).some((cookie) => cookie.name === 'session')).toBe(false);

    const topic = demo.topics[0]!;
    await page.goto(`${bed.url}/t/${topic.id}`);
    await header(page).getByRole('link', { name: 'Sign in' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Sign in');
    await page.getByLabel(/^E-mail address/).fill('awa@example.org');
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByLabel(/^Password/).press('Enter');
    await expect.poll(() => heading(page).textContent()).toBe(topic.question);
    await expect.poll(() => header(page).getByRole('link', { name: 'Awa D. — your profile' }).count()).toBe(1);
  });

  it('says a wrong password is wrong without saying which, keeps what was typed, and points to the problems', async () => {
    await signUp(bed, 'Bilal');
    const page = await bed.openPage();
    await page.goto(`${bed.url}/sign-in`);
    await page.getByLabel(/^E-mail address/).fill('bilal@example.org');
    await page.getByLabel(/^Password/).fill('not the password');
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => summary(page).textContent()).toContain('The e-mail address or the password is not right.');
    expect(await focusedText(page)).toContain('There is a problem');
    expect(await page.getByLabel(/^E-mail address/).inputValue()).toBe('bilal@example.org');

    await page.getByLabel(/^E-mail address/).fill('');
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    const email = page.getByLabel(/^E-mail address/);
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    const described = await page.locator(`#${await email.getAttribute('aria-describedby')}`).textContent();
    expect(described).toBe('Enter your e-mail address.');
    await summary(page).getByRole('link', { name: 'E-mail address: Enter your e-mail address.' }).click();
    expect(await page.evaluate('document.activeElement?.id')).toBe(await email.getAttribute('id'));
  });

  it('asks to wait, in minutes, after too many failed sign-ins', async () => {
    await signUp(bed, 'Chen');
    for (let attempt = 0; attempt < 10; attempt++) {
      expect((await bed.api('POST', '/api/auth/login', null, { email: 'chen@example.org', password: 'wrong guess' })).status).toBe(401);
    }
    const page = await bed.openPage();
    await page.goto(`${bed.url}/sign-in`);
    await page.getByLabel(/^E-mail address/).fill('chen@example.org');
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByLabel(/^Password/).press('Enter');
    await expect.poll(() => summary(page).textContent()).toMatch(/Too many attempts\. Wait 1[45] minutes, then try again\./);
  });

  it('puts a taken e-mail address next to its field and keeps the other answers', async () => {
    await signUp(bed, 'Dora');
    const page = await bed.openPage();
    await page.goto(`${bed.url}/register`);
    await page.getByLabel(/^E-mail address/).fill('dora@example.org');
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByLabel(/^Display name/).fill('Dora');
    await page.getByLabel(/^Country/).selectOption('GR');
    await page.getByRole('button', { name: 'Create your account' }).click();
    await expect.poll(() => page.getByLabel(/^E-mail address/).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('An account with this e-mail address already exists. Sign in instead.', { exact: true }).count()).toBe(1);
    expect(await page.getByLabel(/^Display name/).inputValue()).toBe('Dora');
  });

  it('changes the display name and the language in the profile; the interface follows and stays French after a reload', async () => {
    const page = await signedInPage('Emre');
    await page.goto(`${bed.url}/profile`);
    await expect.poll(() => page.getByLabel(/^Display name/).inputValue()).toBe('Emre');
    expect(await page.getByText('E-mail address: emre@example.org').count()).toBe(1);

    await page.getByLabel(/^Display name/).fill('Emre Y.');
    await page.getByLabel('Preferred language').selectOption({ label: 'Français' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.getByRole('status').filter({ hasText: 'Vos modifications ont été enregistrées.' }).count()).toBe(1);
    expect(await heading(page).textContent()).toBe('Votre profil');
    await expect.poll(() => header(page).getByRole('link', { name: 'Emre Y. — votre profil' }).count()).toBe(1);
    expect(await profileOf(page)).toMatchObject({ displayName: 'Emre Y.', language: 'fr' });

    // A fresh visit on another device: nothing saved in this browser, the profile decides.
    await page.evaluate('localStorage.clear()');
    await page.reload();
    await expect.poll(() => heading(page).textContent()).toBe('Votre profil');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.getByLabel('Langue', { exact: true }).inputValue()).toBe('fr');
  });

  it('saves a language chosen in the header to a signed-in participant’s profile', async () => {
    const page = await signedInPage('Farah');
    await page.goto(`${bed.url}/profile`);
    await expect.poll(() => page.getByLabel('Preferred language').inputValue()).toBe('en');
    await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Español' });
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('es');
    await expect.poll(async () => (await profileOf(page)).language).toBe('es');
    // The open profile form shows it too, so that saving the form does not undo it: once the
    // browser has the server's answer, which may come after the server has saved it.
    await expect.poll(() => page.getByLabel('Idioma preferido').inputValue(), { timeout: 30_000 }).toBe('es');
    await page.getByLabel(/^Nombre visible/).fill('Farah N.');
    await page.getByRole('button', { name: 'Guardar los cambios' }).click();
    await expect.poll(async () => (await profileOf(page)).displayName).toBe('Farah N.');
    expect((await profileOf(page)).language).toBe('es');
  });

  it('changes the password with the current one, and refuses a wrong current one next to its field', async () => {
    const page = await signedInPage('Gita');
    await page.goto(`${bed.url}/profile`);
    await page.getByLabel(/^Current password/).fill('not my password');
    await page.getByLabel(/^New password/).fill('an even longer password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.getByText('This is not your current password.', { exact: true }).count()).toBe(1);

    await page.getByLabel(/^Current password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Your password has been changed.' }).count()).toBe(1);
    expect(await page.getByLabel(/^Current password/).inputValue()).toBe('');
    const login = await bed.api('POST', '/api/auth/login', null, { email: 'gita@example.org', password: 'an even longer password' });
    expect(login.status).toBe(200);
  });

  it('can be completed with the keyboard alone: Tab, typing and Enter', async () => {
    const page = await bed.openPage();
    await page.goto(`${bed.url}/register`);
    await expect.poll(() => heading(page).textContent()).toBe('Register');
    const focusedId = () => page.evaluate<string | undefined>('document.activeElement?.id');
    for (let presses = 0; presses < 20 && (await focusedId()) !== 'register-email'; presses++) await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('register-email');

    // First an empty submission: the summary takes the focus and leads back to the first field.
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedText(page)).toContain('There is a problem');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await focusedId()).toBe('register-email');

    await page.keyboard.type('hana@example.org');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Hana S.');
    await page.keyboard.press('Tab');
    expect(await focusedId()).toBe('register-country');
    await page.keyboard.type('Japan');
    await page.keyboard.press('Tab');
    await page.keyboard.type('JICA');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Government');
    // Preferred language, then the two radio groups, then the button.
    for (let presses = 0; presses < 6 && (await focusedText(page)) !== 'Create your account'; presses++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    await expect.poll(() => heading(page).textContent()).toBe('Dialogues');
    await expect.poll(() => header(page).getByRole('link', { name: 'Hana S. — your profile' }).count()).toBe(1);
    expect(await profileOf(page)).toMatchObject({
      country: 'JP',
      organization: 'JICA',
      affiliation: 'government',
      quoteConsent: 'anonymous',
      nameDisplay: 'name',
    });
  });

  it.each([
    ['1280px', DESKTOP],
    ['360px', PHONE],
  ])(
    'has no serious or critical axe violations on the register, sign-in and profile pages at %s',
    async (width, viewport) => {
      const visitor = await bed.openPage(viewport, { bypassCSP: true });
      const problems: string[] = [];
      for (const path of ['/register', '/sign-in']) {
        await visitor.goto(`${bed.url}${path}`);
        await expect.poll(() => heading(visitor).count()).toBe(1);
        problems.push(...(await seriousViolations(visitor)));
      }
      // With every error showing, too.
      await visitor.goto(`${bed.url}/register`);
      await visitor.getByRole('button', { name: 'Create your account' }).click();
      await expect.poll(() => summary(visitor).count()).toBe(1);
      problems.push(...(await seriousViolations(visitor)));

      const participant = await signedInPage(`Ines ${width}`, viewport, { bypassCSP: true });
      await participant.goto(`${bed.url}/profile`);
      await expect.poll(() => participant.getByRole('button', { name: 'Save changes' }).count()).toBe(1);
      problems.push(...(await seriousViolations(participant)));
      expect(problems).toEqual([]);
      // Four scans, each a few seconds on a loaded 2-core machine.
    },
    90_000,
  );
});

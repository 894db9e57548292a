import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialogue } from '../../shared/dialogues.ts';
import { DESKTOP, focusedTag, hasChromium, heading, PHONE, seriousViolations, startTestbed, suiteName, type Testbed } from './browser.ts';

const DEMO_SLUG = 'idm-2010-migration-and-social-change';
const DEMO_PATH = `/d/${DEMO_SLUG}`;

describe.skipIf(!hasChromium)(suiteName('the client shell in headless Chromium'), () => {
  let bed: Testbed;
  let demo: Dialogue;

  beforeAll(async () => {
    bed = await startTestbed();
    demo = (await (await fetch(`${bed.url}/api/dialogues/${DEMO_SLUG}`)).json()) as Dialogue;
  }, 180_000);

  afterAll(async () => {
    await bed?.close();
  });

  const openPage: Testbed['openPage'] = (...args) => bed.openPage(...args);
  const api: Testbed['api'] = (...args) => bed.api(...args);

  async function signUp(displayName: string, country: string, nameDisplay: 'name' | 'country'): Promise<string> {
    const email = `${displayName.toLowerCase()}@example.org`;
    const response = await api('POST', '/api/auth/register', null, { email, password: 'a long enough password', displayName, country, nameDisplay });
    expect(response.status).toBe(201);
    return response.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith('session='))!
      .split(';')[0]!;
  }

  it('lists the demo dialogue on the home page, in English for an English browser', async () => {
    const page = await openPage();
    await page.goto(bed.url);
    await expect.poll(() => heading(page).textContent()).toBe('Dialogues');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.title()).toBe('Dialogues — Virtual Dialogue');
    await expect.poll(() => page.getByRole('link', { name: 'Migration and social change' }).count()).toBe(1);
    expect(await page.getByText(/^Closes in 1[34] days$/).count()).toBe(1);
  });

  it('follows links inside the app: dialogue, numbered topics, topic thread, and back', async () => {
    const page = await openPage();
    await page.goto(bed.url);
    // Survives in-app navigation only: a full page load would lose it.
    await page.evaluate('window.sameDocument = true');

    const visit = page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith(`/api/dialogues/${DEMO_SLUG}/visits`));
    await page.getByRole('link', { name: 'Migration and social change' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('Migration and social change');
    expect(new URL(page.url()).pathname).toBe(DEMO_PATH);
    expect(await focusedTag(page)).toBe('H1');
    expect(await page.title()).toBe('Migration and social change — Virtual Dialogue');
    expect(JSON.parse((await visit).postData() ?? '{}')).toEqual({ path: DEMO_PATH });
    for (const number of [1, 2, 3, 4]) expect(await page.getByText(`Topic ${number}`, { exact: true }).count()).toBe(1);
    expect(await page.getByRole('heading', { level: 3 }).allTextContents()).toEqual(demo.topics.map((topic) => topic.question));

    const first = demo.topics[0]!;
    await page.getByRole('link', { name: first.question }).click();
    await expect.poll(() => heading(page).textContent()).toBe(first.question);
    expect(await focusedTag(page)).toBe('H1');
    expect(await page.getByRole('navigation', { name: 'You are here' }).getByRole('link', { name: 'Migration and social change' }).count()).toBe(1);
    // The demo's reply is indented under the comment it answers.
    await expect.poll(() => page.getByRole('list', { name: 'Replies to Amina K.' }).getByText('Tomás P.').count()).toBe(1);

    await page.goBack();
    await expect.poll(() => heading(page).textContent()).toBe('Migration and social change');
    expect(await page.evaluate('window.sameDocument')).toBe(true);
  });

  it('names a participant who chose it by country, in the reader’s language', async () => {
    const page = await openPage();
    await page.goto(`${bed.url}/t/${demo.topics[1]!.id}`);
    await expect.poll(() => page.getByText('Participant from Spain').count()).toBe(1);
    expect(await page.locator('[lang="es"]').count()).toBeGreaterThan(0);
  });

  it('keeps a withdrawn comment as a placeholder above its replies, and marks edits', async () => {
    const topic = demo.topics[3]!;
    const [author, replier] = await Promise.all([signUp('Nadia', 'MA', 'country'), signUp('Jonas', 'SE', 'name')]);
    const parent = (await (await api('POST', `/api/topics/${topic.id}/comments`, author, { body: 'A first thought.' })).json()) as { id: string };
    const reply = (await (await api('POST', `/api/topics/${topic.id}/comments`, replier, { body: 'An answer.', parentId: parent.id })).json()) as {
      id: string;
    };
    expect((await api('PATCH', `/api/comments/${reply.id}`, replier, { body: 'An answer, reworded.' })).status).toBe(200);
    expect((await api('DELETE', `/api/comments/${parent.id}`, author)).status).toBe(204);

    const page = await openPage();
    await page.goto(`${bed.url}/t/${topic.id}`);
    await expect.poll(() => page.getByText('This comment was withdrawn by its author.').count()).toBe(1);
    expect(await page.getByText('A first thought.').count()).toBe(0);
    const replies = page.getByRole('list', { name: 'Replies to Participant from Morocco' });
    expect(await replies.getByText('An answer, reworded.').count()).toBe(1);
    expect(await replies.getByText('edited', { exact: true }).count()).toBe(1);
    expect(await page.getByText('1 comment', { exact: true }).count()).toBe(1);
  });

  // Two browsers, a server and the rest of the suite share two cores: live updates get more time.
  const LIVE = { timeout: 30_000 };

  it('shows a comment posted elsewhere live, with the number of readers, in two browsers at once', async () => {
    const topic = demo.topics[2]!;
    const [first, second] = [await openPage(), await openPage(PHONE)];
    for (const page of [first, second]) {
      await page.goto(`${bed.url}/t/${topic.id}`);
      await expect.poll(() => page.getByText('Live: new comments appear as they are posted').count(), LIVE).toBe(1);
    }
    for (const page of [first, second]) await expect.poll(() => page.getByText('2 people reading now').count(), LIVE).toBe(1);
    const author = await signUp('Lina', 'LB', 'name');
    const posted = await api('POST', `/api/topics/${topic.id}/comments`, author, { body: 'Arrived **live**.' });
    expect(posted.status).toBe(201);
    for (const page of [first, second]) await expect.poll(() => page.getByText('Arrived live.').count(), LIVE).toBe(1);
    expect(await first.locator('strong', { hasText: 'live' }).count()).toBe(1);
    await second.close();
    await expect.poll(() => first.getByText('1 person reading now').count(), LIVE).toBe(1);
  }, 120_000);

  it('switches the interface to French, keeps <html lang> in step and remembers the choice', async () => {
    const page = await openPage();
    await page.goto(`${bed.url}${DEMO_PATH}`);
    await expect.poll(() => heading(page).textContent()).toBe('Migration and social change');

    await page.getByLabel('Language').selectOption({ label: 'Français' });
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Sujets');
    expect(await page.getByText('Sujet 1', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Dialogue virtuel' }).count()).toBe(1);
    expect(await page.getByText(/^Clôture dans 1[34] jours$/).count()).toBe(1);
    // The demo has French texts: the French reader gets the dialogue's French title too.
    expect(await page.title()).toBe('Migration et changement social — Dialogue virtuel');

    await page.goto(`${bed.url}/t/${demo.topics[1]!.id}`);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr');
    await expect.poll(() => page.getByText('Participant(e) – Espagne').count()).toBe(1);
    expect(await page.getByLabel('Langue').inputValue()).toBe('fr');
  });

  it('answers unknown addresses with a not-found page', async () => {
    const page = await openPage();
    await page.goto(`${bed.url}/nowhere`);
    await expect.poll(() => heading(page).textContent()).toBe('Page not found');
    await page.goto(`${bed.url}/d/no-such-dialogue`);
    await expect.poll(() => heading(page).textContent()).toBe('Not found');
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
  });

  it.each([
    ['1280px', DESKTOP],
    ['360px', PHONE],
  ])('has no serious or critical axe violations on home, dialogue and topic pages at %s', async (_width, viewport) => {
    const page = await openPage(viewport, { bypassCSP: true });
    const problems: string[] = [];
    for (const path of ['/', DEMO_PATH, `/t/${demo.topics[0]!.id}`]) {
      await page.goto(`${bed.url}${path}`);
      await expect.poll(() => heading(page).count()).toBe(1);
      problems.push(...(await seriousViolations(page)));
    }
    expect(problems).toEqual([]);
  });
});

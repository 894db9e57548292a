import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialogue } from '../../shared/dialogues.ts';
import { unzip } from '../helpers/zip.ts';
import { DESKTOP, hasChromium, heading, PHONE, seriousViolations, signIn, signUp, startTestbed, suiteName, type Testbed } from './browser.ts';

// Issue 13's walk: a new organizer, with the interface in French, runs "IDM 2011" from an empty
// workspace to the Spanish annex, without the API: creates the dialogue, its three topics and
// their French and Spanish texts, publishes it; a participant posts, a moderator quotes, the
// organizer approves a summary and downloads the annex in Spanish, which must be Spanish
// throughout. Axe checks every new screen at 1280 and 360 px.

const SLUG = 'idm-2011';
const ZONE = 'Europe/Zurich';
const LIVE = { timeout: 30_000 };

const TOPICS = [
  {
    en: 'How can migration support economic development?',
    fr: 'Comment la migration peut-elle soutenir le développement économique ?',
    es: '¿Cómo puede la migración apoyar el desarrollo económico?',
  },
  {
    en: 'What makes labour mobility fair for migrant workers?',
    fr: 'Qu’est-ce qui rend la mobilité de la main-d’œuvre équitable pour les travailleurs migrants ?',
    es: '¿Qué hace que la movilidad laboral sea justa para los trabajadores migrantes?',
  },
  {
    en: 'How should remittances be made cheaper and safer?',
    fr: 'Comment rendre les envois de fonds moins chers et plus sûrs ?',
    es: '¿Cómo abaratar y hacer más seguras las remesas?',
  },
];
const TEXTS = {
  theme: { en: 'Migration and the economy', fr: 'Migration et économie', es: 'Migración y economía' },
  hostDescription: {
    en: 'the Online Community on Migration and Integration',
    fr: 'la Communauté en ligne sur la migration et l’intégration',
    es: 'la Comunidad en línea sobre Migración e Integración',
  },
  annexLeadIn: {
    en: 'In the week preceding the workshop',
    fr: 'Au cours de la semaine précédant l’atelier',
    es: 'En la semana anterior al taller',
  },
};
const COMMENT = 'Lower transfer fees would let families invest remittances in small businesses and in schooling.';

/** `YYYY-MM-DDTHH:mm` as a wall clock in ZONE shows the instant `ms`: what a datetime-local field takes. */
function wallTime(ms: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(ms))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The text of a DOCX's body, paragraphs on their own lines. */
function docxText(archive: Buffer): string {
  const xml = unzip(archive).get('word/document.xml')!.toString('utf8');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

describe.skipIf(!hasChromium)(suiteName('the organizers’ workspace in French, from an empty workspace to the Spanish annex'), () => {
  let bed: Testbed;
  let first: string;
  let olivia: string;
  const violations: string[] = [];

  async function cookieOf(email: string, password: string): Promise<string> {
    const response = await bed.api('POST', '/api/auth/login', null, { email, password });
    expect(response.status).toBe(200);
    return response.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith('session='))!
      .split(';')[0]!;
  }

  async function userId(cookie: string): Promise<string> {
    return ((await (await bed.api('GET', '/api/auth/me', cookie)).json()) as { user: { id: string } }).user.id;
  }

  async function pageAs(cookie: string, path: string, viewport = DESKTOP): Promise<Page> {
    const page = await bed.openPage(viewport, { bypassCSP: true });
    await signIn(bed, page, cookie);
    await page.goto(`${bed.url}${path}`);
    return page;
  }

  /** Axe on `path` at both widths, after `ready` says the screen has loaded. */
  async function scan(cookie: string, path: string, ready: (page: Page) => Promise<unknown>): Promise<void> {
    for (const viewport of [DESKTOP, PHONE]) {
      const page = await pageAs(cookie, path, viewport);
      await ready(page);
      violations.push(...(await seriousViolations(page)).map((line) => `${viewport.width} px ${line}`));
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      if (overflow > 0) violations.push(`${viewport.width} px ${path}: scrolls sideways by ${overflow} px`);
      await page.close();
    }
  }

  beforeAll(async () => {
    bed = await startTestbed();
    const password = /Password \(shown only now\): (\S+)/.exec(bed.server.output())?.[1];
    first = await cookieOf('organizer@example.org', password!);
    olivia = await signUp(bed, 'Olivia Nouvelle', 'FR');
    // Olivia reads the interface in French.
    expect((await bed.api('PATCH', '/api/auth/me', olivia, { language: 'fr' })).status).toBe(200);
  }, 180_000);

  afterAll(async () => {
    await bed?.close();
  });

  it('lets the first organizer make Olivia an organizer from the people screen', async () => {
    const page = await pageAs(first, '/admin/people');
    await page.getByRole('main').getByRole('searchbox').first().fill('Olivia');
    // The list follows the search once typing pauses: only Olivia is left.
    await expect.poll(() => page.locator('summary').count(), LIVE).toBe(1);
    await page.locator('summary[aria-label="Role and moderation of Olivia Nouvelle"]').click();
    await page.getByRole('button', { name: 'Make organizer' }).click();
    await page.getByRole('button', { name: 'Yes, make organizer' }).click();
    await expect
      .poll(async () => ((await (await bed.api('GET', '/api/auth/me', olivia)).json()) as { user: { role: string } }).user.role, LIVE)
      .toBe('organizer');
    await page.close();
  }, 60_000);

  it('lets Olivia create "IDM 2011" as a draft from the workspace, in French', async () => {
    const page = await pageAs(olivia, '/admin');
    await expect.poll(() => heading(page).textContent(), LIVE).toBe('Espace des organisateurs');
    await page.getByRole('link', { name: 'Nouveau dialogue' }).first().click();
    await expect.poll(() => heading(page).textContent(), LIVE).toBe('Nouveau dialogue');

    await page.locator('#new-title').fill('IDM 2011');
    await page.locator('#new-slug').fill(SLUG);
    await page.locator('#new-theme').fill(TEXTS.theme.en);
    await page.locator('#new-description').fill('The 2011 virtual dialogue beside the workshop on migration and the economy.');
    await page.locator('#new-timeZone').selectOption(ZONE);
    await page.locator('#new-opensAt').fill(wallTime(Date.now() - 60 * 60_000));
    await page.locator('#new-closesAt').fill(wallTime(Date.now() + 14 * 24 * 60 * 60_000));
    for (const id of ['#new-languages-fr', '#new-languages-es']) {
      if (!(await page.locator(id).isChecked())) await page.locator(id).check();
    }
    await page.getByRole('button', { name: 'Créer le brouillon' }).click();
    await expect.poll(() => page.url(), LIVE).toContain(`/d/${SLUG}/settings`);

    const created = (await (await bed.api('GET', `/api/dialogues/${SLUG}`, olivia)).json()) as Dialogue;
    expect(created).toMatchObject({ title: 'IDM 2011', theme: TEXTS.theme.en, published: false, timeZone: ZONE, languages: ['en', 'fr', 'es'] });
    // A draft: nobody else sees it.
    expect((await bed.api('GET', `/api/dialogues/${SLUG}`, null)).status).toBe(404);

    // The annex's texts are set in the settings.
    await page.locator('#dialogue-hostDescription').fill(TEXTS.hostDescription.en);
    await page.locator('#dialogue-annexLeadIn').fill(TEXTS.annexLeadIn.en);
    await page.getByRole('button', { name: 'Enregistrer le dialogue' }).click();
    await expect
      .poll(async () => ((await (await bed.api('GET', `/api/dialogues/${SLUG}`, olivia)).json()) as Dialogue).annexLeadIn, LIVE)
      .toBe(TEXTS.annexLeadIn.en);
    expect(((await (await bed.api('GET', `/api/dialogues/${SLUG}`, olivia)).json()) as Dialogue).hostDescription).toBe(TEXTS.hostDescription.en);
    await page.close();
  }, 90_000);

  it('lets Olivia add three topics', async () => {
    const page = await pageAs(olivia, `/d/${SLUG}/topics`);
    for (const [index, topic] of TOPICS.entries()) {
      await page.locator('#topics-add-question').fill(topic.en);
      await page.getByRole('button', { name: 'Ajouter le sujet' }).click();
      await expect.poll(() => page.getByText(`Sujet ${index + 1} ajouté.`).count(), LIVE).toBe(1);
    }
    const dialogue = (await (await bed.api('GET', `/api/dialogues/${SLUG}`, olivia)).json()) as Dialogue;
    expect(dialogue.topics.map((topic) => [topic.number, topic.question])).toEqual(TOPICS.map((topic, index) => [index + 1, topic.en]));
    await page.close();
  }, 90_000);

  it('lets Olivia write the French and Spanish texts beside the English ones', async () => {
    const dialogue = (await (await bed.api('GET', `/api/dialogues/${SLUG}`, olivia)).json()) as Dialogue;
    const page = await pageAs(olivia, `/d/${SLUG}/texts`);
    for (const language of ['fr', 'es'] as const) {
      await page.locator(`#texts-tab-${language}`).click();
      const field = (key: string) => page.locator(`[id="texts-${language}-${key}"]`);
      await field('dialogue.title').fill('DIM 2011');
      for (const key of ['theme', 'hostDescription', 'annexLeadIn'] as const) await field(`dialogue.${key}`).fill(TEXTS[key][language]);
      for (const [index, topic] of dialogue.topics.entries()) await field(`topic.${topic.id}.question`).fill(TOPICS[index]![language]);
      await page.getByRole('button', { name: /^Enregistrer les textes/ }).click();
      // The dialogue's texts are saved first, then each topic's.
      await expect
        .poll(async () => {
          const saved = (await (await bed.api('GET', `/api/dialogues/${SLUG}`, olivia)).json()) as Dialogue;
          return [saved.translations[language]?.annexLeadIn, ...saved.topics.map((topic) => topic.translations[language]?.question)];
        }, LIVE)
        .toEqual([TEXTS.annexLeadIn[language], ...TOPICS.map((topic) => topic[language])]);
    }
    const saved = (await (await bed.api('GET', `/api/dialogues/${SLUG}`, olivia)).json()) as Dialogue;
    expect(saved.translations.es).toMatchObject({ theme: TEXTS.theme.es, hostDescription: TEXTS.hostDescription.es, annexLeadIn: TEXTS.annexLeadIn.es });
    expect(saved.topics.map((topic) => topic.translations.fr?.question)).toEqual(TOPICS.map((topic) => topic.fr));
    await page.close();
  }, 120_000);

  it('lets Olivia publish it, and readers then see their language’s texts', async () => {
    const page = await pageAs(olivia, `/d/${SLUG}/settings`);
    await page.getByRole('button', { name: 'Publier' }).click();
    await expect.poll(() => page.getByText('Le dialogue est publié.').count(), LIVE).toBeGreaterThan(0);
    expect((await bed.api('GET', `/api/dialogues/${SLUG}`, null)).status).toBe(200);
    await page.close();

    // Olivia reads in French: the dialogue page shows the French theme and questions.
    const reader = await pageAs(olivia, `/d/${SLUG}`);
    await expect.poll(() => reader.getByText(TOPICS[0]!.fr).count(), LIVE).toBeGreaterThan(0);
    await expect.poll(() => reader.getByText(TEXTS.theme.fr, { exact: false }).count(), LIVE).toBeGreaterThan(0);
    await reader.close();
  }, 60_000);

  it('takes a participant’s comment, a moderator’s quote and an approved summary to a Spanish annex, Spanish throughout', async () => {
    const dialogue = (await (await bed.api('GET', `/api/dialogues/${SLUG}`, olivia)).json()) as Dialogue;
    const participant = await signUp(bed, 'Pablo Participante', 'MX');
    expect((await bed.api('PATCH', '/api/auth/me', participant, { quoteConsent: 'country' })).status).toBe(200);
    const posted = await bed.api('POST', `/api/topics/${dialogue.topics[2]!.id}/comments`, participant, { body: COMMENT });
    expect(posted.status).toBe(201);
    const comment = (await posted.json()) as { id: string };

    const moderator = await signUp(bed, 'Mona Moderadora', 'CH');
    expect((await bed.api('PUT', `/api/dialogues/${SLUG}/moderators/${await userId(moderator)}`, olivia)).status).toBe(200);
    expect((await bed.api('POST', `/api/comments/${comment.id}/quotes`, moderator, { attribution: 'country' })).status).toBe(201);
    const summary = await bed.api('PUT', `/api/dialogues/${SLUG}/summary`, olivia, {
      // The organizers write the summary in the annex's language; quotes stay in the language they were written in.
      body: 'Los participantes coincidieron en que unas remesas más baratas ayudan a las familias a invertir.',
      status: 'approved',
    });
    expect(summary.status).toBeLessThan(300);

    const page = await pageAs(olivia, `/d/${SLUG}/export`);
    await page.getByLabel('Word (DOCX)').check();
    await page.getByLabel('Español').check();
    const [download] = await Promise.all([
      page.waitForEvent('download', LIVE),
      page.getByRole('link', { name: /Télécharger l’annexe.*Word \(DOCX\), Español/ }).click(),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const text = docxText(Buffer.concat(chunks));

    console.log(`The Spanish annex of IDM 2011 begins:\n${text.split('\n').slice(0, 30).join('\n')}`);
    expect(text).toContain(`«Diálogo virtual» sobre ${TEXTS.theme.es}`);
    expect(text).toContain(TEXTS.annexLeadIn.es);
    expect(text).toContain(TEXTS.hostDescription.es);
    for (const topic of TOPICS) expect(text).toContain(topic.es);
    expect(text).toContain('Cita:');
    expect(text).toContain(COMMENT);
    // Nothing of the dialogue's English texts, and none of the annex's English phrases.
    for (const english of [TEXTS.theme.en, TEXTS.hostDescription.en, TEXTS.annexLeadIn.en, ...TOPICS.map((topic) => topic.en)]) {
      expect(text).not.toContain(english);
    }
    for (const phrase of ['Virtual Dialogue', 'Summary', 'Selected comments', 'Topic ', 'Quote:', 'the online forum', 'participant from']) {
      expect(text).not.toContain(phrase);
    }

    // The export page says nothing fell back to English.
    expect(await page.getByText('texte en espagnol', { exact: false }).count()).toBe(0);
    await page.close();
  }, 120_000);

  it('passes axe at 1280 and 360 px on every new screen, without sideways scrolling', async () => {
    const loaded = (text: string) => (page: Page) => expect.poll(() => heading(page).textContent(), LIVE).toContain(text);
    await scan(olivia, '/admin', loaded('Espace des organisateurs'));
    await scan(olivia, '/dialogues/new', loaded('Nouveau dialogue'));
    await scan(olivia, `/dialogues/new?from=${SLUG}`, loaded('Copie'));
    await scan(olivia, `/d/${SLUG}/settings`, (page) => expect.poll(() => page.getByRole('button', { name: 'Repasser en brouillon' }).count(), LIVE).toBe(1));
    await scan(olivia, `/d/${SLUG}/topics`, (page) => expect.poll(() => page.getByText(TOPICS[2]!.en).count(), LIVE).toBeGreaterThan(0));
    await scan(olivia, `/d/${SLUG}/texts`, (page) => expect.poll(() => page.getByRole('tab').count(), LIVE).toBe(2));
    await scan(olivia, '/admin/people', (page) => expect.poll(() => page.getByText('Pablo Participante').count(), LIVE).toBeGreaterThan(0));
    expect(violations).toEqual([]);
  }, 240_000);
});

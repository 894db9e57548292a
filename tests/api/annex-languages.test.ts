import { beforeAll, describe, expect, it } from 'vitest';
import type { CreateTopicBody, Dialogue, Topic } from '../../shared/dialogues.ts';
import type { AnnexWarning } from '../../shared/exports.ts';
import { DEMO_SLUG, seedDemo } from '../../server/seed/demo.ts';
import { describeOnEachDatabase } from '../helpers/databases.ts';
import { call, createDialogue, organizer, participant, type Agent } from '../helpers/factories.ts';
import { useTestApp, type TestApp } from '../helpers/test-app.ts';

async function addTopic(t: TestApp, owner: Agent, slug: string, body: CreateTopicBody): Promise<Topic> {
  const response = await call(t, 'POST', `/api/dialogues/${slug}/topics`, { as: owner, body });
  expect(response.statusCode).toBe(201);
  return response.json<Topic>();
}

const warningsOf = async (t: TestApp, owner: Agent, slug: string, lang?: string): Promise<AnnexWarning[]> => {
  const response = await call(t, 'GET', `/api/dialogues/${slug}/annex/warnings${lang ? `?lang=${lang}` : ''}`, { as: owner });
  expect(response.statusCode).toBe(200);
  return response.json<{ warnings: AnnexWarning[] }>().warnings;
};

const untranslated = (warnings: AnnexWarning[]) =>
  warnings.filter((warning) => warning.code === 'untranslated').map(({ field, topicId }) => (topicId ? { field, topicId } : { field }));

describeOnEachDatabase('the annex in the dialogue’s languages', (kind) => {
  const t = useTestApp(kind);
  let owner: Agent;
  let dialogue: Dialogue;
  let second: Topic;

  beforeAll(async () => {
    owner = await organizer(t);
    dialogue = await createDialogue(t, owner, {
      theme: 'Migration and Social Change',
      hostDescription: 'the Online Community on Migration and Integration',
      annexLabel: 'Annex II',
      annexLeadIn: 'In the week preceding the workshop',
      languages: ['en', 'fr', 'es'],
      translations: {
        fr: {
          title: 'Migration et changement social',
          theme: 'Migration et changement social',
          hostDescription: 'la Communauté en ligne sur la migration et l’intégration',
          annexLabel: 'Annexe II',
          annexLeadIn: 'Au cours de la semaine précédant l’atelier',
        },
        // Spanish: the theme only, and an empty lead-in, which falls back like a missing one.
        es: { theme: 'Migración y cambio social', annexLeadIn: '  ' },
      },
    });
    await addTopic(t, owner, dialogue.slug, {
      question: 'How does migration lead to social change?',
      translations: {
        fr: { question: 'Comment la migration entraîne-t-elle des changements sociaux ?' },
        es: { question: '¿Cómo conduce la migración al cambio social?' },
      },
    });
    second = await addTopic(t, owner, dialogue.slug, {
      question: 'What policies help migrant children?',
      translations: { fr: { question: 'Quelles politiques aident les enfants migrants ?' } },
    });
  });

  const annex = async (lang: string, slug = dialogue.slug) => {
    const response = await call(t, 'GET', `/api/dialogues/${slug}/annex?format=md&lang=${lang}`, { as: owner });
    expect(response.statusCode).toBe(200);
    return response.body;
  };

  describe('GET /api/dialogues/:slug/annex?lang=', () => {
    it('writes a French annex in French throughout when every text is translated', async () => {
      const text = await annex('fr');
      expect(text).toContain('**Annexe II**');
      expect(text).toContain('# «\u00A0Dialogue virtuel\u00A0» sur Migration et changement social');
      expect(text).toContain(
        'Au cours de la semaine précédant l’atelier, les deux thèmes de discussion suivants ont été proposés au forum de la Communauté en ligne sur la migration et l’intégration\u00A0:',
      );
      expect(text).toContain('1. Comment la migration entraîne-t-elle des changements sociaux ?\n2. Quelles politiques aident les enfants migrants ?');
      for (const english of ['Migration and Social Change', 'Online Community', 'week preceding', 'Annex II', 'How does migration', 'What policies']) {
        expect(text).not.toContain(english);
      }
    });

    it('falls back to the base text, field by field, where a language has no translation', async () => {
      const text = await annex('es');
      expect(text).toContain('**Annex II**');
      expect(text).toContain('# «Diálogo virtual» sobre Migración y cambio social');
      expect(text).toContain('In the week preceding the workshop, se propusieron al foro de the Online Community on Migration and Integration');
      expect(text).toContain('1. ¿Cómo conduce la migración al cambio social?\n2. What policies help migrant children?');
    });

    it('writes the base language’s annex from the base texts', async () => {
      const text = await annex('en');
      expect(text).toContain('# “Virtual Dialogue” on Migration and Social Change');
      expect(text).toContain('1. How does migration lead to social change?\n2. What policies help migrant children?');
    });
  });

  describe('the demo dialogue', () => {
    it('comes with French and Spanish texts of the dialogue and of its four questions', async () => {
      const seeder = await organizer(t);
      await seedDemo(t.ctx, {
        id: seeder.user.id,
        role: 'organizer',
        displayName: seeder.user.displayName,
        suspendedUntil: null,
        sessionId: '',
        moderatedDialogueIds: [],
      });
      const demo = (await call(t, 'GET', `/api/dialogues/${DEMO_SLUG}`)).json<Dialogue>();
      expect(demo.languages).toEqual(['en', 'fr', 'es']);
      for (const lang of ['fr', 'es'] as const) {
        const texts = demo.translations[lang]!;
        for (const field of ['title', 'theme', 'description', 'hostDescription', 'annexLabel', 'annexLeadIn'] as const) {
          expect(texts[field]?.trim(), `${lang} ${field}`).toBeTruthy();
          expect(texts[field]).not.toBe(demo[field]);
        }
        expect(demo.topics).toHaveLength(4);
        for (const topic of demo.topics) expect(topic.translations[lang]?.question?.trim(), `${lang} topic ${topic.number}`).toBeTruthy();
        expect(untranslated(await warningsOf(t, seeder, DEMO_SLUG, lang))).toEqual([]);
      }
      const spanish = await annex('es', DEMO_SLUG);
      expect(spanish).toContain('# «Diálogo virtual» sobre Migración y cambio social');
      expect(spanish).toContain(
        'En la semana anterior al taller, se propusieron al foro de la Comunidad en línea sobre Migración e Integración los cuatro temas',
      );
      expect(spanish).toContain('1. ¿Cómo conduce la migración al cambio social en los países de origen y de destino?');
      for (const english of ['Migration and Social Change', 'Online Community', 'week preceding', 'How does migration']) expect(spanish).not.toContain(english);
      // The demo's replies notify in the app only: its participants' addresses lead nowhere.
      expect(await t.ctx.db.selectFrom('mail_outbox').select('to_address').where('to_address', 'like', '%@demo.invalid').execute()).toEqual([]);
    });
  });

  describe('GET /api/dialogues/:slug/annex/warnings?lang=', () => {
    it('lists each text that fell back, naming the field and the topic', async () => {
      const warnings = await warningsOf(t, owner, dialogue.slug, 'es');
      expect(untranslated(warnings)).toEqual([
        { field: 'hostDescription' },
        { field: 'annexLabel' },
        { field: 'annexLeadIn' },
        { field: 'question', topicId: second.id },
      ]);
      expect(warnings.find((warning) => warning.field === 'question')!.message).toBe(
        'The question of topic 2 has no Spanish text; the annex uses the English one.',
      );
      expect(warnings.find((warning) => warning.field === 'hostDescription')!.message).toBe(
        'The host description has no Spanish text; the annex uses the English one.',
      );
      expect(untranslated(await warningsOf(t, owner, dialogue.slug, 'fr'))).toEqual([]);
    });

    it('checks English, the base language, by default: nothing falls back there', async () => {
      expect(untranslated(await warningsOf(t, owner, dialogue.slug))).toEqual([]);
      expect(untranslated(await warningsOf(t, owner, dialogue.slug, 'en'))).toEqual([]);
    });

    it('takes the first language as the base, and never warns about an empty base text', async () => {
      const french = await createDialogue(t, owner, {
        theme: 'Migration et changement social',
        hostDescription: 'la Communauté en ligne',
        annexLabel: '',
        annexLeadIn: 'Au cours de la semaine précédant l’atelier',
        languages: ['fr', 'en'],
        translations: { en: { theme: 'Migration and Social Change' } },
      });
      const topic = await addTopic(t, owner, french.slug, { question: 'Quelles politiques ?' });
      expect(untranslated(await warningsOf(t, owner, french.slug, 'fr'))).toEqual([]);
      expect(untranslated(await warningsOf(t, owner, french.slug, 'en'))).toEqual([
        { field: 'hostDescription' },
        { field: 'annexLeadIn' },
        { field: 'question', topicId: topic.id },
      ]);
      const [warning] = await warningsOf(t, owner, french.slug, 'en');
      expect(warning!.message).toBe('The host description has no English text; the annex uses the French one.');
      const english = await annex('en', french.slug);
      expect(english).toContain('# “Virtual Dialogue” on Migration and Social Change');
      expect(english).toContain('1. Quelles politiques ?');
    });

    it('refuses an unknown language with 400 and anyone but an organizer', async () => {
      const response = await call(t, 'GET', `/api/dialogues/${dialogue.slug}/annex/warnings?lang=de`, { as: owner });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: { code: expect.any(String) as unknown as string } });
      expect((await call(t, 'GET', `/api/dialogues/${dialogue.slug}/annex/warnings?lang=fr`, { as: await participant(t) })).statusCode).toBe(403);
      expect((await call(t, 'GET', `/api/dialogues/${dialogue.slug}/annex/warnings?lang=fr`)).statusCode).toBe(401);
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { Language } from '../../shared/common.ts';
import type { Dialogue, Topic } from '../../shared/dialogues.ts';
import type { AnnexWarning } from '../../shared/exports.ts';
import { describeWarning } from '../../client/src/lib/annex-warnings.ts';
import { exportEn } from '../../client/src/lib/i18n/sections/export.en.ts';
import { I18n } from '../../client/src/lib/i18n/translator.svelte.ts';
import { AnnexExport } from '../../client/src/lib/state/annex-export.svelte.ts';

async function translator(language: Language) {
  const i18n = new I18n({ languages: [language], saved: () => null, save: () => undefined, show: () => undefined });
  await i18n.ready;
  await i18n.addSection({
    en: exportEn,
    fr: () => import('../../client/src/lib/i18n/sections/export.fr.ts').then((module) => module.exportFr),
    es: () => import('../../client/src/lib/i18n/sections/export.es.ts').then((module) => module.exportEs),
  });
  return i18n;
}

const dialogue = {
  slug: 'idm-2011',
  languages: ['en', 'fr', 'es'],
  topics: [{ id: 't2', number: 2 } as Topic],
} satisfies Pick<Dialogue, 'slug' | 'languages' | 'topics'>;

const warning = (extra: Partial<AnnexWarning>): AnnexWarning => ({ code: 'untranslated', message: 'The French text of this field is missing.', ...extra });

describe('the annex warnings in words', () => {
  it('say which text has no translation in the annex language, and that the base text stands in, with a link to the texts', async () => {
    const en = await translator('en');
    expect(describeWarning(warning({ field: 'question', topicId: 't2' }), dialogue, 'fr', en)).toEqual({
      kind: 'missing',
      text: 'French text missing: the question of topic 2. The annex uses the English text.',
      href: '/d/idm-2011/texts',
      action: 'Write the translation',
    });
    expect(describeWarning(warning({ field: 'annexLeadIn' }), dialogue, 'es', en).text).toBe(
      'Spanish text missing: the lead-in of the annex. The annex uses the English text.',
    );
    const fr = await translator('fr');
    expect(describeWarning(warning({ field: 'theme' }), dialogue, 'es', fr).text).toBe(
      'Texte en espagnol manquant\u00a0: le thème. L’annexe reprend le texte en anglais.',
    );
    // Without a field the server's own sentence stays.
    expect(describeWarning(warning({}), dialogue, 'fr', en).text).toBe('The French text of this field is missing.');
  });

  it('say a quote whose source changed is left out, with a link to the quote', async () => {
    const en = await translator('en');
    expect(describeWarning({ code: 'source_changed', message: '', quoteId: 'q1', topicId: 't2' }, dialogue, 'en', en)).toEqual({
      kind: 'leftOut',
      text: 'A quote of topic 2 is left out: its comment was edited after the quote was made and no longer contains the quoted words.',
      href: '/d/idm-2011/quotes#quote-q1',
      action: 'See the quote',
    });
  });
});

describe('AnnexExport', () => {
  it('asks for the warnings of the language chosen, and shows the latest asked for only', async () => {
    const asked: Language[] = [];
    const answers: ((warnings: AnnexWarning[]) => void)[] = [];
    const annex = new AnnexExport(
      {
        preview: async (lang) => `<p>${lang}</p>`,
        warnings: (lang) => {
          asked.push(lang);
          return new Promise((resolve) => answers.push(resolve));
        },
      },
      'en',
    );
    const first = annex.refresh();
    annex.chooseLanguage('es');
    expect(asked).toEqual(['en', 'es']);
    answers[1]!([warning({ field: 'theme' })]);
    answers[0]!([]);
    await first;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(annex.warnings).toEqual([warning({ field: 'theme' })]);
    expect([annex.lang, annex.warningsLang, annex.previewHtml]).toEqual(['es', 'es', '<p>es</p>']);
  });
});

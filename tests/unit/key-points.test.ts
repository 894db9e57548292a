import { describe, expect, it } from 'vitest';
import { citeSentences, isFullSentence, keyPoints, splitSentences, withoutHeadings } from '../../server/summaries/key-points.ts';
import { ENGLISH, FRENCH, SPANISH, type FixtureComment } from './fixtures/key-points.fixture.ts';

const isOffTopic = (commentId: string) => commentId.includes('-off-');

describe('splitSentences', () => {
  it('ends sentences at English, French and Spanish punctuation, including ¿…? and ¡…!', () => {
    expect(splitSentences('It works. Does it? Yes! Pourquoi ? Parce que. ¿Qué pasa? ¡Nada! «Fin.» Next…')).toEqual([
      'It works.',
      'Does it?',
      'Yes!',
      'Pourquoi ?',
      'Parce que.',
      '¿Qué pasa?',
      '¡Nada!',
      '«Fin.»',
      'Next…',
    ]);
  });

  it('does not end a sentence at an abbreviation, an initial or a decimal point', () => {
    expect(splitSentences('Dr. Smith met Mr. Jones in the U.S. Army. M. Dupont et Mme. Roy, p. ej. la Sra. Gómez, e.g. J. Doe, paid 3.5 francs. End.')).toEqual(
      ['Dr. Smith met Mr. Jones in the U.S. Army.', 'M. Dupont et Mme. Roy, p. ej. la Sra. Gómez, e.g. J. Doe, paid 3.5 francs.', 'End.'],
    );
  });

  it('never joins sentences across paragraphs', () => {
    expect(splitSentences('A heading\n\nA paragraph without a full stop')).toEqual(['A heading', 'A paragraph without a full stop']);
  });
});

describe('isFullSentence', () => {
  it.each([
    ['en', 'We need better schools in rural areas.'],
    ['en', 'Remittances changed who decides at home.'],
    ['en', 'Teachers trained in intercultural education help migrant children.'],
    ['en', 'Positive stories of integration counter negative perceptions.'],
    ['en', 'They sell crops online through mobile phones.'],
    ['fr', 'Les migrants qui apprennent la langue trouvent un emploi.'],
    ['fr', 'La participation politique favorise l’intégration des migrants.'],
    ['fr', 'Il faudrait former davantage les enseignants.'],
    ['es', 'La política de vivienda influye en la integración.'],
    ['es', 'Los migrantes se concentran en barrios pobres.'],
    ['es', 'El equipo marcó tres goles en la segunda parte.'],
  ] as const)('takes a sentence with a verb (%s): %s', (language, sentence) => {
    expect(isFullSentence(sentence, language)).toBe(true);
  });

  it.each([
    ['en', 'Housing policy affects integration.'],
    ['en', 'Better infrastructure and affordable access in rural areas'],
    ['en', 'Language classes for migrant parents.'],
    ['fr', 'Les infrastructures et l’accès dans les zones rurales'],
    ['fr', 'Le premier accueil des étrangers à la frontière'],
    ['es', 'El acceso a internet en las zonas rurales'],
    ['es', 'Bien, quien con los jóvenes de origen migrante'],
  ] as const)('leaves out a fragment: under five words or no verb (%s): %s', (language, sentence) => {
    expect(isFullSentence(sentence, language)).toBe(false);
  });
});

describe('withoutHeadings', () => {
  it('blanks ATX and setext headings, and keeps list items and thematic breaks apart', () => {
    expect(withoutHeadings('# Title\nText one.\n\nTwo lines\nof a heading\n===\n- item\n---\nLast.')).toBe('\nText one.\n\n\n- item\n---\nLast.');
  });
});

describe('keyPoints', () => {
  it('suggests no heading and no fragment', () => {
    const comments = [
      {
        id: 'a',
        language: 'en' as const,
        markdown: '## Language classes for migrant parents\n\nLanguage classes for migrant parents.\n\nLanguage classes help migrant parents find work.',
      },
    ];
    expect(keyPoints(comments, 5).map((sentence) => sentence.text)).toEqual(['Language classes help migrant parents find work.']);
  });

  it('gives the same answer for the same comments', () => {
    expect(keyPoints(ENGLISH, 8)).toEqual(keyPoints(structuredClone(ENGLISH), 8));
    expect(keyPoints(SPANISH, 30)).toEqual(keyPoints(SPANISH, 30));
  });

  it.each([
    ['English', ENGLISH],
    ['French', FRENCH],
    ['Spanish', SPANISH],
  ])('ranks representative sentences above off-topic ones (%s)', (_language, comments: FixtureComment[]) => {
    const top = keyPoints(comments, 8);
    expect(top).toHaveLength(8);
    expect(top.filter((sentence) => isOffTopic(sentence.commentId))).toEqual([]);
    expect(top[0]!.score).toBe(1);
    expect(top.every((sentence, i) => i === 0 || sentence.score <= top[i - 1]!.score)).toBe(true);

    // Every on-topic comment has a sentence ranked above every off-topic sentence.
    const all = keyPoints(comments, 1_000, { maxRedundancy: 1 });
    const firstOffTopic = all.findIndex((sentence) => isOffTopic(sentence.commentId));
    const onTopicAbove = new Set(all.slice(0, firstOffTopic).map((sentence) => sentence.commentId));
    expect(onTopicAbove.size).toBe(12);
  });

  it('cites each sentence’s comment and quotes it as written', () => {
    const [best] = keyPoints(FRENCH, 1);
    const source = FRENCH.find((comment) => comment.id === best!.commentId)!;
    expect(source.markdown).toContain(best!.text);
  });

  it('leaves out a sentence that repeats one already chosen', () => {
    const comments = [...ENGLISH, { id: 'repeat', language: 'en' as const, markdown: 'In our city, integration of migrant children starts at school!' }];
    const top = keyPoints(comments, 10);
    const texts = top.map((sentence) => sentence.text.replace(/[.!]$/, ''));
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.filter((text) => text === 'In our city, integration of migrant children starts at school')).toHaveLength(1);
  });

  it('returns nothing for no comments or a limit of zero', () => {
    expect(keyPoints([], 5)).toEqual([]);
    expect(keyPoints(ENGLISH, 0)).toEqual([]);
  });
});

describe('citeSentences', () => {
  it('lists the comments behind each summary sentence and none for an unsupported one', () => {
    const summary = [
      '## Topic 1',
      '',
      'Migrants who learn the local language find work faster.',
      'The organizers thank the interpreters for their patience.',
      '',
      '- Recognition of foreign diplomas remains a barrier.',
    ].join('\n');
    expect(citeSentences(summary, ENGLISH)).toEqual([
      { text: 'Topic 1', commentIds: [] },
      { text: 'Migrants who learn the local language find work faster.', commentIds: expect.arrayContaining(['en-on-1']) as unknown as string[] },
      { text: 'The organizers thank the interpreters for their patience.', commentIds: [] },
      { text: 'Recognition of foreign diplomas remains a barrier.', commentIds: ['en-on-4'] },
    ]);
  });

  it('works in French and Spanish', () => {
    const fr = citeSentences("L'accès au marché du travail est essentiel pour l'intégration. Il a fait beau pendant la conférence.", FRENCH);
    expect(fr[0]!.commentIds[0]).toBe('fr-on-3');
    expect(fr[1]!.commentIds).toEqual([]);
    const es = citeSentences('El reconocimiento de títulos extranjeros es un obstáculo. Gracias a los intérpretes.', SPANISH);
    expect(es[0]!.commentIds[0]).toBe('es-on-4');
    expect(es[1]!.commentIds).toEqual([]);
  });
});

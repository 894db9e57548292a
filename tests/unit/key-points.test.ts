import { describe, expect, it } from 'vitest';
import { citeSentences, keyPoints, splitSentences } from '../../server/summaries/key-points.ts';
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

describe('keyPoints', () => {
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

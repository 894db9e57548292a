import { describe, expect, it } from 'vitest';
import { around } from '../../client/src/lib/localized-message.ts';
import { dialogueText, topicText } from '../../client/src/lib/localized.ts';

const dialogue = {
  title: 'Migration and social change',
  theme: 'Migration',
  description: 'In the week preceding the workshop…',
  languages: ['en', 'fr', 'es'],
  translations: {
    fr: { title: 'Migration et changement social', theme: '', description: '   ' },
    es: { title: 'Migración y cambio social' },
  },
};

const topic = {
  question: 'How do migrants shape the places they join?',
  description: 'Think of **your** town.',
  translations: { fr: { question: 'Comment les migrants transforment-ils les lieux où ils arrivent ?' } },
};

describe('dialogueText', () => {
  it('gives the text in the reader’s language where the organizers wrote one, labelled with that language', () => {
    expect(dialogueText(dialogue, 'title', 'fr')).toEqual({ text: 'Migration et changement social', lang: 'fr', translated: true });
    expect(dialogueText(dialogue, 'title', 'es')).toEqual({ text: 'Migración y cambio social', lang: 'es', translated: true });
  });

  it('falls back to the base text, labelled with the dialogue’s first language, when the translation is missing or blank', () => {
    expect(dialogueText(dialogue, 'theme', 'fr')).toEqual({ text: 'Migration', lang: 'en', translated: false });
    expect(dialogueText(dialogue, 'description', 'fr')).toEqual({ text: 'In the week preceding the workshop…', lang: 'en', translated: false });
    expect(dialogueText(dialogue, 'theme', 'es')).toEqual({ text: 'Migration', lang: 'en', translated: false });
  });

  it('gives the base text to a reader of the base language', () => {
    expect(dialogueText(dialogue, 'title', 'en')).toEqual({ text: 'Migration and social change', lang: 'en', translated: false });
  });

  it('takes the base language from the dialogue’s first, whichever it is', () => {
    const french = { ...dialogue, title: 'Dialogue', languages: ['fr', 'en'], translations: { en: { title: 'A dialogue' } } };
    expect(dialogueText(french, 'title', 'es')).toEqual({ text: 'Dialogue', lang: 'fr', translated: false });
    expect(dialogueText(french, 'title', 'en')).toEqual({ text: 'A dialogue', lang: 'en', translated: true });
  });

  it('leaves the language unsaid for a dialogue known only by its title (no languages, no translations)', () => {
    expect(dialogueText({ title: 'Just a title' }, 'title', 'fr')).toEqual({ text: 'Just a title', lang: undefined, translated: false });
  });
});

describe('topicText', () => {
  it('gives the translated question, else the base one in the base language given', () => {
    expect(topicText(topic, 'question', 'fr', 'en')).toEqual({
      text: 'Comment les migrants transforment-ils les lieux où ils arrivent ?',
      lang: 'fr',
      translated: true,
    });
    expect(topicText(topic, 'question', 'es', 'en')).toEqual({ text: topic.question, lang: 'en', translated: false });
    expect(topicText(topic, 'description', 'fr', 'en')).toEqual({ text: 'Think of **your** town.', lang: 'en', translated: false });
  });

  it('reads a topic without translations as its base text', () => {
    expect(topicText({ question: 'Q?' }, 'question', 'fr', 'es')).toEqual({ text: 'Q?', lang: 'es', translated: false });
  });
});

describe('around', () => {
  it('splits a message where it puts the text, so that the text can carry its own lang', () => {
    expect(around((marker) => `Theme: ${marker}`)).toEqual(['Theme: ', '']);
    expect(around((marker) => `Thème\u00a0: ${marker}.`)).toEqual(['Thème\u00a0: ', '.']);
    expect(around((marker) => `Organized by ${marker} in Zurich`)).toEqual(['Organized by ', ' in Zurich']);
  });

  it('keeps a message that leaves the text out whole', () => {
    expect(around(() => 'No theme')).toEqual(['No theme', '']);
  });
});

import { describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '../../shared/dialogues.constants.ts';
import type { Dialogue, DialogueTranslations, Topic, TopicTranslations } from '../../shared/dialogues.ts';
import { ApiError } from '../../client/src/lib/api.ts';
import { textsEn } from '../../client/src/lib/i18n/sections/texts.en.ts';
import { textsEs } from '../../client/src/lib/i18n/sections/texts.es.ts';
import { textsFr } from '../../client/src/lib/i18n/sections/texts.fr.ts';
import { PLACEHOLDER } from '../../client/src/lib/i18n/messages.ts';
import { textGroups, TextsEditor } from '../../client/src/lib/state/texts-editor.svelte.ts';

function topic(id: string, number: number, extra: Partial<Topic> = {}): Topic {
  return {
    id,
    dialogueId: 'd1',
    dialogueSlug: 'idm-2011',
    number,
    question: `Question ${number}`,
    description: `Description ${number}`,
    descriptionHtml: `<p>Description ${number}</p>`,
    translations: {},
    commentCount: 0,
    locked: false,
    ...extra,
  };
}

function dialogue(extra: Partial<Dialogue> = {}): Dialogue {
  return {
    id: 'd1',
    slug: 'idm-2011',
    title: 'IDM 2011',
    theme: 'Migration and development',
    description: 'A dialogue before the workshop.',
    opensAt: '2011-05-01T00:00:00.000Z',
    closesAt: '2011-05-20T00:00:00.000Z',
    timeZone: 'Europe/Zurich',
    moderation: 'post',
    languages: ['en', 'fr', 'es'],
    hostDescription: 'Hosted by IOM.',
    annexLabel: 'Annex',
    // Nothing to translate: an empty base text is not counted among the fields that fall back.
    annexLeadIn: '',
    translations: { fr: { title: 'IDM 2011 (fr)', theme: 'Migration et développement' } },
    published: false,
    status: 'announced',
    createdAt: '2010-12-01T00:00:00.000Z',
    editWindowMinutes: 15,
    wallEnabled: true,
    requireVerifiedEmail: false,
    practiceThemes: [],
    quoteAttribution: 'none',
    topics: [topic('t2', 2), topic('t1', 1, { translations: { fr: { question: 'Question 1 (fr)' } } })],
    ...extra,
  };
}

/** An editor over a fake server that stores each language it is sent, as the API replaces them. */
function setup(initial = dialogue()) {
  const server = {
    dialogue: structuredClone(initial),
    dialogueSaves: [] as DialogueTranslations[],
    topicSaves: [] as { topicId: string; translations: TopicTranslations }[],
    /** the requests to refuse, by what they save ('dialogue' or a topic's id) */
    refuse: new Map<string, unknown>(),
  };
  const editor = new TextsEditor({
    dialogue: initial,
    saveDialogue: async (translations) => {
      server.dialogueSaves.push(translations);
      const error = server.refuse.get('dialogue');
      if (error !== undefined) throw error;
      server.dialogue.translations = { ...server.dialogue.translations, ...translations };
      return structuredClone(server.dialogue);
    },
    saveTopic: async (topicId, translations) => {
      server.topicSaves.push({ topicId, translations });
      const error = server.refuse.get(topicId);
      if (error !== undefined) throw error;
      const stored = server.dialogue.topics.find((entry) => entry.id === topicId)!;
      stored.translations = { ...stored.translations, ...translations };
      return structuredClone(stored);
    },
  });
  return { editor, server };
}

describe('textGroups', () => {
  it('lists the dialogue’s six texts, then each topic’s question and description in the topics’ order, with their limits', () => {
    const groups = textGroups(dialogue());
    expect(groups.map((group) => group.topic?.id ?? 'dialogue')).toEqual(['dialogue', 't1', 't2']);
    expect(groups[0]!.fields.map((field) => [field.field, field.max, field.multiline])).toEqual([
      ['title', TEXT_LIMITS.title, false],
      ['theme', TEXT_LIMITS.theme, false],
      ['description', TEXT_LIMITS.description, true],
      ['hostDescription', TEXT_LIMITS.hostDescription, true],
      ['annexLabel', TEXT_LIMITS.annexLabel, false],
      ['annexLeadIn', TEXT_LIMITS.annexLeadIn, true],
    ]);
    expect(groups[1]!.fields.map((field) => [field.key, field.base, field.max])).toEqual([
      ['topic.t1.question', 'Question 1', TEXT_LIMITS.question],
      ['topic.t1.description', 'Description 1', TEXT_LIMITS.topicDescription],
    ]);
  });
});

describe('TextsEditor', () => {
  it('translates every language but the first, starting from the texts saved in each', () => {
    const { editor } = setup();
    expect(editor.base).toBe('en');
    expect(editor.languages).toEqual(['fr', 'es']);
    expect(editor.selected).toBe('fr');
    expect(editor.value('fr', 'dialogue.title')).toBe('IDM 2011 (fr)');
    expect(editor.value('fr', 'topic.t1.question')).toBe('Question 1 (fr)');
    expect(editor.value('es', 'dialogue.title')).toBe('');
    expect(editor.changed('fr')).toEqual([]);
  });

  it('counts the fields that fall back to the base text, leaving out those with no base text', () => {
    const { editor } = setup();
    // 6 + 2 × 2 fields, one of which (the annex lead-in) is empty in English.
    expect(editor.fields).toHaveLength(10);
    expect(editor.translatable).toBe(9);
    expect(editor.untranslated('fr')).toBe(6);
    expect(editor.untranslated('es')).toBe(9);
    expect(editor.isEmpty('es', 'dialogue.title')).toBe(true);
    // What readers see changes once saved, not while written.
    editor.write('es', 'dialogue.title', 'IDM 2011 (es)');
    expect(editor.isEmpty('es', 'dialogue.title')).toBe(false);
    expect(editor.untranslated('es')).toBe(9);
  });

  it('saves the language’s dialogue texts together and each changed topic, then has nothing left to save', async () => {
    const { editor, server } = setup();
    editor.write('fr', 'dialogue.description', '  Un dialogue avant l’atelier.  ');
    editor.write('fr', 'topic.t2.question', 'Question 2 (fr)');
    editor.write('es', 'dialogue.title', 'Not this language');
    expect(editor.changed('fr').map((field) => field.key)).toEqual(['dialogue.description', 'topic.t2.question']);
    expect(await editor.save('fr')).toBe(true);
    expect(server.dialogueSaves).toEqual([
      { fr: { title: 'IDM 2011 (fr)', theme: 'Migration et développement', description: 'Un dialogue avant l’atelier.' } },
    ]);
    expect(server.topicSaves).toEqual([{ topicId: 't2', translations: { fr: { question: 'Question 2 (fr)' } } }]);
    expect(editor.changed('fr')).toEqual([]);
    expect(editor.value('fr', 'dialogue.description')).toBe('Un dialogue avant l’atelier.');
    expect(editor.untranslated('fr')).toBe(4);
    expect(editor.outcome.fr).toEqual({ kind: 'saved' });
    expect(editor.changed('es').map((field) => field.key)).toEqual(['dialogue.title']);
    editor.write('fr', 'dialogue.annexLabel', 'Annexe');
    expect(editor.outcome.fr).toBe(undefined);
  });

  it('sends no dialogue request when only topics changed', async () => {
    const { editor, server } = setup();
    editor.write('es', 'topic.t1.description', 'Descripción 1');
    expect(await editor.save('es')).toBe(true);
    expect(server.dialogueSaves).toEqual([]);
    expect(server.topicSaves).toEqual([{ topicId: 't1', translations: { es: { description: 'Descripción 1' } } }]);
  });

  it('leaves out a text emptied, so that it falls back to the base text again', async () => {
    const { editor, server } = setup();
    editor.write('fr', 'topic.t1.question', '   ');
    expect(await editor.save('fr')).toBe(true);
    expect(server.topicSaves).toEqual([{ topicId: 't1', translations: { fr: {} } }]);
    expect(editor.value('fr', 'topic.t1.question')).toBe('');
    expect(editor.untranslated('fr')).toBe(7);
  });

  it('keeps what was saved when a later request is refused, and sends only the rest on the next save', async () => {
    const { editor, server } = setup();
    const error = new ApiError(403, 'forbidden', 'no');
    server.refuse.set('t1', error);
    editor.write('fr', 'dialogue.annexLabel', 'Annexe');
    editor.write('fr', 'topic.t1.description', 'Description 1 (fr)');
    editor.write('fr', 'topic.t2.description', 'Description 2 (fr)');
    expect(await editor.save('fr')).toBe(false);
    expect(editor.outcome.fr).toEqual({ kind: 'failed', error });
    expect(editor.saving).toBe(null);
    expect(editor.changed('fr').map((field) => field.key)).toEqual(['topic.t1.description', 'topic.t2.description']);
    server.refuse.clear();
    server.dialogueSaves.length = 0;
    server.topicSaves.length = 0;
    expect(await editor.save('fr')).toBe(true);
    expect(server.dialogueSaves).toEqual([]);
    expect(server.topicSaves.map((save) => save.topicId)).toEqual(['t1', 't2']);
  });

  it('refuses to save a language with a text past its limit, counting characters as the API does', async () => {
    const { editor, server } = setup();
    const label = editor.fields.find((field) => field.key === 'dialogue.annexLabel')!;
    editor.write('fr', 'dialogue.annexLabel', 'x'.repeat(TEXT_LIMITS.annexLabel + 2));
    expect(editor.overBy('fr', label)).toBe(2);
    expect(await editor.save('fr')).toBe(false);
    expect(editor.outcome.fr).toEqual({ kind: 'tooLong' });
    expect(server.dialogueSaves).toEqual([]);
    editor.write('fr', 'dialogue.annexLabel', '🌍'.repeat(TEXT_LIMITS.annexLabel));
    expect(editor.overBy('fr', label)).toBe(0);
    expect(await editor.save('fr')).toBe(true);
  });

  it('keeps a text written while its save was on the way', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const initial = dialogue();
    const editor = new TextsEditor({
      dialogue: initial,
      saveDialogue: async (translations) => {
        await held;
        return { ...initial, translations };
      },
      saveTopic: async () => initial.topics[0]!,
    });
    editor.write('fr', 'dialogue.theme', 'Thème');
    const saving = editor.save('fr');
    expect(editor.saving).toBe('fr');
    expect(await editor.save('es')).toBe(false);
    editor.write('fr', 'dialogue.theme', 'Thème, encore');
    release();
    expect(await saving).toBe(true);
    expect(editor.value('fr', 'dialogue.theme')).toBe('Thème, encore');
    expect(editor.changed('fr').map((field) => field.key)).toEqual(['dialogue.theme']);
  });

  it('has nothing to translate in a dialogue of one language', () => {
    const { editor } = setup(dialogue({ languages: ['fr'] }));
    expect(editor.base).toBe('fr');
    expect(editor.languages).toEqual([]);
    expect(editor.selected).toBe(null);
  });
});

describe('the texts screen’s messages', () => {
  const placeholders = (message: string): string =>
    [...message.matchAll(PLACEHOLDER)]
      .map((match) => match[1])
      .sort()
      .join();
  const keys = Object.keys(textsEn).sort();
  const SAME_IN_FRENCH = ['texts.field.description', 'texts.field.question'];

  it.each([
    ['fr', textsFr],
    ['es', textsEs],
  ] as const)('%s has every key, with the same placeholders, translated', (locale, catalogue) => {
    const english: Record<string, string> = textsEn;
    const other: Record<string, string> = catalogue;
    expect(Object.keys(other).sort()).toEqual(keys);
    expect(keys.filter((key) => other[key]!.trim() === '')).toEqual([]);
    expect(keys.filter((key) => placeholders(other[key]!) !== placeholders(english[key]!))).toEqual([]);
    expect(keys.filter((key) => other[key] === english[key] && !(locale === 'fr' && SAME_IN_FRENCH.includes(key)))).toEqual([]);
  });

  it('has a label for every field translated', () => {
    const { editor } = setup();
    const english: Record<string, string> = textsEn;
    expect(editor.fields.filter((field) => english[`texts.field.${field.field}`] === undefined)).toEqual([]);
  });

  it('has plural pairs complete', () => {
    const ones = keys.filter((key) => key.endsWith('.one')).map((key) => key.slice(0, -4));
    const others = keys.filter((key) => key.endsWith('.other')).map((key) => key.slice(0, -6));
    expect(ones).toEqual(others);
  });
});

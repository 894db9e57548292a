import type { Language } from '../../../../shared/common.constants.ts';
import {
  DIALOGUE_TEXT_FIELDS,
  TEXT_LIMITS,
  TOPIC_TEXT_FIELDS,
  type DialogueTextField,
  type DialogueTexts,
  type TopicTextField,
  type TopicTexts,
} from '../../../../shared/dialogues.constants.ts';
import type { Dialogue, DialogueTranslations, Topic, TopicTranslations } from '../../../../shared/dialogues.ts';
import { characterCount } from './markdown-draft.svelte.ts';

/** One text to translate: a field of the dialogue or of one of its topics, with its base text. */
export interface TextField {
  /** unique on the page: `dialogue.title`, `topic.<id>.question` */
  key: string;
  /** the topic it belongs to, or null for the dialogue's own texts */
  topicId: string | null;
  field: DialogueTextField | TopicTextField;
  /** the text in the dialogue's first language */
  base: string;
  max: number;
  /** written on several lines (descriptions, a lead-in), or on one */
  multiline: boolean;
}

/** The texts of the dialogue, or of one topic, shown together. */
export interface TextGroup {
  topic: Pick<Topic, 'id' | 'number' | 'question'> | null;
  fields: TextField[];
}

export interface TextsEditorOptions {
  dialogue: Dialogue;
  /** replaces the dialogue's texts in each language named */
  saveDialogue: (translations: DialogueTranslations) => Promise<Dialogue>;
  /** replaces a topic's texts in each language named */
  saveTopic: (topicId: string, translations: TopicTranslations) => Promise<Topic>;
}

const DIALOGUE_LIMITS: Record<DialogueTextField, number> = {
  title: TEXT_LIMITS.title,
  theme: TEXT_LIMITS.theme,
  description: TEXT_LIMITS.description,
  hostDescription: TEXT_LIMITS.hostDescription,
  annexLabel: TEXT_LIMITS.annexLabel,
  annexLeadIn: TEXT_LIMITS.annexLeadIn,
};
const TOPIC_LIMITS: Record<TopicTextField, number> = { question: TEXT_LIMITS.question, description: TEXT_LIMITS.topicDescription };
const SINGLE_LINE: readonly string[] = ['title', 'theme', 'annexLabel'];

/** Every text of a dialogue an organizer translates, the dialogue's own first, then each topic's in order. */
export function textGroups(dialogue: Dialogue): TextGroup[] {
  const dialogueFields = DIALOGUE_TEXT_FIELDS.map((field): TextField => ({
    key: `dialogue.${field}`,
    topicId: null,
    field,
    base: dialogue[field],
    max: DIALOGUE_LIMITS[field],
    multiline: !SINGLE_LINE.includes(field),
  }));
  const topics = [...dialogue.topics].sort((a, b) => a.number - b.number);
  return [
    { topic: null, fields: dialogueFields },
    ...topics.map((topic) => ({
      topic: { id: topic.id, number: topic.number, question: topic.question },
      fields: TOPIC_TEXT_FIELDS.map((field): TextField => ({
        key: `topic.${topic.id}.${field}`,
        topicId: topic.id,
        field,
        base: topic[field],
        max: TOPIC_LIMITS[field],
        multiline: true,
      })),
    })),
  ];
}

type Values = Record<string, string>;

/** The saved texts of every field in one language, empty where there is none. */
function savedTexts(dialogue: Dialogue, groups: readonly TextGroup[], language: Language): Values {
  const topics = new Map(dialogue.topics.map((topic) => [topic.id, topic]));
  const values: Values = {};
  for (const { fields } of groups) {
    for (const field of fields) {
      const texts: Partial<Record<string, string>> | undefined =
        field.topicId === null ? dialogue.translations[language] : topics.get(field.topicId)?.translations[language];
      values[field.key] = texts?.[field.field] ?? '';
    }
  }
  return values;
}

const blank = (text: string): boolean => text.trim() === '';

/** A language's outcome of its last save. */
export type SaveOutcome = { kind: 'saved' } | { kind: 'tooLong' } | { kind: 'failed'; error: unknown };

/**
 * A dialogue's texts in each of its languages but the first, written beside the base text. Each
 * language saves on its own: the dialogue's texts in one request, then each topic whose texts
 * changed in one request each. What went through stays saved when a later request is refused,
 * and saving again sends only what is still unsaved.
 */
export class TextsEditor {
  /** the dialogue's first language, whose texts are the base */
  readonly base: Language;
  /** the languages translated here */
  readonly languages: readonly Language[];
  readonly groups: readonly TextGroup[];
  readonly fields: readonly TextField[];
  /** the fields with a base text: those a reader would otherwise read in the base language */
  readonly translatable: number;

  /** the language shown */
  selected: Language | null = $state(null);
  /** what is written, by language and field key */
  values: Record<string, Values> = $state({});
  /** what the server holds, by language and field key */
  saved: Record<string, Values> = $state({});
  /** the language being saved */
  saving: Language | null = $state(null);
  outcome: Partial<Record<Language, SaveOutcome>> = $state.raw({});

  readonly #options: TextsEditorOptions;

  constructor(options: TextsEditorOptions) {
    this.#options = options;
    const { dialogue } = options;
    this.base = dialogue.languages[0] ?? 'en';
    this.languages = dialogue.languages.slice(1);
    this.groups = textGroups(dialogue);
    this.fields = this.groups.flatMap((group) => group.fields);
    this.translatable = this.fields.filter((field) => !blank(field.base)).length;
    this.selected = this.languages[0] ?? null;
    for (const language of this.languages) {
      const texts = savedTexts(dialogue, this.groups, language);
      this.values[language] = { ...texts };
      this.saved[language] = texts;
    }
  }

  value(language: Language, key: string): string {
    return this.values[language]?.[key] ?? '';
  }

  write(language: Language, key: string, value: string): void {
    const values = this.values[language];
    if (!values) return;
    values[key] = value;
    if (this.outcome[language]?.kind === 'saved') this.outcome = { ...this.outcome, [language]: undefined };
  }

  /** Whether a field has nothing written in this language (readers would see the base text). */
  isEmpty(language: Language, key: string): boolean {
    return blank(this.value(language, key));
  }

  /** How far past its limit a field's text is, or 0. */
  overBy(language: Language, field: TextField): number {
    return Math.max(0, characterCount(this.value(language, field.key)) - field.max);
  }

  /** The fields written differently from what the server holds. */
  changed(language: Language): TextField[] {
    return this.fields.filter((field) => this.value(language, field.key).trim() !== (this.saved[language]?.[field.key] ?? '').trim());
  }

  /** How many fields with a base text have no saved translation: readers of this language see those in the base language. */
  untranslated(language: Language): number {
    return this.fields.filter((field) => !blank(field.base) && blank(this.saved[language]?.[field.key] ?? '')).length;
  }

  /** Saves what changed in one language. Whether everything was saved. */
  async save(language: Language): Promise<boolean> {
    if (this.saving !== null || !this.values[language]) return false;
    if (this.fields.some((field) => this.overBy(language, field) > 0)) {
      this.outcome = { ...this.outcome, [language]: { kind: 'tooLong' } };
      return false;
    }
    const changed = this.changed(language);
    this.saving = language;
    this.outcome = { ...this.outcome, [language]: undefined };
    try {
      if (changed.some((field) => field.topicId === null)) {
        const fields = this.fields.filter((field) => field.topicId === null);
        const sent = this.#texts(language, fields) as DialogueTexts;
        const dialogue = await this.#options.saveDialogue({ [language]: sent });
        this.#adopt(language, fields, sent, dialogue.translations[language]);
      }
      const topicIds = changed.flatMap((field) => (field.topicId === null ? [] : [field.topicId])).filter((id, i, all) => all.indexOf(id) === i);
      for (const topicId of topicIds) {
        const fields = this.fields.filter((field) => field.topicId === topicId);
        const sent = this.#texts(language, fields) as TopicTexts;
        const topic = await this.#options.saveTopic(topicId, { [language]: sent });
        this.#adopt(language, fields, sent, topic.translations[language]);
      }
      this.outcome = { ...this.outcome, [language]: { kind: 'saved' } };
      return true;
    } catch (error) {
      this.outcome = { ...this.outcome, [language]: { kind: 'failed', error } };
      return false;
    } finally {
      this.saving = null;
    }
  }

  /** A group's texts in one language as the API takes them: the blank ones left out, to fall back to the base text. */
  #texts(language: Language, fields: readonly TextField[]): Record<string, string> {
    const texts: Record<string, string> = {};
    for (const field of fields) {
      const text = this.value(language, field.key).trim();
      if (text !== '') texts[field.field] = text;
    }
    return texts;
  }

  /** What the server now holds for a group; a field still as it was sent shows the server's text. */
  #adopt(language: Language, fields: readonly TextField[], sent: Partial<Record<string, string>>, held: Partial<Record<string, string>> | undefined): void {
    const saved = this.saved[language]!;
    const values = this.values[language]!;
    for (const field of fields) {
      const text = held?.[field.field] ?? '';
      saved[field.key] = text;
      if (values[field.key]!.trim() === (sent[field.field] ?? '')) values[field.key] = text;
    }
  }
}

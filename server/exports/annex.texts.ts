import type { Language } from '../../shared/common.ts';
import type { DialogueTranslations, TopicTranslations } from '../../shared/dialogues.ts';
import { ANNEX_TEXT_FIELDS, type AnnexTextField } from '../../shared/exports.constants.ts';
import type { AnnexWarning } from '../../shared/exports.ts';

/** The dialogue's own texts the annex prints (its title is not one of them); a topic's question is the other. */
export type AnnexDialogueField = Exclude<AnnexTextField, 'question'>;
export const ANNEX_DIALOGUE_FIELDS = ANNEX_TEXT_FIELDS.filter((field): field is AnnexDialogueField => field !== 'question');
export type AnnexDialogueTexts = Record<AnnexDialogueField, string>;

/** The dialogue's texts as stored: the base fields in its first language, and its translations. */
export interface StoredTexts {
  baseLanguage: Language;
  dialogue: AnnexDialogueTexts;
  translations: DialogueTranslations;
  /** in topic order */
  topics: { id: string; number: number; question: string; translations: TopicTranslations }[];
}

/** The texts of the annex in one language, and a warning for each one that fell back to the base text. */
export interface AnnexTexts {
  dialogue: AnnexDialogueTexts;
  topics: { id: string; number: number; question: string }[];
  untranslated: AnnexWarning[];
}

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'French', es: 'Spanish' };

const FIELD_NAMES: Record<AnnexDialogueField, string> = {
  theme: 'The theme',
  hostDescription: 'The host description',
  annexLabel: 'The annex label',
  annexLeadIn: 'The annex lead-in',
};

/**
 * The dialogue's texts in `lang`: its translation where one is written, the base text otherwise.
 * A fallback is worth a warning only when the base text has something to translate; in the base
 * language itself nothing falls back.
 */
export function annexTexts(stored: StoredTexts, lang: Language): AnnexTexts {
  const untranslated: AnnexWarning[] = [];
  const inBase = lang === stored.baseLanguage;
  const pick = (base: string, translated: string | undefined, what: string, where: Pick<AnnexWarning, 'field' | 'topicId'>): string => {
    if (inBase) return base;
    if (translated !== undefined && translated.trim() !== '') return translated;
    if (base.trim() !== '') {
      untranslated.push({
        code: 'untranslated',
        message: `${what} has no ${LANGUAGE_NAMES[lang]} text; the annex uses the ${LANGUAGE_NAMES[stored.baseLanguage]} one.`,
        ...where,
      });
    }
    return base;
  };
  const translation = stored.translations[lang] ?? {};
  const dialogue = Object.fromEntries(
    ANNEX_DIALOGUE_FIELDS.map((field) => [field, pick(stored.dialogue[field], translation[field], FIELD_NAMES[field], { field })]),
  ) as AnnexDialogueTexts;
  const topics = stored.topics.map((topic) => ({
    id: topic.id,
    number: topic.number,
    question: pick(topic.question, topic.translations[lang]?.question, `The question of topic ${topic.number}`, { field: 'question', topicId: topic.id }),
  }));
  return { dialogue, topics, untranslated };
}

import type { Language } from '../../../shared/common.ts';
import type { Dialogue } from '../../../shared/dialogues.ts';
import type { AnnexWarning } from '../../../shared/exports.ts';
import { ANNEX_WARNING_CODES } from '../../../shared/exports.constants.ts';
import type { I18n } from './i18n/translator.svelte.ts';
import { paths } from './routes.ts';

export type WarningKind = 'leftOut' | 'missing' | 'changed';

/** A warning about the annex as the export screen says it, with where it is put right. */
export interface WarningText {
  kind: WarningKind;
  text: string;
  href: string | null;
  /** the link's words ('' without a link) */
  action: string;
}

const KINDS: Partial<Record<string, WarningKind>> = {
  quote_source_unavailable: 'leftOut',
  quote_consent_withdrawn: 'leftOut',
  consent_withdrawn: 'leftOut',
  source_changed: 'leftOut',
  topic_without_quotes: 'leftOut',
  quote_attribution_narrowed: 'changed',
};

// The codes this screen knows how to say; another one (a newer server) shows the server's sentence.
const TEXTS: ReadonlySet<string> = new Set(ANNEX_WARNING_CODES);

/**
 * A warning about the annex in `lang`, in the reader's language: an untranslated text as "French
 * text missing: the question of topic 2. The annex uses the English text.", with a link to the
 * texts screen; a quote whose source changed, with a link to the quote.
 */
export function describeWarning(
  warning: AnnexWarning,
  dialogue: Pick<Dialogue, 'slug' | 'languages' | 'topics'>,
  lang: Language,
  i18n: Pick<I18n, 't' | 'format'>,
): WarningText {
  const say = i18n.t as (key: string, params?: Record<string, string | number>) => string;
  const number = dialogue.topics.find((topic) => topic.id === warning.topicId)?.number ?? '?';
  const untranslated = (): string => {
    if (!warning.field) return warning.message;
    return i18n.t('warning.untranslated', {
      language: i18n.format.language(lang),
      field: warning.field === 'question' ? i18n.t('warning.field.question', { number }) : i18n.t(`warning.field.${warning.field}`),
      base: i18n.format.language(dialogue.languages[0] ?? 'en'),
    });
  };
  const curation = paths.curation(dialogue.slug);
  const text = warning.code === 'untranslated' ? untranslated() : TEXTS.has(warning.code) ? say(`warning.${warning.code}`, { number }) : warning.message;
  const kind = KINDS[warning.code] ?? 'missing';
  switch (warning.code) {
    case 'quote_source_unavailable':
    case 'quote_consent_withdrawn':
    case 'consent_withdrawn':
    case 'source_changed':
    case 'quote_attribution_narrowed':
      return { kind, text, href: `${curation}#quote-${warning.quoteId ?? ''}`, action: i18n.t('warning.fixQuote') };
    case 'topic_without_quotes':
      return { kind, text, href: warning.topicId ? paths.topic(warning.topicId) : curation, action: i18n.t('warning.fixTopicQuotes') };
    case 'dialogue_summary_not_approved':
    case 'dialogue_summary_newer_draft':
      return { kind, text, href: paths.summary(dialogue.slug), action: i18n.t('warning.fixSummary') };
    case 'topic_summary_missing':
    case 'topic_summary_newer_draft':
      return { kind, text, href: warning.topicId ? paths.topicSummary(warning.topicId) : paths.summary(dialogue.slug), action: i18n.t('warning.fixSummary') };
    case 'host_description_missing':
      return { kind, text, href: paths.dialogueSettings(dialogue.slug), action: i18n.t('warning.fixSettings') };
    case 'untranslated':
      return { kind, text, href: paths.texts(dialogue.slug), action: i18n.t('warning.fixTexts') };
    default:
      return { kind, text, href: null, action: '' };
  }
}

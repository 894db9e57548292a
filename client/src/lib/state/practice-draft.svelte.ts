import type { Language } from '../../../../shared/common.constants.ts';
import type { CountryCode } from '../../../../shared/countries.ts';
import { continentOfCountries, normalizeTheme, PRACTICE_LIMITS as L, type PracticeContinent } from '../../../../shared/practices.constants.ts';
import type { CreatePracticeBody, PatchPracticeBody, Practice } from '../../../../shared/practices.ts';
import { ApiError } from '../api.ts';
import { fieldId, problemsFrom, type FieldSpec } from '../forms.ts';
import type { PlainKey } from '../i18n/messages.ts';
import { characterCount, MarkdownDraft } from './markdown-draft.svelte.ts';

/** The comment a practice is drawn from (lib/practice-source.ts). */
export interface PracticeSource {
  commentId: string;
  topicId: string;
  language: Language;
  /** the comment's words, as Markdown (its author's and moderators' own source) or as plain text */
  text: string;
}

/** Text as a Markdown quotation, paragraph breaks kept. */
export function quoteMarkdown(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n');
}

/** The form's questions, in its order: the error summary lists them so. */
export const PRACTICE_FIELDS = {
  title: { label: 'practices.field.title' },
  organization: { label: 'practices.field.organization' },
  countries: { label: 'practices.field.countries' },
  continent: { label: 'practices.field.continent' },
  themes: { label: 'practices.field.themes' },
  description: { label: 'practices.field.description' },
  link: { label: 'practices.field.link' },
  contact: { label: 'practices.field.contact' },
  language: { label: 'practices.field.language' },
  dialogue: { label: 'practices.field.dialogue', body: 'dialogueSlug' },
} as const satisfies Record<string, FieldSpec>;
export type PracticeField = keyof typeof PRACTICE_FIELDS;

const LINK = /^https?:\/\/\S+$/;

/** What a new or changed practice starts from. */
export interface PracticeStart {
  title: string;
  organization: string;
  countries: CountryCode[];
  /** the continent as filed; it follows the countries while it is the one they give */
  continent: PracticeContinent | null;
  themes: string[];
  description: string;
  link: string;
  /** null: the viewer may not see it, and the form neither shows nor sends it */
  contact: string | null;
  language: Language;
  /** a dialogue's slug, '' for none */
  dialogue: string;
  sourceCommentId: string | null;
}

/** A new practice: in the reader's language, gathered by `dialogue` if the library was showing one. */
export function blankStart(language: Language, dialogue = ''): PracticeStart {
  return {
    title: '',
    organization: '',
    countries: [],
    continent: null,
    themes: [],
    description: '',
    link: '',
    contact: '',
    language,
    dialogue,
    sourceCommentId: null,
  };
}

/**
 * A new practice drawn from a comment: in the comment's language, with its words quoted as the
 * start of the description, and gathered by its dialogue (when the topic was found).
 */
export function sourceStart(source: PracticeSource, dialogue: string): PracticeStart {
  return {
    ...blankStart(source.language, dialogue),
    description: source.text.trim() ? `${quoteMarkdown(source.text)}\n\n` : '',
    sourceCommentId: source.commentId,
  };
}

/** A practice being changed, as the server has it. */
export function practiceStart(practice: Practice): PracticeStart {
  return {
    title: practice.title,
    organization: practice.organization,
    countries: practice.countries as CountryCode[],
    continent: practice.continent,
    themes: [...practice.themes],
    description: practice.description,
    link: practice.link ?? '',
    contact: practice.contact === undefined ? null : (practice.contact ?? ''),
    language: practice.language,
    dialogue: practice.dialogue?.slug ?? '',
    sourceCommentId: practice.sourceComment?.id ?? null,
  };
}

/**
 * A good practice being written, new or changed: its answers, the continent found from the
 * countries until the writer chooses another, the themes ticked from the dialogue's list and the
 * writer's own, the description's preview, and what keeps it from being sent.
 */
export class PracticeDraft {
  title = $state('');
  organization = $state('');
  countries: CountryCode[] = $state([]);
  /** the continent the writer chose, null while it follows the countries */
  chosenContinent: PracticeContinent | null = $state(null);
  /** the continent the countries give, null when none does (Antarctica alone, no country yet) */
  readonly foundContinent: PracticeContinent | null = $derived(continentOfCountries(this.countries));
  readonly continent: PracticeContinent | null = $derived(this.chosenContinent ?? this.foundContinent);
  themes: string[] = $state([]);
  readonly description: MarkdownDraft;
  link = $state('');
  /** null when the form does not show it */
  contact: string | null = $state(null);
  language: Language = $state('en');
  dialogue = $state('');
  readonly sourceCommentId: string | null;

  /** whether a submission was tried: from then on, what to correct follows the answers as they change */
  #tried = $state(false);
  /** the answers the server refused at the last submission */
  #refusals: Partial<Record<PracticeField, PlainKey>> = $state.raw({});
  /** what to correct, by question */
  readonly errors: Partial<Record<PracticeField, PlainKey>> = $derived(this.#tried ? { ...this.check(), ...this.#refusals } : this.#refusals);
  /** a refusal that concerns no single question, for lib/error-text.ts */
  error: unknown = $state.raw();
  saving = $state(false);
  /** counts refused attempts: the error summary takes the focus after each */
  failures = $state(0);

  readonly #start: PracticeStart;

  constructor(render: (markdown: string) => Promise<string>, start: PracticeStart) {
    this.#start = start;
    this.title = start.title;
    this.organization = start.organization;
    this.countries = [...start.countries];
    // A continent other than the countries' own was chosen: it stays, whatever the countries.
    this.chosenContinent = start.continent !== null && start.continent !== continentOfCountries(start.countries) ? start.continent : null;
    this.themes = [...start.themes];
    this.description = new MarkdownDraft(render, start.description);
    this.link = start.link;
    this.contact = start.contact;
    this.language = start.language;
    this.dialogue = start.dialogue;
    this.sourceCommentId = start.sourceCommentId;
  }

  get full(): { countries: boolean; themes: boolean } {
    return { countries: this.countries.length >= L.countriesMax, themes: this.themes.length >= L.themesMax };
  }

  /** Ticks or unticks a country; past the limit, nothing more is ticked. */
  toggleCountry(code: CountryCode, on: boolean): void {
    if (!on) this.countries = this.countries.filter((country) => country !== code);
    else if (!this.countries.includes(code) && !this.full.countries) this.countries = [...this.countries, code];
  }

  /** Chooses the continent; the one the countries give means "follow the countries" again. */
  chooseContinent(continent: PracticeContinent | ''): void {
    this.chosenContinent = continent === '' || continent === this.foundContinent ? null : continent;
  }

  /** Whether a theme is among the practice's, however its letters are cased. */
  hasTheme(theme: string): boolean {
    const wanted = normalizeTheme(theme).toLocaleLowerCase();
    return this.themes.some((candidate) => candidate.toLocaleLowerCase() === wanted);
  }

  toggleTheme(theme: string, on: boolean): void {
    if (!on) this.themes = this.themes.filter((candidate) => candidate.toLocaleLowerCase() !== theme.toLocaleLowerCase());
    else if (!this.hasTheme(theme) && !this.full.themes) this.themes = [...this.themes, theme];
  }

  /**
   * Adds a theme of the writer's own; one of `listed` (the dialogue's) written in other letters is
   * ticked as listed. What is wrong with it otherwise, or null once it is among the themes.
   */
  addTheme(text: string, listed: readonly string[]): 'empty' | 'tooLong' | 'full' | null {
    const theme = normalizeTheme(text);
    if (theme === '') return 'empty';
    if (characterCount(theme) > L.themeMax) return 'tooLong';
    if (this.hasTheme(theme)) return null;
    if (this.full.themes) return 'full';
    this.themes = [...this.themes, listed.find((candidate) => candidate.toLocaleLowerCase() === theme.toLocaleLowerCase()) ?? theme];
    return null;
  }

  /** The id of a question's input, which the error summary's links focus. */
  id = (field: PracticeField): string => fieldId('practice', field);

  /** The questions to correct, in the form's order. */
  get summary(): { id: string; label: PlainKey; message: PlainKey }[] {
    return (Object.keys(PRACTICE_FIELDS) as PracticeField[]).flatMap((field) => {
      const message = this.errors[field];
      return message ? [{ id: this.id(field), label: PRACTICE_FIELDS[field].label, message }] : [];
    });
  }

  /** What keeps the answers from being sent, by question; none when they can go. */
  check(): Partial<Record<PracticeField, PlainKey>> {
    const errors: Partial<Record<PracticeField, PlainKey>> = {};
    const text = (field: 'title' | 'organization', value: string, max: number, required: PlainKey): void => {
      if (value.trim() === '') errors[field] = required;
      else if (characterCount(value.trim()) > max) errors[field] = 'practices.error.tooLong';
    };
    text('title', this.title, L.titleMax, 'practices.error.titleRequired');
    text('organization', this.organization, L.organizationMax, 'practices.error.organizationRequired');
    if (this.countries.length === 0) errors.countries = 'practices.error.countriesRequired';
    else if (this.continent === null) errors.continent = 'practices.error.continentRequired';
    if (this.description.blank) errors.description = 'practices.error.descriptionRequired';
    else if (this.description.length > L.descriptionMax) errors.description = 'practices.error.descriptionTooLong';
    const link = this.link.trim();
    if (link !== '' && !LINK.test(link)) errors.link = 'practices.error.linkInvalid';
    else if (link.length > L.linkMax) errors.link = 'practices.error.tooLong';
    if (this.contact !== null && characterCount(this.contact.trim()) > L.contactMax) errors.contact = 'practices.error.tooLong';
    return errors;
  }

  /** The answers as a new practice. */
  createBody(): CreatePracticeBody {
    const { link, dialogueSlug, ...answers } = this.#answers();
    return {
      ...answers,
      ...(link ? { link } : {}),
      ...(this.contact?.trim() ? { contact: this.contact.trim() } : {}),
      // The comment's dialogue becomes the practice's.
      ...(this.sourceCommentId ? { sourceCommentId: this.sourceCommentId } : dialogueSlug ? { dialogueSlug } : {}),
    };
  }

  /**
   * What changed since the practice was loaded. Saving a practice unchanged still sends its title:
   * a returned practice is submitted again by any change.
   */
  patchBody(): PatchPracticeBody {
    const start = this.#start;
    const answers = this.#answers();
    const patch: PatchPracticeBody = {};
    if (answers.title !== start.title) patch.title = answers.title;
    if (answers.organization !== start.organization) patch.organization = answers.organization;
    if (answers.countries.join() !== start.countries.join()) patch.countries = answers.countries;
    if (answers.continent !== start.continent) patch.continent = answers.continent;
    if (answers.themes.join('\n') !== start.themes.join('\n')) patch.themes = answers.themes;
    if (answers.description !== start.description.trim()) patch.description = answers.description;
    if (answers.link !== (start.link.trim() || null)) patch.link = answers.link;
    if (this.contact !== null && (this.contact.trim() || null) !== (start.contact?.trim() || null)) patch.contact = this.contact.trim() || null;
    if (answers.language !== start.language) patch.language = answers.language;
    // A practice drawn from a comment is the comment's dialogue's: the form does not offer it.
    if (this.sourceCommentId === null && answers.dialogueSlug !== (start.dialogue || null)) patch.dialogueSlug = answers.dialogueSlug;
    return Object.keys(patch).length > 0 ? patch : { title: answers.title };
  }

  /** Checks the answers, then sends them with `request`: what the server answered, or null when they were not sent or refused. */
  async send<T>(request: () => Promise<T>): Promise<T | null> {
    if (this.saving) return null;
    this.error = undefined;
    this.#tried = true;
    this.#refusals = {};
    if (Object.keys(this.errors).length > 0) {
      this.failures++;
      return null;
    }
    this.saving = true;
    try {
      return await request();
    } catch (error) {
      this.#refused(error);
      this.failures++;
      return null;
    } finally {
      this.saving = false;
    }
  }

  dispose(): void {
    this.description.dispose();
  }

  #answers(): CreatePracticeBody & { continent: PracticeContinent; link: string | null; dialogueSlug: string | null } {
    return {
      title: this.title.trim(),
      organization: this.organization.trim(),
      countries: [...this.countries],
      // check() saw to it that there is one.
      continent: this.continent as PracticeContinent,
      themes: [...this.themes],
      description: this.description.body.trim(),
      link: this.link.trim() || null,
      language: this.language,
      dialogueSlug: this.dialogue || null,
    };
  }

  // Rejected answers go next to their questions; any other refusal is said above the buttons.
  #refused(error: unknown): void {
    if (error instanceof ApiError && error.code === 'continent_required') {
      this.#refusals = { continent: 'practices.error.continentRequired' };
      return;
    }
    if (error instanceof ApiError && error.status === 400) {
      const fields = problemsFrom(error, PRACTICE_FIELDS as Record<PracticeField, FieldSpec>).fields;
      if (Object.keys(fields).length > 0) {
        this.#refusals = fields;
        return;
      }
    }
    this.error = error;
  }
}

/** Where the form is opened from: a practice to change, a comment to draw one from, or nothing. */
export interface PracticeOrigin {
  practiceId?: string;
  commentId?: string;
  /** the reader's language: a new practice is written in it unless its comment was not */
  language: Language;
}

export interface PracticeStartApi {
  practice: (id: string) => Promise<Practice>;
  /** the dialogue (slug) of a topic */
  topicDialogue: (topicId: string) => Promise<string>;
  /** the comment its "Submit as a good practice" link names, null when the reader cannot read it */
  source: (commentId: string) => Promise<PracticeSource | null>;
}

const COMMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * What the form starts from, and the practice it changes (null for a new one). A comment that
 * cannot be read (any more) still names the practice's source, which the server checks and which
 * gives it its dialogue; only its words are not quoted.
 */
export async function loadPracticeStart(origin: PracticeOrigin, api: PracticeStartApi): Promise<{ start: PracticeStart; practice: Practice | null }> {
  if (origin.practiceId !== undefined) {
    const practice = await api.practice(origin.practiceId);
    return { start: practiceStart(practice), practice };
  }
  const commentId = origin.commentId !== undefined && COMMENT_ID.test(origin.commentId) ? origin.commentId : null;
  if (commentId === null) return { start: blankStart(origin.language), practice: null };
  const source = await api.source(commentId);
  if (source === null) return { start: { ...blankStart(origin.language), sourceCommentId: commentId }, practice: null };
  // Without the topic, the server still files the practice under the comment's dialogue.
  const dialogue = await api.topicDialogue(source.topicId).catch(() => '');
  return { start: sourceStart(source, dialogue), practice: null };
}

import { LANGUAGES, type Language } from '../../../../shared/common.constants.ts';
import { EDIT_WINDOW_MAX, TEXT_LIMITS, type ModerationPolicy } from '../../../../shared/dialogues.constants.ts';
import type { Dialogue, PatchDialogueBody } from '../../../../shared/dialogues.ts';
import type { Attribution } from '../../../../shared/quote-consent.ts';
import { ApiError } from '../api.ts';
import { isSlug } from '../dialogue-slug.ts';
import { problemsFrom, type Problem } from '../forms.ts';
import type { PlainKey } from '../i18n/messages.ts';
import { instantFrom, isTimeZone, wallTime } from '../zoned-time.ts';

/** The fields of a dialogue an organizer writes, by the name the API gives them. */
export type DialogueField =
  | 'title'
  | 'slug'
  | 'theme'
  | 'description'
  | 'hostDescription'
  | 'annexLabel'
  | 'annexLeadIn'
  | 'timeZone'
  | 'opensAt'
  | 'closesAt'
  | 'languages'
  | 'editWindowMinutes';

/** Each field's label, in the form's order: the error summary lists rejected fields in it. */
export const FIELD_LABELS: Record<DialogueField, PlainKey> = {
  title: 'dialogueForm.title',
  slug: 'dialogueForm.slug',
  theme: 'dialogueForm.theme',
  description: 'dialogueForm.description',
  hostDescription: 'dialogueForm.hostDescription',
  annexLabel: 'dialogueForm.annexLabel',
  annexLeadIn: 'dialogueForm.annexLeadIn',
  timeZone: 'dialogueForm.timeZone',
  opensAt: 'dialogueForm.opensAt',
  closesAt: 'dialogueForm.closesAt',
  languages: 'dialogueForm.languages',
  editWindowMinutes: 'dialogueForm.editWindow',
};

/** A rejected field as the error summary lists it (the shape of form.svelte.ts's, which this module must not load: it reads the browser's i18n). */
interface SummaryItem {
  id: string;
  label: PlainKey;
  message: PlainKey;
}

const FIELDS = Object.keys(FIELD_LABELS) as DialogueField[];

/** The refusals the server gives with a code, and the field each concerns. */
const CODED: Partial<Record<string, [DialogueField, PlainKey]>> = {
  slug_taken: ['slug', 'dialogueForm.error.slugTaken'],
  invalid_window: ['closesAt', 'dialogueForm.error.windowOrder'],
  invalid_time_zone: ['timeZone', 'dialogueForm.error.timeZone'],
};

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((item, index) => item === b[index]);

/**
 * A dialogue's fields as an organizer types them — the window as wall-clock times in the
 * dialogue's time zone, the languages with the base one first — checked the way the server
 * checks them, and what the server refused, next to the field it concerns.
 */
export class DialogueFields {
  title = $state('');
  slug = $state('');
  theme = $state('');
  description = $state('');
  hostDescription = $state('');
  annexLabel = $state('');
  annexLeadIn = $state('');
  timeZone = $state('UTC');
  /** `YYYY-MM-DDTHH:mm` in `timeZone` */
  opens = $state('');
  closes = $state('');
  /** the languages chosen, the base language (the one the texts are written in) first */
  languages: Language[] = $state([]);
  moderation: ModerationPolicy = $state('post');
  editWindow = $state('');
  wallEnabled = $state(true);
  quoteAttribution: Attribution = $state('none');

  errors: Partial<Record<DialogueField, PlainKey>> = $state.raw({});
  problem: Problem | null = $state.raw(null);
  /** counts refused submissions, so that the error summary takes the focus after each */
  failures = $state(0);

  /** prefixes the inputs' ids */
  readonly name: string;

  constructor(name: string) {
    this.name = name;
  }

  id = (field: DialogueField): string => `${this.name}-${field}`;

  /** The instants the window's fields name, or null where a field is not a date and time. */
  get opensAt(): string | null {
    return instantFrom(this.opens, this.timeZone);
  }

  get closesAt(): string | null {
    return instantFrom(this.closes, this.timeZone);
  }

  get base(): Language | undefined {
    return this.languages[0];
  }

  /** Adds or removes a language; one added goes after the base, in the usual order. */
  choose(language: Language, chosen: boolean): void {
    const rest = this.languages.filter((candidate) => candidate !== language);
    if (!chosen) this.languages = rest;
    else if (rest.length === 0) this.languages = [language];
    else this.languages = [rest[0]!, ...LANGUAGES.filter((candidate) => candidate === language || rest.slice(1).includes(candidate))];
  }

  /** Makes a chosen language the base. */
  setBase(language: Language): void {
    if (!this.languages.includes(language)) return;
    this.languages = [language, ...LANGUAGES.filter((candidate) => candidate !== language && this.languages.includes(candidate))];
  }

  /** Takes a dialogue's values, the window as its time zone's wall-clock times. */
  fill(dialogue: Dialogue): void {
    this.title = dialogue.title;
    this.slug = dialogue.slug;
    this.theme = dialogue.theme;
    this.description = dialogue.description;
    this.hostDescription = dialogue.hostDescription;
    this.annexLabel = dialogue.annexLabel;
    this.annexLeadIn = dialogue.annexLeadIn;
    this.timeZone = dialogue.timeZone;
    this.opens = wallTime(dialogue.opensAt, dialogue.timeZone);
    this.closes = wallTime(dialogue.closesAt, dialogue.timeZone);
    this.languages = [...dialogue.languages];
    this.moderation = dialogue.moderation;
    this.editWindow = String(dialogue.editWindowMinutes);
    this.wallEnabled = dialogue.wallEnabled;
    this.quoteAttribution = dialogue.quoteAttribution;
  }

  /** What to correct in `field`, or undefined: the server's own rules, checked before sending. */
  problemWith(field: DialogueField): PlainKey | undefined {
    switch (field) {
      case 'title':
        return this.title.trim() === '' ? 'dialogueForm.error.titleRequired' : undefined;
      case 'theme':
        return this.theme.trim() === '' ? 'dialogueForm.error.themeRequired' : undefined;
      case 'slug':
        return isSlug(this.slug.trim()) ? undefined : 'dialogueForm.error.slug';
      case 'timeZone':
        return isTimeZone(this.timeZone) ? undefined : 'dialogueForm.error.timeZone';
      case 'opensAt':
        return this.opensAt === null ? 'dialogueForm.error.dateRequired' : undefined;
      case 'closesAt':
        if (this.closesAt === null) return 'dialogueForm.error.dateRequired';
        return this.opensAt !== null && Date.parse(this.closesAt) <= Date.parse(this.opensAt) ? 'dialogueForm.error.windowOrder' : undefined;
      case 'languages':
        return this.languages.length === 0 ? 'dialogueForm.error.languagesRequired' : undefined;
      case 'editWindowMinutes': {
        const minutes = this.editWindow.trim();
        return /^\d+$/.test(minutes) && Number(minutes) <= EDIT_WINDOW_MAX ? undefined : 'dialogueForm.error.editWindow';
      }
      default:
        return this[field].length > TEXT_LIMITS[field] ? 'dialogueForm.error.tooLong' : undefined;
    }
  }

  /** Checks `fields` as the server would; what fails is shown next to its field and in the summary. */
  check(fields: readonly DialogueField[]): boolean {
    const errors: Partial<Record<DialogueField, PlainKey>> = {};
    for (const field of fields) {
      const problem = this.problemWith(field);
      if (problem) errors[field] = problem;
    }
    this.errors = errors;
    this.problem = null;
    if (Object.keys(errors).length === 0) return true;
    this.failures++;
    return false;
  }

  /** Shows why the server refused a submission: next to the field it names, else for the whole form. */
  fail(error: unknown): void {
    this.failures++;
    const coded = error instanceof ApiError ? CODED[error.code] : undefined;
    if (coded) {
      this.errors = { [coded[0]]: coded[1] };
      this.problem = null;
      return;
    }
    if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
      this.errors = {};
      this.problem = error.status === 403 ? 'manageError.forbidden' : 'manageError.notFound';
      return;
    }
    const specs = Object.fromEntries(FIELDS.map((field) => [field, { label: FIELD_LABELS[field] }])) as Record<DialogueField, { label: PlainKey }>;
    const problems = problemsFrom(error, specs);
    this.errors = problems.fields;
    this.problem = problems.form;
  }

  clearErrors(): void {
    this.errors = {};
    this.problem = null;
  }

  /** The rejected fields, in the form's order, for the error summary. */
  get summary(): SummaryItem[] {
    return FIELDS.flatMap((field) => {
      const message = this.errors[field];
      return message ? [{ id: this.id(field), label: FIELD_LABELS[field], message }] : [];
    });
  }

  /** What differs from `dialogue`, as a PATCH body; the window is sent whole when either end or the zone moved. */
  changesFrom(dialogue: Dialogue): PatchDialogueBody {
    const changes: PatchDialogueBody = {};
    const title = this.title.trim();
    const theme = this.theme.trim();
    const slug = this.slug.trim();
    if (title !== dialogue.title) changes.title = title;
    if (slug !== dialogue.slug) changes.slug = slug;
    if (theme !== dialogue.theme) changes.theme = theme;
    for (const field of ['description', 'hostDescription', 'annexLabel', 'annexLeadIn'] as const) {
      if (this[field] !== dialogue[field]) changes[field] = this[field];
    }
    if (this.windowChangedFrom(dialogue)) {
      if (this.timeZone !== dialogue.timeZone) changes.timeZone = this.timeZone;
      changes.opensAt = this.opensAt ?? undefined;
      changes.closesAt = this.closesAt ?? undefined;
    }
    if (!sameList(this.languages, dialogue.languages)) changes.languages = [...this.languages];
    const editWindow = Number(this.editWindow.trim());
    if (editWindow !== dialogue.editWindowMinutes) changes.editWindowMinutes = editWindow;
    if (this.wallEnabled !== dialogue.wallEnabled) changes.wallEnabled = this.wallEnabled;
    if (this.quoteAttribution !== dialogue.quoteAttribution) changes.quoteAttribution = this.quoteAttribution;
    return changes;
  }

  /** Whether the window (either end, or the zone its times are read in) differs from `dialogue`'s. */
  windowChangedFrom(dialogue: Dialogue): boolean {
    return (
      this.timeZone !== dialogue.timeZone ||
      this.opens !== wallTime(dialogue.opensAt, dialogue.timeZone) ||
      this.closes !== wallTime(dialogue.closesAt, dialogue.timeZone)
    );
  }
}

import type { en } from './en.ts';
import type { aboutEn } from './sections/about.en.ts';
import type { accountEn } from './sections/account.en.ts';
import type { auditEn } from './sections/audit.en.ts';
import type { consentEn } from './sections/consent.en.ts';
import type { curationEn } from './sections/curation.en.ts';
import type { dialogueSettingsEn } from './sections/dialogue-settings.en.ts';
import type { exportEn } from './sections/export.en.ts';
import type { manageEn } from './sections/manage.en.ts';
import type { mailEn } from './sections/mail.en.ts';
import type { moderationEn } from './sections/moderation.en.ts';
import type { outcomeEn } from './sections/outcome.en.ts';
import type { peopleEn } from './sections/people.en.ts';
import type { statsEn } from './sections/stats.en.ts';
import type { summaryEn } from './sections/summary.en.ts';
import type { threadModerationEn } from './sections/thread-moderation.en.ts';
import type { workspaceEn } from './sections/workspace.en.ts';
import type { topicsEditorEn } from './sections/topics-editor.en.ts';
import type { textsEn } from './sections/texts.en.ts';
import type { threadEn } from './sections/thread.en.ts';
import type { socialEn } from './sections/social.en.ts';
import type { searchEn } from './sections/search.en.ts';
import type { practicesEn } from './sections/practices.en.ts';

// Types only: the sections' messages reach the browser with the screens that use them (sections/*.ts).
/** Every message of the interface in English: the main catalogue's and every section's. */
type English = typeof en &
  typeof aboutEn &
  typeof accountEn &
  typeof workspaceEn &
  typeof moderationEn &
  typeof threadModerationEn &
  typeof auditEn &
  typeof consentEn &
  typeof dialogueSettingsEn &
  typeof manageEn &
  typeof mailEn &
  typeof curationEn &
  typeof summaryEn &
  typeof statsEn &
  typeof peopleEn &
  typeof outcomeEn &
  typeof exportEn &
  typeof topicsEditorEn &
  typeof textsEn &
  typeof threadEn &
  typeof socialEn &
  typeof searchEn &
  typeof practicesEn;

export type MessageKey = keyof English;
/** A translation of a catalogue: exactly the keys of its English version, any wording. */
export type Translation<E> = Record<keyof E, string>;
/** A translation of the main catalogue. */
export type Messages = Translation<typeof en>;

/** The `{name}` placeholders of a message, as a union of their names. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
type ParamValue = string | number;
/** The `{name}` placeholders of an English message, as the parameters `t` requires for it. */
type ParamsOf<K extends MessageKey> = Record<Placeholders<English[K]>, ParamValue>;
export type ParamArgs<K extends MessageKey> = [Placeholders<English[K]>] extends [never] ? [] : [params: ParamsOf<K>];

/** Messages without placeholders. */
export type PlainKey = { [K in MessageKey]: ParamArgs<K> extends [] ? K : never }[MessageKey];

/** Messages whose placeholders are exactly `P`. */
export type KeyWith<P extends string> = {
  [K in MessageKey]: [Placeholders<English[K]>] extends [P] ? ([P] extends [Placeholders<English[K]>] ? K : never) : never;
}[MessageKey];

/** Keys that come as `.one` / `.other` plural pairs, named without the suffix. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}.one` ? Base : never }[MessageKey];

/** A `{name}` placeholder in a message. */
export const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills `{name}` placeholders; numbers go through the locale's number format. */
export function interpolate(template: string, params: Record<string, ParamValue>, formatNumber: (n: number) => string): string {
  return template.replace(PLACEHOLDER, (match, name: string) => {
    const value = params[name];
    if (value === undefined) return match;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

/** The plural form's key; categories other than `one` (French `many` for millions) use `.other`. */
export function pluralKey(base: PluralKey, category: Intl.LDMLPluralRule): MessageKey {
  return `${base}.${category === 'one' ? 'one' : 'other'}`;
}

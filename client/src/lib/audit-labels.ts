import type { CommentStatus } from '../../../shared/comments.constants.ts';
import type { Role } from '../../../shared/common.constants.ts';
import type { DialogueStatus, ModerationPolicy } from '../../../shared/dialogues.constants.ts';
import type { AuditAction, AuditTargetType } from '../../../shared/moderation.constants.ts';
import type { PracticeStatus } from '../../../shared/practices.constants.ts';
import type { Attribution } from '../../../shared/quote-consent.ts';
import type { SummaryStatus } from '../../../shared/summaries.constants.ts';
import { diffRows, sameValue } from './audit-diff.ts';
import type { Formats } from './i18n/format.ts';
import type { MessageKey, ParamArgs, PlainKey, PluralKey } from './i18n/messages.ts';

/** The actions the audit log records, in the order the filter offers them, with their names. */
export const AUDIT_ACTIONS: Record<AuditAction, PlainKey> = {
  'comment.approve': 'audit.comment.approve',
  'comment.keep': 'audit.comment.keep',
  'comment.decline': 'audit.comment.decline',
  'comment.hide': 'audit.comment.hide',
  'comment.restore': 'audit.comment.restore',
  'comment.edit': 'audit.comment.edit',
  'topic.lock': 'audit.topic.lock',
  'topic.unlock': 'audit.topic.unlock',
  'topic.create': 'audit.topic.create',
  'topic.update': 'audit.topic.update',
  'topic.reorder': 'audit.topic.reorder',
  'topic.delete': 'audit.topic.delete',
  'user.suspend': 'audit.user.suspend',
  'user.unsuspend': 'audit.user.unsuspend',
  'user.role': 'audit.user.role',
  'dialogue.create': 'audit.dialogue.create',
  'dialogue.copy': 'audit.dialogue.copy',
  'dialogue.update': 'audit.dialogue.update',
  'dialogue.publish': 'audit.dialogue.publish',
  'dialogue.unpublish': 'audit.dialogue.unpublish',
  'dialogue.delete': 'audit.dialogue.delete',
  'dialogue.watched_words': 'audit.dialogue.watched_words',
  'dialogue.moderator_appoint': 'audit.dialogue.moderator_appoint',
  'dialogue.moderator_remove': 'audit.dialogue.moderator_remove',
  'quote.create': 'audit.quote.create',
  'quote.update': 'audit.quote.update',
  'quote.delete': 'audit.quote.delete',
  'quote.consent_withdrawn': 'audit.quote.consent_withdrawn',
  'summary.save': 'audit.summary.save',
  'summary.approve': 'audit.summary.approve',
  'practice.publish': 'audit.practice.publish',
  'practice.return': 'audit.practice.return',
  'practice.unpublish': 'audit.practice.unpublish',
  'practice.edit': 'audit.practice.edit',
  'practice.resubmit': 'audit.practice.resubmit',
};

export const AUDIT_TARGETS: Record<AuditTargetType, PlainKey> = {
  comment: 'audit.target.comment',
  topic: 'audit.target.topic',
  user: 'audit.target.user',
  dialogue: 'audit.target.dialogue',
  quote: 'audit.target.quote',
  dialogue_summary: 'audit.target.dialogue_summary',
  topic_summary: 'audit.target.topic_summary',
  practice: 'audit.target.practice',
};

/**
 * Statuses as the before/after states record them: a comment's, a summary's, a dialogue's, a practice's (any
 * text: looked up by what was recorded).
 */
const STATUS_NAMES: Record<string, PlainKey> = {
  ...({
    published: 'audit.status.published',
    pending: 'audit.status.pending',
    hidden: 'audit.status.hidden',
    declined: 'audit.status.declined',
    withdrawn: 'audit.status.withdrawn',
  } satisfies Record<CommentStatus, PlainKey>),
  ...({ draft: 'audit.status.draft', approved: 'audit.status.approved' } satisfies Record<SummaryStatus, PlainKey>),
  ...({ announced: 'audit.status.announced', open: 'audit.status.open', closed: 'audit.status.closed' } satisfies Record<DialogueStatus, PlainKey>),
  ...({
    submitted: 'audit.status.submitted',
    published: 'audit.status.published',
    returned: 'audit.status.returned',
    unpublished: 'audit.status.unpublished',
  } satisfies Record<PracticeStatus, PlainKey>),
};
const ROLE_NAMES: Record<string, PlainKey> = {
  participant: 'audit.role.participant',
  moderator: 'audit.role.moderator',
  organizer: 'audit.role.organizer',
} satisfies Record<Role, PlainKey>;
const POLICY_NAMES: Record<string, PlainKey> = { post: 'audit.policy.post', pre: 'audit.policy.pre' } satisfies Record<ModerationPolicy, PlainKey>;
const ATTRIBUTION_NAMES: Record<string, PlainKey> = {
  none: 'audit.attribution.none',
  country: 'audit.attribution.country',
  name: 'audit.attribution.name',
} satisfies Record<Attribution, PlainKey>;

type FieldKind =
  'text' | 'date' | 'yesNo' | 'number' | 'minutes' | 'languages' | 'list' | 'status' | 'role' | 'policy' | 'attribution' | 'excerpt' | 'characters' | 'topics';

/**
 * Every field the server records in a before/after state (dialogues, topics, comments, quotes,
 * summaries, people), named for people and with how its value reads.
 */
const FIELDS: Record<string, { label: PlainKey; kind: FieldKind }> = {
  status: { label: 'audit.field.status', kind: 'status' },
  bodyMarkdown: { label: 'audit.field.bodyMarkdown', kind: 'text' },
  words: { label: 'audit.field.words', kind: 'list' },
  until: { label: 'audit.field.until', kind: 'date' },
  role: { label: 'audit.field.role', kind: 'role' },
  moderates: { label: 'audit.field.moderates', kind: 'yesNo' },
  slug: { label: 'audit.field.slug', kind: 'text' },
  title: { label: 'audit.field.title', kind: 'text' },
  theme: { label: 'audit.field.theme', kind: 'text' },
  description: { label: 'audit.field.description', kind: 'text' },
  opensAt: { label: 'audit.field.opensAt', kind: 'date' },
  closesAt: { label: 'audit.field.closesAt', kind: 'date' },
  timeZone: { label: 'audit.field.timeZone', kind: 'text' },
  moderation: { label: 'audit.field.moderation', kind: 'policy' },
  languages: { label: 'audit.field.languages', kind: 'languages' },
  hostDescription: { label: 'audit.field.hostDescription', kind: 'text' },
  annexLabel: { label: 'audit.field.annexLabel', kind: 'text' },
  annexLeadIn: { label: 'audit.field.annexLeadIn', kind: 'text' },
  published: { label: 'audit.field.published', kind: 'yesNo' },
  reportsToHold: { label: 'audit.field.reportsToHold', kind: 'number' },
  holdFirstComment: { label: 'audit.field.holdFirstComment', kind: 'yesNo' },
  editWindowMinutes: { label: 'audit.field.editWindowMinutes', kind: 'minutes' },
  wallEnabled: { label: 'audit.field.wallEnabled', kind: 'yesNo' },
  quoteAttribution: { label: 'audit.field.quoteAttribution', kind: 'attribution' },
  source: { label: 'audit.field.source', kind: 'text' },
  topics: { label: 'audit.field.topics', kind: 'topics' },
  number: { label: 'audit.field.number', kind: 'number' },
  question: { label: 'audit.field.question', kind: 'text' },
  locked: { label: 'audit.field.locked', kind: 'yesNo' },
  excerpt: { label: 'audit.field.excerpt', kind: 'excerpt' },
  attribution: { label: 'audit.field.attribution', kind: 'attribution' },
  position: { label: 'audit.field.position', kind: 'number' },
  consentWithdrawn: { label: 'audit.field.consentWithdrawn', kind: 'yesNo' },
  version: { label: 'audit.field.version', kind: 'number' },
  length: { label: 'audit.field.length', kind: 'characters' },
};

/**
 * Fields recorded with a state that say nothing a reader of the log needs: ids (the entry names
 * its subject), what is derived from another field (the rendered description, the counts).
 */
const UNSHOWN: ReadonlySet<string> = new Set(['id', 'dialogueId', 'dialogueSlug', 'commentId', 'descriptionHtml', 'commentCount', 'commentTotal', 'createdAt']);

/** What the audit log's wording needs from the translator (lib/i18n: `i18n`). */
export interface AuditTranslator {
  t: <K extends MessageKey>(key: K, ...params: ParamArgs<K>) => string;
  plural: (key: PluralKey, count: number) => string;
  format: Formats;
}

/** A line of an entry's changes in words: a value before and after, or a note (texts in French changed). */
export type ChangeLine =
  { kind: 'change'; key: string; label: string; before: string; after: string; changed: boolean } | { kind: 'note'; key: string; label: string; text: string };

/** A field the log has no name for, in words rather than code: `someField` → "Some field". */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function named(names: Record<string, PlainKey>, value: unknown, i18n: AuditTranslator): string {
  const key = typeof value === 'string' ? names[value] : undefined;
  return key ? i18n.t(key) : plain(value, i18n);
}

/** A value with no field of its own: text and numbers as they are, yes/no, lists joined. */
function plain(value: unknown, i18n: AuditTranslator): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return i18n.t(value ? 'audit.yes' : 'audit.no');
  if (typeof value === 'number') return i18n.format.number(value);
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => !isRecord(item) && !Array.isArray(item))) return value.map((item) => plain(item, i18n)).join(', ');
  return i18n.t('audit.changed');
}

/** How one recorded value of a field reads ('' for nothing). */
export function auditValue(key: string, value: unknown, i18n: AuditTranslator): string {
  if (value === null || value === undefined) return '';
  switch (FIELDS[key]?.kind) {
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? i18n.format.dateTime(value) : plain(value, i18n);
    case 'yesNo':
      return typeof value === 'boolean' || value === 0 || value === 1 ? i18n.t(value ? 'audit.yes' : 'audit.no') : plain(value, i18n);
    case 'minutes':
      return typeof value === 'number' ? i18n.format.minutes(value) : plain(value, i18n);
    case 'languages':
      return Array.isArray(value) ? i18n.format.languages(value.map(String)) : plain(value, i18n);
    case 'status':
      return named(STATUS_NAMES, value, i18n);
    case 'role':
      return named(ROLE_NAMES, value, i18n);
    case 'policy':
      return named(POLICY_NAMES, value, i18n);
    case 'attribution':
      return named(ATTRIBUTION_NAMES, value, i18n);
    // quote.create records whether a passage was chosen; an update or removal the passage itself ('' for the whole comment).
    case 'excerpt':
      if (typeof value === 'boolean') return i18n.t(value ? 'audit.excerpt.passage' : 'audit.excerpt.whole');
      return value === '' ? i18n.t('audit.excerpt.whole') : plain(value, i18n);
    case 'characters':
      return typeof value === 'number' ? i18n.plural('audit.characters', value) : plain(value, i18n);
    // A copy records how many topics it brought; a new order, each topic with its number.
    case 'topics':
      if (typeof value === 'number') return i18n.plural('audit.topicCount', value);
      if (Array.isArray(value)) {
        return value
          .filter(isRecord)
          .map((topic) => i18n.t('audit.topicLine', { number: plain(topic.number, i18n), question: plain(topic.question, i18n) }))
          .join('\n');
      }
      return plain(value, i18n);
    default:
      return plain(value, i18n);
  }
}

/** A field's name for people. */
export const auditField = (key: string, i18n: AuditTranslator): string => (FIELDS[key] ? i18n.t(FIELDS[key].label) : humanize(key));

/** "Texts in French: title and theme changed", one line per language whose texts changed. */
function translationLines(before: unknown, after: unknown, i18n: AuditTranslator): ChangeLine[] {
  const was = isRecord(before) ? before : {};
  const now = isRecord(after) ? after : {};
  return [...new Set([...Object.keys(was), ...Object.keys(now)])].flatMap((language) => {
    const [old, texts] = [isRecord(was[language]) ? was[language] : {}, isRecord(now[language]) ? now[language] : {}];
    const fields = [...new Set([...Object.keys(old), ...Object.keys(texts)])].filter((field) => !sameValue(old[field] || null, texts[field] || null));
    if (fields.length === 0) return [];
    return [
      {
        kind: 'note' as const,
        key: `translations.${language}`,
        label: i18n.t('audit.translations', { language: i18n.format.language(language) }),
        text: i18n.t('audit.translationsChanged', { fields: i18n.format.list(fields.map((field) => auditField(field, i18n).toLocaleLowerCase())) }),
      },
    ];
  });
}

/**
 * What an audit entry changed, in the reader's words: every field named, every value read as
 * people say it (dates, yes/no, languages, statuses), a dialogue's or topic's translations as
 * "texts in French changed"; ids and derived fields left out, and a field the client does not
 * know named in words, never in code.
 */
export function changeLines(before: unknown, after: unknown, i18n: AuditTranslator): ChangeLine[] {
  return diffRows(before, after)
    .filter((row) => !UNSHOWN.has(row.key))
    .flatMap((row): ChangeLine[] => {
      if (row.key === 'translations') return translationLines(row.before, row.after, i18n);
      const [was, now] = [auditValue(row.key, row.before, i18n), auditValue(row.key, row.after, i18n)];
      return [{ kind: 'change', key: row.key, label: row.key === '' ? '' : auditField(row.key, i18n), before: was, after: now, changed: row.changed }];
    });
}

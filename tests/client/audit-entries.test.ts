import { describe, expect, it } from 'vitest';
import type { DialogueSummary, Topic } from '../../shared/dialogues.ts';
import { AUDIT_ACTIONS as RECORDED } from '../../shared/moderation.constants.ts';
import { diffRows } from '../../client/src/lib/audit-diff.ts';
import { AUDIT_ACTIONS, changeLines, humanize, type ChangeLine } from '../../client/src/lib/audit-labels.ts';
import { auditEn } from '../../client/src/lib/i18n/sections/audit.en.ts';
import { I18n } from '../../client/src/lib/i18n/translator.svelte.ts';

// The audit log in words (client/src/lib/audit-labels.ts): what the server records in an entry's
// before/after, as the moderator and the organizer read it.

async function translator(language: 'en' | 'fr' | 'es') {
  const i18n = new I18n({ languages: [language === 'en' ? 'en-GB' : language], saved: () => null, save: () => undefined, show: () => undefined });
  await i18n.ready;
  await i18n.addSection({
    en: auditEn,
    fr: () => import('../../client/src/lib/i18n/sections/audit.fr.ts').then((module) => module.auditFr),
    es: () => import('../../client/src/lib/i18n/sections/audit.es.ts').then((module) => module.auditEs),
  });
  return i18n;
}

const dialogue: DialogueSummary = {
  id: 'd1',
  slug: 'idm-2026',
  title: 'IDM 2026',
  theme: 'Migration',
  description: 'About migration.',
  opensAt: '2026-12-02T10:37:00.000Z',
  closesAt: '2026-12-16T17:00:00.000Z',
  timeZone: 'Europe/Paris',
  moderation: 'post',
  languages: ['en'],
  hostDescription: '',
  annexLabel: '',
  annexLeadIn: '',
  translations: {},
  published: false,
  status: 'announced',
  createdAt: '2026-11-01T00:00:00.000Z',
  editWindowMinutes: 15,
  wallEnabled: true,
  requireVerifiedEmail: false,
  practiceThemes: [],
  quoteAttribution: 'none',
  commentTotal: 0,
  reportsToHold: 3,
  holdFirstComment: false,
};

const topic: Topic = {
  id: 't1',
  dialogueId: 'd1',
  dialogueSlug: 'idm-2026',
  number: 1,
  question: 'Why?',
  description: '**Old**',
  descriptionHtml: '<p><strong>Old</strong></p>',
  translations: {},
  commentCount: 4,
  locked: false,
};

const changes = (lines: ChangeLine[]) => lines.map((line) => (line.kind === 'note' ? [line.label, line.text] : [line.label, line.before, line.after]));
/** A field name as code: camelCase, snake_case or a dotted key. */
const CODE = /\b[a-z]+[A-Z]\w*|\b\w+_\w+|\b[a-z]+\.[a-z]/;

describe('diffRows', () => {
  it('keeps the recorded values, lists only what changed, and everything of a first state', () => {
    expect(diffRows({ status: 'pending', topic: 't1' }, { status: 'published', topic: 't1' })).toEqual([
      { key: 'status', before: 'pending', after: 'published', changed: true },
    ]);
    expect(diffRows(null, { words: ['spam'] })).toEqual([{ key: 'words', before: undefined, after: ['spam'], changed: true }]);
    expect(diffRows({ locked: true }, { locked: true })).toEqual([{ key: 'locked', before: true, after: true, changed: false }]);
    expect(diffRows(null, null)).toEqual([]);
    expect(diffRows('a', 'b')).toEqual([{ key: '', before: 'a', after: 'b', changed: true }]);
  });
});

describe('the audit log in words', () => {
  it('names every action the server records', async () => {
    const i18n = await translator('fr');
    expect(Object.keys(AUDIT_ACTIONS).sort()).toEqual([...RECORDED].sort());
    const names = RECORDED.map((action) => i18n.t(AUDIT_ACTIONS[action]));
    expect(names.filter((name) => CODE.test(name) || RECORDED.some((action) => name.includes(action)))).toEqual([]);
    expect(i18n.t(AUDIT_ACTIONS['comment.keep'])).not.toBe(i18n.t(AUDIT_ACTIONS['comment.approve']));
  });

  it('reads a dialogue’s settings change: dates, policy, languages, yes/no, minutes, and translations as “texts in French changed”', async () => {
    const i18n = await translator('en');
    const after: DialogueSummary = {
      ...dialogue,
      opensAt: '2026-12-03T10:37:00.000Z',
      moderation: 'pre',
      languages: ['en', 'fr'],
      published: true,
      editWindowMinutes: 1,
      quoteAttribution: 'country',
      translations: { fr: { title: 'IDM 2026 (fr)', theme: 'Migrations' } },
      status: 'open',
      commentTotal: 3,
    };
    expect(changes(changeLines(dialogue, after, i18n))).toEqual([
      ['Opens', i18n.format.dateTime(dialogue.opensAt), i18n.format.dateTime(after.opensAt)],
      ['Moderation policy', 'post-moderation: comments appear at once', 'pre-moderation: comments wait for a moderator'],
      ['Languages', 'English', 'English and French'],
      ['Texts in French', 'Changed: title and theme.'],
      ['Published', 'no', 'yes'],
      ['Status', 'announced', 'open'],
      ['Time to edit a comment', '15 minutes', '1 minute'],
      ['Attribution of new quotes', 'anonymous', 'country and affiliation'],
    ]);
    expect(i18n.format.dateTime(after.opensAt)).toMatch(/^3 Dec 2026/);
  });

  it('never shows a field or a value as code, in any language, for a new dialogue, a topic’s rewording, a role or a quote', async () => {
    for (const language of ['en', 'fr', 'es'] as const) {
      const i18n = await translator(language);
      const lines = [
        ...changeLines(null, dialogue, i18n),
        ...changeLines(
          topic,
          { ...topic, description: '**New**', descriptionHtml: '<p><strong>New</strong></p>', translations: { es: { question: '¿Por qué?' } } },
          i18n,
        ),
        ...changeLines({ role: 'participant', moderates: false }, { role: 'moderator', moderates: true }, i18n),
        ...changeLines(null, { commentId: 'c1', excerpt: true, attribution: 'name', position: 2 }, i18n),
        ...changeLines({ version: 2, status: 'draft' }, { version: 3, status: 'approved', length: 1 }, i18n),
        ...changeLines(null, { source: 'idm-2025', slug: 'idm-2026', title: 'IDM 2026', topics: 4 }, i18n),
        ...changeLines({ topics: [{ id: 't1', number: 1, question: 'Why?' }] }, { topics: [{ id: 't1', number: 2, question: 'Why?' }] }, i18n),
      ];
      const shown = lines.flatMap((line) => (line.kind === 'note' ? [line.label, line.text] : [line.label, line.before, line.after]));
      expect(shown.filter((text) => CODE.test(text))).toEqual([]);
      // Ids and derived fields are not news.
      expect(lines.map((line) => line.key).filter((key) => ['id', 'commentId', 'descriptionHtml', 'commentTotal', 'createdAt'].includes(key))).toEqual([]);
    }
  });

  it('says what a quote, a summary save, a copy and a new order record', async () => {
    const i18n = await translator('en');
    expect(changes(changeLines(null, { commentId: 'c1', excerpt: false, attribution: 'none', position: 1 }, i18n))).toEqual([
      ['Quoted text', '', 'the whole comment'],
      ['Attribution', '', 'anonymous'],
      ['Place among the topic’s quotes', '', '1'],
    ]);
    expect(changes(changeLines({ version: 1, status: 'draft' }, { version: 2, status: 'approved', length: 1 }, i18n))).toEqual([
      ['Version', '1', '2'],
      ['Status', 'draft', 'approved'],
      ['Length', '', '1 character'],
    ]);
    expect(changes(changeLines(null, { source: 'idm-2025', topics: 4 }, i18n))).toEqual([
      ['Copied from', '', 'idm-2025'],
      ['Topics', '', '4 topics'],
    ]);
    expect(
      changes(
        changeLines(
          {
            topics: [
              { id: 'a', number: 1, question: 'First?' },
              { id: 'b', number: 2, question: 'Second?' },
            ],
          },
          {
            topics: [
              { id: 'b', number: 1, question: 'Second?' },
              { id: 'a', number: 2, question: 'First?' },
            ],
          },
          i18n,
        ),
      ),
    ).toEqual([['Topics', '1. First?\n2. Second?', '1. Second?\n2. First?']]);
  });

  it('translates values in French, and words a field it does not know rather than showing its code', async () => {
    const i18n = await translator('fr');
    expect(changes(changeLines({ locked: false, role: 'participant' }, { locked: true, role: 'organizer' }, i18n))).toEqual([
      ['Verrouillé', 'non', 'oui'],
      ['Rôle', 'participant', 'organisateur'],
    ]);
    expect(humanize('someNewField')).toBe('Some new field');
    expect(changes(changeLines({ someNewField: 'a' }, { someNewField: 'b' }, i18n))).toEqual([['Some new field', 'a', 'b']]);
  });
});

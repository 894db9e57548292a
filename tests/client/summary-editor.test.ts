import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PutSummaryBody, Summary } from '../../shared/summaries.ts';
import { ApiError } from '../../client/src/lib/api.ts';
import {
  CITATIONS_DELAY_MS,
  mergeCitations,
  previewPieces,
  SUMMARY_MAX,
  SUMMARY_PREVIEW_DELAY_MS,
  SummaryEditor,
  type CitedSentence,
} from '../../client/src/lib/state/summary-editor.svelte.ts';

function summary(version: number, body: string, extra: Partial<Summary> = {}): Summary {
  return {
    dialogueId: 'd1',
    topicId: 't1',
    body,
    status: 'draft',
    version,
    approvedVersion: null,
    updatedBy: version === 0 ? null : { id: 'u1', displayName: 'Mia' },
    updatedAt: version === 0 ? null : '2026-07-20T10:00:00.000Z',
    ...extra,
  };
}

const conflict = () => new ApiError(409, 'summary_conflict', 'Someone saved a newer version.');

/** An editor over a fake server holding `stored`; every save checks baseVersion as the API does. */
function setup(initial: Summary, cite?: (body: string) => Promise<CitedSentence[]>) {
  const server = { stored: initial, saves: [] as PutSummaryBody[] };
  const editor = new SummaryEditor({
    load: async () => server.stored,
    save: async (body) => {
      server.saves.push(body);
      if (body.baseVersion !== undefined && body.baseVersion !== server.stored.version) throw conflict();
      const version = server.stored.version + 1;
      server.stored = summary(version, body.body, {
        status: body.status,
        approvedVersion: body.status === 'approved' ? version : server.stored.approvedVersion,
      });
      return server.stored;
    },
    render: async (markdown) => `<p>${markdown}</p>`,
    cite,
  });
  return { editor, server };
}

describe('SummaryEditor', () => {
  it('is dirty only while the text differs from the version it started from', async () => {
    const { editor } = setup(summary(2, 'Saved text.'));
    await editor.load();
    expect(editor.dirty).toBe(false);
    editor.write('Saved text, changed.');
    expect(editor.dirty).toBe(true);
    editor.write('Saved text.');
    expect(editor.dirty).toBe(false);
    editor.write('Changed again.');
    editor.revert();
    expect(editor.body).toBe('Saved text.');
    expect(editor.dirty).toBe(false);
  });

  it('saves a draft naming the version it started from, then is clean on the new version', async () => {
    const { editor, server } = setup(summary(0, ''));
    await editor.load();
    editor.write('First words.');
    expect(await editor.save('draft')).toBe(true);
    expect(server.saves).toEqual([{ body: 'First words.', status: 'draft', baseVersion: 0 }]);
    expect(editor.saved?.version).toBe(1);
    expect(editor.dirty).toBe(false);
    expect(editor.justSaved).toBe('draft');
    editor.write('First words, approved.');
    expect(await editor.save('approved')).toBe(true);
    expect(server.saves.at(-1)).toEqual({ body: 'First words, approved.', status: 'approved', baseVersion: 1 });
    expect(editor.saved?.approvedVersion).toBe(2);
  });

  it('on a conflict keeps the text, shows the version saved meanwhile, and saves over it when asked', async () => {
    const { editor, server } = setup(summary(3, 'Base.'));
    await editor.load();
    editor.write('Mine.');
    server.stored = summary(4, 'Theirs.', { updatedBy: { id: 'u2', displayName: 'Omar' } });
    expect(await editor.save('draft')).toBe(false);
    expect(editor.body).toBe('Mine.');
    expect(editor.error).toBeInstanceOf(ApiError);
    expect(editor.conflict?.version).toBe(4);
    expect(editor.conflict?.updatedBy?.displayName).toBe('Omar');
    expect(editor.dirty).toBe(true);

    expect(await editor.keepMine('draft')).toBe(true);
    expect(server.saves.at(-1)).toEqual({ body: 'Mine.', status: 'draft', baseVersion: 4 });
    expect(editor.conflict).toBe(null);
    expect(editor.saved?.version).toBe(5);
    expect(editor.dirty).toBe(false);
  });

  it('on a conflict can take their version instead, dropping the changes', async () => {
    const { editor, server } = setup(summary(3, 'Base.'));
    await editor.load();
    editor.write('Mine.');
    server.stored = summary(4, 'Theirs.');
    await editor.save('draft');
    editor.takeTheirs();
    expect(editor.body).toBe('Theirs.');
    expect(editor.saved?.version).toBe(4);
    expect(editor.dirty).toBe(false);
    expect(editor.conflict).toBe(null);
    expect(editor.error).toBeUndefined();
  });

  it('takes a version saved elsewhere at once when clean, and only points it out when there are changes', async () => {
    const { editor } = setup(summary(1, 'One.'));
    await editor.load();
    editor.applyRemote(summary(2, 'Two.'));
    expect(editor.body).toBe('Two.');
    expect(editor.newerElsewhere).toBe(null);
    editor.applyRemote(summary(1, 'An older event.'));
    expect(editor.body).toBe('Two.');

    editor.write('Two, with my changes.');
    editor.applyRemote(summary(3, 'Three.'));
    expect(editor.body).toBe('Two, with my changes.');
    expect(editor.newerElsewhere?.version).toBe(3);
    editor.takeTheirs();
    expect(editor.body).toBe('Three.');
  });

  it('refuses to save a text over the limit', async () => {
    const { editor, server } = setup(summary(1, 'One.'));
    await editor.load();
    editor.write('x'.repeat(SUMMARY_MAX + 1));
    expect(editor.tooLong).toBe(true);
    expect(await editor.save('draft')).toBe(false);
    expect(server.saves).toEqual([]);
  });

  it('inserts a key point as a paragraph of its own at the caret', async () => {
    const { editor } = setup(summary(1, 'First paragraph.\n\nLast paragraph.'));
    await editor.load();
    const end = editor.insert('A key point.', 'First paragraph.'.length);
    expect(editor.body).toBe('First paragraph.\n\nA key point.\n\nLast paragraph.');
    expect(editor.body.slice(0, end)).toBe('First paragraph.\n\nA key point.');
    editor.insert('At the end.');
    expect(editor.body).toBe('First paragraph.\n\nA key point.\n\nLast paragraph.\n\nAt the end.');
  });

  it('inserts points one after another with exactly one blank line between paragraphs and none at the end', async () => {
    const { editor } = setup(summary(0, ''));
    await editor.load();
    const first = editor.insert('First point.');
    expect(editor.body).toBe('First point.');
    editor.insert('Third\n\n\n\npoint.', editor.insert('  Second point.\n', first));
    expect(editor.body).toBe('First point.\n\nSecond point.\n\nThird\n\npoint.');
    // At a caret inside blank lines, or at the start, the blank lines around it become one.
    editor.write('Intro.\n\n\n\nOutro.\n\n');
    editor.insert('Middle.', 'Intro.\n\n'.length);
    expect(editor.body).toBe('Intro.\n\nMiddle.\n\nOutro.');
    editor.insert('Start.', 0);
    expect(editor.body).toBe('Start.\n\nIntro.\n\nMiddle.\n\nOutro.');
    expect(editor.body).not.toMatch(/\n{3,}|\s$/);
  });

  it('has nothing to approve before a first version: never “approve version 0”', async () => {
    const { editor, server } = setup(summary(0, ''));
    await editor.load();
    expect(editor.approvable).toBe(false);
    expect(await editor.save('approved')).toBe(false);
    expect(server.saves).toEqual([]);
    editor.write('Written at last.');
    expect(editor.approvable).toBe(false);
    expect(await editor.save('approved')).toBe(true);
    expect([editor.saved?.version, editor.saved?.approvedVersion, editor.approvedAsIs]).toEqual([1, 1, null]);
  });

  it('approving an unchanged version says which version was approved', async () => {
    const { editor } = setup(summary(2, 'The draft the organizer read.'));
    await editor.load();
    expect(editor.approvable).toBe(true);
    expect(await editor.save('approved')).toBe(true);
    // The server keeps the approval as a new version with the same text; the version read was 2.
    expect([editor.approvedAsIs, editor.saved?.version, editor.saved?.body]).toEqual([2, 3, 'The draft the organizer read.']);
    editor.write('Changed again.');
    expect(editor.approvedAsIs).toBeNull();
  });

  describe('with fake timers', () => {
    beforeEach(() => void vi.useFakeTimers());
    afterEach(() => void vi.useRealTimers());

    it('previews after a pause and looks for citations after a longer one, once for the latest text', async () => {
      const asked: string[] = [];
      const cite = async (body: string): Promise<CitedSentence[]> => {
        asked.push(body);
        return body.split('. ').map((text, i) => ({ text, commentIds: i === 0 ? ['c1'] : [] }));
      };
      const { editor } = setup(summary(1, ''), cite);
      await editor.load();
      editor.write('Cited');
      editor.write('Cited. Not cited');
      expect(editor.citing).toBe(true);
      await vi.advanceTimersByTimeAsync(SUMMARY_PREVIEW_DELAY_MS);
      expect(editor.previewHtml).toBe('<p>Cited. Not cited</p>');
      expect(asked).toEqual([]);
      await vi.advanceTimersByTimeAsync(CITATIONS_DELAY_MS);
      expect(asked).toEqual(['Cited. Not cited']);
      expect(editor.citing).toBe(false);
      expect(editor.uncited.map((sentence) => sentence.text)).toEqual(['Not cited']);
    });
  });
});

describe('previewPieces', () => {
  it('keeps a text the preview accepts whole', () => {
    expect(previewPieces('One.\n\nTwo.', 100)).toEqual(['One.\n\nTwo.']);
  });

  it('cuts a long text between blocks, never inside one that fits', () => {
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    const c = 'c'.repeat(40);
    expect(previewPieces(`${a}\n\n${b}\n\n${c}`, 90)).toEqual([`${a}\n\n${b}`, c]);
  });

  it('cuts a single block longer than the limit, counting characters as the server does', () => {
    expect(previewPieces('😀'.repeat(25), 10)).toEqual(['😀'.repeat(10), '😀'.repeat(10), '😀'.repeat(5)]);
  });
});

describe('mergeCitations', () => {
  it('cites a sentence where any topic cites it, without repeats', () => {
    const topic1 = [
      { text: 'A.', commentIds: ['c1'] },
      { text: 'B.', commentIds: [] },
      { text: 'C.', commentIds: [] },
    ];
    const topic2 = [
      { text: 'A.', commentIds: ['c1', 'c9'] },
      { text: 'B.', commentIds: ['c7'] },
      { text: 'C.', commentIds: [] },
    ];
    expect(mergeCitations([topic1, topic2])).toEqual([
      { text: 'A.', commentIds: ['c1', 'c9'] },
      { text: 'B.', commentIds: ['c7'] },
      { text: 'C.', commentIds: [] },
    ]);
    expect(mergeCitations([])).toEqual([]);
  });
});

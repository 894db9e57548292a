import { describe, expect, it } from 'vitest';
import type { Comment } from '../../shared/comments.ts';
import { cursorOf, mergeComments } from '../../client/src/lib/merge-comments.ts';

const comment = (seq: number, changeSeq = seq, bodyHtml = `<p>${seq}</p>`): Comment => ({
  id: `c${seq}`,
  seq,
  changeSeq,
  topicId: 't',
  parentId: null,
  replyTo: null,
  author: { id: 'u', displayName: 'A', country: 'ES', affiliation: null },
  bodyHtml,
  language: 'en',
  status: 'published',
  editNote: null,
  createdAt: '2026-11-23T10:00:00.000Z',
  editedAt: null,
});

describe('mergeComments', () => {
  it('appends comments newer than all those shown, keeping the others as they are', () => {
    const list = [comment(1), comment(2)];
    const merged = mergeComments(list, [comment(3), comment(4)]);
    expect(merged.map((c) => c.seq)).toEqual([1, 2, 3, 4]);
    expect(merged[0]).toBe(list[0]);
    expect(list.map((c) => c.seq)).toEqual([1, 2]);
  });

  it('appends new comments and keeps seq order when they arrive out of order', () => {
    expect(mergeComments([comment(1)], [comment(3), comment(2)]).map((c) => c.seq)).toEqual([1, 2, 3]);
  });

  it('takes out a comment held for review that arrives without its text, and keeps the author’s own', () => {
    const heldForReaders = { ...comment(2, 5, ''), status: 'pending' as const };
    expect(mergeComments([comment(1), comment(2), comment(3)], [heldForReaders]).map((c) => c.id)).toEqual(['c1', 'c3']);
    const heldForAuthor = { ...comment(2, 5), status: 'pending' as const, bodyMarkdown: '2' };
    expect(mergeComments([comment(1), comment(2)], [heldForAuthor]).map((c) => [c.id, c.status])).toEqual([
      ['c1', 'published'],
      ['c2', 'pending'],
    ]);
    expect(mergeComments([comment(1)], [{ ...comment(2, 5, ''), status: 'declined' as const }]).map((c) => c.id)).toEqual(['c1']);
  });

  it('shows a comment delivered twice (event and catch-up) once', () => {
    const merged = mergeComments([comment(1), comment(2)], [comment(2), comment(2)]);
    expect(merged.map((c) => c.id)).toEqual(['c1', 'c2']);
  });

  it('replaces a comment with a newer version and ignores an older one arriving late', () => {
    const edited = comment(1, 5, '<p>edited</p>');
    const afterEdit = mergeComments([comment(1), comment(2)], [edited]);
    expect(afterEdit[0]!.bodyHtml).toBe('<p>edited</p>');
    expect(mergeComments(afterEdit, [comment(1, 1)])[0]!.bodyHtml).toBe('<p>edited</p>');
  });

  it('returns the same list when nothing arrived', () => {
    const list = [comment(1)];
    expect(mergeComments(list, [])).toBe(list);
  });
});

describe('cursorOf', () => {
  it('is the highest seq and the highest changeSeq shown', () => {
    expect(cursorOf([comment(1, 7), comment(2, 3)])).toEqual({ afterSeq: 2, afterChange: 7 });
    expect(cursorOf([])).toEqual({ afterSeq: 0, afterChange: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import type { Comment } from '../../shared/comments.ts';
import { buildThreads } from '../../client/src/lib/threads.ts';

const comment = (id: string, seq: number, parentId: string | null = null): Comment => ({
  id,
  seq,
  changeSeq: seq,
  topicId: 't1',
  parentId,
  replyTo: null,
  author: { id: 'u1', displayName: 'Amina K.', country: 'SN', affiliation: 'ngo' },
  bodyHtml: `<p>${id}</p>`,
  language: 'en',
  status: 'published',
  editNote: null,
  createdAt: '2026-07-12T10:00:00.000Z',
  editedAt: null,
});

const shape = (comments: Comment[]) => buildThreads(comments).map((t) => [t.comment.id, t.replies.map((r) => r.id)]);

describe('buildThreads', () => {
  it('puts replies under their top-level comment, oldest first', () => {
    const comments = [comment('b', 2), comment('a', 1), comment('a2', 4, 'a'), comment('a1', 3, 'a'), comment('b1', 5, 'b')];
    expect(shape(comments)).toEqual([
      ['a', ['a1', 'a2']],
      ['b', ['b1']],
    ]);
  });

  it('shows a reply whose parent is missing on its own rather than dropping it', () => {
    expect(shape([comment('x1', 7, 'gone'), comment('c', 8)])).toEqual([
      ['x1', []],
      ['c', []],
    ]);
  });

  it('keeps the objects of unchanged threads, so a keyed list leaves them alone', () => {
    const first = buildThreads([comment('a', 1), comment('b', 2), comment('b1', 3, 'b')]);
    const edited = { ...comment('b1', 3, 'b'), bodyHtml: '<p>edited</p>' };
    const next = buildThreads(
      [comment('a', 1), comment('b', 2), edited, comment('c', 4)].map((c, i) => (i === 0 ? first[0]!.comment : c)),
      first,
    );
    expect(next[0]).toBe(first[0]);
    expect(next[1]).not.toBe(first[1]);
    expect(next[1]!.replies[0]!.bodyHtml).toBe('<p>edited</p>');
    expect(next.map((t) => t.comment.id)).toEqual(['a', 'b', 'c']);
  });

  it('adds comments posted after all the others to the threads they join, as grouping them all again would', () => {
    const before = [comment('a', 1), comment('b', 2), comment('a1', 3, 'a'), comment('x1', 4, 'gone')];
    const first = buildThreads(before);
    const after = [...before, comment('b1', 5, 'b'), comment('c', 6), comment('x2', 7, 'x1'), comment('c1', 8, 'c')];
    const next = buildThreads(after, first, before);
    expect(next.map((t) => [t.comment.id, t.replies.map((r) => r.id)])).toEqual(shape(after));
    expect(next[0]).toBe(first[0]);
    expect(next[1]).not.toBe(first[1]);
    expect(first[1]!.replies).toEqual([]);
  });
});

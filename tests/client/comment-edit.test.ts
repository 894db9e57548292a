import { describe, expect, it } from 'vitest';
import type { Comment } from '../../shared/comments.ts';
import { mergeComments } from '../../client/src/lib/merge-comments.ts';
import { CommentEdit } from '../../client/src/lib/state/comment-edit.svelte.ts';

const comment = (extra: Partial<Comment> = {}): Comment => ({
  id: 'c1',
  seq: 1,
  changeSeq: 1,
  topicId: 't1',
  parentId: null,
  replyTo: null,
  author: { id: 'u1', displayName: 'Ana', country: 'ES', affiliation: null },
  bodyHtml: '<p>My first words.</p>',
  bodyMarkdown: 'My first words.',
  language: 'en',
  status: 'published',
  editNote: null,
  createdAt: '2026-07-12T10:00:00.000Z',
  editedAt: null,
  ...extra,
});

function editor(original = comment()) {
  const sent: { id: string; body: string }[] = [];
  const edit = new CommentEdit(
    original,
    async (id, body) => {
      sent.push({ id, body });
      return comment({ bodyMarkdown: body, bodyHtml: `<p>${body}</p>`, changeSeq: original.changeSeq + 1, editedAt: '2026-07-12T10:05:00.000Z' });
    },
    async (body) => `<p>${body}</p>`,
  );
  return { edit, sent };
}

describe('CommentEdit, the author rewording a comment', () => {
  it('sends nothing when the text is unchanged, so the comment is not marked edited', async () => {
    const { edit, sent } = editor();
    expect(edit.unchanged).toBe(true);
    const kept = await edit.submit();
    expect(kept).toBe(edit.comment);
    expect(kept?.editedAt).toBeNull();
    expect(sent).toEqual([]);
    edit.dispose();
  });

  it('sends a changed text, and the answer replaces the comment in the thread once', async () => {
    const { edit, sent } = editor();
    edit.write('My second thoughts.');
    expect(edit.unchanged).toBe(false);
    const edited = await edit.submit();
    expect(sent).toEqual([{ id: 'c1', body: 'My second thoughts.' }]);
    const thread = mergeComments([comment(), comment({ id: 'c2', seq: 2 })], [edited!]);
    expect(thread.map((entry) => [entry.id, entry.bodyMarkdown, entry.editedAt !== null])).toEqual([
      ['c1', 'My second thoughts.', true],
      ['c2', 'My first words.', false],
    ]);
    // The live event of the same edit, arriving after the answer, changes nothing.
    expect(mergeComments(thread, [edited!])).toEqual(thread);
    edit.dispose();
  });

  it('counts a changed text written back to the original as unchanged, and refuses a blank one', async () => {
    const { edit, sent } = editor();
    edit.write('Something else.');
    edit.write('My first words.');
    expect(edit.unchanged).toBe(true);
    edit.write('   ');
    expect(await edit.submit()).toBeNull();
    expect(sent).toEqual([]);
    edit.dispose();
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { CreateTopicBody, PatchTopicBody, Topic } from '../../shared/dialogues.ts';
import { ApiError } from '../../client/src/lib/api.ts';
import { topicsEditorEn } from '../../client/src/lib/i18n/sections/topics-editor.en.ts';
import { topicsEditorEs } from '../../client/src/lib/i18n/sections/topics-editor.es.ts';
import { topicsEditorFr } from '../../client/src/lib/i18n/sections/topics-editor.fr.ts';
import { PLACEHOLDER } from '../../client/src/lib/i18n/messages.ts';
import { PREVIEW_DELAY_MS } from '../../client/src/lib/state/markdown-draft.svelte.ts';
import {
  dropPosition,
  QUESTION_MAX,
  reorderTopics,
  TOPIC_DESCRIPTION_MAX,
  TopicsEditor,
  type TopicsNews,
} from '../../client/src/lib/state/topics-editor.svelte.ts';

function topic(id: string, number: number, extra: Partial<Topic> = {}): Topic {
  return {
    id,
    dialogueId: 'd1',
    dialogueSlug: 'idm-2011',
    number,
    question: `Question ${id}`,
    description: '',
    descriptionHtml: '',
    translations: {},
    commentCount: 0,
    locked: false,
    ...extra,
  };
}

const ids = (topics: readonly Topic[]): string[] => topics.map((entry) => entry.id);
const numbers = (topics: readonly Topic[]): number[] => topics.map((entry) => entry.number);

/** A request that settles when the test says so. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const refusal = (status: number, code: string) => new ApiError(status, code, code);

/** An editor over a fake server holding `stored`: the order, patches and deletions act on it as the API does. */
function setup(initial: Topic[]) {
  const server = {
    stored: initial.map((entry) => ({ ...entry })),
    orders: [] as string[][],
    patches: [] as { topicId: string; body: PatchTopicBody }[],
    created: [] as CreateTopicBody[],
    removed: [] as string[],
    loads: 0,
    /** the next request of each kind fails with this */
    fail: {} as Partial<Record<'order' | 'patch' | 'remove' | 'create', unknown>>,
    /** the next order waits for the test */
    hold: null as ReturnType<typeof deferred<void>> | null,
  };
  const refuse = (kind: keyof typeof server.fail): void => {
    const error = server.fail[kind];
    if (error === undefined) return;
    delete server.fail[kind];
    throw error;
  };
  const news: TopicsNews[] = [];
  const editor = new TopicsEditor({
    topics: initial,
    load: async () => {
      server.loads++;
      return server.stored.map((entry) => ({ ...entry }));
    },
    create: async (body) => {
      server.created.push(body);
      refuse('create');
      const created = topic(`t${server.stored.length + 1}`, server.stored.length + 1, { question: body.question, description: body.description ?? '' });
      server.stored.push(created);
      return created;
    },
    patch: async (topicId, body) => {
      server.patches.push({ topicId, body });
      refuse('patch');
      const index = server.stored.findIndex((entry) => entry.id === topicId);
      const { translations: _translations, ...changes } = body;
      server.stored[index] = {
        ...server.stored[index]!,
        ...changes,
        descriptionHtml: body.description ? `<p>${body.description}</p>` : server.stored[index]!.descriptionHtml,
      };
      return { ...server.stored[index]! };
    },
    remove: async (topicId) => {
      server.removed.push(topicId);
      refuse('remove');
      server.stored = server.stored.filter((entry) => entry.id !== topicId).map((entry, i) => ({ ...entry, number: i + 1 }));
    },
    order: async (topicIds) => {
      server.orders.push(topicIds);
      const hold = server.hold;
      server.hold = null;
      if (hold) await hold.promise;
      refuse('order');
      server.stored = topicIds.map((id, i) => ({ ...server.stored.find((entry) => entry.id === id)!, number: i + 1 }));
      return server.stored.map((entry) => ({ ...entry }));
    },
    render: async (markdown) => `<p>${markdown}</p>`,
    announce: (item) => news.push(item),
  });
  editors.push(editor);
  return { editor, server, news };
}

const editors: TopicsEditor[] = [];
afterEach(() => {
  for (const editor of editors.splice(0)) editor.dispose();
});

describe('reorderTopics and dropPosition', () => {
  const list = [topic('a', 1), topic('b', 2), topic('c', 3)];

  it('moves a topic to a position and numbers the list 1…n', () => {
    const moved = reorderTopics(list, 'c', 1);
    expect(ids(moved)).toEqual(['c', 'a', 'b']);
    expect(numbers(moved)).toEqual([1, 2, 3]);
    expect(ids(reorderTopics(list, 'a', 9))).toEqual(['b', 'c', 'a']);
    expect(ids(reorderTopics(list, 'nope', 1))).toEqual(['a', 'b', 'c']);
  });

  it('turns a drop before or after a topic into the position the dragged one takes', () => {
    // "a" dropped after "c": last.
    expect(dropPosition(0, 2, true)).toBe(3);
    // "c" dropped before "a": first.
    expect(dropPosition(2, 0, false)).toBe(1);
    // "a" dropped before "c": between b and c.
    expect(dropPosition(0, 2, false)).toBe(2);
    // "c" dropped after "a": second.
    expect(dropPosition(2, 0, true)).toBe(2);
  });
});

describe('TopicsEditor', () => {
  it('shows the topics in their numbers’ order', () => {
    const { editor } = setup([topic('b', 2), topic('a', 1)]);
    expect(ids(editor.topics)).toEqual(['a', 'b']);
  });

  it('moves a topic at once, sends the whole order, then shows the server’s numbering and says what moved', async () => {
    const { editor, server, news } = setup([topic('a', 1), topic('b', 2), topic('c', 3)]);
    const hold = deferred<void>();
    server.hold = hold;
    const moving = editor.moveBy('b', -1);
    expect(ids(editor.topics)).toEqual(['b', 'a', 'c']);
    expect(numbers(editor.topics)).toEqual([1, 2, 3]);
    expect(editor.ordering).toBe(true);
    hold.resolve();
    expect(await moving).toBe(true);
    expect(server.orders).toEqual([['b', 'a', 'c']]);
    expect(editor.topics).toEqual(server.stored);
    expect(editor.ordering).toBe(false);
    expect(news).toEqual([{ kind: 'moved', number: 2, position: 1 }]);
  });

  it('goes back to the order before when the server refuses, and shows why at the topic', async () => {
    const { editor, server, news } = setup([topic('a', 1), topic('b', 2), topic('c', 3)]);
    const error = refusal(500, 'internal_error');
    server.fail.order = error;
    expect(await editor.move('a', 3)).toBe(false);
    expect(ids(editor.topics)).toEqual(['a', 'b', 'c']);
    expect(numbers(editor.topics)).toEqual([1, 2, 3]);
    expect(editor.failure).toEqual({ topicId: 'a', action: 'move', error });
    expect(news).toEqual([]);
    expect(server.loads).toBe(0);
  });

  it('reads the topics again when the order was refused because they changed meanwhile', async () => {
    const { editor, server } = setup([topic('a', 1), topic('b', 2)]);
    server.stored.push(topic('x', 3));
    server.fail.order = refusal(400, 'invalid_topic_order');
    expect(await editor.move('b', 1)).toBe(false);
    expect(server.loads).toBe(1);
    expect(ids(editor.topics)).toEqual(['a', 'b', 'x']);
  });

  it('takes no move past either end, and none while an order is on its way', async () => {
    const { editor, server } = setup([topic('a', 1), topic('b', 2)]);
    expect(await editor.moveBy('a', -1)).toBe(false);
    expect(await editor.moveBy('b', 1)).toBe(false);
    const hold = deferred<void>();
    server.hold = hold;
    const first = editor.moveBy('b', -1);
    expect(await editor.moveBy('a', 1)).toBe(false);
    hold.resolve();
    await first;
    expect(server.orders).toEqual([['b', 'a']]);
  });

  it('keeps a lock answered while an order is on its way, in the order shown and when it goes back', async () => {
    const { editor, server } = setup([topic('a', 1), topic('b', 2)]);
    const hold = deferred<void>();
    server.hold = hold;
    server.fail.order = refusal(500, 'internal_error');
    const moving = editor.moveBy('b', -1);
    await editor.setLocked('a', true);
    expect(editor.topics.map((entry) => [entry.id, entry.number, entry.locked])).toEqual([
      ['b', 1, false],
      ['a', 2, true],
    ]);
    hold.resolve();
    await moving;
    expect(editor.topics.map((entry) => [entry.id, entry.number, entry.locked])).toEqual([
      ['a', 1, true],
      ['b', 2, false],
    ]);
  });

  it('locks and unlocks a topic, and says so', async () => {
    const { editor, server, news } = setup([topic('a', 1), topic('b', 2)]);
    expect(await editor.setLocked('b', true)).toBe(true);
    expect(server.patches).toEqual([{ topicId: 'b', body: { locked: true } }]);
    expect(editor.topics[1]!.locked).toBe(true);
    expect(await editor.setLocked('b', false)).toBe(true);
    expect(news).toEqual([
      { kind: 'locked', number: 2 },
      { kind: 'unlocked', number: 2 },
    ]);
    const error = refusal(403, 'forbidden');
    server.fail.patch = error;
    expect(await editor.setLocked('a', true)).toBe(false);
    expect(editor.failure).toEqual({ topicId: 'a', action: 'lock', error });
    expect(editor.topics[0]!.locked).toBe(false);
  });

  it('deletes a topic without comments after confirmation, and shows the topics as the server renumbered them', async () => {
    const { editor, server, news } = setup([topic('a', 1), topic('b', 2), topic('c', 3)]);
    editor.askDelete('b');
    expect(editor.confirmingDelete).toBe('b');
    editor.cancelDelete();
    expect(editor.confirmingDelete).toBe(null);
    editor.askDelete('b');
    expect(await editor.remove('b')).toBe(true);
    expect(editor.confirmingDelete).toBe(null);
    expect(server.removed).toEqual(['b']);
    expect(ids(editor.topics)).toEqual(['a', 'c']);
    expect(numbers(editor.topics)).toEqual([1, 2]);
    expect(news).toEqual([{ kind: 'deleted', number: 2 }]);
  });

  it('never asks to delete a topic with published comments', async () => {
    const { editor, server } = setup([topic('a', 1, { commentCount: 3 })]);
    expect(editor.canDelete(editor.topics[0]!)).toBe(false);
    expect(await editor.remove('a')).toBe(false);
    expect(server.removed).toEqual([]);
  });

  it('keeps a topic whose comments are all waiting or hidden, with the server’s refusal shown at it', async () => {
    const { editor, server, news } = setup([topic('a', 1), topic('b', 2)]);
    const error = refusal(409, 'topic_has_comments');
    server.fail.remove = error;
    expect(editor.canDelete(editor.topics[1]!)).toBe(true);
    expect(await editor.remove('b')).toBe(false);
    expect(ids(editor.topics)).toEqual(['a', 'b']);
    expect(editor.failure).toEqual({ topicId: 'b', action: 'delete', error });
    expect(news).toEqual([]);
  });

  it('adds a topic at the end, leaving out a blank description, and empties the form', async () => {
    const { editor, server, news } = setup([topic('a', 1)]);
    const form = editor.adding;
    form.writeQuestion('  How do migrants vote?  ');
    form.description.write('   ');
    const added = await editor.add();
    expect(server.created).toEqual([{ question: 'How do migrants vote?' }]);
    expect(added?.number).toBe(2);
    expect(ids(editor.topics)).toEqual(['a', 't2']);
    expect(form.question).toBe('');
    expect(form.description.body).toBe('');
    expect(form.description.previewState).toBe('empty');
    expect(news).toEqual([{ kind: 'added', number: 2 }]);

    editor.adding.writeQuestion('Remittances');
    editor.adding.description.write('**Money** sent home.');
    await editor.add();
    expect(server.created.at(-1)).toEqual({ question: 'Remittances', description: '**Money** sent home.' });
  });

  it('refuses a topic without a question, or with texts past their limits, without asking the server', async () => {
    const { editor, server } = setup([]);
    const form = editor.adding;
    form.writeQuestion('   ');
    expect(await editor.add()).toBe(null);
    expect(form.questionProblem).toBe('required');
    expect(form.attempts).toBe(1);
    form.writeQuestion('Fine now');
    expect(form.questionProblem).toBe(null);
    form.writeQuestion('x'.repeat(QUESTION_MAX + 1));
    expect(await editor.add()).toBe(null);
    expect(form.questionProblem).toBe('tooLong');
    form.writeQuestion('A question');
    form.description.write('y'.repeat(TOPIC_DESCRIPTION_MAX + 1));
    expect(form.descriptionTooLong).toBe(true);
    expect(await editor.add()).toBe(null);
    expect(server.created).toEqual([]);
    // Limits count characters as the API does: an emoji is one.
    form.description.write('🌍'.repeat(TOPIC_DESCRIPTION_MAX));
    expect(form.descriptionTooLong).toBe(false);
  });

  it('keeps the form as written when the server refuses the new topic', async () => {
    const { editor, server } = setup([]);
    const error = refusal(403, 'forbidden');
    server.fail.create = error;
    editor.adding.writeQuestion('Kept');
    expect(await editor.add()).toBe(null);
    expect(editor.adding.question).toBe('Kept');
    expect(editor.adding.error).toBe(error);
    expect(editor.topics).toEqual([]);
  });

  it('rewords a topic: the form starts from its texts, saves both, closes and says so', async () => {
    const { editor, server, news } = setup([topic('a', 1, { description: 'Old *words*', descriptionHtml: '<p>Old <em>words</em></p>' })]);
    editor.startEdit('a');
    const draft = editor.editing!.draft;
    expect(draft.question).toBe('Question a');
    expect(draft.description.body).toBe('Old *words*');
    draft.writeQuestion('New question');
    draft.description.write('New **words**');
    expect(await editor.saveEdit()).toBe(true);
    expect(server.patches).toEqual([{ topicId: 'a', body: { question: 'New question', description: 'New **words**' } }]);
    expect(editor.editing).toBe(null);
    expect(editor.topics[0]).toMatchObject({ question: 'New question', descriptionHtml: '<p>New **words**</p>' });
    expect(news).toEqual([{ kind: 'saved', number: 1 }]);
  });

  it('keeps the rewording open with the server’s refusal, and drops it on cancel', async () => {
    const { editor, server } = setup([topic('a', 1)]);
    editor.startEdit('a');
    const error = refusal(404, 'not_found');
    server.fail.patch = error;
    expect(await editor.saveEdit()).toBe(false);
    expect(editor.editing?.draft.error).toBe(error);
    editor.cancelEdit();
    expect(editor.editing).toBe(null);
    expect(editor.topics[0]!.question).toBe('Question a');
  });

  it('previews the description being written as the server renders it', async () => {
    const { editor } = setup([]);
    editor.adding.description.write('Some *text*');
    expect(editor.adding.description.previewState).toBe('waiting');
    await new Promise((resolve) => setTimeout(resolve, PREVIEW_DELAY_MS + 50));
    await tick();
    expect(editor.adding.description.previewHtml).toBe('<p>Some *text*</p>');
  });
});

describe('the topics screen’s messages', () => {
  const placeholders = (message: string): string =>
    [...message.matchAll(PLACEHOLDER)]
      .map((match) => match[1])
      .sort()
      .join();
  const keys = Object.keys(topicsEditorEn).sort();
  const SAME_IN_FRENCH = ['topicsEditor.question', 'topicsEditor.description'];

  it.each([
    ['fr', topicsEditorFr],
    ['es', topicsEditorEs],
  ] as const)('%s has every key, with the same placeholders, translated', (_locale, catalogue) => {
    const english: Record<string, string> = topicsEditorEn;
    const other: Record<string, string> = catalogue;
    expect(Object.keys(other).sort()).toEqual(keys);
    expect(keys.filter((key) => other[key]!.trim() === '')).toEqual([]);
    expect(keys.filter((key) => placeholders(other[key]!) !== placeholders(english[key]!))).toEqual([]);
    expect(keys.filter((key) => other[key] === english[key] && !(catalogue === topicsEditorFr && SAME_IN_FRENCH.includes(key)))).toEqual([]);
  });

  it('says the empty state and a move as the organizers asked', () => {
    expect(topicsEditorEn['topicsEditor.empty']).toBe('No topics yet — a dialogue needs at least one before it opens.');
    expect(topicsEditorEn['topicsEditor.moved'].replace('{number}', '2').replace('{position}', '1')).toBe('Topic 2 moved to position 1.');
  });
});

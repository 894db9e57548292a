import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Comment, CreateCommentBody } from '../../shared/comments.ts';
import { COMMENT_MAX_LENGTH } from '../../shared/comments.constants.ts';
import { TYPING_INTERVAL_MS } from '../../shared/realtime.constants.ts';
import { ApiError, type Posted } from '../../client/src/lib/api.ts';
import { draftKey, DraftStore, newClientKey, type DraftStorage } from '../../client/src/lib/drafts.ts';
import { Composer, type ComposerOptions } from '../../client/src/lib/state/composer.svelte.ts';
import { characterCount, PREVIEW_DELAY_MS } from '../../client/src/lib/state/markdown-draft.svelte.ts';

const CLIENT_KEY = /^[A-Za-z0-9_-]{8,64}$/;

function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const parent = { id: 'c1', parentId: null } as Comment;

function posted(body: CreateCommentBody, status: 'published' | 'pending' = 'published'): Posted {
  return { comment: { id: `id-${body.clientKey}`, status } as Comment, pending: status === 'pending' };
}

describe('newClientKey', () => {
  it('makes keys the API accepts, a different one each time', () => {
    const keys = new Set(Array.from({ length: 100 }, () => newClientKey()));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(CLIENT_KEY);
  });
});

describe('DraftStore', () => {
  it('keeps one draft per topic and per comment answered, and forgets an emptied one', () => {
    const storage = memoryStorage();
    const store = new DraftStore(storage);
    store.save(draftKey('t1', null), { body: 'new', language: 'en', clientKey: 'k'.repeat(10) });
    store.save(draftKey('t1', 'c1'), { body: 'reply', language: 'fr', clientKey: 'r'.repeat(10) });
    expect(store.load(draftKey('t1', null))?.body).toBe('new');
    expect(store.load(draftKey('t1', 'c1'))?.language).toBe('fr');
    expect(store.load(draftKey('t2', null))).toBeNull();
    store.save(draftKey('t1', null), { body: '', language: 'en', clientKey: 'k'.repeat(10) });
    expect(storage.items.has(draftKey('t1', null))).toBe(false);
  });

  it('survives storage that is missing, full or holds something else', () => {
    expect(new DraftStore(null).load('x')).toBeNull();
    const broken = {
      getItem: () => '{not json',
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const store = new DraftStore(broken);
    expect(store.load('x')).toBeNull();
    expect(() => store.save('x', { body: 'a', language: 'en', clientKey: 'k'.repeat(10) })).not.toThrow();
  });
});

describe('Composer', () => {
  let storage: ReturnType<typeof memoryStorage>;
  let now: number;

  beforeEach(() => {
    vi.useFakeTimers();
    storage = memoryStorage();
    now = 1_000_000;
  });
  afterEach(() => vi.useRealTimers());

  function composer(overrides: Partial<ComposerOptions> = {}) {
    const post = vi.fn(async (_topicId: string, body: CreateCommentBody) => posted(body));
    const render = vi.fn(async (body: string) => `<p>${body}</p>`);
    const typing = vi.fn();
    const options: ComposerOptions = {
      topicId: 't1',
      parent: null,
      language: 'en',
      post,
      render,
      typing,
      drafts: new DraftStore(storage),
      now: () => now,
      ...overrides,
    };
    return { composer: new Composer(options), post, render, typing, options };
  }

  it('keeps the draft, its language and its key across a reload, apart for each reply', () => {
    const first = composer().composer;
    first.write('Half a thought');
    first.chooseLanguage('fr');
    const reply = composer({ parent }).composer;
    reply.write('An answer');

    const again = composer().composer;
    expect(again.body).toBe('Half a thought');
    expect(again.language).toBe('fr');
    expect(again.clientKey).toBe(first.clientKey);
    expect(composer({ parent }).composer.body).toBe('An answer');
  });

  it('posts with a clientKey the API accepts, reused on every retry after a network error, so a lost answer never doubles', async () => {
    const failing = vi.fn(async (_topicId: string, body: CreateCommentBody): Promise<Posted> => {
      if (failing.mock.calls.length < 3) throw new ApiError(0, 'network_error', 'offline');
      return posted(body);
    });
    const { composer: c } = composer({ post: failing });
    c.write('Hello');
    expect(await c.submit()).toBeNull();
    expect(c.error).toBeInstanceOf(ApiError);
    expect(c.body).toBe('Hello');
    expect(await c.submit()).toBeNull();
    const result = await c.submit();
    expect(result?.comment.id).toBe(`id-${failing.mock.calls[0]![1].clientKey}`);
    const keys = failing.mock.calls.map(([, body]) => body.clientKey);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(CLIENT_KEY);
    expect(failing.mock.calls[0]![1]).toEqual({ body: 'Hello', language: 'en', clientKey: keys[0] });
  });

  it('after posting, starts an empty draft with a new key and forgets the old one', async () => {
    const { composer: c } = composer();
    c.write('Posted once');
    const before = c.clientKey;
    await c.submit();
    expect(c.body).toBe('');
    expect(c.error).toBeUndefined();
    expect(c.clientKey).not.toBe(before);
    expect(storage.items.size).toBe(0);
  });

  it('sends a reply with its parentId, and reports a comment that waits for a moderator', async () => {
    const post = vi.fn(async (_topicId: string, body: CreateCommentBody) => posted(body, 'pending'));
    const { composer: c } = composer({ parent, post });
    c.write('A reply');
    const result = await c.submit();
    expect(post.mock.calls[0]![1].parentId).toBe('c1');
    expect(result?.pending).toBe(true);
  });

  it('sends nothing blank, too long, or twice while a post runs', async () => {
    const { composer: c, post } = composer();
    c.write('   ');
    await c.submit();
    c.write('x'.repeat(COMMENT_MAX_LENGTH + 1));
    expect(c.tooLong).toBe(true);
    await c.submit();
    expect(post).not.toHaveBeenCalled();
    c.write('Once');
    await Promise.all([c.submit(), c.submit()]);
    expect(post).toHaveBeenCalledTimes(1);
  });

  it('tells others about the writing at most once per typing interval', () => {
    const { composer: c, typing } = composer();
    c.write('a');
    c.write('ab');
    now += TYPING_INTERVAL_MS - 1;
    c.write('abc');
    expect(typing).toHaveBeenCalledTimes(1);
    now += 1;
    c.write('abcd');
    expect(typing).toHaveBeenCalledTimes(2);
  });

  it('asks for one preview per pause in the writing, and shows only the answer for the latest text', async () => {
    let release: (html: string) => void = () => undefined;
    const render = vi.fn((body: string) => (body === 'slow' ? new Promise<string>((resolve) => (release = resolve)) : Promise.resolve(`<p>${body}</p>`)));
    const { composer: c } = composer({ render });
    c.write('s');
    c.write('sl');
    c.write('slow');
    expect(c.previewState).toBe('waiting');
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS);
    expect(render).toHaveBeenCalledTimes(1);
    c.write('fast');
    await vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS);
    release('<p>slow</p>');
    await vi.advanceTimersByTimeAsync(0);
    expect(c.previewHtml).toBe('<p>fast</p>');
    expect(c.previewState).toBe('ready');
    c.write('');
    expect(c.previewState).toBe('empty');
  });
});

describe('characterCount', () => {
  it('counts characters as the API does: an emoji or an accented letter is one', () => {
    expect(characterCount('abc')).toBe(3);
    expect(characterCount('é🌍')).toBe(2);
    expect(characterCount('\ud83c')).toBe(1);
  });
});

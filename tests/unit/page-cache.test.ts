import { describe, expect, it } from 'vitest';
import { COMMENT_PAGE_SIZE } from '../../shared/comments.constants.ts';
import { PAGE_LIMIT_DEFAULT } from '../../shared/common.ts';
import { PageCache } from '../../server/comments/page-cache.ts';

const page = (chars: number) => 'x'.repeat(chars);

describe('PageCache', () => {
  it('keeps the first page at the page sizes the server and client use, and no other size', () => {
    const cache = new PageCache(1_000_000);
    for (const limit of [undefined, PAGE_LIMIT_DEFAULT, COMMENT_PAGE_SIZE]) {
      cache.set({ topicId: 't', after: undefined, limit }, 1, `first ${limit}`, null);
      expect(cache.get({ topicId: 't', after: undefined, limit }, 1)).toBe(`first ${limit}`);
    }
    cache.set({ topicId: 't', after: undefined, limit: 7 }, 1, 'odd size', null);
    expect(cache.get({ topicId: 't', after: undefined, limit: 7 }, 1)).toBeUndefined();
  });

  it('keeps a page after a cursor only when a cached page handed that cursor out, for that topic and size', () => {
    const cache = new PageCache(1_000_000);
    const invented = { topicId: 't', after: '17', limit: COMMENT_PAGE_SIZE };
    cache.set(invented, 1, 'invented', null);
    expect(cache.get(invented, 1)).toBeUndefined();

    cache.set({ topicId: 't', after: undefined, limit: COMMENT_PAGE_SIZE }, 1, 'first', '17');
    cache.set(invented, 1, 'second', null);
    expect(cache.get(invented, 1)).toBe('second');
    expect(cache.cacheable({ topicId: 'other', after: '17', limit: COMMENT_PAGE_SIZE })).toBe(false);
    expect(cache.cacheable({ topicId: 't', after: '17', limit: PAGE_LIMIT_DEFAULT })).toBe(false);
  });

  it('serves a page only at the topic version it was built at', () => {
    const cache = new PageCache(1_000_000);
    cache.set({ topicId: 't', after: undefined, limit: undefined }, 1, 'v1', null);
    expect(cache.get({ topicId: 't', after: undefined, limit: undefined }, 2)).toBeUndefined();
  });

  it('stays within its byte budget, evicting the least recently used page first', () => {
    const cache = new PageCache(100_000);
    const first = (topicId: string) => ({ topicId, after: undefined, limit: undefined });
    for (let i = 0; i < 20; i += 1) {
      cache.set(first(`t${i}`), 1, page(5_000), null);
      if (i > 0) cache.get(first('t0'), 1);
      expect(cache.bytes).toBeLessThanOrEqual(100_000);
    }
    expect(cache.get(first('t0'), 1)).toBe(page(5_000));
    expect(cache.get(first('t1'), 1)).toBeUndefined();
    expect(cache.size).toBe(10);
  });

  it('never keeps one page larger than an eighth of the budget', () => {
    const cache = new PageCache(80_000);
    cache.set({ topicId: 't', after: undefined, limit: undefined }, 1, page(6_000), null);
    expect(cache.size).toBe(0);
  });
});

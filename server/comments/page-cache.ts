import { COMMENT_PAGE_SIZE } from '../../shared/comments.constants.ts';
import { PAGE_LIMIT_DEFAULT } from '../../shared/common.ts';

/** What the cache may hold in all: pages of long comments are megabytes each. */
export const PAGE_CACHE_MAX_BYTES = 64 * 1024 * 1024;
/** Cursors remembered as handed out; each is a few dozen bytes. */
const MAX_ISSUED_CURSORS = 100_000;

export interface PageKey {
  topicId: string;
  after: string | undefined;
  limit: number | undefined;
}

interface Entry {
  version: number;
  json: string;
  bytes: number;
}

/**
 * The serialized comment pages anonymous readers get, each tagged with the topic version it was
 * built at. A page is served only while the topic's version in the database still matches, so
 * every node stays exact without telling the others anything.
 *
 * Only the pages a reader walking the thread asks for are kept: the first page and the pages
 * after a cursor this cache handed out, at the page sizes the server and its client use. Any
 * other `after`/`limit` is built afresh each time, so nobody can fill the cache with pages of
 * their choosing, and the whole cache stays within a byte budget, least recently used out first.
 */
export class PageCache {
  readonly #entries = new Map<string, Entry>();
  readonly #issued = new Set<string>();
  #bytes = 0;

  constructor(readonly maxBytes = PAGE_CACHE_MAX_BYTES) {}

  /** Bytes held now (UTF-16 code units twice: the most a string of them can take). */
  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Whether a page for this request may be kept at all. */
  cacheable({ topicId, after, limit }: PageKey): boolean {
    const pageSize = limit ?? PAGE_LIMIT_DEFAULT;
    if (pageSize !== PAGE_LIMIT_DEFAULT && pageSize !== COMMENT_PAGE_SIZE) return false;
    return after === undefined || this.#issued.has(cursorKey(topicId, pageSize, after));
  }

  get(key: PageKey, version: number): string | undefined {
    if (!this.cacheable(key)) return undefined;
    const name = entryKey(key);
    const entry = this.#entries.get(name);
    if (!entry || entry.version !== version) return undefined;
    this.#entries.delete(name);
    this.#entries.set(name, entry);
    return entry.json;
  }

  /** Keeps the page if its request is cacheable and it fits, and remembers the cursor it hands out. */
  set(key: PageKey, version: number, json: string, nextCursor: string | null): void {
    if (!this.cacheable(key)) return;
    const bytes = json.length * 2;
    // One page never takes more than an eighth of the budget: a few huge pages would evict all others.
    if (bytes > this.maxBytes / 8) return;
    if (nextCursor !== null) this.#issue(cursorKey(key.topicId, key.limit ?? PAGE_LIMIT_DEFAULT, nextCursor));
    const name = entryKey(key);
    this.#remove(name);
    while (this.#bytes + bytes > this.maxBytes) this.#remove(this.#entries.keys().next().value!);
    this.#entries.set(name, { version, json, bytes });
    this.#bytes += bytes;
  }

  #issue(cursor: string): void {
    this.#issued.delete(cursor);
    if (this.#issued.size >= MAX_ISSUED_CURSORS) this.#issued.delete(this.#issued.values().next().value!);
    this.#issued.add(cursor);
  }

  #remove(name: string): void {
    const entry = this.#entries.get(name);
    if (!entry) return;
    this.#entries.delete(name);
    this.#bytes -= entry.bytes;
  }
}

const cursorKey = (topicId: string, pageSize: number, after: string): string => `${topicId}|${pageSize}|${after}`;
const entryKey = ({ topicId, after, limit }: PageKey): string => cursorKey(topicId, limit ?? PAGE_LIMIT_DEFAULT, after ?? '');

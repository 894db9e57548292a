/**
 * The serialized comment pages anonymous readers get, keyed by topic, cursor and limit, each
 * tagged with the topic version it was built at. A page is served only while the topic's version
 * in the database still matches, so every node stays exact without telling the others anything.
 */
export class PageCache {
  readonly #entries = new Map<string, { version: number; json: string }>();

  constructor(readonly maxEntries = 2_000) {}

  get(key: string, version: number): string | undefined {
    const entry = this.#entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.json;
  }

  set(key: string, version: number, json: string): void {
    this.#entries.delete(key);
    if (this.#entries.size >= this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, { version, json });
  }
}

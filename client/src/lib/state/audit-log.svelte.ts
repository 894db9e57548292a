import type { AuditEntry, AuditLog, AuditQuery } from '../../../../shared/moderation.ts';

export const AUDIT_PAGE_SIZE = 30;

/** The audit log as the moderator filters it, a page at a time, newest first. */
export class AuditLogView {
  /** filters: a dialogue's slug, an action code, an actor's id; '' for any */
  dialogue = $state('');
  action = $state('');
  actor = $state('');
  items: AuditEntry[] = $state.raw([]);
  nextCursor: string | null = $state(null);
  loading = $state(true);
  loadingMore = $state(false);
  error: unknown = $state.raw();
  moreError: unknown = $state.raw();
  /** everyone seen acting so far, to filter by, by id */
  actors: Record<string, string> = $state.raw({});

  readonly #load: (query: AuditQuery) => Promise<AuditLog>;
  #attempt = 0;

  constructor(load: (query: AuditQuery) => Promise<AuditLog>) {
    this.#load = load;
    void this.apply();
  }

  /** Reads the first page under the current filters. */
  apply = async (): Promise<void> => {
    const attempt = ++this.#attempt;
    this.loading = true;
    this.error = undefined;
    this.moreError = undefined;
    try {
      const page = await this.#load(this.#query());
      if (attempt !== this.#attempt) return;
      this.items = page.items;
      this.nextCursor = page.nextCursor;
      this.#learnActors(page.items);
    } catch (error) {
      if (attempt === this.#attempt) this.error = error;
    } finally {
      if (attempt === this.#attempt) this.loading = false;
    }
  };

  /** Appends the next page; returns the first entry it added, for the focus to go to. */
  async more(): Promise<AuditEntry | null> {
    if (this.nextCursor === null || this.loadingMore) return null;
    const attempt = this.#attempt;
    this.loadingMore = true;
    this.moreError = undefined;
    try {
      const page = await this.#load({ ...this.#query(), after: this.nextCursor });
      if (attempt !== this.#attempt) return null;
      this.items = [...this.items, ...page.items];
      this.nextCursor = page.nextCursor;
      this.#learnActors(page.items);
      return page.items[0] ?? null;
    } catch (error) {
      if (attempt === this.#attempt) this.moreError = error;
      return null;
    } finally {
      this.loadingMore = false;
    }
  }

  #query(): AuditQuery {
    return {
      limit: AUDIT_PAGE_SIZE,
      ...(this.dialogue ? { dialogue: this.dialogue } : {}),
      ...(this.action ? { action: this.action } : {}),
      ...(this.actor ? { actor: this.actor } : {}),
    };
  }

  #learnActors(items: AuditEntry[]): void {
    const unknown = items.filter((item) => this.actors[item.actor.id] === undefined);
    if (unknown.length > 0) this.actors = { ...this.actors, ...Object.fromEntries(unknown.map((item) => [item.actor.id, item.actor.displayName])) };
  }
}

import type { AuditEntry, AuditLog, AuditQuery } from '../../../../shared/moderation.ts';
import { PagedList } from './paged-list.svelte.ts';

export const AUDIT_PAGE_SIZE = 30;

/** The audit log as the moderator filters it, a page at a time, newest first. */
export class AuditLogView extends PagedList<AuditEntry, AuditLog> {
  /** filters: a dialogue's slug, an action code, an actor's id; '' for any */
  dialogue = $state('');
  action = $state('');
  actor = $state('');
  /** everyone seen acting so far, to filter by, by id */
  actors: Record<string, string> = $state.raw({});

  readonly #load: (query: AuditQuery) => Promise<AuditLog>;

  constructor(load: (query: AuditQuery) => Promise<AuditLog>) {
    super();
    this.#load = load;
    void this.load();
  }

  protected fetchPage(after: string | undefined): Promise<AuditLog> {
    return this.#load({ ...this.#query(), ...(after === undefined ? {} : { after }) });
  }

  protected override took(page: AuditLog): void {
    this.#learnActors(page.items);
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

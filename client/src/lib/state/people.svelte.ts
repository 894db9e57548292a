import type { Affiliation, Role } from '../../../../shared/common.constants.ts';
import type { PeopleList, PeopleQuery, Person, RoleChangeBody } from '../../../../shared/users.ts';
import type { PlainKey } from '../i18n/messages.ts';
import type { StaffMember } from '../moderation-api.ts';
import { PagedList } from './paged-list.svelte.ts';

export type RoleChange = RoleChangeBody['role'];

export interface PeopleApi {
  list: (query: PeopleQuery) => Promise<PeopleList>;
  changeRole: (userId: string, role: RoleChange) => Promise<Person>;
  /** both answer the dialogue's moderators after the change */
  appoint: (slug: string, userId: string) => Promise<StaffMember[]>;
  remove: (slug: string, userId: string) => Promise<StaffMember[]>;
}

export const ROLE_LABELS = {
  participant: 'people.role.participant',
  moderator: 'people.role.moderator',
  organizer: 'people.role.organizer',
} as const satisfies Record<Role, PlainKey>;

export const PEOPLE_PAGE_SIZE = 50;
export const PEOPLE_SEARCH_DELAY_MS = 300;

export type PeopleFilter = 'country' | 'affiliation' | 'role';
type CountryCode = NonNullable<PeopleQuery['country']>;

/** What the organizer's last change did, to announce. */
export type PeopleNews =
  { kind: 'promoted' | 'demoted'; personId: string; name: string } | { kind: 'appointed' | 'removed'; personId: string; name: string; slug: string };

/**
 * The organizers' view of everyone with an account: a search by name or e-mail (asked for after a
 * pause in typing), filters by country, affiliation and role, a page at a time; and the changes an
 * organizer makes from there, one person at a time: their role (after a confirmation) and the
 * dialogues they moderate.
 */
export class PeopleDirectory extends PagedList<Person> {
  query = $state('');
  country: CountryCode | '' = $state('');
  affiliation: Affiliation | '' = $state('');
  role: Role | '' = $state('');

  /** the role change waiting for the organizer to confirm it */
  confirming: { personId: string; role: RoleChange } | null = $state.raw(null);
  /** whose change is on its way */
  busy: string | null = $state(null);
  news: PeopleNews | null = $state.raw(null);
  /** a refused change, shown with the person it was for */
  failure: { personId: string; error: unknown } | null = $state.raw(null);

  readonly #api: PeopleApi;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(api: PeopleApi) {
    super();
    this.#api = api;
    void this.load();
  }

  /** The search as typed; the list follows once typing pauses. */
  search(query: string): void {
    this.query = query;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => void this.load(), PEOPLE_SEARCH_DELAY_MS);
  }

  /** A filter chosen ('' for any): the list follows at once. */
  filter(field: PeopleFilter, value: string): void {
    if (field === 'affiliation') this.affiliation = value as Affiliation | '';
    else if (field === 'role') this.role = value as Role | '';
    else this.country = value as CountryCode | '';
    clearTimeout(this.#searchTimer);
    void this.load();
  }

  /** Asks for a role change, which waits for `confirm`. */
  ask(person: Person, role: RoleChange): void {
    this.confirming = { personId: person.id, role };
    this.failure = null;
  }

  cancel(): void {
    this.confirming = null;
  }

  /** Makes the confirmed role change; false when it was refused (the last organizer stays one). */
  async confirm(): Promise<boolean> {
    const asked = this.confirming;
    const person = asked && this.items.find((candidate) => candidate.id === asked.personId);
    if (!asked || !person) return false;
    this.confirming = null;
    return this.#change(person, async () => {
      this.#replace(await this.#api.changeRole(person.id, asked.role));
      this.news = { kind: asked.role === 'organizer' ? 'promoted' : 'demoted', personId: person.id, name: person.displayName };
    });
  }

  async appoint(person: Person, slug: string): Promise<boolean> {
    return this.#change(person, async () => {
      const staff = await this.#api.appoint(slug, person.id);
      const role = staff.find((member) => member.id === person.id)?.role ?? person.role;
      this.#replace({ ...person, role, moderates: person.moderates.includes(slug) ? person.moderates : [...person.moderates, slug] });
      this.news = { kind: 'appointed', personId: person.id, name: person.displayName, slug };
    });
  }

  async removeModerator(person: Person, slug: string): Promise<boolean> {
    return this.#change(person, async () => {
      await this.#api.remove(slug, person.id);
      const moderates = person.moderates.filter((candidate) => candidate !== slug);
      // As the server does: a moderator left without a dialogue is a participant again.
      const role = person.role === 'moderator' && moderates.length === 0 ? 'participant' : person.role;
      this.#replace({ ...person, role, moderates });
      this.news = { kind: 'removed', personId: person.id, name: person.displayName, slug };
    });
  }

  override stop(): void {
    clearTimeout(this.#searchTimer);
    super.stop();
  }

  async #change(person: Person, action: () => Promise<void>): Promise<boolean> {
    if (this.busy !== null) return false;
    this.busy = person.id;
    this.failure = null;
    this.news = null;
    try {
      await action();
      return true;
    } catch (error) {
      this.failure = { personId: person.id, error };
      return false;
    } finally {
      this.busy = null;
    }
  }

  #replace(person: Person): void {
    this.items = this.items.map((candidate) => (candidate.id === person.id ? person : candidate));
  }

  protected fetchPage(after: string | undefined): Promise<PeopleList> {
    return this.#api.list({ ...this.#query(), ...(after === undefined ? {} : { after }) });
  }

  #query(): PeopleQuery {
    const q = this.query.trim();
    return {
      limit: PEOPLE_PAGE_SIZE,
      ...(q ? { q } : {}),
      ...(this.country ? { country: this.country } : {}),
      ...(this.affiliation ? { affiliation: this.affiliation } : {}),
      ...(this.role ? { role: this.role } : {}),
    };
  }
}

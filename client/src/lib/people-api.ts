import type { PeopleList, PeopleQuery, Person, RoleChangeBody } from '../../../shared/users.ts';
import { getJson, request } from './api.ts';

// The organizers' people screen: everyone with an account, and their role.
// Appointing moderators goes through moderation-api.ts, as on a dialogue's settings.

const segment = encodeURIComponent;

/** One page of people matching the query, by name; `nextCursor` is passed back as `after` for the next. */
export function listPeople(query: PeopleQuery): Promise<PeopleList> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  return getJson(`/api/users?${params}`);
}

/** Makes someone an organizer, or a participant again; 409 `last_organizer` keeps the last organizer. */
export async function changeRole(userId: string, role: RoleChangeBody['role']): Promise<Person> {
  return (await (await request('PATCH', `/api/users/${segment(userId)}`, { role } satisfies RoleChangeBody)).json()) as Person;
}

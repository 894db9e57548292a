import type { Role } from '../../shared/common.constants.ts';
import { PAGE_LIMIT_DEFAULT } from '../../shared/common.ts';
import type { PeopleList, PeopleQuery, Person, RoleChangeBody } from '../../shared/users.ts';
import { recordAction } from '../audit/audit.repository.ts';
import { isOrganizer, type Viewer } from '../auth/viewer.ts';
import type { Ctx } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../lib/cursor.ts';
import { nowIso } from '../lib/time.ts';
import { appointedDialogueIds, lockUser, setRole } from '../moderation/moderators.repository.ts';
import { appointedSlugs, countOrganizers, findPerson, listPeople, lockOrganizers, suspensionEnds, type PersonRow } from './people.repository.ts';

function assertOrganizer(viewer: Viewer): void {
  if (!isOrganizer(viewer)) throw forbidden('Only an organizer can look people up or change their role.');
}

/** These people as organizers see them: with e-mail, appointments, comment count and suspension. */
async function toPeople(ctx: Ctx, rows: readonly PersonRow[]): Promise<Person[]> {
  const ids = rows.map((row) => row.id);
  const [moderates, suspended] = await Promise.all([appointedSlugs(ctx.db, ids), suspensionEnds(ctx.db, ids, nowIso())]);
  return rows.map((row) => ({
    id: row.id,
    displayName: row.display_name,
    email: row.email,
    country: row.country,
    organization: row.organization,
    affiliation: row.affiliation,
    role: row.role,
    moderates: moderates.get(row.id) ?? [],
    commentCount: Number(row.comment_count),
    suspendedUntil: suspended.get(row.id) ?? null,
    createdAt: row.created_at,
  }));
}

const personCursor = (row: PersonRow): string => encodeCursor({ displayName: row.display_name, id: row.id });

/** Organizers look people up: by part of a name or e-mail address, country, affiliation and role, by name. */
export async function findPeople(ctx: Ctx, viewer: Viewer, query: PeopleQuery): Promise<PeopleList> {
  assertOrganizer(viewer);
  const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
  const rows = await listPeople(ctx.db, {
    text: query.q,
    country: query.country,
    affiliation: query.affiliation,
    role: query.role,
    after: query.after ? decodeCursor(query.after, ['displayName', 'id']) : null,
    limit: limit + 1,
  });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: await toPeople(ctx, items), nextCursor: rows.length > limit && last ? personCursor(last) : null };
}

const lastOrganizer = (): AppError =>
  new AppError(409, 'last_organizer', 'This is the last organizer: make someone else an organizer before this one becomes a participant again.');

/**
 * Makes someone an organizer, or no longer one: they become a moderator again when appointed to a
 * dialogue, a participant otherwise (a moderator asked to be a participant stays one while appointed:
 * appointments are ended per dialogue). The last organizer stays (409), even when two demotions race.
 * Audited; the person's open pages reconnect with their new rights at once.
 */
export async function changeRole(ctx: Ctx, viewer: Viewer, userId: string, input: RoleChangeBody): Promise<Person> {
  assertOrganizer(viewer);
  const changed = await ctx.write(async (trx) => {
    if (input.role === 'participant') await lockOrganizers(trx);
    const user = await lockUser(trx, userId);
    if (!user) throw notFound('This user');
    let role: Role = 'organizer';
    if (input.role === 'participant') role = (await appointedDialogueIds(trx, userId)).length > 0 ? 'moderator' : 'participant';
    if (role === user.role) return false;
    if (user.role === 'organizer' && (await countOrganizers(trx)) <= 1) throw lastOrganizer();
    await setRole(trx, userId, role, nowIso());
    await recordAction(trx, {
      dialogueId: null,
      actorId: viewer.id,
      action: 'user.role',
      targetType: 'user',
      targetId: userId,
      before: { role: user.role },
      after: { role },
    });
    return true;
  });
  if (changed) ctx.realtime.userChanged(userId);
  const row = await findPerson(ctx.db, userId);
  if (!row) throw notFound('This user');
  return (await toPeople(ctx, [row]))[0]!;
}

import type { User } from '../../../shared/users.ts';

/**
 * The signed-in user as the server describes them: `moderates` lists the dialogues (slugs) they
 * moderate. A server that does not send it yet grants moderators every dialogue.
 */
type Staff = Pick<User, 'role'> & { moderates?: readonly string[] };

/** Whether this user moderates the dialogue: organizers moderate them all. */
export function canModerate(user: Staff | null, dialogueSlug: string): boolean {
  if (!user) return false;
  if (user.role === 'organizer') return true;
  return user.moderates ? user.moderates.includes(dialogueSlug) : user.role === 'moderator';
}

/** Whether this user moderates at least one dialogue: they have a moderation queue. */
export function moderatesAny(user: Staff | null): boolean {
  if (!user) return false;
  if (user.role === 'organizer') return true;
  return user.moderates ? user.moderates.length > 0 : user.role === 'moderator';
}

export const isOrganizer = (user: Staff | null): boolean => user?.role === 'organizer';

import type { Role } from '../../shared/common.ts';
import { AppError } from '../errors.ts';

/** The signed-in person making a request, or null for an anonymous visitor. */
export interface Viewer {
  id: string;
  role: Role;
  displayName: string;
  suspendedUntil: string | null;
  sessionId: string;
  /** the dialogues a moderator is appointed to (empty for everyone else: organizers moderate all of them) */
  moderatedDialogueIds: readonly string[];
}

/**
 * Holds a moderating role at all: it lets a request past the route guard, nothing more. What a
 * moderator may do is decided per dialogue, with `moderatesDialogue`.
 */
export const isModerator = (viewer: Viewer | null): boolean => viewer !== null && (viewer.role === 'moderator' || viewer.role === 'organizer');

export const isOrganizer = (viewer: Viewer | null): boolean => viewer !== null && viewer.role === 'organizer';

/** Organizers moderate every dialogue; a moderator only the dialogues an organizer appointed them to. */
export const moderatesDialogue = (viewer: Viewer | null, dialogueId: string): boolean =>
  viewer !== null && (viewer.role === 'organizer' || (viewer.role === 'moderator' && viewer.moderatedDialogueIds.includes(dialogueId)));

/** Moderates at least one dialogue: enough for what is site-wide, such as suspending a participant. */
export const moderatesAnyDialogue = (viewer: Viewer | null): boolean =>
  viewer !== null && (viewer.role === 'organizer' || (viewer.role === 'moderator' && viewer.moderatedDialogueIds.length > 0));

/** Suspended participants keep reading but may not write. */
export function assertCanWrite(viewer: Viewer): void {
  if (viewer.suspendedUntil && Date.parse(viewer.suspendedUntil) > Date.now()) {
    throw new AppError(403, 'suspended', `Your account is suspended until ${viewer.suspendedUntil}; you can read but not post.`);
  }
}

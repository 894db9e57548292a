import type { Role } from '../../shared/common.ts';
import { AppError } from '../errors.ts';

/** The signed-in person making a request, or null for an anonymous visitor. */
export interface Viewer {
  id: string;
  role: Role;
  displayName: string;
  suspendedUntil: string | null;
  sessionId: string;
}

export const isModerator = (viewer: Viewer | null): boolean =>
  viewer !== null && (viewer.role === 'moderator' || viewer.role === 'organizer');

export const isOrganizer = (viewer: Viewer | null): boolean => viewer !== null && viewer.role === 'organizer';

/** Suspended participants keep reading but may not write. */
export function assertCanWrite(viewer: Viewer): void {
  if (viewer.suspendedUntil && Date.parse(viewer.suspendedUntil) > Date.now()) {
    throw new AppError(403, 'suspended', `Your account is suspended until ${viewer.suspendedUntil}; you can read but not post.`);
  }
}

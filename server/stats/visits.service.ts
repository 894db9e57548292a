import type { Viewer } from '../auth/viewer.ts';
import type { Ctx } from '../context.ts';
import { visibleDialogue } from '../dialogues/dialogues.service.ts';
import { insertVisit } from '../dialogues/dialogues.repository.ts';
import { newId } from '../lib/ids.ts';
import { nowIso } from '../lib/time.ts';

/** Whom the views of an address past its quota of new visitors are counted against: one visitor, however many they are. */
export const UNTRACKED_VISITOR = 'untracked';

/** One page view, counted against a first-party visitor id the server issued; no IP address is kept. */
export async function recordVisit(ctx: Ctx, viewer: Viewer | null, slug: string, visitorId: string, path: string): Promise<void> {
  const dialogue = await visibleDialogue(ctx, viewer, slug);
  await insertVisit(ctx.db, { id: newId(), dialogueId: dialogue.id, visitorId, path, createdAt: nowIso() });
}

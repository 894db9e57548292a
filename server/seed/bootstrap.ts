import type { Ctx } from '../context.ts';
import { seedDemo } from './demo.ts';
import { ensureFirstOrganizer, type OrganizerResult } from './organizer.ts';

export interface BootstrapResult {
  organizer: OrganizerResult | null;
  demoSeeded: boolean;
}

/** First-start work: the first organizer if there is none, then the demo dialogue into a database without dialogues. */
export async function bootstrap(ctx: Ctx): Promise<BootstrapResult> {
  const organizer = await ensureFirstOrganizer(ctx);
  if (!ctx.config.seedDemo) return { organizer, demoSeeded: false };
  const anyDialogue = await ctx.db.selectFrom('dialogues').select('id').limit(1).executeTakeFirst();
  if (anyDialogue) return { organizer, demoSeeded: false };
  const owner = await ctx.db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('role', '=', 'organizer')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirstOrThrow();
  await seedDemo(ctx, { id: owner.id, role: 'organizer', displayName: owner.display_name, suspendedUntil: null, sessionId: '', moderatedDialogueIds: [] });
  return { organizer, demoSeeded: true };
}

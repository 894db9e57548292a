import { expect, it } from 'vitest';
import * as addCommentWasPublic from '../../db/migrations/2026_12_02_1200_add_comment_was_public.ts';
import { recordAction } from '../../server/audit/audit.repository.ts';
import { describeOnEachDatabase } from '../helpers/databases.ts';
import { dialogueWithTopic, participant, postComment } from '../helpers/factories.ts';
import { useTestApp } from '../helpers/test-app.ts';

describeOnEachDatabase('migration 2026_12_02_1200_add_comment_was_public', (kind) => {
  const t = useTestApp(kind);

  it('marks as once public every comment readers may have seen, and no comment held and withdrawn or hidden unseen', async () => {
    const { owner, dialogue, topic } = await dialogueWithTopic(t);
    const author = await participant(t);
    const states = {
      published: { status: 'published', held_reason: null },
      hiddenAfterPublishing: { status: 'hidden', held_reason: null },
      heldByReports: { status: 'pending', held_reason: 'reports' },
      withdrawnWhileHeld: { status: 'withdrawn', held_reason: 'pre_moderation' },
      hiddenWhileHeld: { status: 'hidden', held_reason: 'watched_word' },
      hiddenAfterApproval: { status: 'hidden', held_reason: 'pre_moderation' },
    } as const;
    const ids: Record<string, string> = {};
    for (const [name, state] of Object.entries(states)) {
      ids[name] = (await postComment(t, author, topic.id, { body: name })).id;
      await t.ctx.db.updateTable('comments').set(state).where('id', '=', ids[name]!).execute();
    }
    await recordAction(t.ctx.db, {
      dialogueId: dialogue.id,
      actorId: owner.user.id,
      action: 'comment.approve',
      targetType: 'comment',
      targetId: ids.hiddenAfterApproval!,
    });

    await addCommentWasPublic.down(t.ctx.db);
    await addCommentWasPublic.up(t.ctx.db);

    const rows = await t.ctx.db.selectFrom('comments').select(['id', 'was_public']).where('topic_id', '=', topic.id).execute();
    const wasPublic = Object.fromEntries(Object.entries(ids).map(([name, id]) => [name, rows.find((row) => row.id === id)?.was_public]));
    expect(wasPublic).toEqual({
      published: 1,
      hiddenAfterPublishing: 1,
      heldByReports: 1,
      withdrawnWhileHeld: 0,
      hiddenWhileHeld: 0,
      hiddenAfterApproval: 1,
    });
  });
});

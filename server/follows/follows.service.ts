import { PARTICIPANT_SUGGESTIONS, type FollowState, type ParticipantList } from '../../shared/follows.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Ctx } from '../context.ts';
import { nameMatchesPrefix } from '../comments/mentions.ts';
import { visibleTopic } from '../dialogues/dialogues.service.ts';
import { nowIso } from '../lib/time.ts';
import { follow, isFollowing, topicParticipants, unfollow } from './follows.repository.ts';

/** Whether the viewer follows a topic they can see (404 for one they cannot). */
export async function followState(ctx: Ctx, viewer: Viewer, topicId: string): Promise<FollowState> {
  await visibleTopic(ctx, viewer, topicId);
  return { following: await isFollowing(ctx.db, viewer.id, topicId) };
}

/** Follows or stops following a topic the viewer can see; either is idempotent. */
export async function setFollowing(ctx: Ctx, viewer: Viewer, topicId: string, following: boolean): Promise<void> {
  await visibleTopic(ctx, viewer, topicId);
  const now = nowIso();
  await ctx.write((trx) => (following ? follow(trx, viewer.id, topicId, now) : unfollow(trx, viewer.id, topicId, now)));
}

/**
 * The participants an @mention may name, for the composer's suggestions: people with a published
 * comment in the topic who are shown by name (never those shown as "participant from COUNTRY",
 * nor deleted accounts), whose name or one of its words starts with `q`, the most recently active first.
 */
export async function mentionableParticipants(ctx: Ctx, viewer: Viewer | null, topicId: string, q = ''): Promise<ParticipantList> {
  await visibleTopic(ctx, viewer, topicId);
  const participants = await topicParticipants(ctx.db, topicId);
  const items = participants
    .filter((p) => p.name_display === 'name' && nameMatchesPrefix(p.display_name, q))
    .slice(0, PARTICIPANT_SUGGESTIONS)
    .map((p) => ({ id: p.id, displayName: p.display_name }));
  return { items };
}

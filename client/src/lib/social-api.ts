import type { FollowState, ParticipantList } from '../../../shared/follows.ts';
import { getJson, request } from './api.ts';

// Following topics, @mention suggestions and withdrawing consent from a quote. Kept apart from
// api.ts: only the lazily loaded follow button, mention list and notification bell use it.

const segment = encodeURIComponent;

export async function isFollowing(topicId: string): Promise<boolean> {
  return (await getJson<FollowState>(`/api/topics/${segment(topicId)}/follow`)).following;
}

export async function setFollowing(topicId: string, following: boolean): Promise<void> {
  await request(following ? 'PUT' : 'DELETE', `/api/topics/${segment(topicId)}/follow`);
}

/** The topic's participants shown by name whose name, or a word of it, starts with `q`. */
export async function mentionable(topicId: string, q: string): Promise<ParticipantList['items']> {
  return (await getJson<ParticipantList>(`/api/topics/${segment(topicId)}/participants?q=${segment(q)}`)).items;
}

/** The quoted author takes back their consent: the quote leaves every export. */
export async function withdrawConsent(quoteId: string): Promise<void> {
  await request('POST', `/api/quotes/${segment(quoteId)}/consent-withdrawal`, {});
}

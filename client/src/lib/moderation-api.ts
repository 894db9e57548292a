import type { Comment } from '../../../shared/comments.ts';
import type { Dialogue, PatchDialogueBody, Topic } from '../../../shared/dialogues.ts';
import type { AuditLog, AuditQuery, DialogueModerator, ModerationActionName, QueueItem, UserSearchResult } from '../../../shared/moderation.ts';
import type { NotificationList } from '../../../shared/notifications.ts';
import { getJson, request } from './api.ts';

const segment = encodeURIComponent;

export async function moderationQueue(): Promise<QueueItem[]> {
  return (await getJson<{ items: QueueItem[] }>('/api/moderation/queue')).items;
}

/** One decision on one comment; `reason` is required for hide and decline, and the author reads it. */
export async function moderate(commentId: string, action: ModerationActionName, reason?: string): Promise<Comment> {
  const body = reason === undefined ? { action } : { action, reason };
  return (await (await request('POST', `/api/comments/${segment(commentId)}/moderation`, body)).json()) as Comment;
}

/** A moderator's edit of someone else's comment, with the note shown under it. */
export async function editWithNote(commentId: string, body: string, note: string): Promise<Comment> {
  return (await (await request('PATCH', `/api/comments/${segment(commentId)}`, { body, note })).json()) as Comment;
}

export async function setTopicLocked(topicId: string, locked: boolean): Promise<Topic> {
  return (await (await request('PATCH', `/api/topics/${segment(topicId)}`, { locked })).json()) as Topic;
}

export async function suspendUser(userId: string, until: string, reason: string): Promise<{ until: string }> {
  return (await (await request('POST', `/api/users/${segment(userId)}/suspension`, { until, reason })).json()) as { until: string };
}

export async function liftSuspension(userId: string): Promise<void> {
  await request('DELETE', `/api/users/${segment(userId)}/suspension`);
}

export function auditLog(query: AuditQuery): Promise<AuditLog> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  return getJson(`/api/moderation/log?${params}`);
}

/** The dialogue settings moderation depends on. */
export type ModerationSettings = Pick<PatchDialogueBody, 'moderation' | 'reportsToHold' | 'holdFirstComment' | 'requireVerifiedEmail'>;

export async function saveModerationSettings(slug: string, settings: ModerationSettings): Promise<Dialogue> {
  return (await (await request('PATCH', `/api/dialogues/${segment(slug)}`, settings)).json()) as Dialogue;
}

export async function watchedWords(slug: string): Promise<string[]> {
  return (await getJson<{ words: string[] }>(`/api/dialogues/${segment(slug)}/watched-words`)).words;
}

export async function saveWatchedWords(slug: string, words: string[]): Promise<string[]> {
  return ((await (await request('PUT', `/api/dialogues/${segment(slug)}/watched-words`, { words })).json()) as { words: string[] }).words;
}

export type StaffMember = DialogueModerator;
export type UserMatch = UserSearchResult['items'][number];

export async function dialogueModerators(slug: string): Promise<StaffMember[]> {
  return (await getJson<{ items: StaffMember[] }>(`/api/dialogues/${segment(slug)}/moderators`)).items;
}

export async function appointModerator(slug: string, userId: string): Promise<StaffMember[]> {
  return ((await (await request('PUT', `/api/dialogues/${segment(slug)}/moderators/${segment(userId)}`)).json()) as { items: StaffMember[] }).items;
}

export async function removeModerator(slug: string, userId: string): Promise<StaffMember[]> {
  return ((await (await request('DELETE', `/api/dialogues/${segment(slug)}/moderators/${segment(userId)}`)).json()) as { items: StaffMember[] }).items;
}

export async function searchUsers(q: string): Promise<UserMatch[]> {
  return (await getJson<{ items: UserMatch[] }>(`/api/users?${new URLSearchParams({ q })}`)).items;
}

export function notifications(): Promise<NotificationList> {
  return getJson('/api/notifications');
}

export async function markNotificationsRead(): Promise<void> {
  await request('POST', '/api/notifications/read');
}

import type { CreateTopicBody, Dialogue, DialogueTranslations, PatchTopicBody, Topic } from '../../../shared/dialogues.ts';
import { request } from './api.ts';

// The organizers' side of a dialogue's topics and texts: adding, rewording, ordering and deleting
// topics, and the texts in the dialogue's other languages. Kept apart from api.ts so that
// participants' pages never download it.

const segment = encodeURIComponent;

export async function createTopic(slug: string, body: CreateTopicBody): Promise<Topic> {
  return (await (await request('POST', `/api/dialogues/${segment(slug)}/topics`, body)).json()) as Topic;
}

export async function patchTopic(topicId: string, body: PatchTopicBody): Promise<Topic> {
  return (await (await request('PATCH', `/api/topics/${segment(topicId)}`, body)).json()) as Topic;
}

/** Refused with 409 `topic_has_comments` while the topic has any comment, published or not. */
export async function deleteTopic(topicId: string): Promise<void> {
  await request('DELETE', `/api/topics/${segment(topicId)}`);
}

/** Every topic of the dialogue once, in the new order; the answer is the topics renumbered 1…n. */
export async function orderTopics(slug: string, topicIds: string[]): Promise<Topic[]> {
  return ((await (await request('PUT', `/api/dialogues/${segment(slug)}/topics/order`, { topicIds })).json()) as { items: Topic[] }).items;
}

/** Replaces the dialogue's texts in each language named, leaving the other languages as they are. */
export async function saveDialogueTranslations(slug: string, translations: DialogueTranslations): Promise<Dialogue> {
  return (await (await request('PATCH', `/api/dialogues/${segment(slug)}`, { translations })).json()) as Dialogue;
}

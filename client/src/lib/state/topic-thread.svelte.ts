import type { Comment } from '../../../../shared/comments.ts';
import type { Dialogue, Topic } from '../../../../shared/dialogues.ts';
import { getDialogue, getTopic, listComments, recordVisit } from '../api.ts';
import { buildThreads } from '../threads.ts';
import { Remote } from './remote.svelte.ts';

export interface TopicData {
  topic: Topic;
  dialogue: Dialogue;
  comments: Comment[];
}

async function allComments(topicId: string): Promise<Comment[]> {
  const comments: Comment[] = [];
  let after: string | undefined;
  do {
    const page = await listComments(topicId, after);
    comments.push(...page.items);
    after = page.nextCursor ?? undefined;
  } while (after !== undefined);
  return comments;
}

async function loadTopic(topicId: string, path: string): Promise<TopicData> {
  const topicRequest = getTopic(topicId);
  const dialogueRequest = topicRequest.then((topic) => {
    recordVisit(topic.dialogueSlug, path);
    return getDialogue(topic.dialogueSlug);
  });
  const [topic, dialogue, comments] = await Promise.all([topicRequest, dialogueRequest, allComments(topicId)]);
  return { topic, dialogue, comments };
}

/** A topic, its dialogue and its whole thread, read once (a page view of the dialogue). */
export class TopicThread extends Remote<TopicData> {
  threads = $derived(buildThreads(this.value?.comments ?? []));
  /** Counted like the topic's commentCount: placeholders and held comments are not comments. */
  publishedCount = $derived(this.value?.comments.filter((comment) => comment.status === 'published').length ?? 0);

  constructor(topicId: string, path: string) {
    super(() => loadTopic(topicId, path));
  }
}

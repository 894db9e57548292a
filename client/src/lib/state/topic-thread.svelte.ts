import type { Comment } from '../../../../shared/comments.ts';
import type { Dialogue, Topic } from '../../../../shared/dialogues.ts';
import { getDialogue, getTopic, listComments, recordVisit } from '../api.ts';
import { connection } from '../realtime.svelte.ts';
import { buildThreads } from '../threads.ts';
import { LiveTopic } from './live-topic.svelte.ts';
import { Remote } from './remote.svelte.ts';

export interface TopicData {
  topic: Topic;
  dialogue: Dialogue;
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
  const topic = await getTopic(topicId);
  recordVisit(topic.dialogueSlug, path);
  return { topic, dialogue: await getDialogue(topic.dialogueSlug) };
}

/** A topic and its dialogue, read once (a page view of the dialogue), and its thread, kept live. */
export class TopicThread extends Remote<TopicData> {
  readonly live: LiveTopic;
  threads = $derived.by(() => buildThreads(this.live.comments));
  publishedCount = $derived.by(() => this.live.comments.filter((comment) => comment.status === 'published').length);
  /** the topic as it stands now: as loaded, or as last announced live */
  topic = $derived.by(() => this.live.topic ?? this.value?.topic);

  constructor(topicId: string, path: string) {
    super(() => loadTopic(topicId, path));
    this.live = new LiveTopic(topicId, connection(), () => allComments(topicId));
  }

  stop(): void {
    this.live.stop();
  }
}

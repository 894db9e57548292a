import type { Comment } from '../../../../shared/comments.ts';
import type { Dialogue, Topic } from '../../../../shared/dialogues.ts';
import { getDialogue, getTopic, listComments, markRead, recordVisit } from '../api.ts';
import { i18n } from '../i18n/i18n.svelte.ts';
import { ReadPosition } from '../read-position.ts';
import { loadConnection } from '../realtime-loader.ts';
import { buildThreads, type Thread } from '../threads.ts';
import { newSinceLastVisit } from '../unread.ts';
import { Announcer } from './announcer.svelte.ts';
import { LiveTopic } from './live-topic.svelte.ts';
import { Participation } from './participation.svelte.ts';
import { Remote } from './remote.svelte.ts';
import { session } from './session.svelte.ts';

export interface TopicData {
  topic: Topic;
  dialogue: Dialogue;
}

async function loadTopic(topicId: string, path: string): Promise<TopicData> {
  const topic = await getTopic(topicId);
  recordVisit(topic.dialogueSlug, path);
  return { topic, dialogue: await getDialogue(topic.dialogueSlug) };
}

/**
 * A topic and its dialogue, read once (a page view of the dialogue), and its thread, kept live:
 * what the reader may do there, what is new since their last visit, where they have read to, and
 * the announcements of comments arriving.
 */
export class TopicThread extends Remote<TopicData> {
  readonly live: LiveTopic;
  readonly participation: Participation;
  readonly announcer = new Announcer((count) => i18n.plural('live.newComments', count));
  // The last threads built and the comments they were built from, handed to the next build so
  // unchanged threads keep their identity (and a live comment costs the thread it joins only).
  #threads: Thread[] = [];
  #builtFrom: readonly Comment[] = [];
  threads = $derived.by(() => {
    const comments = this.live.comments;
    this.#threads = buildThreads(comments, this.#threads, this.#builtFrom);
    this.#builtFrom = comments;
    return this.#threads;
  });
  publishedCount = $derived.by(() => {
    // Counted, not filtered: a live comment in a long thread allocates no copy of it.
    let count = 0;
    for (const comment of this.live.comments) if (comment.status === 'published') count++;
    return count;
  });
  /** the topic as it stands now: as loaded, or as last announced live */
  topic = $derived.by(() => this.live.topic ?? this.value?.topic);
  newSince = $derived.by(() => newSinceLastVisit(this.threads, this.live.lastReadSeq, this.live.arrivalSeq, session.user?.id ?? null));

  readonly #readPosition: ReadPosition;

  constructor(topicId: string, path: string) {
    super(() => loadTopic(topicId, path));
    const live = new LiveTopic(topicId, (after) => listComments(topicId, after));
    this.live = live;
    this.#readPosition = new ReadPosition({
      highestSeq: () => live.comments.at(-1)?.seq ?? 0,
      save: (lastSeq) => markRead(topicId, lastSeq),
      visible: () => session.user !== null && document.visibilityState === 'visible',
    });
    live.watch({
      joined: () => this.#readPosition.start(),
      arrived: (comments) => {
        const me = session.user?.id;
        this.announcer.arrived(comments.filter((comment) => comment.author.id !== me).length);
        this.#readPosition.seen();
      },
    });
    this.participation = new Participation({
      topicId,
      live,
      announcer: this.announcer,
      dialogue: () => this.value!.dialogue,
      topic: () => this.topic!,
      user: () => session.user,
      userKnown: () => session.known,
      typing: () => live.sendTyping(),
    });
  }

  /** Keeps the thread live and the reading position saved while the page shows it; the function returned ends both. */
  follow(): () => void {
    const unfollow = this.live.follow(loadConnection());
    document.addEventListener('visibilitychange', this.#onVisibility);
    return () => {
      unfollow();
      this.announcer.stop();
      this.#readPosition.stop();
      this.participation.closeReply();
      this.participation.cancelEdit();
      document.removeEventListener('visibilitychange', this.#onVisibility);
    };
  }

  #onVisibility = (): void => this.#readPosition.seen();
}

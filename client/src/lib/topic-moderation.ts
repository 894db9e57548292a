import { i18n } from './i18n/i18n.svelte.ts';
import { canModerate } from './moderators.ts';
import { session } from './state/session.svelte.ts';
import { ThreadModeration } from './state/thread-moderation.svelte.ts';
import type { TopicThread } from './state/topic-thread.svelte.ts';

const api = () => import('./moderation-api.ts');

/** The moderation tools of a topic page: its results shown in the live thread, and said in its live region. */
export function topicModeration(thread: TopicThread): ThreadModeration {
  return new ThreadModeration({
    allowed: () => {
      const slug = thread.topic?.dialogueSlug;
      return slug !== undefined && canModerate(session.user, slug);
    },
    // The requests' code comes when a moderator first acts: participants never download it.
    moderate: async (...args) => (await api()).moderate(...args),
    editWithNote: async (...args) => (await api()).editWithNote(...args),
    setLocked: async (...args) => (await api()).setTopicLocked(...args),
    show: (comment) => thread.live.add(comment),
    showTopic: (topic) => (thread.live.topic = topic),
    // Said in the moderation screens' words, fetched with the tools that asked for it.
    announce: ({ action }) => void import('./i18n/sections/thread-moderation.ts').then(() => thread.announcer.say(i18n.t(`modtools.done.${action}`))),
  });
}

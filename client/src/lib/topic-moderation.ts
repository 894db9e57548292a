import type { ModerationPlainKey } from './i18n/moderation.svelte.ts';
import { canModerate } from './moderators.ts';
import { session } from './state/session.svelte.ts';
import { ThreadModeration, type ThreadModerationOptions } from './state/thread-moderation.svelte.ts';
import type { TopicThread } from './state/topic-thread.svelte.ts';

type Said = Parameters<ThreadModerationOptions['announce']>[0]['action'];

const SAID: Record<Said, ModerationPlainKey> = {
  approve: 'modtools.done.approve',
  decline: 'modtools.done.decline',
  hide: 'modtools.done.hide',
  restore: 'modtools.done.restore',
  edit: 'modtools.done.edit',
  lock: 'modtools.done.lock',
  unlock: 'modtools.done.unlock',
};

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
    announce: ({ action }) =>
      void import('./i18n/moderation.svelte.ts').then(({ moderationI18n }) => thread.announcer.say(moderationI18n.t(SAID[action]))),
  });
}

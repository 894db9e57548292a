import { createContext } from 'svelte';
import type { ThreadModeration } from './thread-moderation.svelte.ts';

/**
 * Where a topic page keeps its moderation tools. They are loaded only once the reader is known to
 * moderate the topic's dialogue, so a participant's topic page never downloads them.
 */
export class ThreadTools {
  tools: ThreadModeration | null = $state.raw(null);
}

const [getSlot, setSlot, hasSlot] = createContext<ThreadTools>();

/** Gives the comments of a topic page the place its moderation tools arrive in. */
export const provideThreadTools = setSlot;

/** The topic page's tools' place, or undefined where comments are shown without them. */
export const threadTools = (): ThreadTools | undefined => (hasSlot() ? getSlot() : undefined);

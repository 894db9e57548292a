import type { Dialogue } from '../../../../shared/dialogues.ts';
import { getDialogue, recordVisit } from '../api.ts';
import { Remote } from './remote.svelte.ts';

/** A dialogue read for one page view, which counts as a visit. */
export class DialogueView extends Remote<Dialogue> {
  constructor(slug: string, path: string) {
    super(() => getDialogue(slug));
    recordVisit(slug, path);
  }
}

import { PAGE_LIMIT_MAX } from '../../../shared/common.constants.ts';
import type { CopyDialogueBody, CreateDialogueBody, Dialogue, DialogueSummary, PatchDialogueBody } from '../../../shared/dialogues.ts';
import { getJson, request } from './api.ts';

// The organizers' workspace: their dialogues, drafts included, and creating, copying, changing
// and deleting one.

const segment = encodeURIComponent;

export interface DialoguePage {
  items: DialogueSummary[];
  nextCursor: string | null;
}

/** One page of every dialogue an organizer sees (unpublished ones too), newest window first. */
export function listDialoguePage(after?: string): Promise<DialoguePage> {
  const query = new URLSearchParams({ limit: String(PAGE_LIMIT_MAX) });
  if (after !== undefined) query.set('after', after);
  return getJson(`/api/dialogues?${query}`);
}

export async function createDialogue(body: CreateDialogueBody): Promise<Dialogue> {
  return (await (await request('POST', '/api/dialogues', body)).json()) as Dialogue;
}

/** A new unpublished dialogue with `slug`'s topics, settings, texts and watched words, and no content. */
export async function copyDialogue(slug: string, body: CopyDialogueBody): Promise<Dialogue> {
  return (await (await request('POST', `/api/dialogues/${segment(slug)}/copy`, body)).json()) as Dialogue;
}

export async function patchDialogue(slug: string, body: PatchDialogueBody): Promise<Dialogue> {
  return (await (await request('PATCH', `/api/dialogues/${segment(slug)}`, body)).json()) as Dialogue;
}

/** Deletes a dialogue that never had a comment (409 dialogue_has_comments otherwise). */
export async function deleteDialogue(slug: string): Promise<void> {
  await request('DELETE', `/api/dialogues/${segment(slug)}`);
}

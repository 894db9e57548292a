import type { Comment, CreateCommentBody } from '../../../../shared/comments.ts';
import type { Language } from '../../../../shared/common.ts';
import { TYPING_INTERVAL_MS } from '../../../../shared/realtime.constants.ts';
import type { Posted } from '../api.ts';
import { draftKey, newClientKey, type DraftStore } from '../drafts.ts';
import { MarkdownDraft } from './markdown-draft.svelte.ts';

export interface ComposerOptions {
  topicId: string;
  /** the comment answered, or null for a new comment in the topic */
  parent: Comment | null;
  /** the language the comment is tagged with unless the writer picks another */
  language: Language;
  post: (topicId: string, body: CreateCommentBody) => Promise<Posted>;
  render: (body: string) => Promise<string>;
  /** tells others in the topic that someone is writing */
  typing: () => void;
  drafts: DraftStore;
  now?: () => number;
}

/**
 * A comment or reply being written: the draft is saved as it is typed, and posted with a key of
 * its own that every retry reuses, so a post whose answer was lost never shows up twice.
 */
export class Composer extends MarkdownDraft {
  language: Language = $state('en');
  sending = $state(false);
  /** why the last attempt failed; cleared by the next one */
  error: unknown = $state.raw();

  readonly parent: Comment | null;
  readonly topicId: string;
  readonly #options: ComposerOptions;
  readonly #key: string;
  readonly #now: () => number;
  #clientKey: string;
  #typingSentAt = -Infinity;

  constructor(options: ComposerOptions) {
    const key = draftKey(options.topicId, options.parent?.id ?? null);
    const saved = options.drafts.load(key);
    super(options.render, saved?.body ?? '');
    this.parent = options.parent;
    this.topicId = options.topicId;
    this.#options = options;
    this.#key = key;
    this.#now = options.now ?? Date.now;
    this.language = saved?.language ?? options.language;
    this.#clientKey = saved?.clientKey ?? newClientKey();
  }

  get clientKey(): string {
    return this.#clientKey;
  }

  override write(body: string): void {
    super.write(body);
    this.#save();
    const now = this.#now();
    // The server throttles typing notices too; sending fewer spares the socket.
    if (!this.blank && now - this.#typingSentAt >= TYPING_INTERVAL_MS) {
      this.#typingSentAt = now;
      this.#options.typing();
    }
  }

  chooseLanguage(language: Language): void {
    this.language = language;
    this.#save();
  }

  /** Posts the draft; the comment made, or null when it could not be (see `error`). */
  async submit(): Promise<Posted | null> {
    if (this.sending || this.blank || this.tooLong) return null;
    this.sending = true;
    this.error = undefined;
    try {
      const posted = await this.#options.post(this.#options.topicId, {
        body: this.body,
        language: this.language,
        clientKey: this.#clientKey,
        ...(this.parent ? { parentId: this.parent.id } : {}),
      });
      // A new draft, a new key; the emptied draft leaves the storage.
      this.#clientKey = newClientKey();
      this.write('');
      return posted;
    } catch (error) {
      this.error = error;
      return null;
    } finally {
      this.sending = false;
    }
  }

  #save(): void {
    this.#options.drafts.save(this.#key, { body: this.body, language: this.language, clientKey: this.#clientKey });
  }
}

import { COMMENT_MAX_LENGTH } from '../../../../shared/comments.constants.ts';

/** How long the writer pauses before the preview is asked for: one request per pause, not per key. */
export const PREVIEW_DELAY_MS = 400;

export type PreviewState = 'empty' | 'waiting' | 'ready' | 'failed';

/** Characters as the API counts them for its length limit: code points, so an emoji is one. */
export function characterCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/**
 * Markdown being written, with its preview: the server renders and sanitizes it exactly as it
 * would store it, so what the writer sees is what readers will see, and no unsanitized text is
 * ever put into the page.
 */
export class MarkdownDraft {
  body = $state('');
  /** sanitized HTML from the server for the last body it rendered */
  previewHtml = $state('');
  previewState: PreviewState = $state('empty');
  length = $derived(characterCount(this.body));
  tooLong = $derived(this.length > COMMENT_MAX_LENGTH);
  blank = $derived(this.body.trim() === '');

  readonly #render: (body: string) => Promise<string>;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #attempt = 0;

  constructor(render: (body: string) => Promise<string>, body = '') {
    this.#render = render;
    this.body = body;
    this.#schedulePreview();
  }

  /** The writer changed the text. */
  write(body: string): void {
    this.body = body;
    this.#schedulePreview();
  }

  /** Stops a preview still waiting to be asked for (the editor closed). */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#attempt++;
  }

  #schedulePreview(): void {
    clearTimeout(this.#timer);
    const attempt = ++this.#attempt;
    if (this.blank || this.tooLong) {
      this.previewHtml = '';
      this.previewState = 'empty';
      return;
    }
    this.previewState = 'waiting';
    this.#timer = setTimeout(() => void this.#preview(attempt), PREVIEW_DELAY_MS);
  }

  async #preview(attempt: number): Promise<void> {
    try {
      const html = await this.#render(this.body);
      // Only the answer for the latest text may land: an older one would show words since changed.
      if (attempt !== this.#attempt) return;
      this.previewHtml = html;
      this.previewState = 'ready';
    } catch {
      if (attempt === this.#attempt) this.previewState = 'failed';
    }
  }
}

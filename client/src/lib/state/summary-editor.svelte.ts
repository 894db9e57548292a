import { COMMENT_MAX_LENGTH } from '../../../../shared/comments.constants.ts';
import { SUMMARY_MAX_LENGTH } from '../../../../shared/summaries.constants.ts';
import type { Citations, PutSummaryBody, Summary, SummaryStatus } from '../../../../shared/summaries.ts';
import { ApiError } from '../api.ts';
import { follow, type LiveConnection } from '../realtime-loader.ts';

/** The summary's limit. */
export const SUMMARY_MAX = SUMMARY_MAX_LENGTH;
/** What the comment preview endpoint renders at once: one comment's worth. */
export const PREVIEW_PIECE_MAX = COMMENT_MAX_LENGTH;
export const SUMMARY_PREVIEW_DELAY_MS = 400;
/** Citations are looked for after a longer pause: each look compares the text with every comment of the topic. */
export const CITATIONS_DELAY_MS = 1_000;

/** Characters as the API counts them for its limits: code points, so an emoji is one. */
const characterCount = (text: string): number => Array.from(text).length;

export type CitedSentence = Citations['sentences'][number];

/**
 * Markdown cut into pieces the preview endpoint accepts, at blank lines between blocks, so that
 * each piece renders as it would within the whole; a single block longer than that is cut hard.
 */
export function previewPieces(markdown: string, max = PREVIEW_PIECE_MAX): string[] {
  const pieces: string[] = [];
  let current = '';
  const push = (): void => {
    if (current.trim() !== '') pieces.push(current);
    current = '';
  };
  for (const block of markdown.split(/\n[ \t]*\n/)) {
    const joined = current === '' ? block : `${current}\n\n${block}`;
    if (characterCount(joined) <= max) {
      current = joined;
      continue;
    }
    push();
    const points = [...block];
    for (let start = 0; start < points.length; start += max) {
      current = points.slice(start, start + max).join('');
      if (start + max < points.length) push();
    }
  }
  push();
  return pieces;
}

/** Sentences of several topics' citation answers for one text (the same sentences in each), cited where any topic cites them. */
export function mergeCitations(answers: readonly CitedSentence[][]): CitedSentence[] {
  const [first, ...rest] = answers;
  if (!first) return [];
  return first.map((sentence, i) => ({
    text: sentence.text,
    commentIds: [sentence.commentIds, ...rest.map((answer) => answer[i]?.commentIds ?? [])].flat().filter((id, n, all) => all.indexOf(id) === n),
  }));
}

export interface SummaryEditorOptions {
  load: () => Promise<Summary>;
  save: (body: PutSummaryBody) => Promise<Summary>;
  /** renders Markdown to sanitized HTML, as the server renders comments */
  render: (markdown: string) => Promise<string>;
  /** the sentences of a text and the comments each cites; absent where there is nothing to cite */
  cite?: (body: string) => Promise<CitedSentence[]>;
}

/**
 * A summary being written: the text, whether it differs from the version it started from, its
 * preview and the sentences that cite no comment, saving as a draft or approving. Saving names the
 * version the editor started from; when someone saved meanwhile the server refuses (409
 * `summary_conflict`) and the editor keeps the text and shows theirs, to take or to save over.
 */
export class SummaryEditor {
  /** the latest version as the editor knows it, which the text started from */
  saved: Summary | null = $state.raw(null);
  body = $state('');
  loadError: unknown = $state.raw();
  saving: SummaryStatus | null = $state(null);
  error: unknown = $state.raw();
  /** the newer version someone saved while this text was being written, after a refused save */
  conflict: Summary | null = $state.raw(null);
  /** a newer version announced live while this text has changes of its own */
  newerElsewhere: Summary | null = $state.raw(null);
  /** the last save that went through, to say so */
  justSaved: SummaryStatus | null = $state(null);
  /**
   * The version the last save approved as it stood (no change of this editor's), to say "version
   * N approved" of the version the organizer read; null when it saved a text of its own.
   */
  approvedAsIs: number | null = $state(null);

  previewHtml = $state('');
  previewState: 'empty' | 'waiting' | 'ready' | 'failed' = $state('empty');
  sentences: CitedSentence[] | null = $state.raw(null);
  citing = $state(false);

  length = $derived(characterCount(this.body));
  tooLong = $derived(this.length > SUMMARY_MAX);
  dirty = $derived(this.saved !== null && this.body !== this.saved.body);
  uncited = $derived(this.sentences?.filter((sentence) => sentence.commentIds.length === 0) ?? []);

  readonly #options: SummaryEditorOptions;
  #previewTimer: ReturnType<typeof setTimeout> | undefined;
  #citeTimer: ReturnType<typeof setTimeout> | undefined;
  #previewAttempt = 0;
  #citeAttempt = 0;

  constructor(options: SummaryEditorOptions) {
    this.#options = options;
  }

  async load(): Promise<void> {
    this.loadError = undefined;
    try {
      this.#adopt(await this.#options.load());
    } catch (error) {
      this.loadError = error;
    }
  }

  write(body: string): void {
    this.body = body;
    this.justSaved = null;
    this.approvedAsIs = null;
    this.#schedule();
  }

  /** Whether there is a version to approve as it stands: one saved, and this text unchanged from it. */
  get approvable(): boolean {
    return this.saved !== null && this.saved.version > 0 && !this.dirty;
  }

  /**
   * Puts `text` in at `at` (a caret position) as a paragraph of its own: exactly one blank line
   * between it and the paragraphs around it, none after the last. Returns where it ends.
   */
  insert(text: string, at?: number): number {
    const position = at === undefined ? this.body.length : Math.max(0, Math.min(at, this.body.length));
    const before = this.body.slice(0, position).replace(/\s+$/, '');
    const after = this.body.slice(position).trim();
    const paragraph = text.trim().replace(/\n(?:[ \t]*\n)+/g, '\n\n');
    const inserted = `${before === '' ? '' : `${before}\n\n`}${paragraph}`;
    this.write(after === '' ? inserted : `${inserted}\n\n${after}`);
    return inserted.length;
  }

  /** Saves the text as a new version, a draft or approved (organizers only). Whether it was saved. */
  async save(status: SummaryStatus): Promise<boolean> {
    if (this.saving !== null || this.saved === null || this.tooLong) return false;
    // Version 0 is no version: with nothing written there is nothing to approve.
    if (status === 'approved' && this.saved.version === 0 && !this.dirty) return false;
    // Approving with nothing changed approves the version the organizer has read: say that one.
    const asIs = status === 'approved' && this.approvable ? this.saved.version : null;
    this.saving = status;
    this.error = undefined;
    this.justSaved = null;
    try {
      const summary = await this.#options.save({ body: this.body, status, baseVersion: this.saved.version });
      this.saved = summary;
      this.conflict = null;
      this.newerElsewhere = null;
      this.justSaved = status;
      this.approvedAsIs = asIs;
      return true;
    } catch (error) {
      this.error = error;
      if (error instanceof ApiError && error.code === 'summary_conflict') this.conflict = await this.#options.load().catch(() => null);
      return false;
    } finally {
      this.saving = null;
    }
  }

  /** After a conflict: drops this text for the version saved meanwhile. */
  takeTheirs(): void {
    const theirs = this.conflict ?? this.newerElsewhere;
    if (!theirs) return;
    this.#adopt(theirs);
  }

  /** After a conflict: saves this text over the version saved meanwhile. */
  async keepMine(status: SummaryStatus): Promise<boolean> {
    const theirs = this.conflict ?? this.newerElsewhere;
    if (!theirs) return false;
    this.saved = theirs;
    return this.save(status);
  }

  /** Puts the text back as it was saved. */
  revert(): void {
    if (this.saved) this.write(this.saved.body);
  }

  /** Takes in the versions of this summary saved elsewhere, as they come; the function returned stops. */
  follow(connection: Promise<LiveConnection>, dialogueId: string, topicId: string | null): () => void {
    return follow(connection, {
      'summary:changed': (change) => {
        if (change.dialogueId === dialogueId && change.topicId === topicId) this.applyRemote(change.summary);
      },
    });
  }

  /** A version saved elsewhere (live): taken at once when this text has no changes of its own. */
  applyRemote(summary: Summary): void {
    if (this.saved === null || summary.version <= this.saved.version) return;
    if (this.dirty || this.saving !== null) this.newerElsewhere = summary;
    else this.#adopt(summary);
  }

  dispose(): void {
    clearTimeout(this.#previewTimer);
    clearTimeout(this.#citeTimer);
    this.#previewAttempt++;
    this.#citeAttempt++;
  }

  #adopt(summary: Summary): void {
    this.saved = summary;
    this.conflict = null;
    this.newerElsewhere = null;
    this.error = undefined;
    this.write(summary.body);
  }

  #schedule(): void {
    clearTimeout(this.#previewTimer);
    clearTimeout(this.#citeTimer);
    const previewAttempt = ++this.#previewAttempt;
    const citeAttempt = ++this.#citeAttempt;
    if (this.body.trim() === '' || this.tooLong) {
      this.previewHtml = '';
      this.previewState = 'empty';
      this.sentences = this.body.trim() === '' ? [] : this.sentences;
      this.citing = false;
      return;
    }
    this.previewState = 'waiting';
    this.#previewTimer = setTimeout(() => void this.#preview(previewAttempt), SUMMARY_PREVIEW_DELAY_MS);
    const cite = this.#options.cite;
    if (!cite) return;
    this.citing = true;
    this.#citeTimer = setTimeout(() => void this.#cite(cite, citeAttempt), CITATIONS_DELAY_MS);
  }

  async #preview(attempt: number): Promise<void> {
    try {
      const html = (await Promise.all(previewPieces(this.body).map(this.#options.render))).join('\n');
      if (attempt !== this.#previewAttempt) return;
      this.previewHtml = html;
      this.previewState = 'ready';
    } catch {
      if (attempt === this.#previewAttempt) this.previewState = 'failed';
    }
  }

  async #cite(cite: (body: string) => Promise<CitedSentence[]>, attempt: number): Promise<void> {
    try {
      const sentences = await cite(this.body);
      if (attempt === this.#citeAttempt) this.sentences = sentences;
    } catch {
      // The marks of the previous text stay; they come back with the next pause.
    } finally {
      if (attempt === this.#citeAttempt) this.citing = false;
    }
  }
}

import type { Language } from '../../../../shared/common.ts';
import type { AnnexFormat, AnnexWarning } from '../../../../shared/exports.ts';
import { follow, type LiveConnection } from '../realtime-loader.ts';

/** After a change to quotes or summaries, the preview follows once things settle. */
const REFRESH_AFTER_MS = 800;

export interface AnnexExportOptions {
  preview: (lang: Language) => Promise<string>;
  /** what the annex in that language leaves out or lacks */
  warnings: (lang: Language) => Promise<AnnexWarning[]>;
}

/**
 * The export screen: the annex's format and language, its preview in that language, and the
 * warnings about what it leaves out or lacks in it (its untranslated texts among them). Only the
 * latest preview and warnings asked for may land.
 */
export class AnnexExport {
  format: AnnexFormat = $state('docx');
  lang: Language = $state('en');
  previewHtml = $state('');
  previewState: 'loading' | 'ready' | 'failed' = $state('loading');
  previewError: unknown = $state.raw();
  warnings: AnnexWarning[] | null = $state.raw(null);
  /** the language the warnings shown are about (the one chosen, once they have come) */
  warningsLang: Language = $state('en');
  warningsError: unknown = $state.raw();

  readonly #options: AnnexExportOptions;
  #previewAttempt = 0;
  #warningsAttempt = 0;

  constructor(options: AnnexExportOptions, lang: Language) {
    this.#options = options;
    this.lang = lang;
    this.warningsLang = lang;
  }

  chooseLanguage(lang: Language): void {
    if (lang === this.lang) return;
    this.lang = lang;
    void this.refresh();
  }

  /** Reads the preview and the warnings again after the dialogue's quotes or summaries change; the function returned stops. */
  follow(connection: Promise<LiveConnection>, dialogueId: string): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const changed = (change: { dialogueId: string }): void => {
      if (change.dialogueId !== dialogueId) return;
      clearTimeout(timer);
      timer = setTimeout(() => void this.refresh(), REFRESH_AFTER_MS);
    };
    const unfollow = follow(connection, { 'quote:changed': changed, 'summary:changed': changed });
    return () => {
      clearTimeout(timer);
      unfollow();
    };
  }

  /** The preview and the warnings read again (after a change to quotes or summaries). */
  refresh(): Promise<void> {
    return Promise.all([this.loadPreview(), this.loadWarnings()]).then(() => undefined);
  }

  async loadPreview(): Promise<void> {
    const attempt = ++this.#previewAttempt;
    this.previewState = 'loading';
    this.previewError = undefined;
    try {
      const html = await this.#options.preview(this.lang);
      if (attempt !== this.#previewAttempt) return;
      this.previewHtml = html;
      this.previewState = 'ready';
    } catch (error) {
      if (attempt !== this.#previewAttempt) return;
      this.previewError = error;
      this.previewState = 'failed';
    }
  }

  async loadWarnings(): Promise<void> {
    const attempt = ++this.#warningsAttempt;
    this.warningsError = undefined;
    try {
      const lang = this.lang;
      const warnings = await this.#options.warnings(lang);
      if (attempt !== this.#warningsAttempt) return;
      this.warnings = warnings;
      this.warningsLang = lang;
    } catch (error) {
      if (attempt === this.#warningsAttempt) this.warningsError = error;
    }
  }
}

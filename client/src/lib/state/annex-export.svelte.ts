import type { Language } from '../../../../shared/common.ts';
import type { AnnexFormat, AnnexWarning } from '../../../../shared/exports.ts';

export interface AnnexExportOptions {
  preview: (lang: Language) => Promise<string>;
  warnings: () => Promise<AnnexWarning[]>;
}

/**
 * The export screen: the annex's format and language, its preview in that language, and the
 * warnings about what it leaves out or lacks. Only the latest preview asked for may land.
 */
export class AnnexExport {
  format: AnnexFormat = $state('docx');
  lang: Language = $state('en');
  previewHtml = $state('');
  previewState: 'loading' | 'ready' | 'failed' = $state('loading');
  previewError: unknown = $state.raw();
  warnings: AnnexWarning[] | null = $state.raw(null);
  warningsError: unknown = $state.raw();

  readonly #options: AnnexExportOptions;
  #previewAttempt = 0;
  #warningsAttempt = 0;

  constructor(options: AnnexExportOptions, lang: Language) {
    this.#options = options;
    this.lang = lang;
  }

  chooseLanguage(lang: Language): void {
    if (lang === this.lang) return;
    this.lang = lang;
    void this.loadPreview();
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
      const warnings = await this.#options.warnings();
      if (attempt === this.#warningsAttempt) this.warnings = warnings;
    } catch (error) {
      if (attempt === this.#warningsAttempt) this.warningsError = error;
    }
  }
}

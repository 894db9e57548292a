import { normalizeTheme, PRACTICE_LIMITS as L } from '../../../../shared/practices.constants.ts';
import { characterCount } from './markdown-draft.svelte.ts';
import { Request } from './request.svelte.ts';

export type ThemeProblem = 'duplicate' | 'tooLong' | 'full';

/** What the list just did, to say it. */
export type ThemeNews = { kind: 'added' | 'removed'; theme: string } | null;

/**
 * A dialogue's list of practice themes as an organizer edits it: themes added and removed here,
 * then saved whole with the dialogue.
 */
export class PracticeThemesEditor {
  themes: string[] = $state([]);
  adding = $state('');
  problem: ThemeProblem | null = $state(null);
  news: ThemeNews = $state.raw(null);
  readonly save = new Request();
  readonly #saveThemes: (themes: string[]) => Promise<string[]>;

  constructor(themes: readonly string[], save: (themes: string[]) => Promise<string[]>) {
    this.themes = [...themes];
    this.#saveThemes = save;
  }

  /** Adds the theme typed; whether it was added. */
  add(): boolean {
    const theme = normalizeTheme(this.adding);
    if (theme === '') return false;
    if (this.themes.some((candidate) => candidate.toLocaleLowerCase() === theme.toLocaleLowerCase())) this.problem = 'duplicate';
    else if (characterCount(theme) > L.themeMax) this.problem = 'tooLong';
    else if (this.themes.length >= L.dialogueThemesMax) this.problem = 'full';
    else this.problem = null;
    if (this.problem !== null) return false;
    this.themes = [...this.themes, theme];
    this.adding = '';
    this.news = { kind: 'added', theme };
    this.save.done = false;
    return true;
  }

  remove(theme: string): void {
    this.themes = this.themes.filter((candidate) => candidate !== theme);
    this.news = { kind: 'removed', theme };
    this.save.done = false;
  }

  /** Saves the list; the server's own (normalized) list replaces it. */
  async saveAll(): Promise<boolean> {
    this.news = null;
    return this.save.run(async () => {
      this.themes = await this.#saveThemes($state.snapshot(this.themes));
    });
  }
}

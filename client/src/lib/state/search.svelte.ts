import type { Language } from '../../../../shared/common.constants.ts';
import type { Dialogue, DialogueSummary } from '../../../../shared/dialogues.ts';
import type { SearchQuery, SearchResult, SearchResults } from '../../../../shared/search.ts';
import { NO_FILTERS, sameSearch, searchQuery, type SearchFilters } from '../search-params.ts';
import { PagedList, type Page } from './paged-list.svelte.ts';

export interface SearchApi {
  search: (query: SearchQuery) => Promise<SearchResults>;
  /** every dialogue the reader may see; only the published ones are offered as filters */
  dialogues: () => Promise<DialogueSummary[]>;
  /** a dialogue with its topics */
  dialogue: (slug: string) => Promise<Dialogue>;
}

/** One result, keyed by its kind as well: a comment and a quote of it are two results. */
export interface SearchHit {
  id: string;
  result: SearchResult;
}

/** What a search found so far: how many results are shown, and whether more can be loaded. */
export type ResultsShown = (shown: number, more: boolean) => void;

/**
 * The search page: the results of the search its address asks for, a page at a time, and what the
 * filters offer (the published dialogues, the chosen dialogue's topics). Without words there is
 * nothing to look for, and nothing is asked.
 */
export class SearchResultsView extends PagedList<SearchHit> {
  filters: SearchFilters = $state.raw(NO_FILTERS);
  /** the interface language the results' topic questions are in */
  lang: Language;
  dialogues: DialogueSummary[] = $state.raw([]);
  /** the dialogue filtered by, with its topics, once it has come */
  dialogue: Dialogue | null = $state.raw(null);

  readonly #api: SearchApi;
  readonly #shown: ResultsShown;
  #dialogueAttempt = 0;

  constructor(api: SearchApi, filters: SearchFilters, lang: Language, shown: ResultsShown) {
    super();
    this.#api = api;
    this.#shown = shown;
    this.lang = lang;
    this.loading = false;
    void this.#loadDialogues();
    this.show(filters, lang);
  }

  /**
   * Shows the search `filters` ask for, with the topics' questions in `lang`; the same search again
   * is left as it is (the pages loaded stay).
   */
  show(filters: SearchFilters, lang: Language): void {
    if (filters.dialogue !== this.filters.dialogue) void this.#loadDialogue(filters.dialogue);
    if (sameSearch(filters, this.filters) && lang === this.lang) return;
    this.filters = filters;
    this.lang = lang;
    if (filters.q) {
      void this.load();
      return;
    }
    this.stop();
    this.items = [];
    this.nextCursor = null;
    this.loading = false;
    this.error = undefined;
  }

  protected async fetchPage(after: string | undefined): Promise<Page<SearchHit>> {
    const page = await this.#api.search(searchQuery(this.filters, this.lang, after));
    return { items: page.items.map((result) => ({ id: `${result.type}-${result.id}`, result })), nextCursor: page.nextCursor };
  }

  protected override took(): void {
    this.#shown(this.items.length, this.nextCursor !== null);
  }

  async #loadDialogues(): Promise<void> {
    try {
      this.dialogues = (await this.#api.dialogues()).filter((dialogue) => dialogue.published);
    } catch {
      // The filter then offers "all dialogues" only (and the one in the address); the search still works.
    }
  }

  async #loadDialogue(slug: string): Promise<void> {
    const attempt = ++this.#dialogueAttempt;
    this.dialogue = null;
    if (!slug) return;
    try {
      const dialogue = await this.#api.dialogue(slug);
      if (attempt === this.#dialogueAttempt) this.dialogue = dialogue;
    } catch {
      // Without its topics the topic filter is not offered; the dialogue filter still applies.
    }
  }
}

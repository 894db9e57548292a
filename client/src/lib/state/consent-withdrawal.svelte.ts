import type { QuoteDetail } from '../../../../shared/quotes.ts';
import { ApiError } from '../api.ts';

export interface ConsentApi {
  get: (quoteId: string) => Promise<QuoteDetail>;
  withdraw: (quoteId: string, reason: string) => Promise<void>;
}

/**
 * The quoted author's page for one quote: the quote as it stands, an optional reason, and one
 * button that withdraws consent for it. Withdrawing twice (from the mail, then the bell) is not
 * an error to them: the server's 409 `consent_already_withdrawn` shows the quote as withdrawn.
 */
export class ConsentWithdrawal {
  detail: QuoteDetail | null = $state.raw(null);
  loading = $state(true);
  loadError: unknown = $state.raw();
  reason = $state('');
  sending = $state(false);
  /** why the last withdrawal did not go through */
  error: unknown = $state.raw();
  /** withdrawn on this page, just now */
  done = $state(false);

  readonly #quoteId: string;
  readonly #api: ConsentApi;

  constructor(quoteId: string, api: ConsentApi) {
    this.#quoteId = quoteId;
    this.#api = api;
  }

  /** Whether the author has withdrawn consent for the quote (here, or before). */
  get withdrawn(): boolean {
    return this.done || this.detail?.quote.consentWithdrawn != null;
  }

  async load(): Promise<void> {
    this.loading = true;
    this.loadError = undefined;
    try {
      this.detail = await this.#api.get(this.#quoteId);
    } catch (error) {
      this.loadError = error;
    } finally {
      this.loading = false;
    }
  }

  /** Withdraws consent; whether the quote is now withdrawn. */
  async withdraw(): Promise<boolean> {
    if (this.sending || this.withdrawn) return this.withdrawn;
    this.sending = true;
    this.error = undefined;
    try {
      await this.#api.withdraw(this.#quoteId, this.reason);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'consent_already_withdrawn')) {
        this.error = error;
        return false;
      }
    } finally {
      this.sending = false;
    }
    this.done = true;
    // The quote as the server now keeps it, with the date and reason; without it, `done` says enough.
    try {
      this.detail = await this.#api.get(this.#quoteId);
    } catch {
      // Withdrawn all the same.
    }
    return true;
  }
}

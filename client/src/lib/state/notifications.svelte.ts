import type { NotificationList, Notification } from '../../../../shared/notifications.ts';
import { follow, type LiveConnection } from '../realtime-loader.ts';

export interface NotificationApi {
  list: () => Promise<NotificationList>;
  markRead: () => Promise<void>;
  /** the quoted author takes back their consent for a quote */
  withdrawConsent?: (quoteId: string) => Promise<void>;
}

/** Where a consent withdrawal from the bell stands, by quote. */
export type Withdrawal = 'busy' | 'failed';

/**
 * What moderators decided about the reader's own comments, who replied to or mentioned them, and
 * quotes of their words, kept live: the unread count for the bell, and the list it opens. Opening
 * the list marks everything read; what was new stays marked as such until the list closes, so the
 * reader still sees which ones they had not read.
 */
export class NotificationCenter {
  items: Notification[] = $state.raw([]);
  unread = $state(0);
  open = $state(false);
  /** the first read has answered (or failed) */
  loaded = $state(false);
  error: unknown = $state.raw();
  /** the notifications that were unread when the list opened */
  fresh: readonly string[] = $state.raw([]);
  /** consent withdrawals asked for from the list and not yet done, by quote */
  withdrawals: Readonly<Record<string, Withdrawal>> = $state.raw({});

  readonly #api: NotificationApi;
  #stopped = false;
  #attempt = 0;

  constructor(api: NotificationApi) {
    this.#api = api;
    void this.reload();
  }

  /** Reads the list again on each new notification and after each reconnection; the function returned stops. */
  follow(connection: Promise<LiveConnection>): () => void {
    const unfollow = follow(connection, { connect: this.reload, 'notification:created': this.reload });
    return () => {
      this.#stopped = true;
      unfollow();
    };
  }

  reload = async (): Promise<void> => {
    const attempt = ++this.#attempt;
    try {
      const list = await this.#api.list();
      if (attempt !== this.#attempt || this.#stopped) return;
      this.items = list.items;
      this.unread = list.unread;
      this.error = undefined;
      // Arriving while the list is open, they are seen now.
      if (this.open && list.unread > 0) void this.#markRead();
    } catch (error) {
      if (attempt === this.#attempt) this.error = error;
    } finally {
      if (attempt === this.#attempt) this.loaded = true;
    }
  };

  toggle(): void {
    if (this.open) this.close();
    else this.show();
  }

  show(): void {
    this.open = true;
    this.fresh = this.items.filter((item) => item.readAt === null).map((item) => item.id);
    if (this.unread > 0) void this.#markRead();
  }

  close(): void {
    this.open = false;
    this.fresh = [];
  }

  /**
   * Withdraws consent for the quote a notification tells of, in one click; a quote already
   * withdrawn (elsewhere, or in another tab) is shown withdrawn as well.
   */
  async withdraw(quoteId: string): Promise<void> {
    const withdrawConsent = this.#api.withdrawConsent;
    if (!withdrawConsent || this.withdrawals[quoteId] === 'busy') return;
    this.withdrawals = { ...this.withdrawals, [quoteId]: 'busy' };
    let done = true;
    try {
      await withdrawConsent(quoteId);
    } catch (error) {
      done = (error as { code?: string } | null)?.code === 'consent_already_withdrawn';
    }
    const { [quoteId]: _settled, ...others } = this.withdrawals;
    this.withdrawals = done ? others : { ...others, [quoteId]: 'failed' };
    if (done) this.items = this.items.map((item) => (item.quoteId === quoteId ? { ...item, consentWithdrawn: true } : item));
  }

  // Shown read at once; a failure leaves them unread on the server, to be read next time.
  async #markRead(): Promise<void> {
    const unread = this.items.filter((item) => item.readAt === null).map((item) => item.id);
    this.fresh = [...this.fresh, ...unread.filter((id) => !this.fresh.includes(id))];
    // The time the server records instead is not needed: only whether they are read is shown.
    this.items = this.items.map((item) => (item.readAt === null ? { ...item, readAt: item.createdAt } : item));
    this.unread = 0;
    await this.#api.markRead().catch(() => undefined);
  }
}

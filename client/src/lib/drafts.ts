import type { Language } from '../../../shared/common.ts';

/** What a reader was writing: kept across reloads and lost connections until it is posted. */
export interface Draft {
  body: string;
  language: Language;
  /**
   * The idempotency key of this draft's post, made once and sent with every attempt: when an
   * answer is lost on the way back, the retry returns the comment already made instead of a second.
   */
  clientKey: string;
}

/** 32 characters of A-Za-z0-9, the alphabet and length the API accepts for `clientKey`. */
export function newClientKey(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

const PREFIX = 'vd.draft';

/** One draft per topic and per comment answered: a reply and a new comment are written apart. */
export function draftKey(topicId: string, parentId: string | null): string {
  return `${PREFIX}.${topicId}.${parentId ?? 'topic'}`;
}

function isDraft(value: unknown): value is Draft {
  const draft = value as Partial<Draft> | null;
  return typeof draft?.body === 'string' && typeof draft.language === 'string' && typeof draft.clientKey === 'string';
}

/** The part of the Web Storage API drafts need (tests hand in a Map-backed one). */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * Drafts in the browser's storage. Storage can be missing or full (privacy modes, quotas): the
 * draft then lives as long as the page, which is all a reader can expect there.
 */
export class DraftStore {
  readonly #storage: DraftStorage | null;

  constructor(storage: DraftStorage | null) {
    this.#storage = storage;
  }

  load(key: string): Draft | null {
    try {
      const saved: unknown = JSON.parse(this.#storage?.getItem(key) ?? 'null');
      return isDraft(saved) ? saved : null;
    } catch {
      return null;
    }
  }

  save(key: string, draft: Draft): void {
    try {
      if (draft.body === '') this.#storage?.removeItem(key);
      else this.#storage?.setItem(key, JSON.stringify(draft));
    } catch {
      // see the class comment
    }
  }

  clear(key: string): void {
    try {
      this.#storage?.removeItem(key);
    } catch {
      // see the class comment
    }
  }
}

function browserStorage(): DraftStorage | null {
  try {
    // Reading the property itself throws where storage is blocked.
    return (globalThis as { localStorage?: DraftStorage }).localStorage ?? null;
  } catch {
    return null;
  }
}

export const drafts = new DraftStore(browserStorage());

import { describe, expect, it } from 'vitest';
import type { QuoteDetail } from '../../shared/quotes.ts';
import { ApiError } from '../../client/src/lib/api.ts';
import { en } from '../../client/src/lib/i18n/en.ts';
import { PLACEHOLDER } from '../../client/src/lib/i18n/messages.ts';
import { consentEn } from '../../client/src/lib/i18n/sections/consent.en.ts';
import { consentEs } from '../../client/src/lib/i18n/sections/consent.es.ts';
import { consentFr } from '../../client/src/lib/i18n/sections/consent.fr.ts';
import { ConsentWithdrawal, type ConsentApi } from '../../client/src/lib/state/consent-withdrawal.svelte.ts';

const WITHDRAWN = { at: '2026-07-13T10:00:00.000Z', reason: 'Too personal.' };

function detail(consentWithdrawn: QuoteDetail['quote']['consentWithdrawn'] = null): QuoteDetail {
  return {
    quote: {
      id: 'q1',
      topicId: 't1',
      commentId: 'c1',
      text: 'Savings groups built trust.',
      excerpt: false,
      attribution: 'none',
      effectiveAttribution: 'none',
      attributionLabel: { name: null, country: null, affiliation: null },
      position: 1,
      createdAt: '2026-07-12T10:00:00.000Z',
      updatedAt: '2026-07-12T10:00:00.000Z',
      flagged: consentWithdrawn ? 'consent_withdrawn' : null,
      consentWithdrawn,
    },
    mine: true,
    topic: { id: 't1', number: 1, question: 'How does migration change societies?', translations: {} },
    dialogue: { slug: 'migration', title: 'Migration', languages: ['en'], translations: {} },
  };
}

/** An API whose withdrawal does what the test says, and whose reads show the server's state. */
function api(withdraw: (reason: string) => Promise<void>) {
  const state = { withdrawn: false, sent: [] as string[] };
  const calls: ConsentApi = {
    get: async () => detail(state.withdrawn ? WITHDRAWN : null),
    withdraw: async (_quoteId, reason) => {
      state.sent.push(reason);
      await withdraw(reason);
      state.withdrawn = true;
    },
  };
  return { calls, state };
}

describe('the quoted author’s consent page', () => {
  it('reads the quote, then withdraws consent with the reason and shows it withdrawn', async () => {
    const { calls, state } = api(async () => undefined);
    const page = new ConsentWithdrawal('q1', calls);
    await page.load();
    expect(page.withdrawn).toBe(false);
    page.reason = 'Too personal.';
    expect(await page.withdraw()).toBe(true);
    expect(state.sent).toEqual(['Too personal.']);
    expect(page).toMatchObject({ done: true, withdrawn: true, sending: false, error: undefined });
    expect(page.detail!.quote.consentWithdrawn).toEqual(WITHDRAWN);
    // Nothing is sent again.
    expect(await page.withdraw()).toBe(true);
    expect(state.sent).toHaveLength(1);
  });

  it('takes “already withdrawn” (from the mail, then the bell) as done, and keeps any other refusal to show', async () => {
    const already = api(async () => {
      throw new ApiError(409, 'consent_already_withdrawn', 'already');
    });
    const page = new ConsentWithdrawal('q1', already.calls);
    await page.load();
    already.state.withdrawn = true;
    expect(await page.withdraw()).toBe(true);
    expect(page.withdrawn).toBe(true);
    expect(page.error).toBeUndefined();

    const refusal = new ApiError(0, 'network_error', 'offline');
    const failing = new ConsentWithdrawal(
      'q1',
      api(async () => {
        throw refusal;
      }).calls,
    );
    await failing.load();
    expect(await failing.withdraw()).toBe(false);
    expect(failing).toMatchObject({ withdrawn: false, done: false, error: refusal });
  });

  it('keeps why the quote could not be read', async () => {
    const refusal = new ApiError(403, 'not_quoted_author', 'not yours');
    const page = new ConsentWithdrawal('q1', {
      get: async () => {
        throw refusal;
      },
      withdraw: async () => undefined,
    });
    await page.load();
    expect(page).toMatchObject({ loading: false, detail: null, loadError: refusal });
  });
});

describe('the consent section of the catalogue', () => {
  const keys = Object.keys(consentEn).sort();
  const placeholders = (message: string): string =>
    [...message.matchAll(PLACEHOLDER)]
      .map((match) => match[1])
      .sort()
      .join();

  it.each([
    ['fr', consentFr],
    ['es', consentEs],
  ] as const)('%s has the keys and {placeholders} of en, translated', (_locale, catalogue) => {
    const messages: Record<string, string> = catalogue;
    const english: Record<string, string> = consentEn;
    expect(Object.keys(catalogue).sort()).toEqual(keys);
    expect(keys.filter((key) => placeholders(messages[key]!) !== placeholders(english[key]!))).toEqual([]);
    expect(keys.filter((key) => messages[key] === english[key] || messages[key]!.trim() === '')).toEqual([]);
  });

  it('shares no key with the main catalogue', () => {
    expect(keys.filter((key) => key in en)).toEqual([]);
  });
});

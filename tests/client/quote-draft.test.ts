import { describe, expect, it } from 'vitest';
import type { Comment } from '../../shared/comments.ts';
import type { CreateQuoteBody, Quote } from '../../shared/quotes.ts';
import { ApiError } from '../../client/src/lib/api.ts';
import { QuoteDraft } from '../../client/src/lib/state/quote-draft.svelte.ts';

const MARKDOWN = 'Returning migrants started **savings cooperatives**.\n\nThe money mattered, but the new habits mattered more.';

const comment = (extra: Partial<Comment['author']> & { quoteConsent?: string } = {}): Comment =>
  ({
    id: 'c1',
    bodyMarkdown: MARKDOWN,
    author: { id: 'u1', displayName: 'Amina K.', country: 'SN', affiliation: 'ngo', ...extra },
  }) as Comment;

function draft(author = {}, create?: (commentId: string, body: CreateQuoteBody) => Promise<Quote>) {
  const sent: CreateQuoteBody[] = [];
  const quoteDraft = new QuoteDraft(comment(author), '', async (commentId, body) => {
    sent.push(body);
    if (create) return create(commentId, body);
    return { id: 'q1', position: 1 } as Quote;
  });
  return { quoteDraft, sent };
}

describe('QuoteDraft', () => {
  it('quotes the whole comment, anonymously, unless told otherwise', async () => {
    const { quoteDraft, sent } = draft();
    expect(quoteDraft.scope).toBe('whole');
    expect(quoteDraft.attribution).toBe('none');
    expect(quoteDraft.preview).toEqual({
      ok: true,
      whole: true,
      text: 'Returning migrants started savings cooperatives.\n\nThe money mattered, but the new habits mattered more.',
    });
    expect(await quoteDraft.submit()).toBe(true);
    expect(sent).toEqual([{ attribution: 'none' }]);
    expect(quoteDraft.created?.id).toBe('q1');
  });

  it('shows a selected passage with the […] marks the server will add, and sends the selection', async () => {
    const { quoteDraft, sent } = draft();
    quoteDraft.select('savings cooperatives.\n\nThe money mattered');
    expect(quoteDraft.scope).toBe('selection');
    expect(quoteDraft.preview).toEqual({ ok: true, whole: false, text: '[…] savings cooperatives.\n\nThe money mattered […]' });
    await quoteDraft.submit();
    expect(sent).toEqual([{ attribution: 'none', excerpt: 'savings cooperatives.\n\nThe money mattered' }]);
  });

  it('sends a selection of the whole comment as the whole comment', async () => {
    const { quoteDraft, sent } = draft();
    quoteDraft.select('Returning migrants started savings cooperatives.\nThe money mattered, but the new habits mattered more.');
    expect(quoteDraft.preview).toMatchObject({ ok: true, whole: true });
    await quoteDraft.submit();
    expect(sent).toEqual([{ attribution: 'none' }]);
  });

  it('says when nothing is selected or the selection is not the comment’s text, and sends nothing', async () => {
    const { quoteDraft, sent } = draft();
    quoteDraft.scope = 'selection';
    expect(quoteDraft.preview).toEqual({ ok: false, reason: 'no_selection' });
    quoteDraft.select('words nobody wrote');
    expect(quoteDraft.preview).toEqual({ ok: false, reason: 'not_in_comment' });
    expect(await quoteDraft.submit()).toBe(false);
    expect(sent).toEqual([]);
  });

  it('after a 409 takes the refused attribution and the wider ones off the choice', async () => {
    const { quoteDraft } = draft({}, async (_id, body) => {
      if (body.attribution !== 'none') throw new ApiError(409, 'quote_not_allowed', 'The author consents to be quoted only anonymously.');
      return { id: 'q2', position: 3 } as Quote;
    });
    quoteDraft.attribution = 'country';
    expect(await quoteDraft.submit()).toBe(false);
    expect(quoteDraft.error).toBeInstanceOf(ApiError);
    expect(quoteDraft.refused).toEqual(['country', 'name']);
    expect(quoteDraft.allowed).toEqual(['none']);
    expect(quoteDraft.attribution).toBe('none');
    expect(await quoteDraft.submit()).toBe(true);
    expect(quoteDraft.created?.position).toBe(3);
  });

  it('knows the author refuses all quoting once even "none" is refused', async () => {
    const { quoteDraft } = draft({}, async () => {
      throw new ApiError(409, 'quote_not_allowed', 'The author does not consent to be quoted.');
    });
    await quoteDraft.submit();
    expect(quoteDraft.forbidden).toBe(true);
    expect(await quoteDraft.submit()).toBe(false);
  });

  it('starts from the dialogue’s default attribution, never beyond the author’s consent, and keeps the moderator’s own choice', () => {
    const byCountry = draft({ quoteConsent: 'name' }).quoteDraft;
    expect(byCountry.attribution).toBe('none');
    byCountry.startFrom('country');
    expect(byCountry.attribution).toBe('country');

    const anonymousOnly = draft({ quoteConsent: 'anonymous' }).quoteDraft;
    anonymousOnly.startFrom('name');
    expect(anonymousOnly.attribution).toBe('none');
    const countryAtMost = draft({ quoteConsent: 'country' }).quoteDraft;
    countryAtMost.startFrom('name');
    expect(countryAtMost.attribution).toBe('country');
    expect(countryAtMost.consent).toBe('country');

    const chosen = draft({ quoteConsent: 'name' }).quoteDraft;
    chosen.attribution = 'none';
    chosen.startFrom('name');
    expect(chosen.attribution).toBe('none');
  });

  it('offers only what the author’s consent allows when the server says it', () => {
    expect(draft({ quoteConsent: 'country' }).quoteDraft.allowed).toEqual(['none', 'country']);
    expect(draft({ quoteConsent: 'name' }).quoteDraft.allowed).toEqual(['none', 'country', 'name']);
    expect(draft({ quoteConsent: 'none' }).quoteDraft.forbidden).toBe(true);
  });
});

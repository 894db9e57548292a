import type { Comment } from '../../../../shared/comments.ts';
import { ATTRIBUTIONS, consentAllows, effectiveAttribution, type Attribution } from '../../../../shared/quote-consent.ts';
import { buildExcerpt, markdownToPlainText } from '../../../../shared/quote-text.ts';
import type { CreateQuoteBody, Quote } from '../../../../shared/quotes.ts';
import type { User } from '../../../../shared/users.ts';
import { ApiError } from '../api.ts';

export type QuoteScope = 'whole' | 'selection';

/** What the quote will read, as the server will store it, or why the selection cannot be quoted. */
export type QuotePreview = { ok: true; text: string; whole: boolean } | { ok: false; reason: 'no_selection' | 'not_in_comment' };

type QuoteConsent = User['quoteConsent'];

/**
 * A moderator turning a comment into a quote: the whole comment or the passage selected in it,
 * with an attribution the author's consent allows, starting from the dialogue's default
 * (anonymous unless the organizers chose otherwise). The server has the last word on consent (409
 * `quote_not_allowed`); a refusal takes that attribution and the wider ones off the choice.
 */
export class QuoteDraft {
  scope: QuoteScope = $state('whole');
  /** the text selected in the comment's body, as the browser gives it */
  selection = $state('');
  #attribution: Attribution = $state('none');
  /** the moderator chose the attribution: the dialogue's default, arriving later, leaves it alone */
  #chosen = false;
  /** attributions the server said the author does not allow */
  refused: Attribution[] = $state([]);
  sending = $state(false);
  error: unknown = $state.raw();
  created: Quote | null = $state.raw(null);

  readonly comment: Comment;
  readonly #markdown: string;
  /** the author's consent, which moderators are told (undefined: not known here) */
  readonly consent: QuoteConsent | undefined;
  readonly #create: (commentId: string, body: CreateQuoteBody) => Promise<Quote>;

  /** the attributions still offered: what the author's consent allows, as far as the client knows */
  allowed = $derived(ATTRIBUTIONS.filter((attribution) => this.#allows(attribution)));
  /** the author does not consent to be quoted at all */
  forbidden = $derived(this.allowed.length === 0);

  preview: QuotePreview = $derived.by(() => {
    if (this.scope === 'whole') return { ok: true, text: markdownToPlainText(this.#markdown), whole: true };
    if (this.selection.trim() === '') return { ok: false, reason: 'no_selection' };
    const result = buildExcerpt(this.#markdown, this.selection);
    return result.ok ? result : { ok: false, reason: 'not_in_comment' };
  });

  /**
   * `markdown` is the comment's source (moderators receive it); `bodyText`, the text of its
   * rendered body, stands in when it is missing. The author's consent, when the client is told it.
   */
  constructor(comment: Comment, bodyText: string, create: (commentId: string, body: CreateQuoteBody) => Promise<Quote>) {
    this.comment = comment;
    this.#markdown = comment.bodyMarkdown ?? bodyText;
    this.consent = comment.author.quoteConsent;
    this.#create = create;
    this.#attribution = this.allowed[0] ?? 'none';
  }

  get attribution(): Attribution {
    return this.#attribution;
  }

  /** The moderator's choice. */
  set attribution(attribution: Attribution) {
    this.#attribution = attribution;
    this.#chosen = true;
  }

  /**
   * Starts from the dialogue's default attribution, narrowed to what the author allows; once the
   * moderator has chosen, their choice stays.
   */
  startFrom(attribution: Attribution): void {
    if (this.#chosen) return;
    const allowed = this.consent === undefined ? attribution : effectiveAttribution(this.consent, attribution);
    this.#attribution = allowed !== null && this.allowed.includes(allowed) ? allowed : (this.allowed[0] ?? 'none');
  }

  /** The moderator selected text in the comment (or cleared the selection). */
  select(text: string): void {
    this.selection = text;
    if (text.trim() !== '') this.scope = 'selection';
  }

  /** Creates the quote; whether it was created. */
  async submit(): Promise<boolean> {
    if (this.sending || this.created || this.forbidden || !this.preview.ok) return false;
    this.sending = true;
    this.error = undefined;
    const attribution = this.attribution;
    const excerpt = this.scope === 'selection' && !this.preview.whole ? this.selection : undefined;
    try {
      this.created = await this.#create(this.comment.id, excerpt === undefined ? { attribution } : { excerpt, attribution });
      return true;
    } catch (error) {
      this.error = error;
      if (error instanceof ApiError && error.code === 'quote_not_allowed') this.#refuse(attribution);
      return false;
    } finally {
      this.sending = false;
    }
  }

  #allows(attribution: Attribution): boolean {
    if (this.refused.includes(attribution)) return false;
    return this.consent === undefined || consentAllows(this.consent, attribution);
  }

  // Consent is a threshold: an author who refuses one attribution refuses the wider ones too.
  #refuse(attribution: Attribution): void {
    const rank = ATTRIBUTIONS.indexOf(attribution);
    this.refused = ATTRIBUTIONS.filter((candidate, i) => i >= rank || this.refused.includes(candidate));
    if (!this.allowed.includes(this.#attribution)) this.#attribution = this.allowed.at(-1) ?? 'none';
  }
}

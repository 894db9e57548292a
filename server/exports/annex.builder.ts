import type { CommentStatus } from '../../shared/comments.constants.ts';
import type { Affiliation, Language } from '../../shared/common.constants.ts';
import type { AnnexWarning } from '../../shared/exports.ts';
import { publicAttribution, type Attribution } from '../../shared/quote-consent.ts';
import type { NameDisplay, QuoteConsent } from '../../shared/users.constants.ts';
import { localDay, windowDays } from '../lib/calendar.ts';
import { xmlSafeText } from '../lib/xml-text.ts';
import { plain, type AnnexDocument, type Block, type Run } from './annex.model.ts';
import { attributionLine, leadInSentence, PHRASES, reachSentence } from './annex.phrases.ts';
import { markdownToBlocks, markdownToParagraphs, mergeRuns } from './markdown-blocks.ts';

/** Everything the annex is made of, as read from the database (exports.repository.ts). */
export interface AnnexData {
  dialogue: {
    theme: string;
    annexLabel: string;
    annexLeadIn: string;
    hostDescription: string;
    opensAt: string;
    closesAt: string;
    timeZone: string;
  };
  /** in topic order */
  topics: { id: string; number: number; question: string }[];
  /** page views inside the window */
  visits: number;
  dialogueSummary: SummaryState;
  /** by topic id; a topic without a summary is absent */
  topicSummaries: Map<string, SummaryState>;
  /** in topic order, then the curated position */
  quotes: AnnexQuote[];
  /** the texts that fell back to the base language (annex.texts.ts), as warnings */
  untranslated: AnnexWarning[];
}

export interface SummaryState {
  /** the latest approved text, null when no version was ever approved */
  approvedBody: string | null;
  /** a draft was saved after the approved version (the annex keeps the approved one) */
  newerDraft: boolean;
}

export const NO_SUMMARY: SummaryState = { approvedBody: null, newerDraft: false };

export interface AnnexQuote {
  id: string;
  topicId: string;
  /** the excerpt as plain text, or '' for the whole comment */
  excerpt: string;
  attribution: Attribution;
  /** its author withdrew consent for this quote (POST /api/quotes/:id/consent-withdrawal): left out for good */
  consentWithdrawn: boolean;
  comment: { status: CommentStatus; bodyMarkdown: string };
  /** the source comment was edited after the quote was made and no longer holds its words (server/quotes/source-check.ts) */
  sourceChanged: boolean;
  author: { displayName: string; nameDisplay: NameDisplay; country: string; affiliation: Affiliation | null; quoteConsent: QuoteConsent };
}

type QuoteDecision =
  | { quote: AnnexQuote; included: true; attribution: Attribution; narrowed: boolean }
  | { quote: AnnexQuote; included: false; reason: 'withdrawn_by_author' | 'source' | 'source_changed' | 'consent' };

/**
 * Whether a quote goes into the annex and how it is attributed today: its author must not have
 * withdrawn consent for it, its source comment must be published and still hold the quote's
 * words, and the author's consent (which may have shrunk since the quote was made) narrows the
 * chosen attribution or, when it is now "none", leaves the quote out. An author who shows only
 * "participant from COUNTRY" next to comments is not named in the annex either.
 */
function decide(quote: AnnexQuote): QuoteDecision {
  if (quote.consentWithdrawn) return { quote, included: false, reason: 'withdrawn_by_author' };
  if (quote.comment.status !== 'published') return { quote, included: false, reason: 'source' };
  if (quote.sourceChanged) return { quote, included: false, reason: 'source_changed' };
  const attribution = publicAttribution(quote.author.quoteConsent, quote.author.nameDisplay, quote.attribution);
  if (attribution === null) return { quote, included: false, reason: 'consent' };
  return { quote, included: true, attribution, narrowed: attribution !== quote.attribution };
}

const HOW: Record<Attribution, string> = { none: 'anonymously', country: 'by country and affiliation', name: 'by name' };

const SOURCE_STATES: Record<string, string> = {
  hidden: 'was hidden by a moderator',
  withdrawn: 'was withdrawn by its author',
  pending: 'is waiting for moderation',
  declined: 'was declined by a moderator',
};

/** What the export leaves out or lacks, for the organizer; never written into the document. */
export function annexWarnings(data: AnnexData): AnnexWarning[] {
  const warnings: AnnexWarning[] = [...data.untranslated];
  if (data.topics.length === 0) warnings.push({ code: 'no_topics', message: 'The dialogue has no topics to list.' });
  if (!data.dialogue.hostDescription.trim()) {
    warnings.push({ code: 'host_description_missing', message: 'The dialogue has no host description: the lead-in says “the online forum”.' });
  }
  const summary = data.dialogueSummary;
  if (summary.approvedBody === null) {
    warnings.push({ code: 'dialogue_summary_not_approved', message: 'The dialogue summary is not approved yet: the Summary section has no overview.' });
  } else if (summary.newerDraft) {
    warnings.push({ code: 'dialogue_summary_newer_draft', message: 'The dialogue summary has a newer draft; the annex uses the last approved version.' });
  }
  const decisions = data.quotes.map(decide);
  for (const topic of data.topics) {
    const topicSummary = data.topicSummaries.get(topic.id) ?? NO_SUMMARY;
    if (topicSummary.approvedBody === null) {
      warnings.push({ code: 'topic_summary_missing', message: `Topic ${topic.number} has no approved summary.`, topicId: topic.id });
    } else if (topicSummary.newerDraft) {
      warnings.push({
        code: 'topic_summary_newer_draft',
        message: `The summary of topic ${topic.number} has a newer draft; the annex uses the last approved version.`,
        topicId: topic.id,
      });
    }
    const ofTopic = decisions.filter((d) => d.quote.topicId === topic.id);
    for (const decision of ofTopic) {
      const { quote } = decision;
      if (!decision.included && decision.reason === 'withdrawn_by_author') {
        warnings.push({
          code: 'consent_withdrawn',
          message: `A quote in topic ${topic.number} is left out: its author withdrew consent for it.`,
          quoteId: quote.id,
          topicId: topic.id,
        });
      } else if (!decision.included && decision.reason === 'source') {
        const state = SOURCE_STATES[quote.comment.status] ?? 'is not published';
        warnings.push({
          code: 'quote_source_unavailable',
          message: `A quote in topic ${topic.number} is left out: its source comment ${state}.`,
          quoteId: quote.id,
          topicId: topic.id,
        });
      } else if (!decision.included && decision.reason === 'source_changed') {
        warnings.push({
          code: 'source_changed',
          message: `A quote in topic ${topic.number} is left out: its source comment was edited after the quote was made and no longer contains the quoted words.`,
          quoteId: quote.id,
          topicId: topic.id,
        });
      } else if (!decision.included) {
        warnings.push({
          code: 'quote_consent_withdrawn',
          message: `A quote in topic ${topic.number} is left out: its author no longer consents to being quoted.`,
          quoteId: quote.id,
          topicId: topic.id,
        });
      } else if (decision.narrowed) {
        warnings.push({
          code: 'quote_attribution_narrowed',
          message: `A quote in topic ${topic.number} is attributed ${HOW[decision.attribution]} instead of ${HOW[quote.attribution]}: its author’s settings allow no more.`,
          quoteId: quote.id,
          topicId: topic.id,
        });
      }
    }
    if (!ofTopic.some((d) => d.included)) {
      warnings.push({
        code: 'topic_without_quotes',
        message: ofTopic.length
          ? `Every quote of topic ${topic.number} is left out, so the topic is missing from Selected comments.`
          : `Topic ${topic.number} has no quote, so it is missing from Selected comments.`,
        topicId: topic.id,
      });
    }
  }
  return warnings;
}

/**
 * An excerpt is stored as the plain text the reader saw (shared/quote-text.ts), paragraphs
 * separated by a blank line; a whole-comment quote (empty excerpt) follows the comment's Markdown.
 */
function quoteParagraphs(quote: AnnexQuote, lang: Language): Run[][] {
  const paragraphs = quote.excerpt.trim()
    ? quote.excerpt
        .split(/\n[ \t]*\n/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean)
        .map(plain)
    : markdownToParagraphs(quote.comment.bodyMarkdown);
  if (paragraphs.length === 0) return [];
  const { open, close } = PHRASES[lang];
  paragraphs[0] = mergeRuns([{ text: open }, ...paragraphs[0]!]);
  const lastIndex = paragraphs.length - 1;
  paragraphs[lastIndex] = mergeRuns([...paragraphs[lastIndex]!, { text: close }]);
  return paragraphs;
}

export interface BuildOptions {
  lang: Language;
  /** when the export is made: years are written only for ranges outside this year */
  exportDate: Date;
}

/** The annex of ANNEX.md, in order: heading, lead-in, topics, reach, summary, selected comments. */
export function buildAnnex(data: AnnexData, { lang, exportDate }: BuildOptions): AnnexDocument {
  const phrases = PHRASES[lang];
  const { dialogue, topics } = data;
  const title = phrases.title(dialogue.theme);
  const blocks: Block[] = [];
  if (dialogue.annexLabel.trim()) blocks.push({ kind: 'label', text: dialogue.annexLabel.trim() });
  blocks.push({ kind: 'heading', level: 1, text: title });
  blocks.push({
    kind: 'paragraph',
    runs: plain(leadInSentence({ topicCount: topics.length, leadIn: dialogue.annexLeadIn, host: dialogue.hostDescription.trim() }, lang)),
  });
  if (topics.length > 0) blocks.push({ kind: 'list', ordered: true, items: topics.map((topic) => plain(topic.question)) });

  const days = windowDays(dialogue.opensAt, dialogue.closesAt, dialogue.timeZone);
  const exportYear = Number(localDay(exportDate.getTime(), dialogue.timeZone).slice(0, 4));
  blocks.push({ kind: 'paragraph', runs: plain(`${reachSentence(days, data.visits, lang, exportYear)} ${phrases.summaryIntro}`) });

  blocks.push({ kind: 'heading', level: 2, text: phrases.summary });
  if (data.dialogueSummary.approvedBody !== null) blocks.push(...markdownToBlocks(data.dialogueSummary.approvedBody));
  for (const topic of topics) {
    const body = data.topicSummaries.get(topic.id)?.approvedBody;
    if (!body) continue;
    blocks.push({ kind: 'heading', level: 3, text: phrases.topicHeading(topic.number, topic.question) });
    blocks.push(...markdownToBlocks(body));
  }

  blocks.push({ kind: 'heading', level: 2, text: phrases.selectedComments });
  const included = data.quotes.map(decide).filter((d) => d.included);
  for (const topic of topics) {
    const quoteBlocks: Block[] = included
      .filter((d) => d.quote.topicId === topic.id)
      .map((d) => ({
        kind: 'quote' as const,
        label: phrases.quoteLabel,
        paragraphs: quoteParagraphs(d.quote, lang),
        attribution: attributionLine(d.attribution, d.quote.author, lang),
      }))
      .filter((block) => block.paragraphs.length > 0);
    if (quoteBlocks.length === 0) continue;
    blocks.push({ kind: 'heading', level: 3, text: phrases.topicHeading(topic.number, topic.question) });
    blocks.push(...quoteBlocks);
  }

  return xmlSafeDocument({ lang, title: dialogue.annexLabel.trim() ? `${dialogue.annexLabel.trim()}: ${title}` : title, blocks });
}

const safeRuns = (runs: Run[]): Run[] => runs.map((run) => ({ ...run, text: xmlSafeText(run.text) }));

/**
 * Every format renders this model, so cleaning it once keeps a stray U+FFFF in a comment or a
 * name from making the DOCX unopenable (and the other formats from carrying it).
 */
function xmlSafeDocument(document: AnnexDocument): AnnexDocument {
  const blocks = document.blocks.map((block): Block => {
    switch (block.kind) {
      case 'label':
      case 'heading':
        return { ...block, text: xmlSafeText(block.text) };
      case 'paragraph':
        return { ...block, runs: safeRuns(block.runs) };
      case 'list':
        return { ...block, items: block.items.map(safeRuns) };
      case 'quote':
        return {
          ...block,
          label: xmlSafeText(block.label),
          paragraphs: block.paragraphs.map(safeRuns),
          attribution: block.attribution === null ? null : xmlSafeText(block.attribution),
        };
    }
  });
  return { ...document, title: xmlSafeText(document.title), blocks };
}

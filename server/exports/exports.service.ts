import { Readable } from 'node:stream';
import type { Language } from '../../shared/common.ts';
import type { AnnexFormat, AnnexWarning, RawFormat } from '../../shared/exports.ts';
import type { DialogueRow } from '../../db/tables/dialogues.table.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Ctx } from '../context.ts';
import { dialogueTranslationsOf, languagesOf, topicTranslationsOf, visibleDialogue } from '../dialogues/dialogues.service.ts';
import { sourceChanged } from '../quotes/source-check.ts';
import { topicNumbers, visitTotals } from '../stats/stats.repository.ts';
import type { AnnexDocument } from './annex.model.ts';
import { annexWarnings, buildAnnex, NO_SUMMARY, type AnnexData, type SummaryState } from './annex.builder.ts';
import { annexTexts } from './annex.texts.ts';
import { renderHtml } from './annex.html.ts';
import { renderMarkdown } from './annex.markdown.ts';
import { listAnnexTopics, listApprovedVersions, listQuotesForAnnex, listSummaries, rawCommentPage } from './exports.repository.ts';
import { csvHead, csvRow, JSON_CLOSE, JSON_OPEN, jsonRow, toRawRow } from './raw-export.ts';

/** A file to send: its bytes (or a stream of them), its media type and its name. */
export interface ExportFile {
  body: Buffer | string | Readable;
  contentType: string;
  filename: string;
}

const ANNEX_TYPES: Record<AnnexFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** Summaries keyed by topic id ('' for the dialogue's): the last approved text, and whether a draft came after it. */
async function summaryStates(ctx: Ctx, dialogueId: string): Promise<Map<string, SummaryState>> {
  const summaries = await listSummaries(ctx.db, dialogueId);
  const approved = new Map<string, string>();
  for (const version of await listApprovedVersions(
    ctx.db,
    summaries.filter((s) => s.status !== 'approved').map((s) => s.id),
  )) {
    if (!approved.has(version.summary_id)) approved.set(version.summary_id, version.body);
  }
  const states = new Map<string, SummaryState>();
  for (const summary of summaries) {
    const state: SummaryState =
      summary.status === 'approved'
        ? { approvedBody: summary.body, newerDraft: false }
        : { approvedBody: approved.get(summary.id) ?? null, newerDraft: approved.has(summary.id) };
    states.set(summary.topic_id ?? '', state);
  }
  return states;
}

/** The annex's data in `lang`: the dialogue's texts in that language where they exist (annex.texts.ts). */
async function loadAnnexData(ctx: Ctx, dialogue: DialogueRow, lang: Language): Promise<AnnexData> {
  const [topicRows, visits, summaries, quotes] = await Promise.all([
    listAnnexTopics(ctx.db, dialogue.id),
    visitTotals(ctx.db, dialogue.id, { from: dialogue.opens_at, to: dialogue.closes_at }),
    summaryStates(ctx, dialogue.id),
    listQuotesForAnnex(ctx.db, dialogue.id),
  ]);
  const texts = annexTexts(
    {
      baseLanguage: languagesOf(dialogue)[0] ?? 'en',
      dialogue: {
        theme: dialogue.theme,
        hostDescription: dialogue.host_description,
        annexLabel: dialogue.annex_label,
        annexLeadIn: dialogue.annex_lead_in,
      },
      translations: dialogueTranslationsOf(dialogue),
      topics: topicRows.map((topic) => ({ id: topic.id, number: topic.number, question: topic.question, translations: topicTranslationsOf(topic) })),
    },
    lang,
  );
  return {
    dialogue: {
      ...texts.dialogue,
      opensAt: dialogue.opens_at,
      closesAt: dialogue.closes_at,
      timeZone: dialogue.time_zone,
    },
    topics: texts.topics,
    untranslated: texts.untranslated,
    visits: visits.visits,
    dialogueSummary: summaries.get('') ?? NO_SUMMARY,
    topicSummaries: new Map([...summaries].filter(([topicId]) => topicId !== '')),
    quotes: quotes.map((q) => ({
      id: q.id,
      topicId: q.topic_id,
      excerpt: q.excerpt,
      attribution: q.attribution,
      consentWithdrawn: q.consent_withdrawn_at !== null,
      comment: { status: q.comment_status, bodyMarkdown: q.comment_body },
      sourceChanged: sourceChanged({ excerpt: q.excerpt, createdAt: q.created_at }, { bodyMarkdown: q.comment_body, editedAt: q.comment_edited_at }),
      author: {
        displayName: q.display_name,
        nameDisplay: q.name_display,
        country: q.country,
        affiliation: q.affiliation,
        quoteConsent: q.quote_consent,
      },
    })),
  };
}

// docx and pdfkit are large: loaded at the first such export, not at every server start.
const renderers: Record<AnnexFormat, (document: AnnexDocument) => Promise<string | Buffer> | string | Buffer> = {
  md: renderMarkdown,
  html: renderHtml,
  docx: async (document) => (await import('./annex.docx.ts')).renderDocx(document),
  pdf: async (document) => (await import('./annex.pdf.ts')).renderPdf(document),
};

export interface AnnexRequest {
  format: AnnexFormat;
  lang: Language;
}

/** The annex of ANNEX.md in one format; the same model feeds every format. */
export async function exportAnnex(ctx: Ctx, viewer: Viewer, slug: string, request: AnnexRequest): Promise<ExportFile> {
  const dialogue = await visibleDialogue(ctx, viewer, slug);
  const document = buildAnnex(await loadAnnexData(ctx, dialogue, request.lang), { lang: request.lang, exportDate: new Date() });
  const render = renderers[request.format];
  return {
    body: await render(document),
    contentType: ANNEX_TYPES[request.format],
    filename: `${dialogue.slug}-annex-${request.lang}.${request.format}`,
  };
}

/** What the annex in `lang` leaves out or lacks, texts without a translation in that language included. */
export async function exportAnnexWarnings(ctx: Ctx, viewer: Viewer, slug: string, lang: Language): Promise<{ warnings: AnnexWarning[] }> {
  const dialogue = await visibleDialogue(ctx, viewer, slug);
  return { warnings: annexWarnings(await loadAnnexData(ctx, dialogue, lang)) };
}

const RAW_PAGE_SIZE = 1_000;

/**
 * Every comment of the dialogue, topic by topic in posting order, read a page at a time as the
 * client takes the bytes (Readable.from pulls the generator), so a large dialogue never sits in
 * memory whole.
 */
async function* rawChunks(ctx: Ctx, dialogueId: string, format: RawFormat): AsyncGenerator<Buffer> {
  yield Buffer.from(format === 'csv' ? csvHead() : JSON_OPEN);
  let first = true;
  for (const topic of await topicNumbers(ctx.db, dialogueId)) {
    let afterSeq = 0;
    for (;;) {
      const page = await rawCommentPage(ctx.db, topic.id, afterSeq, RAW_PAGE_SIZE);
      let chunk = '';
      for (const record of page) {
        const row = toRawRow(record, topic.number);
        chunk += format === 'csv' ? csvRow(row) : jsonRow(row, first);
        first = false;
      }
      if (chunk) yield Buffer.from(chunk);
      if (page.length < RAW_PAGE_SIZE) break;
      afterSeq = page.at(-1)!.seq;
    }
  }
  if (format === 'json') yield Buffer.from(JSON_CLOSE);
}

export async function exportRawData(ctx: Ctx, viewer: Viewer, slug: string, format: RawFormat): Promise<ExportFile> {
  const dialogue = await visibleDialogue(ctx, viewer, slug);
  return {
    body: Readable.from(rawChunks(ctx, dialogue.id, format), { objectMode: false }),
    contentType: format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/json; charset=utf-8',
    filename: `${dialogue.slug}-comments.${format}`,
  };
}

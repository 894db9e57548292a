import PDFDocument from 'pdfkit';
import type { Language } from '../../shared/common.ts';
import type { AnnexDocument, Block, Run } from './annex.model.ts';

/**
 * The PDF uses the standard Times fonts (no font files to ship), whose encoding is Windows-1252:
 * it covers English, French and Spanish, typographic quotes, guillemets, dashes and the ellipsis.
 * Other characters are folded to their plain letter where there is one (ő → o, ł → l) and to "?"
 * otherwise; the DOCX, HTML and Markdown keep every character.
 */
const WIN_ANSI_EXTRA = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022,
  0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

const SUBSTITUTES: Record<string, string> = {
  '\u202f': '\u00a0', // narrow no-break space (French digit groups) → no-break space
  '\u2007': '\u00a0',
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\t': ' ',
  // Letters with a stroke have no decomposition to fold them with.
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Ŧ: 'T',
  ŧ: 't',
};

const inWinAnsi = (code: number): boolean => (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(code);

/** Text the standard PDF fonts can show: Windows-1252 characters and line breaks only. */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '\n' || inWinAnsi(code)) {
      out += char;
      continue;
    }
    const substitute = SUBSTITUTES[char];
    if (substitute !== undefined) {
      out += substitute;
      continue;
    }
    if (/\s/u.test(char)) {
      out += ' ';
      continue;
    }
    if (code < 0x20 || (code >= 0x7f && code < 0xa0) || /\p{M}/u.test(char)) continue;
    const folded = char.normalize('NFKD').replace(/\p{M}/gu, '');
    out += folded && [...folded].every((c) => inWinAnsi(c.codePointAt(0)!)) ? folded : '?';
  }
  return out;
}

const LANGUAGE_TAGS: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' };

const FONT = { regular: 'Times-Roman', bold: 'Times-Bold', italic: 'Times-Italic', boldItalic: 'Times-BoldItalic' };
const fontFor = (bold: boolean, italic: boolean): string => (bold && italic ? FONT.boldItalic : bold ? FONT.bold : italic ? FONT.italic : FONT.regular);

const BODY_SIZE = 11.5;
const HEADING_SIZES = { 1: 16, 2: 14, 3: 12 } as const;
const MARGIN = 64;
const QUOTE_INDENT = 28;
const LIST_INDENT = 22;

type Pdf = InstanceType<typeof PDFDocument>;

class Writer {
  constructor(private readonly doc: Pdf) {}

  private get left(): number {
    return this.doc.page.margins.left;
  }

  private get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /** Starts a new page when less than `height` points are left, so a heading never ends a page. */
  private keepRoom(height: number): void {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
  }

  runs(runs: readonly Run[], options: { indent?: number; italic?: boolean; bold?: boolean; align?: 'left' | 'right'; size?: number } = {}): void {
    const pieces = runs.filter((run) => run.text);
    if (pieces.length === 0) return;
    const indent = options.indent ?? 0;
    const size = options.size ?? BODY_SIZE;
    this.keepRoom(size * 1.4);
    const y = this.doc.y;
    pieces.forEach((run, i) => {
      this.doc.font(fontFor(Boolean(run.bold || options.bold), Boolean(run.italic || options.italic))).fontSize(size);
      const textOptions = { width: this.width - indent, continued: i < pieces.length - 1, lineGap: 2, align: options.align ?? 'left' };
      if (i === 0) this.doc.text(toWinAnsi(run.text), this.left + indent, y, textOptions);
      else this.doc.text(toWinAnsi(run.text), textOptions);
    });
  }

  gap(lines = 0.5): void {
    this.doc.moveDown(lines);
  }

  heading(level: 1 | 2 | 3, text: string): void {
    this.gap(level === 1 ? 0.3 : 0.8);
    this.keepRoom(HEADING_SIZES[level] * 5);
    this.runs([{ text, bold: true }], { size: HEADING_SIZES[level] });
    this.gap(0.4);
  }

  list(items: readonly Run[][], ordered: boolean): void {
    items.forEach((runs, i) => {
      this.keepRoom(BODY_SIZE * 1.4);
      const y = this.doc.y;
      this.doc
        .font(FONT.regular)
        .fontSize(BODY_SIZE)
        .text(ordered ? `${i + 1}.` : '•', this.left + 4, y, { width: LIST_INDENT, lineBreak: false });
      this.doc.y = y;
      this.runs(runs, { indent: LIST_INDENT });
      this.gap(0.25);
    });
    this.gap(0.25);
  }

  block(block: Block): void {
    switch (block.kind) {
      case 'label':
        this.runs([{ text: block.text, bold: true }], { align: 'right' });
        this.gap(0.5);
        break;
      case 'heading':
        this.heading(block.level, block.text);
        break;
      case 'paragraph':
        this.runs(block.runs);
        this.gap();
        break;
      case 'list':
        this.list(block.items, block.ordered);
        break;
      case 'quote':
        this.gap(0.3);
        this.keepRoom(BODY_SIZE * 5);
        this.runs([{ text: block.label, bold: true }]);
        this.gap(0.2);
        for (const runs of block.paragraphs) {
          this.runs(runs, { indent: QUOTE_INDENT });
          this.gap(0.3);
        }
        if (block.attribution) {
          this.runs([{ text: block.attribution }], { indent: QUOTE_INDENT, italic: true });
          this.gap(0.3);
        }
        break;
    }
  }
}

/** The annex as an A4 PDF with selectable text. `compress: false` keeps the text readable in the file (tests). */
export function renderPdf(document: AnnexDocument, options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    compress: options.compress ?? true,
    lang: LANGUAGE_TAGS[document.lang],
    displayTitle: true,
    info: { Title: document.title, Creator: 'Virtual Dialogue', Producer: 'Virtual Dialogue' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const writer = new Writer(doc);
  for (const block of document.blocks) writer.block(block);
  doc.end();
  return done;
}

import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun, type ILevelsOptions } from 'docx';
import type { Language } from '../../shared/common.ts';
import type { AnnexDocument, Block, Run } from './annex.model.ts';

const LANGUAGE_TAGS: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' };

const NUMBERED = 'annex-numbered';
const BULLETED = 'annex-bulleted';

// Twentieths of a point: A4 is 210 × 297 mm; 1 cm is 567.
const A4 = { width: 11_906, height: 16_838 };
const MARGIN = 1_134;
const QUOTE_INDENT = 567;
const LIST_INDENT = { left: 720, hanging: 360 };

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function textRuns(runs: readonly Run[], extra: { italics?: boolean } = {}): TextRun[] {
  return runs.flatMap((run) =>
    run.text.split('\n').map(
      (segment, i) =>
        new TextRun({
          text: segment,
          ...(run.bold ? { bold: true } : {}),
          ...(run.italic || extra.italics ? { italics: true } : {}),
          ...(i > 0 ? { break: 1 } : {}),
        }),
    ),
  );
}

function level(format: 'decimal' | 'bullet'): ILevelsOptions {
  return {
    level: 0,
    format: format === 'decimal' ? LevelFormat.DECIMAL : LevelFormat.BULLET,
    text: format === 'decimal' ? '%1.' : '•',
    alignment: AlignmentType.START,
    style: { paragraph: { indent: LIST_INDENT } },
  };
}

/** Word paragraphs for the model's blocks; every list is its own numbering instance, so each counts from 1. */
function paragraphsOf(blocks: readonly Block[]): Paragraph[] {
  let instance = 0;
  return blocks.flatMap((block): Paragraph[] => {
    switch (block.kind) {
      case 'label':
        return [new Paragraph({ alignment: AlignmentType.RIGHT, keepNext: true, children: [new TextRun({ text: block.text, bold: true })] })];
      case 'heading':
        return [new Paragraph({ heading: HEADINGS[block.level], children: [new TextRun(block.text)] })];
      case 'paragraph':
        return [new Paragraph({ children: textRuns(block.runs) })];
      case 'list': {
        instance += 1;
        const reference = block.ordered ? NUMBERED : BULLETED;
        return block.items.map((runs) => new Paragraph({ numbering: { reference, level: 0, instance }, children: textRuns(runs) }));
      }
      case 'quote':
        return [
          new Paragraph({ keepNext: true, spacing: { before: 240, after: 60 }, children: [new TextRun({ text: block.label, bold: true })] }),
          ...block.paragraphs.map((runs) => new Paragraph({ indent: { left: QUOTE_INDENT }, children: textRuns(runs) })),
          ...(block.attribution
            ? [new Paragraph({ indent: { left: QUOTE_INDENT }, children: textRuns([{ text: block.attribution }], { italics: true }) })]
            : []),
        ];
    }
  });
}

/** The annex as a Word document: Heading 1–3 styles, real numbered lists, quotes as paragraphs, A4. */
export async function renderDocx(document: AnnexDocument): Promise<Buffer> {
  const heading = (size: number) => ({
    run: { font: 'Times New Roman', size, bold: true, color: '000000' },
    paragraph: { keepNext: true, keepLines: true, spacing: { before: 360, after: 120 } },
  });
  const doc = new Document({
    title: document.title,
    creator: 'Virtual Dialogue',
    lastModifiedBy: 'Virtual Dialogue',
    styles: {
      default: {
        document: {
          run: { font: 'Times New Roman', size: 24, language: { value: LANGUAGE_TAGS[document.lang] } },
          paragraph: { spacing: { after: 120, line: 276 } },
        },
        heading1: heading(32),
        heading2: heading(28),
        heading3: heading(24),
      },
    },
    numbering: {
      config: [
        { reference: NUMBERED, levels: [level('decimal')] },
        { reference: BULLETED, levels: [level('bullet')] },
      ],
    },
    sections: [
      {
        properties: { page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } } },
        children: paragraphsOf(document.blocks),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

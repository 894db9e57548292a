import type { Language } from '../../shared/common.ts';

/**
 * The annex as one document model, built once from the database and rendered to Markdown, HTML,
 * DOCX and PDF, so every format carries the same text in the same order.
 */

/** A piece of text with one formatting; '\n' inside `text` is a line break within the paragraph. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Block =
  /** the annex label ("Annex II"), shown above the title */
  | { kind: 'label'; text: string }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'list'; ordered: boolean; items: Run[][] }
  /** a selected comment: its label ("Quote:"), its paragraphs inside quotation marks, its attribution line */
  | { kind: 'quote'; label: string; paragraphs: Run[][]; attribution: string | null };

export interface AnnexDocument {
  lang: Language;
  /** the document title (metadata and the HTML <title>) */
  title: string;
  blocks: Block[];
}

export const plain = (text: string): Run[] => [{ text }];

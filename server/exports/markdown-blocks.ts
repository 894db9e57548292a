import MarkdownIt from 'markdown-it';
import type { Run } from './annex.model.ts';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

// The settings comments are rendered with (server/lib/markdown.ts), so a line break the reader saw
// stays a line break in the annex.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });

export type SourceBlock = { kind: 'paragraph'; runs: Run[] } | { kind: 'list'; ordered: boolean; items: Run[][] };

/** Joins neighbouring runs of the same formatting, and drops empty ones. */
export function mergeRuns(runs: readonly Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    if (!run.text) continue;
    const last = merged.at(-1);
    if (last && Boolean(last.bold) === Boolean(run.bold) && Boolean(last.italic) === Boolean(run.italic)) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged;
}

/** Drops line breaks and spaces at the very start and end of a paragraph. */
function trimRuns(runs: Run[]): Run[] {
  const first = runs[0];
  if (first) first.text = first.text.replace(/^\s+/, '');
  const last = runs.at(-1);
  if (last) last.text = last.text.replace(/\s+$/, '');
  return mergeRuns(runs);
}

function inlineRuns(children: readonly Token[], bold: boolean): Run[] {
  const runs: Run[] = [];
  let strong = bold ? 1 : 0;
  let emphasis = 0;
  const links: string[] = [];
  let linkText = '';
  const push = (text: string) => {
    runs.push({ text, ...(strong > 0 ? { bold: true } : {}), ...(emphasis > 0 ? { italic: true } : {}) });
    if (links.length > 0) linkText += text;
  };
  for (const token of children) {
    switch (token.type) {
      case 'text':
      case 'code_inline':
        push(token.content);
        break;
      case 'softbreak':
      case 'hardbreak':
        push('\n');
        break;
      case 'image':
        push(token.content);
        break;
      case 'strong_open':
        strong += 1;
        break;
      case 'strong_close':
        strong -= 1;
        break;
      case 'em_open':
        emphasis += 1;
        break;
      case 'em_close':
        emphasis -= 1;
        break;
      case 'link_open':
        links.push(String(token.attrGet('href') ?? ''));
        linkText = '';
        break;
      case 'link_close': {
        // On paper a link is its text; the address follows when the text does not already show it.
        const href = links.pop();
        if (href && /^https?:/i.test(href) && href !== linkText && `http://${linkText}` !== href && `https://${linkText}` !== href) {
          push(` (${href})`);
        }
        break;
      }
      default:
        break;
    }
  }
  return runs;
}

/**
 * Markdown (a summary, a quoted comment) as paragraphs and lists of formatted runs. Headings
 * become bold paragraphs, so the annex keeps its own outline; nested lists are flattened into
 * their outer list; code keeps its text.
 */
export function markdownToBlocks(source: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let list: Extract<SourceBlock, { kind: 'list' }> | null = null;
  let listDepth = 0;
  let item: Run[] | null = null;
  let inHeading = false;

  const add = (runs: Run[]) => {
    const trimmed = trimRuns(runs);
    if (trimmed.length === 0) return;
    if (list) {
      if (item && item.length > 0) item.push({ text: '\n' }, ...trimmed);
      else if (item) item.push(...trimmed);
      else list.items.push(trimmed);
    } else {
      blocks.push({ kind: 'paragraph', runs: trimmed });
    }
  };

  for (const token of markdown.parse(source, {})) {
    switch (token.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        if (listDepth === 0) {
          list = { kind: 'list', ordered: token.type === 'ordered_list_open', items: [] };
          blocks.push(list);
        }
        listDepth += 1;
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listDepth -= 1;
        if (listDepth === 0) list = null;
        break;
      case 'list_item_open':
        item = [];
        list?.items.push(item);
        break;
      case 'list_item_close':
        item = null;
        break;
      case 'heading_open':
        inHeading = true;
        break;
      case 'heading_close':
        inHeading = false;
        break;
      case 'inline':
        add(inlineRuns(token.children ?? [], inHeading));
        break;
      case 'fence':
      case 'code_block':
        add([{ text: token.content }]);
        break;
      default:
        break;
    }
  }
  for (const block of blocks) {
    if (block.kind === 'list') block.items = block.items.map(mergeRuns).filter((runs) => runs.length > 0);
  }
  return blocks.filter((block) => block.kind === 'paragraph' || block.items.length > 0);
}

/**
 * A quoted comment as the paragraphs the annex prints inside quotation marks: list items become
 * paragraphs of their own, with their bullet or number.
 */
export function markdownToParagraphs(source: string): Run[][] {
  return markdownToBlocks(source).flatMap((block) =>
    block.kind === 'paragraph' ? [block.runs] : block.items.map((runs, i) => mergeRuns([{ text: block.ordered ? `${i + 1}. ` : '• ' }, ...runs])),
  );
}

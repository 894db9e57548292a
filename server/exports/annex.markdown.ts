import type { AnnexDocument, Block, Run } from './annex.model.ts';

/** Characters that mean something anywhere in a CommonMark line. */
const INLINE_SPECIAL = /[\\`*_<~|]/g;

/**
 * Escapes text so Markdown shows it as written (and never turns it into markup or a link). A
 * bracket only makes a link before "(", "[" or ":", so "[…]" in a quote stays as it is.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(INLINE_SPECIAL, (c) => `\\${c}`)
    .replace(/\](?=[([:])/g, '\\]')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    .split('\n')
    .map(escapeLineStart)
    .join('\n');
}

/** What would start a heading, list, quote or rule at the start of a line. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([#+=>-])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

function runsToMarkdown(runs: readonly Run[]): string {
  return runs
    .map((run) =>
      run.text
        .split('\n')
        .map((segment) => {
          const marker = run.bold && run.italic ? '***' : run.bold ? '**' : run.italic ? '*' : '';
          const [, lead = '', core = '', trail = ''] = /^(\s*)(.*?)(\s*)$/s.exec(segment) ?? [];
          return core && marker ? `${lead}${marker}${escapeMarkdown(core)}${marker}${trail}` : escapeMarkdown(segment);
        })
        // A backslash at the end of a line is CommonMark's hard line break.
        .join('\\\n'),
    )
    .join('');
}

function listItem(marker: string, runs: readonly Run[]): string {
  const indent = ' '.repeat(marker.length);
  return `${marker}${runsToMarkdown(runs).split('\n').join(`\n${indent}`)}`;
}

function blockToMarkdown(block: Block): string {
  switch (block.kind) {
    case 'label':
      return `**${escapeMarkdown(block.text)}**`;
    case 'heading':
      return `${'#'.repeat(block.level)} ${escapeMarkdown(block.text)}`;
    case 'paragraph':
      return runsToMarkdown(block.runs);
    case 'list':
      return block.items.map((runs, i) => listItem(block.ordered ? `${i + 1}. ` : '- ', runs)).join('\n');
    case 'quote':
      return [
        `**${escapeMarkdown(block.label)}**`,
        ...block.paragraphs.map(runsToMarkdown),
        ...(block.attribution ? [escapeMarkdown(block.attribution)] : []),
      ].join('\n\n');
  }
}

/** The annex as Markdown: for pasting, diffing and version control. */
export function renderMarkdown(document: AnnexDocument): string {
  return `${document.blocks.map(blockToMarkdown).join('\n\n')}\n`;
}

import type { AnnexDocument, Block, Run } from './annex.model.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

function runsToHtml(runs: readonly Run[]): string {
  return runs
    .map((run) => {
      let html = run.text.split('\n').map(escapeHtml).join('<br>');
      if (run.italic) html = `<em>${html}</em>`;
      if (run.bold) html = `<strong>${html}</strong>`;
      return html;
    })
    .join('');
}

function blockToHtml(block: Block): string {
  switch (block.kind) {
    case 'label':
      return `<p class="annex-label">${escapeHtml(block.text)}</p>`;
    case 'heading':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${runsToHtml(block.runs)}</p>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>\n${block.items.map((runs) => `<li>${runsToHtml(runs)}</li>`).join('\n')}\n</${tag}>`;
    }
    case 'quote':
      return [
        '<figure class="quote">',
        `<p class="quote-label">${escapeHtml(block.label)}</p>`,
        `<blockquote>\n${block.paragraphs.map((runs) => `<p>${runsToHtml(runs)}</p>`).join('\n')}\n</blockquote>`,
        ...(block.attribution ? [`<figcaption class="attribution">${escapeHtml(block.attribution)}</figcaption>`] : []),
        '</figure>',
      ].join('\n');
  }
}

// Print CSS for A4; no external resources, so the page is whole when saved or printed.
const STYLE = `
@page { size: A4; margin: 2.5cm 2cm; }
html { color: #111; background: #fff; }
body { font-family: "Times New Roman", Times, Georgia, serif; font-size: 12pt; line-height: 1.45; max-width: 40em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.5em; margin: 0.4em 0 0.8em; }
h2 { font-size: 1.25em; margin: 1.6em 0 0.6em; }
h3 { font-size: 1.05em; margin: 1.4em 0 0.5em; }
.annex-label { text-align: right; font-weight: bold; margin: 0; }
ol, ul { padding-left: 2em; }
li { margin: 0.25em 0; }
.quote { margin: 0 0 1.2em; }
.quote-label { font-weight: bold; margin: 0.8em 0 0.3em; }
.quote blockquote { margin: 0 0 0.3em 1.5em; }
.quote blockquote p { margin: 0 0 0.5em; }
.attribution { margin-left: 1.5em; font-style: italic; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  h1, h2, h3, .quote-label { break-after: avoid; page-break-after: avoid; }
  .quote, li { break-inside: avoid; page-break-inside: avoid; }
}
`.trim();

/** The annex as one self-contained HTML page with print CSS. */
export function renderHtml(document: AnnexDocument): string {
  return [
    '<!doctype html>',
    `<html lang="${document.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(document.title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...document.blocks.map(blockToHtml),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

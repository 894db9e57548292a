// Plain text of a comment's Markdown, and the rules that turn a moderator's selection into a
// quote. Pure, so that the curation screen shows exactly what the server will store.

/** Marks text left out of a quote, at its start, its end or between two passages. */
export const EXCERPT_GAP = '[…]';

const GAP_LINE = /^[ \t]*\[(?:…|\.\.\.)\][ \t]*$/m;
const EDGE_GAPS = /^(?:\s*\[(?:…|\.\.\.)\])+|(?:\[(?:…|\.\.\.)\]\s*)+$/g;

// Characters Markdown lets one escape with a backslash; kept aside while the syntax is stripped.
const ESCAPABLE = /\\([\\`*_{}[\]()#+\-.!>~|<])/g;
const PROTECT_BASE = 0xe000;

const BLOCK_RULES: [RegExp, string][] = [
  [/^ {0,3}(?:[-*_][ \t]*){3,}$/, ''], // thematic break
  [/^ {0,3}=+[ \t]*$/, ''], // setext heading underline
  [/^ {0,3}#{1,6}(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$/, '$1'], // ATX heading
  [/^ {0,3}\[[^\]]+\]:[ \t]*\S+.*$/, ''], // link reference definition
];

const INLINE_RULES: [RegExp, string][] = [
  [/!\[([^\]]*)\]\([^)]*\)/g, '$1'], // image: its alt text
  [/\[([^\]]+)\]\([^)]*\)/g, '$1'], // inline link
  [/\[([^\]]+)\]\[[^\]]*\]/g, '$1'], // reference link
  [/<((?:https?|mailto):[^>\s]+)>/g, '$1'], // autolink
  [/(`+)([^`]|[^`].*?[^`])\1/g, '$2'], // code span
  [/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2'],
  [/(^|[^\w*])\*(?=[^\s*])([\s\S]*?[^\s*])\*(?![\w*])/g, '$1$2'],
  [/(^|[^\w_])_(?=[^\s_])([\s\S]*?[^\s_])_(?![\w_])/g, '$1$2'],
  [/~~(?=\S)([\s\S]*?\S)~~/g, '$1'],
];

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * The text a reader of the rendered comment sees, without Markdown syntax: paragraphs (and each
 * heading, list item or quoted paragraph) separated by one blank line, whitespace inside them
 * collapsed to single spaces.
 */
export function markdownToPlainText(markdown: string): string {
  const protectedChars: string[] = [];
  const source = markdown
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(ESCAPABLE, (_match, char: string) => {
      protectedChars.push(char);
      return String.fromCharCode(PROTECT_BASE + protectedChars.length - 1);
    });
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) paragraphs.push(current.join('\n'));
    current = [];
  };
  let fence: string | null = null;
  for (const rawLine of source.split('\n')) {
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(rawLine);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence)) {
        fence = null;
        flush();
      } else {
        current.push(rawLine);
      }
      continue;
    }
    if (fenceMatch) {
      flush();
      fence = fenceMatch[1]!;
      continue;
    }
    let line = rawLine.replace(/^ {0,3}(?:>[ \t]?)+/, '');
    if (line.trim() === '') {
      flush();
      continue;
    }
    const block = BLOCK_RULES.find(([pattern]) => pattern.test(line));
    const item = block ? null : /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$/.exec(line);
    if (item || block) {
      flush();
      line = item ? item[1]! : line.replace(block![0], block![1]);
      current.push(line);
      // A heading stands alone; a list item may continue on the next lines.
      if (block) flush();
      continue;
    }
    current.push(line);
  }
  flush();
  return paragraphs
    .map((paragraph) => collapse(INLINE_RULES.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), paragraph)))
    .filter((paragraph) => paragraph !== '')
    .join('\n\n')
    .replace(/[\ue000-\uf8ff]/g, (char) => protectedChars[char.charCodeAt(0) - PROTECT_BASE] ?? char);
}

/** Joins passages selected in a comment the way `buildExcerpt` reads them: one per block, a line "[…]" between. */
export const joinPassages = (passages: string[]): string => passages.map((passage) => passage.trim()).join(`\n${EXCERPT_GAP}\n`);

export type ExcerptResult =
  /** `whole`: the selection covers the entire comment, which is then quoted as a whole */
  { ok: true; text: string; whole: boolean } | { ok: false; code: 'excerpt_not_in_comment' };

/** Text with every run of whitespace made one space, and where each of its characters came from. */
function flatten(text: string): { flat: string; origin: number[] } {
  let flat = '';
  const origin: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (/\s/.test(char)) {
      if (!inSpace && flat !== '') {
        flat += ' ';
        origin.push(i);
      }
      inSpace = true;
    } else {
      flat += char;
      origin.push(i);
      inSpace = false;
    }
  }
  return { flat, origin };
}

/**
 * Turns a moderator's selection into the text of a quote.
 *
 * The selection is one or more passages of the comment, in the order they appear in it,
 * separated by a line containing only "[…]" (or "[...]"). Each passage may be copied from the
 * rendered comment or from its Markdown source; it is compared with the comment's plain text
 * (`markdownToPlainText`) with all whitespace made equal, and must be found after the previous
 * one. The quote is the passages as they stand in the plain text (paragraph breaks kept), joined
 * by " […] ", with "[…] " in front unless the first starts the comment and " […]" after unless
 * the last ends it. Passages that touch are merged. Anything not found is `excerpt_not_in_comment`.
 */
export function buildExcerpt(commentMarkdown: string, selection: string): ExcerptResult {
  const plain = markdownToPlainText(commentMarkdown);
  const { flat, origin } = flatten(plain);
  const passages = selection
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split(GAP_LINE)
    .map((passage) => passage.replace(EDGE_GAPS, '').trim())
    .filter((passage) => passage !== '');
  if (passages.length === 0) return { ok: false, code: 'excerpt_not_in_comment' };

  const spans: { start: number; end: number }[] = [];
  let from = 0;
  for (const passage of passages) {
    const candidates = [collapse(passage), collapse(markdownToPlainText(passage))];
    let found: { start: number; end: number } | null = null;
    for (const candidate of candidates) {
      const at = candidate === '' ? -1 : flat.indexOf(candidate, from);
      if (at >= 0) {
        found = { start: at, end: at + candidate.length };
        break;
      }
    }
    if (!found) return { ok: false, code: 'excerpt_not_in_comment' };
    const previous = spans.at(-1);
    // Touching passages (nothing but a space between) are one passage.
    if (previous && flat.slice(previous.end, found.start).trim() === '') previous.end = found.end;
    else spans.push(found);
    from = found.end;
  }

  const toPlain = ({ start, end }: { start: number; end: number }) => plain.slice(origin[start], origin[end - 1]! + 1);
  const first = spans[0]!;
  const last = spans.at(-1)!;
  const startsComment = first.start === 0;
  const endsComment = last.end === flat.length;
  if (spans.length === 1 && startsComment && endsComment) return { ok: true, text: plain, whole: true };
  const text = `${startsComment ? '' : `${EXCERPT_GAP} `}${spans.map(toPlain).join(` ${EXCERPT_GAP} `)}${endsComment ? '' : ` ${EXCERPT_GAP}`}`;
  return { ok: true, text, whole: false };
}

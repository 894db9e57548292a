// A word diff for comparing two versions of a summary: the longest common subsequence of their
// tokens (words, single punctuation marks and runs of whitespace), so that the `same` and
// `removed` parts spell the old text and the `same` and `added` parts the new one, exactly.

export type DiffPartType = 'same' | 'added' | 'removed';
export interface DiffPart {
  type: DiffPartType;
  text: string;
}

/** Above this many cells the table is not built: the texts are compared line by line first. */
const MAX_CELLS = 4_000_000;

const TOKEN = /\s+|[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;
const LINE = /[^\n]*\n|[^\n]+$/g;

export const wordTokens = (text: string): string[] => text.match(TOKEN) ?? [];
const lineTokens = (text: string): string[] => text.match(LINE) ?? [];

function push(parts: DiffPart[], type: DiffPartType, text: string): void {
  if (text === '') return;
  const last = parts.at(-1);
  if (last?.type === type) last.text += text;
  else parts.push({ type, text });
}

/** The LCS walk over two token lists; null when the table would be too large. */
function lcs(a: string[], b: string[]): DiffPart[] | null {
  const n = a.length;
  const m = b.length;
  if ((n + 1) * (m + 1) > MAX_CELLS) return null;
  const width = m + 1;
  // suffix[i * width + j]: length of the LCS of a[i..] and b[j..]
  const suffix = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      suffix[i * width + j] = a[i] === b[j] ? suffix[(i + 1) * width + j + 1]! + 1 : Math.max(suffix[(i + 1) * width + j]!, suffix[i * width + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(parts, 'same', a[i]!);
      i += 1;
      j += 1;
    } else if (suffix[(i + 1) * width + j]! >= suffix[i * width + j + 1]!) {
      push(parts, 'removed', a[i]!);
      i += 1;
    } else {
      push(parts, 'added', b[j]!);
      j += 1;
    }
  }
  for (; i < n; i += 1) push(parts, 'removed', a[i]!);
  for (; j < m; j += 1) push(parts, 'added', b[j]!);
  return parts;
}

function diffTokens(a: string[], b: string[], parts: DiffPart[], fallback: (a: string, b: string, parts: DiffPart[]) => void): void {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  push(parts, 'same', a.slice(0, start).join(''));
  const middle = lcs(a.slice(start, endA), b.slice(start, endB));
  if (middle) for (const part of middle) push(parts, part.type, part.text);
  else fallback(a.slice(start, endA).join(''), b.slice(start, endB).join(''), parts);
  push(parts, 'same', a.slice(endA).join(''));
}

const replaceAll = (a: string, b: string, parts: DiffPart[]) => {
  push(parts, 'removed', a);
  push(parts, 'added', b);
};

/** Word by word; texts too long for that are compared line by line, then word by word inside each changed run of lines. */
export function diffWords(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  diffTokens(wordTokens(before), wordTokens(after), parts, (a, b, into) => {
    const byLine: DiffPart[] = [];
    diffTokens(lineTokens(a), lineTokens(b), byLine, replaceAll);
    for (let k = 0; k < byLine.length; k += 1) {
      const part = byLine[k]!;
      const next = byLine[k + 1];
      if (part.type === 'removed' && next?.type === 'added') {
        diffTokens(wordTokens(part.text), wordTokens(next.text), into, replaceAll);
        k += 1;
      } else {
        push(into, part.type, part.text);
      }
    }
  });
  return parts;
}

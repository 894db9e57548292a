// @mentions: `@Kwame Mensah` names a participant of the topic. Display names have spaces and
// nothing marks where a name ends, so each `@` takes the longest name among the topic's
// participants that follows it (case-insensitive) and ends at a word boundary.

/** At most this many people are told of one comment's mentions: a comment naming everyone is a broadcast, not a mention. */
export const MENTIONS_MAX = 10;

export interface MentionCandidate {
  id: string;
  displayName: string;
}

const WORD_CHARACTER = /[\p{L}\p{M}\p{N}_]/u;

const fold = (text: string): string => text.normalize('NFC').toLocaleLowerCase('und');

/** Display names compare folded, with runs of spaces as one. */
const foldName = (name: string): string => fold(name.trim().replace(/\s+/g, ' '));

/** One `@name` in a text: where its `@` is, where the name ends, and whom it names. */
export interface MentionAt {
  id: string;
  start: number;
  end: number;
}

/** Folds `text` as names are compared, runs of white space as one space. */
const foldSpaced = (text: string): string => fold(text.replace(/\s+/g, ' '));

/**
 * Every @mention in the text, in order, each `@` once. An `@` inside a word (an e-mail address) is
 * no mention.
 */
export function mentionsIn(text: string, candidates: readonly MentionCandidate[]): MentionAt[] {
  if (!text.includes('@') || candidates.length === 0) return [];
  // Longest first: "@Ana Maria Lopez" names her, not "Ana Maria".
  const names = candidates
    .map((candidate) => ({ id: candidate.id, folded: foldName(candidate.displayName) }))
    .filter((name) => name.folded !== '')
    .sort((a, b) => b.folded.length - a.folded.length);
  if (names.length === 0) return [];
  const found: MentionAt[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at > 0 && WORD_CHARACTER.test(text[at - 1]!)) continue;
    // Enough of the text for the longest name, with spaces as the names have them.
    const window = text.slice(at + 1, at + 1 + names[0]!.folded.length * 2 + 8);
    const rest = foldSpaced(window);
    const match = names.find((name) => rest.startsWith(name.folded) && !WORD_CHARACTER.test(rest.charAt(name.folded.length)));
    if (!match) continue;
    // Where the name ends in the text as written (its spaces and letters may fold to fewer).
    let length = 1;
    while (length < window.length && foldSpaced(window.slice(0, length)) !== match.folded) length++;
    found.push({ id: match.id, start: at, end: at + 1 + length });
    at += length;
  }
  return found;
}

/** The participants the text mentions, in the order first named, each once, at most `max`. */
export function findMentions(text: string, candidates: readonly MentionCandidate[], max = MENTIONS_MAX): string[] {
  return [...new Set(mentionsIn(text, candidates).map((mention) => mention.id))].slice(0, max);
}

/** Whether `name` is offered for what was typed after `@`: it starts the name or one of its words. */
export function nameMatchesPrefix(name: string, typed: string): boolean {
  const prefix = fold(typed.replace(/\s+/g, ' ').trimStart());
  if (prefix === '') return true;
  const folded = foldName(name);
  if (folded.startsWith(prefix)) return true;
  for (let space = folded.indexOf(' '); space !== -1; space = folded.indexOf(' ', space + 1)) {
    if (folded.startsWith(prefix, space + 1)) return true;
  }
  return false;
}

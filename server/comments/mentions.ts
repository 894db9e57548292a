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

/**
 * The participants the text mentions, in the order first named, each once, at most `max`. An `@`
 * inside a word (an e-mail address) is no mention.
 */
export function findMentions(text: string, candidates: readonly MentionCandidate[], max = MENTIONS_MAX): string[] {
  if (!text.includes('@') || candidates.length === 0) return [];
  // Longest first: "@Ana Maria Lopez" names her, not "Ana Maria".
  const names = candidates
    .map((candidate) => ({ id: candidate.id, folded: foldName(candidate.displayName) }))
    .filter((name) => name.folded !== '')
    .sort((a, b) => b.folded.length - a.folded.length);
  const found: string[] = [];
  for (let at = text.indexOf('@'); at !== -1 && found.length < max; at = text.indexOf('@', at + 1)) {
    if (at > 0 && WORD_CHARACTER.test(text[at - 1]!)) continue;
    // Enough of the text for the longest name, with spaces as the names have them.
    const rest = fold(text.slice(at + 1, at + 1 + names[0]!.folded.length * 2 + 8).replace(/\s+/g, ' '));
    const match = names.find((name) => rest.startsWith(name.folded) && !WORD_CHARACTER.test(rest.charAt(name.folded.length)));
    if (match && !found.includes(match.id)) found.push(match.id);
  }
  return found;
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

// Watched words hold a comment for review when it contains one of them: whole words, `*` for any
// letters (`xenophob*`), whatever the case or accents ("Étrangers" matches "etrangers"), in any
// language the dialogue uses.

const strip = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A word as organizers enter it, tidied: trimmed, lower case, runs of `*` made one. */
export function normalizeWatchedWord(word: string): string {
  return word.trim().toLowerCase().replace(/\*+/g, '*');
}

/** One matcher for a dialogue's list; null when the list is empty. */
export function watchedWordsMatcher(words: readonly string[]): ((text: string) => string | null) | null {
  const usable = words.map((word) => strip(normalizeWatchedWord(word))).filter((word) => word.replace(/\*/g, '') !== '');
  if (usable.length === 0) return null;
  const patterns = usable.map((word) => word.split('*').map(escape).join('[\\p{L}\\p{N}]*'));
  const regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${patterns.map((p) => `(${p})`).join('|')})(?![\\p{L}\\p{N}])`, 'u');
  return (text) => {
    const match = regex.exec(strip(text));
    if (!match) return null;
    const index = match.slice(1).findIndex((group) => group !== undefined);
    return words.filter((word) => strip(normalizeWatchedWord(word)).replace(/\*/g, '') !== '')[index] ?? null;
  };
}

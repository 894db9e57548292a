import type { Language } from '../../shared/common.constants.ts';
import { markdownToPlainText } from '../../shared/quote-text.ts';
import type { NameDisplay } from '../../shared/users.constants.ts';
import { participantFrom } from '../exports/annex.phrases.ts';

// What notices and mails say about a comment: its opening words and its author as threads show
// them, in the reader's language (the topic's question and the link: server/lib/mail-links.ts).

/** A reply's or mention's opening words, as the bell and the mail show them. */
export const NOTICE_EXCERPT_MAX = 200;

/** A comment's first words as plain text: at most `max` characters, cut after a whole word where one ends late enough, with "…". */
export function openingWords(markdown: string, max = NOTICE_EXCERPT_MAX): string {
  const characters = [...markdownToPlainText(markdown).replace(/\s+/g, ' ').trim()];
  if (characters.length <= max) return characters.join('');
  const cut = characters.slice(0, max - 1).join('');
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${(atWord.length >= max / 2 ? atWord : cut).trimEnd()}…`;
}

export interface ShownAuthor {
  display_name: string;
  name_display: NameDisplay;
  country: string;
}

/** The author as threads show them: their name, or "participant from COUNTRY" in the reader's language. */
export const shownAuthorName = (author: ShownAuthor, lang: Language): string =>
  author.name_display === 'name' ? author.display_name : participantFrom(author.country, lang);

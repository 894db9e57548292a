import type { Language } from '../../shared/common.ts';
import type { TopicRow } from '../../db/tables/dialogues.table.ts';
import { topicTranslationsOf } from '../dialogues/dialogues.service.ts';

// What mails about a comment say and link to, the same for every kind of mail.

/** The absolute link to one comment: its topic's page, scrolled to it and highlighted. */
export const commentLink = (origin: string, topicId: string, commentId: string): string =>
  `${origin}/t/${encodeURIComponent(topicId)}?c=${encodeURIComponent(commentId)}`;

/** A topic's question in the recipient's language where the organizers wrote one, else its base text. */
export function topicQuestionIn(topic: Pick<TopicRow, 'question' | 'translations'>, language: Language): string {
  const translated = topicTranslationsOf(topic)[language]?.question?.trim();
  return translated ? translated : topic.question;
}

import type { ToldToAuthor } from '../../shared/moderation.constants.ts';
import type { MailKind } from '../../shared/mail.constants.ts';
import type { PracticeAction } from '../../shared/practices.constants.ts';

/** One comment of a digest: who wrote it (as threads show them) and its opening words. */
export interface DigestComment {
  author: string;
  excerpt: string;
}

export interface DigestTopic {
  question: string;
  /** the link to the first comment the reader has not been mailed about */
  link: string;
  newComments: number;
  /** the first few new comments */
  comments: DigestComment[];
}

/**
 * What each kind of mail says, filled in by what caused it. Names are as threads show them
 * (the display name, or "participant from COUNTRY" in the recipient's language); links are absolute.
 */
export interface MailData {
  password_reset: { link: string };
  verify_email: { link: string };
  reply: { actor: string; topic: string; excerpt: string; link: string };
  mention: { actor: string; topic: string; excerpt: string; link: string };
  moderation: { decision: ToldToAuthor; reason: string; topic: string; link: string };
  /** a moderator's decision on a good practice: its title, the reason ('' when none) and the link to its page */
  practice: { decision: PracticeAction; reason: string; title: string; link: string };
  quoted: { topic: string; quote: string; link: string; withdrawLink: string };
  digest: { period: 'daily' | 'weekly'; topics: DigestTopic[] };
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export type MailOf<K extends MailKind> = MailData[K];

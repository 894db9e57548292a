import type { Generated } from 'kysely';
import type { Language } from '../../shared/common.constants.ts';
import type { MailKind, MailStatus, TokenPurpose } from '../../shared/mail.constants.ts';

/** One message to send: rendered when queued (in the recipient's language), sent by the worker. */
export interface MailOutboxTable {
  id: string;
  user_id: string | null;
  to_address: string;
  kind: MailKind;
  language: Language;
  subject: string;
  text_body: string;
  html_body: string;
  /** JSON object of extra headers (List-Unsubscribe, List-Unsubscribe-Post) */
  headers: Generated<string>;
  /** a digest's period, say: a second message with the same key is never queued */
  dedupe_key: string | null;
  status: MailStatus;
  attempts: Generated<number>;
  next_attempt_at: string;
  /** the node sending it, until claimed_until: after that another node may claim it again */
  claimed_by: string | null;
  claimed_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** A one-time token mailed to a user: only the SHA-256 of the token is kept. */
export interface AuthTokensTable {
  id: string;
  user_id: string;
  purpose: TokenPurpose;
  token_hash: string;
  /** the address it was mailed to: verifying proves this one */
  email: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface TopicFollowsTable {
  user_id: string;
  topic_id: string;
  /** 0: the user stopped following; posting again does not follow them back */
  following: Generated<number>;
  created_at: string;
}

import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Affiliation, Language, Role } from '../../shared/common.constants.ts';
import type { NotificationKind } from '../../shared/mail.constants.ts';
import type { NameDisplay, QuoteConsent } from '../../shared/users.constants.ts';

export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  display_name: string;
  country: string;
  organization: string | null;
  affiliation: Affiliation | null;
  language: Language;
  quote_consent: QuoteConsent;
  name_display: NameDisplay;
  role: Role;
  created_at: string;
  updated_at: string;
  email_verified_at: string | null;
  /** JSON: a partial EmailNotifications (shared/mail.ts); '{}' means the defaults */
  email_prefs: Generated<string>;
  /** IANA time zone the browser reported: digests go out at a sensible hour there (UTC when null) */
  time_zone: string | null;
  last_digest_at: string | null;
  /** set when the owner deleted the account: the row stays, emptied, for the comments kept */
  deleted_at: string | null;
}
export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;

export interface SessionsTable {
  id: string;
  user_id: string;
  secret_hash: string;
  created_at: string;
  expires_at: string;
}
export type SessionRow = Selectable<SessionsTable>;

export interface LoginFailuresTable {
  id: string;
  email: string;
  ip: string;
  created_at: string;
}

export interface SuspensionsTable {
  id: string;
  user_id: string;
  until: string;
  reason: string;
  created_by: string;
  created_at: string;
  lifted_at: string | null;
  lifted_by: string | null;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: NotificationKind;
  comment_id: string | null;
  topic_id: string | null;
  quote_id: string | null;
  /** the good practice a moderator's decision concerns */
  practice_id: string | null;
  /** who replied, mentioned or quoted */
  actor_id: string | null;
  message: string;
  created_at: string;
  read_at: string | null;
}

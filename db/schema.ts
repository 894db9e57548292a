import type { CommentRevisionsTable, CommentsTable, ReportsTable } from './tables/comments.table.ts';
import type { QuotesTable, SummariesTable, SummaryVersionsTable } from './tables/curation.table.ts';
import type { DialogueModeratorsTable, DialoguesTable, TopicReadsTable, TopicsTable, VisitsTable, WatchedWordsTable } from './tables/dialogues.table.ts';
import type { AuthTokensTable, MailOutboxTable, TopicFollowsTable } from './tables/mail.table.ts';
import type { PracticesTable, SearchDocsTable } from './tables/practices.table.ts';
import type { ModerationActionsTable } from './tables/moderation.table.ts';
import type { ServerSecretsTable } from './tables/secrets.table.ts';
import type { LoginFailuresTable, NotificationsTable, SessionsTable, SuspensionsTable, UsersTable } from './tables/users.table.ts';

/**
 * Times are ISO 8601 UTC strings of fixed width (Date#toISOString) in both dialects, so they
 * compare and sort as text; booleans are 0/1 integers; lists are JSON text.
 */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  suspensions: SuspensionsTable;
  notifications: NotificationsTable;
  dialogues: DialoguesTable;
  dialogue_moderators: DialogueModeratorsTable;
  topics: TopicsTable;
  topic_reads: TopicReadsTable;
  watched_words: WatchedWordsTable;
  visits: VisitsTable;
  comments: CommentsTable;
  comment_revisions: CommentRevisionsTable;
  reports: ReportsTable;
  moderation_actions: ModerationActionsTable;
  quotes: QuotesTable;
  summaries: SummariesTable;
  summary_versions: SummaryVersionsTable;
  server_secrets: ServerSecretsTable;
  mail_outbox: MailOutboxTable;
  auth_tokens: AuthTokensTable;
  topic_follows: TopicFollowsTable;
  practices: PracticesTable;
  search_docs: SearchDocsTable;
}

import type { Generated, Insertable, Selectable } from 'kysely';
import type { CommentStatus, ReportReason } from '../../shared/comments.constants.ts';
import type { Language } from '../../shared/common.constants.ts';
import type { HeldReason } from '../../shared/moderation.constants.ts';

export interface CommentsTable {
  id: string;
  topic_id: string;
  seq: number;
  /** the topic's version when this comment last changed: catch-up resends what changed after a client's */
  change_seq: number;
  parent_id: string | null;
  reply_to_id: string | null;
  author_id: string;
  body_markdown: string;
  body_html: string;
  language: Language;
  status: CommentStatus;
  /** 1 once the comment was shown to the public (published); only then may it leave a placeholder */
  was_public: Generated<number>;
  held_reason: HeldReason | null;
  edit_note: string | null;
  client_key: string | null;
  created_at: string;
  edited_at: string | null;
  updated_at: string;
}
export type CommentRow = Selectable<CommentsTable>;
export type NewCommentRow = Insertable<CommentsTable>;

export interface CommentRevisionsTable {
  id: string;
  comment_id: string;
  body_markdown: string;
  body_html: string;
  edited_by: string;
  note: string | null;
  created_at: string;
}

export interface ReportsTable {
  id: string;
  comment_id: string;
  reporter_id: string;
  reason: ReportReason;
  details: string;
  created_at: string;
  resolved_at: string | null;
}

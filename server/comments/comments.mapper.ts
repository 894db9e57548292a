import type { Comment } from '../../shared/comments.ts';
import type { CommentWithAuthor } from './comments.repository.ts';

const PLACEHOLDER_STATUSES = new Set(['hidden', 'withdrawn']);
/** Statuses whose text only the author and moderators may read. */
const UNPUBLISHED_STATUSES = new Set(['pending', 'declined']);

const shownName = (name: string | null, display: string | null): string | null => (display === 'country' ? null : name);

export interface CommentReader {
  viewerId: string | null;
  moderator: boolean;
}

/**
 * The comment as this reader may see it: placeholders carry no body except for moderators, nor
 * does a held comment for anyone but its author and moderators (the public is only told, without
 * its text, that an edit took it back into moderation).
 */
export function toCommentDto(row: CommentWithAuthor, reader: CommentReader): Comment {
  const placeholder =
    !reader.moderator && (PLACEHOLDER_STATUSES.has(row.status) || (UNPUBLISHED_STATUSES.has(row.status) && reader.viewerId !== row.author_id));
  const mayEdit = reader.moderator || reader.viewerId === row.author_id;
  const dto: Comment = {
    id: row.id,
    seq: row.seq,
    changeSeq: row.change_seq,
    topicId: row.topic_id,
    parentId: row.parent_id,
    replyTo: row.reply_to_id ? { id: row.reply_to_id, displayName: shownName(row.reply_to_display_name, row.reply_to_name_display) } : null,
    author: {
      id: row.author_id,
      displayName: row.author_deleted_at === null ? shownName(row.author_display_name, row.author_name_display) : null,
      country: row.author_country,
      affiliation: row.author_deleted_at === null ? row.author_affiliation : null,
      // What the quote form needs: moderators quote, and may not go beyond the author's consent.
      ...(reader.moderator ? { quoteConsent: row.author_quote_consent } : {}),
      // The author deleted their account and kept their comments: readers see "former participant".
      ...(row.author_deleted_at === null ? {} : { former: true }),
    },
    bodyHtml: placeholder ? '' : row.body_html,
    language: row.language,
    status: row.status,
    editNote: row.edit_note,
    createdAt: row.created_at,
    editedAt: row.edited_at,
  };
  if (mayEdit && !placeholder) dto.bodyMarkdown = row.body_markdown;
  return dto;
}

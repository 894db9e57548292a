// Every code the API and the socket commands answer an error with (`{error:{code,message}}` and
// `{ok:false,error}`), importable by the browser bundle without TypeBox. `AppError` takes only
// these, so a new code is added here first and the compiler then points at the client's texts.

export const ERROR_CODES = [
  // Requests the server could not take at all.
  'bad_url',
  'bad_request',
  'invalid_json',
  'invalid_content_length',
  'payload_too_large',
  'unsupported_media_type',
  'validation_failed',
  'origin_mismatch',
  'rate_limited',
  'too_many_connections',
  'too_many_topics',
  'not_found',
  'internal_error',
  'not_ready',
  // Who the reader is, and what they may do.
  'not_signed_in',
  'forbidden',
  'suspended',
  'invalid_credentials',
  'wrong_password',
  'email_taken',
  // Dialogues and topics.
  'slug_taken',
  'topic_number_taken',
  'invalid_time_zone',
  'invalid_window',
  'dialogue_not_open',
  'dialogue_closed',
  'topic_locked',
  'dialogue_has_comments',
  'topic_has_comments',
  'invalid_topic_order',
  'last_organizer',
  // Comments and reports.
  'empty_body',
  'invalid_parent',
  'parent_unavailable',
  'comment_not_editable',
  'edit_window_closed',
  'note_required',
  'already_withdrawn',
  'already_reported',
  'own_comment',
  'invalid_seq',
  'invalid_cursor',
  'not_joined',
  // Moderation.
  'reason_required',
  'already_moderated',
  'not_a_participant',
  'invalid_until',
  'not_suspended',
  // Quotes and summaries.
  'comment_not_published',
  'quote_not_allowed',
  'excerpt_not_in_comment',
  'summary_conflict',
  // Accounts and e-mail.
  'invalid_token',
  'email_not_verified',
  'already_verified',
  'not_quoted_author',
  'consent_already_withdrawn',
  'mail_not_failed',
  // Good practices.
  'practice_not_editable',
  'continent_required',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ModerationPolicy } from '../../shared/dialogues.constants.ts';
import type { Attribution } from '../../shared/quote-consent.ts';

export interface DialoguesTable {
  id: string;
  slug: string;
  title: string;
  theme: string;
  description: string;
  opens_at: string;
  closes_at: string;
  time_zone: string;
  moderation: ModerationPolicy;
  /** JSON array of language codes */
  languages: string;
  host_description: string;
  annex_label: string;
  annex_lead_in: string;
  published: number;
  reports_to_hold: Generated<number>;
  hold_first_comment: Generated<number>;
  /** JSON object: language → DialogueTexts (shared/dialogues.constants.ts), '{}' when none */
  translations: Generated<string>;
  /** minutes authors may edit or withdraw a comment; null: the server's EDIT_WINDOW_MINUTES */
  edit_window_minutes: number | null;
  wall_enabled: Generated<number>;
  /** the attribution a new quote starts from */
  quote_attribution: Generated<Attribution>;
  /** set when an organizer deleted the dialogue: it exists for the audit log only, its slug freed */
  deleted_at: string | null;
  /** 1: only participants with a verified e-mail address may post */
  require_verified_email: Generated<number>;
  /** JSON array: the themes a practice gathered by this dialogue is offered */
  practice_themes: Generated<string>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
export type DialogueRow = Selectable<DialoguesTable>;
export type NewDialogueRow = Insertable<DialoguesTable>;
export type DialogueUpdate = Updateable<DialoguesTable>;

export interface DialogueModeratorsTable {
  dialogue_id: string;
  user_id: string;
  created_at: string;
}

export interface TopicsTable {
  id: string;
  dialogue_id: string;
  number: number;
  question: string;
  description: string;
  locked: number;
  /** JSON object: language → TopicTexts (shared/dialogues.constants.ts), '{}' when none */
  translations: Generated<string>;
  /** the last `seq` handed out in this topic */
  last_seq: number;
  /** bumped by every change to what the topic's thread shows; keys the read cache on every node */
  version: number;
  created_at: string;
  updated_at: string;
}
export type TopicRow = Selectable<TopicsTable>;

export interface TopicReadsTable {
  user_id: string;
  topic_id: string;
  last_seq: number;
  updated_at: string;
}

export interface WatchedWordsTable {
  dialogue_id: string;
  word: string;
  created_at: string;
}

export interface VisitsTable {
  id: string;
  dialogue_id: string;
  visitor_id: string;
  path: string;
  created_at: string;
}

import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Language } from '../../shared/common.constants.ts';
import type { PracticeStatus } from '../../shared/practices.constants.ts';
import type { SearchKind } from '../../shared/search.constants.ts';

export interface PracticesTable {
  id: string;
  title: string;
  organization: string;
  /** JSON array of ISO 3166-1 alpha-2 codes */
  countries: string;
  continent: string;
  /** JSON array of theme labels: the dialogue's managed ones and free tags */
  themes: string;
  /** Markdown, as the submitter wrote it */
  description: string;
  description_html: Generated<string>;
  link: string | null;
  /** seen only by organizers and the submitter */
  contact: string | null;
  language: Generated<Language>;
  dialogue_id: string | null;
  source_comment_id: string | null;
  status: PracticeStatus;
  /** why a moderator returned it; kept until the next decision */
  return_reason: string | null;
  submitted_by: string;
  moderated_by: string | null;
  moderated_at: string | null;
  created_at: string;
  updated_at: Generated<string>;
  published_at: string | null;
}
export type PracticeRow = Selectable<PracticesTable>;
export type NewPracticeRow = Insertable<PracticesTable>;
export type PracticeUpdate = Updateable<PracticesTable>;

/** One searchable document: a comment, a practice or a quote, kept in step with its source. */
export interface SearchDocsTable {
  id: Generated<number>;
  kind: SearchKind;
  ref_id: string;
  dialogue_id: string | null;
  topic_id: string | null;
  language: Language;
  /** the source's status: a comment's, a practice's, or for a quote `published` / `flagged` */
  status: string;
  title: string;
  body: string;
  created_at: string;
}
export type SearchDocRow = Selectable<SearchDocsTable>;

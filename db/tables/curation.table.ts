import type { Generated } from 'kysely';
import type { Attribution } from '../../shared/quote-consent.ts';
import type { SummaryStatus } from '../../shared/summaries.constants.ts';

export interface QuotesTable {
  id: string;
  topic_id: string;
  comment_id: string;
  excerpt: string;
  attribution: Attribution;
  position: number;
  chosen_by: string;
  created_at: string;
  updated_at: string;
  /** set when the quoted author withdrew consent for this quote: every export leaves it out */
  consent_withdrawn_at: Generated<string | null>;
  consent_withdrawal_reason: Generated<string | null>;
}

/** One row per dialogue summary (topic_id null) or topic summary; every save adds a version. */
export interface SummariesTable {
  id: string;
  dialogue_id: string;
  topic_id: string | null;
  body: string;
  status: SummaryStatus;
  version: number;
  updated_by: string;
  updated_at: string;
}

export interface SummaryVersionsTable {
  id: string;
  summary_id: string;
  version: number;
  body: string;
  status: SummaryStatus;
  author_id: string;
  created_at: string;
}

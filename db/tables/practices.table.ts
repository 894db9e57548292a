export interface PracticesTable {
  id: string;
  title: string;
  organization: string;
  /** JSON array of ISO country codes */
  countries: string;
  continent: string;
  /** JSON array of theme labels */
  themes: string;
  description: string;
  link: string | null;
  status: string;
  submitted_by: string;
  moderated_by: string | null;
  created_at: string;
  published_at: string | null;
}

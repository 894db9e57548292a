import type { Practice, PracticeExportRow } from '../../shared/practices.ts';
import { SUBMITTER_EDITABLE } from '../../shared/practices.constants.ts';
import { xmlSafeText } from '../lib/xml-text.ts';
import type { PracticeWithPeople } from './practices.repository.ts';

/** What one reader may see and do with one practice. */
export interface PracticeReader {
  viewerId: string | null;
  /** organizers read every contact */
  organizer: boolean;
  /** may publish, return or unpublish it (and read why it was returned) */
  moderates: boolean;
  /** may see the dialogue that gathered it (an unpublished dialogue is named to organizers only) */
  seesDialogue: boolean;
}

const parsed = (json: string): string[] => JSON.parse(json) as string[];

const shownName = (row: PracticeWithPeople): string | null =>
  row.submitter_deleted_at !== null || row.submitter_name_display === 'country' ? null : row.submitter_name;

/**
 * The practice as this reader may see it: its contact only for organizers and its submitter, why
 * it was returned only for its submitter and those who moderate it.
 */
export function toPracticeDto(row: PracticeWithPeople, reader: PracticeReader): Practice {
  const submitter = reader.viewerId !== null && reader.viewerId === row.submitted_by;
  const dialogue =
    row.dialogue_slug !== null && row.dialogue_title !== null && reader.seesDialogue ? { slug: row.dialogue_slug, title: row.dialogue_title } : null;
  const dto: Practice = {
    id: row.id,
    title: row.title,
    organization: row.organization,
    countries: parsed(row.countries),
    continent: row.continent as Practice['continent'],
    themes: parsed(row.themes),
    description: row.description,
    descriptionHtml: row.description_html,
    link: row.link,
    language: row.language,
    dialogue,
    sourceComment:
      dialogue !== null && row.source_comment_id !== null && row.source_status === 'published' && row.source_topic_id !== null
        ? { id: row.source_comment_id, topicId: row.source_topic_id }
        : null,
    submitter: {
      id: row.submitted_by,
      displayName: shownName(row),
      country: row.submitter_country,
      affiliation: row.submitter_deleted_at === null ? row.submitter_affiliation : null,
      ...(row.submitter_deleted_at === null ? {} : { former: true }),
    },
    status: row.status,
    canEdit: reader.moderates || (submitter && SUBMITTER_EDITABLE.includes(row.status)),
    canModerate: reader.moderates,
    createdAt: row.created_at,
    updatedAt: row.updated_at || row.created_at,
    publishedAt: row.published_at,
  };
  if (reader.organizer || submitter) dto.contact = row.contact;
  if (reader.moderates || submitter) dto.returnReason = row.return_reason;
  return dto;
}

/** A published practice as the organizers' export writes it, without the code points XML forbids. */
export function toExportRow(row: PracticeWithPeople): PracticeExportRow {
  const text = (value: string | null): string | null => (value === null ? null : xmlSafeText(value));
  return {
    id: row.id,
    title: xmlSafeText(row.title),
    organization: xmlSafeText(row.organization),
    countries: parsed(row.countries),
    continent: row.continent as PracticeExportRow['continent'],
    themes: parsed(row.themes).map(xmlSafeText),
    description: xmlSafeText(row.description),
    link: text(row.link),
    contact: text(row.contact),
    language: row.language,
    dialogue: row.dialogue_slug,
    submitter: text(shownName(row)),
    submitterCountry: row.submitter_country,
    createdAt: row.created_at,
    publishedAt: row.published_at,
  };
}

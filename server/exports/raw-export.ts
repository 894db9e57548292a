import { RAW_COLUMNS, type RawCommentRow } from '../../shared/exports.ts';
import { xmlSafeText } from '../lib/xml-text.ts';
import { CSV_BOM, csvLine } from './csv.ts';
import type { RawCommentRecord } from './exports.repository.ts';

/**
 * A comment as the raw data shows it: the author's name only where it is shown publicly, and
 * free text without the code points XML forbids (they break the tools analysts open it in).
 */
export function toRawRow(record: RawCommentRecord, topicNumber: number): RawCommentRow {
  return {
    id: record.id,
    topicNumber,
    parentId: record.parent_id,
    createdAt: record.created_at,
    authorId: record.author_id,
    author: record.name_display === 'country' ? null : xmlSafeText(record.display_name),
    country: record.country,
    affiliation: record.affiliation,
    language: record.language,
    status: record.status,
    body: record.status === 'published' ? xmlSafeText(record.body ?? '') : '',
  };
}

/** The first bytes of the CSV: the byte order mark Excel needs, then the header. */
export const csvHead = (): string => `${CSV_BOM}${csvLine(RAW_COLUMNS)}`;

export const csvRow = (row: RawCommentRow): string => csvLine(RAW_COLUMNS.map((column) => row[column]));

/** The JSON export is one array, written a row at a time. */
export const JSON_OPEN = '[';
export const jsonRow = (row: RawCommentRow, first: boolean): string => `${first ? '\n' : ',\n'}${JSON.stringify(row)}`;
export const JSON_CLOSE = '\n]\n';

import { PRACTICE_EXPORT_COLUMNS, type PracticeExportQuery, type PracticeExportRow } from '../../shared/practices.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Ctx } from '../context.ts';
import { CSV_BOM, csvLine } from '../exports/csv.ts';
import type { ExportFile } from '../exports/exports.service.ts';
import { toExportRow } from './practices.mapper.ts';
import { publishedForExport } from './practices.repository.ts';
import { filtersOf } from './practices.service.ts';

// The organizers' copy of the library: every published practice, contact included, as CSV (for a
// spreadsheet: formulas neutralised, every character kept, lists joined in one cell) or JSON.

const cellOf = (row: PracticeExportRow, column: (typeof PRACTICE_EXPORT_COLUMNS)[number]): string | null => {
  if (column === 'countries') return row.countries.join(' ');
  if (column === 'themes') return row.themes.join(' | ');
  return row[column];
};

export async function exportPractices(ctx: Ctx, viewer: Viewer, query: PracticeExportQuery): Promise<ExportFile> {
  const format = query.format ?? 'csv';
  const filters = await filtersOf(ctx, viewer, { ...(query.dialogue ? { dialogue: query.dialogue } : {}) });
  const rows = (filters === null ? [] : await publishedForExport(ctx.db, ctx.dialect, filters)).map(toExportRow);
  const filename = `practices${query.dialogue ? `-${query.dialogue}` : ''}.${format}`;
  if (format === 'json') return { body: `${JSON.stringify(rows, null, 2)}\n`, contentType: 'application/json; charset=utf-8', filename };
  const lines = rows.map((row) => csvLine(PRACTICE_EXPORT_COLUMNS.map((column) => cellOf(row, column))));
  return { body: `${CSV_BOM}${csvLine(PRACTICE_EXPORT_COLUMNS)}${lines.join('')}`, contentType: 'text/csv; charset=utf-8', filename };
}

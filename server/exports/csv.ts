/**
 * CSV as RFC 4180 writes it (CRLF line ends, quotes doubled, a cell quoted when it holds a comma,
 * a quote or a line break), with cells that a spreadsheet would run as a formula neutralised.
 */

/** A spreadsheet starts a formula at these; OWASP's list for CSV injection. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** UTF-8 byte order mark: Excel reads the file as UTF-8 only with it. */
export const CSV_BOM = '\uFEFF';

/** One cell: null is empty, numbers are written as they are, text is neutralised and quoted as needed. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  // A leading apostrophe makes Excel, LibreOffice and Google Sheets show the text instead of evaluating it.
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

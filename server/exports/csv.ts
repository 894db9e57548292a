/**
 * CSV as RFC 4180 writes it (CRLF line ends, quotes doubled), with cells that a spreadsheet would
 * run as a formula neutralised. A cell is quoted when it holds a comma, a semicolon, a quote or a
 * line break: Excel in locales whose list separator is `;` (French, Spanish) splits on it.
 */

/** A spreadsheet starts a formula at these; OWASP's list for CSV injection. */
const FORMULA_START = /^[=+\-@\t\r]/;

const NEEDS_QUOTES = /[",;\r\n]/;

/** UTF-8 byte order mark: Excel reads the file as UTF-8 only with it. */
export const CSV_BOM = '\uFEFF';

// A leading apostrophe makes Excel, LibreOffice and Google Sheets show the text instead of
// evaluating it; every `;`-separated part gets one, as a `;` locale may read each as a cell.
const neutralised = (text: string): string =>
  text
    .split(';')
    .map((part) => (FORMULA_START.test(part) ? `'${part}` : part))
    .join(';');

/** One cell: null is empty, numbers are written as they are, text is neutralised and quoted as needed. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = neutralised(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

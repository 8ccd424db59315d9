// CSV as RFC 4180 writes it: comma-separated, CRLF line ends, a field quoted when it holds a quote, a
// comma or a line break, with quotes doubled inside. Shared by the server's exports and the web app's downloads.

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection); tab and carriage
// return are included because some spreadsheets strip them and then see the formula behind them.
const FORMULA_START = /^[=+\-@\t\r]/;

/** The byte-order mark that makes spreadsheets read a CSV file as UTF-8. */
export const CSV_BOM = '\uFEFF';

/** One cell: neutralised against formula injection, then quoted when RFC 4180 requires it. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  // A negative number is a number, not a formula: only text is guarded.
  if (typeof value !== 'number' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line of cells, ended with CRLF. */
export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

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

/**
 * A cell as read back from a file this app wrote: the apostrophe `csvCell` put before a formula start is taken
 * off again, so an exported file imports unchanged ("'+Philips" reads "+Philips"). Any other apostrophe stays.
 */
export function uncsvCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** One line of cells, ended with CRLF. */
export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

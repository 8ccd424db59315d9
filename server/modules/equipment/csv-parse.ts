// Reading CSV as RFC 4180 writes it (what spreadsheets export): fields quoted with double quotes, quotes doubled
// inside, CRLF or LF line ends, a byte-order mark tolerated. Each record keeps the line it starts on so errors
// can name it.

/** One record of a CSV file: its cells and the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** Parses CSV text into records; throws an Error naming the line of an unclosed quote. Blank lines are skipped. */
export function parseCsv(input: string): CsvRecord[] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0]!.trim() !== '') records.push({ line: start, cells });
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i += 1; continue; }
      if (c === '\n') line += 1;
      cell += c;
      i += 1;
      continue;
    }
    if (c === '"' && cell === '') { quoted = true; i += 1; continue; }
    if (c === ',') { cells.push(cell); cell = ''; i += 1; continue; }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      start = line;
      continue;
    }
    cell += c;
    i += 1;
  }
  if (quoted) throw new Error(`line ${start}: a quoted field is not closed`);
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

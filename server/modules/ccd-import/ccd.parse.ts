import { AppError } from '../../lib/errors.js';

/**
 * The NCES Common Core of Data public school directory file (`ccd_sch_029_<year>_*.csv`): one row per school,
 * comma-separated with a header row. Only the columns below are read; the file has many more.
 */
export const REQUIRED_COLUMNS = ['LEAID', 'NCESSCH', 'SCH_NAME', 'LSTREET1', 'LCITY', 'LSTATE', 'LZIP', 'PHONE', 'GSLO', 'GSHI', 'SY_STATUS_TEXT'] as const;
export const OPTIONAL_COLUMNS = ['LEVEL', 'SCH_TYPE_TEXT', 'UPDATED_STATUS_TEXT'] as const;

type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
type Level = 'elementary' | 'middle' | 'high' | 'k8' | 'k12' | 'alternative' | 'other';

/** One school of the file, as SRO Desk stores it. */
export interface CcdSchool {
  line: number;
  ncesId: string;
  name: string;
  street: string;
  city: string;
  state: string;
  zip: string;
  phone: string;
  level: Level;
  /** -1 pre-kindergarten, 0 kindergarten, 1..12; null when the file reports no grades (N, UG, AE). */
  gradeLow: number | null;
  gradeHigh: number | null;
  /** open, closed (Closed or Inactive), or future (not open yet). */
  status: 'open' | 'closed' | 'future';
}

/** A malformed file: 400 naming the line and the column. */
function malformed(line: number, column: string | null, message: string): AppError {
  return new AppError('validation_failed', `Line ${line}${column ? `, column ${column}` : ''}: ${message}`, { field: 'file' });
}

/** Decodes the bytes: UTF-8 (BOM allowed), else Windows-1252, which older CCD extracts use. Binary files: 415. */
export function decodeCsv(bytes: Buffer): string {
  const head = bytes.subarray(0, 8);
  const binary = head.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')) || head.subarray(0, 4).toString('latin1') === '%PDF'
    || bytes.subarray(0, 4096).includes(0);
  if (binary) throw new AppError('unsupported_media_type', 'This is not a CSV text file: upload the CCD school directory as .csv');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** RFC 4180 records with the line each starts on; an unclosed quote or a stray quote is a 400 naming the line. */
export function* csvRecords(text: string): Generator<{ line: number; fields: string[] }> {
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    for (;;) {
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) throw malformed(start, null, 'a quoted field is never closed');
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') line++;
          field += c;
          i++;
        }
        if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          throw malformed(line, `${fields.length + 1}`, 'text after a closing quote');
        }
      } else {
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          if (text[i] === '"') throw malformed(line, `${fields.length + 1}`, 'a quote inside an unquoted field');
          field += text[i];
          i++;
        }
      }
      fields.push(field);
      field = '';
      if (i < n && text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      break;
    }
    if (!(fields.length === 1 && fields[0] === '')) yield { line: start, fields };
  }
}

const GRADES: Record<string, number | null> = {
  PK: -1, KG: 0, '01': 1, '02': 2, '03': 3, '04': 4, '05': 5, '06': 6, '07': 7, '08': 8, '09': 9, '10': 10, '11': 11, '12': 12,
  // Grade 13 (a fifth high-school year) counts as 12; ungraded, adult education and "no grades" report no span.
  '13': 12, UG: null, AE: null, N: null, M: null, '-1': null, '-2': null,
};
const LEVELS: Record<string, Level | null> = {
  elementary: 'elementary', prekindergarten: 'elementary', middle: 'middle', high: 'high', secondary: 'high',
  other: null, 'not reported': null, 'not applicable': null, ungraded: null, 'adult education': null, '': null,
};
const CLOSED = new Set(['closed', 'inactive']);
const FUTURE = new Set(['future']);
const KNOWN_STATUS = new Set(['open', 'closed', 'new', 'added', 'changed boundary/agency', 'inactive', 'future', 'reopened']);

function levelOf(levelText: string, typeText: string, low: number | null, high: number | null): Level {
  if (/alternative/i.test(typeText)) return 'alternative';
  const mapped = LEVELS[levelText.trim().toLowerCase()];
  if (mapped) return mapped;
  if (low !== null && high !== null && low <= 0 && high >= 12) return 'k12';
  if (low !== null && high !== null && low <= 0 && high === 8) return 'k8';
  return 'other';
}

/** "(512)414-2300" or "5124142300" as 512-414-2300; anything else as given. */
function phoneOf(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  return digits.length === 10 ? `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}` : raw.trim();
}

/**
 * Reads the file: checks the header and every record's shape, and maps the rows of `leaid` (others are only
 * counted). Throws 400 naming the line and column of the first problem.
 */
export function parseCcd(text: string, leaid: string): { rows: number; schools: CcdSchool[] } {
  const records = csvRecords(text);
  const first = records.next();
  if (first.done) throw malformed(1, null, 'the file is empty');
  const header = first.value.fields.map((h) => h.trim().replace(/^\uFEFF/, '').toUpperCase());
  const at = {} as Record<Column, number>;
  for (const name of [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]) at[name] = header.indexOf(name);
  const missing = REQUIRED_COLUMNS.filter((c) => at[c] < 0);
  if (missing.length) throw malformed(1, missing[0]!, `the header has no ${missing.join(', ')} column (is this the CCD school directory file?)`);
  let rows = 0;
  const schools: CcdSchool[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of records) {
    rows++;
    if (fields.length !== header.length) throw malformed(line, null, `${fields.length} fields, the header has ${header.length}`);
    const get = (c: Column) => (at[c] >= 0 ? fields[at[c]]!.trim() : '');
    if (get('LEAID') !== leaid) continue;
    const ncesId = get('NCESSCH');
    if (!/^\d{12}$/.test(ncesId) || !ncesId.startsWith(leaid)) throw malformed(line, 'NCESSCH', `"${ncesId}" is not a 12-digit school id of district ${leaid}`);
    if (seen.has(ncesId)) throw malformed(line, 'NCESSCH', `${ncesId} is also on line ${seen.get(ncesId)}`);
    seen.set(ncesId, line);
    const grade = (c: 'GSLO' | 'GSHI') => {
      const v = get(c).toUpperCase();
      if (!(v in GRADES)) throw malformed(line, c, `"${get(c)}" is not a CCD grade code (PK, KG, 01-13, UG, AE, N)`);
      return GRADES[v]!;
    };
    let gradeLow: number | null = grade('GSLO');
    let gradeHigh: number | null = grade('GSHI');
    if (gradeLow === null || gradeHigh === null) gradeLow = gradeHigh = null;
    else if (gradeLow > gradeHigh) throw malformed(line, 'GSHI', `the highest grade ${get('GSHI')} is below the lowest ${get('GSLO')}`);
    const statusText = (get('UPDATED_STATUS_TEXT') || get('SY_STATUS_TEXT')).toLowerCase();
    if (!KNOWN_STATUS.has(statusText)) throw malformed(line, at.UPDATED_STATUS_TEXT >= 0 && get('UPDATED_STATUS_TEXT') ? 'UPDATED_STATUS_TEXT' : 'SY_STATUS_TEXT', `"${statusText}" is not a CCD school status`);
    const name = get('SCH_NAME');
    if (!name) throw malformed(line, 'SCH_NAME', 'the school has no name');
    const state = get('LSTATE').toUpperCase();
    if (!/^[A-Z]{2}$/.test(state)) throw malformed(line, 'LSTATE', `"${get('LSTATE')}" is not a two-letter state`);
    const zip = get('LZIP');
    if (!/^\d{3,5}$/.test(zip)) throw malformed(line, 'LZIP', `"${zip}" is not a ZIP code`);
    schools.push({
      line, ncesId, name: name.slice(0, 200), street: get('LSTREET1').slice(0, 200), city: get('LCITY').slice(0, 100), state,
      // Spreadsheets drop the leading zeros of New England ZIP codes.
      zip: zip.padStart(5, '0'), phone: phoneOf(get('PHONE')), level: levelOf(get('LEVEL'), get('SCH_TYPE_TEXT'), gradeLow, gradeHigh),
      gradeLow, gradeHigh, status: CLOSED.has(statusText) ? 'closed' : FUTURE.has(statusText) ? 'future' : 'open',
    });
  }
  return { rows, schools };
}

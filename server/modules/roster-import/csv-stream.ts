/** One CSV record with the physical line it starts on (1 is the header line). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A problem that makes a whole package unusable: the import writes nothing. */
export class StructuralError extends Error {
  constructor(message: string, readonly file: string | null, readonly line: number | null, readonly header?: string) {
    super(message);
  }
}

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * An RFC 4180 parser fed chunk by chunk, so a file of any size passes through a bounded buffer: it keeps only the
 * record being read. Quoted fields may hold commas, quotes ("") and line breaks; CRLF and LF both end a record;
 * blank lines are skipped. Text after a closing quote is kept as-is (lenient, as spreadsheet exports need).
 */
export class CsvParser {
  private fields: string[] = [];
  private field = '';
  /** 0 start of a field, 1 unquoted, 2 quoted, 3 a quote seen inside a quoted field. */
  private mode = 0;
  private line = 1;
  private recordLine = 1;
  private skipLf = false;
  private started = false;
  private out: CsvRecord[] = [];

  constructor(private readonly file: string) {}

  /** Parses `text` and returns the records it completed. */
  push(text: string): CsvRecord[] {
    let s = text;
    if (!this.started) {
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    }
    let segStart = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (this.skipLf) {
        this.skipLf = false;
        if (c === LF) { segStart = i + 1; continue; }
      }
      switch (this.mode) {
        case 0:
          if (c === QUOTE) { this.beginRecord(); this.mode = 2; segStart = i + 1; }
          else if (c === COMMA) { this.beginRecord(); this.fields.push(''); }
          else if (c === LF || c === CR) { this.newline(c); if (this.fields.length > 0) this.endRecord(''); segStart = i + 1; }
          else { this.beginRecord(); this.mode = 1; segStart = i; }
          break;
        case 1:
          if (c === COMMA) { this.fields.push(this.field + s.slice(segStart, i)); this.field = ''; this.mode = 0; }
          else if (c === LF || c === CR) { this.endRecord(s.slice(segStart, i)); this.newline(c); segStart = i + 1; }
          break;
        case 2:
          if (c === QUOTE) { this.field += s.slice(segStart, i); this.mode = 3; }
          else if (c === LF) this.line++;
          break;
        default: // 3
          if (c === QUOTE) { this.field += '"'; this.mode = 2; segStart = i + 1; }
          else if (c === COMMA) { this.fields.push(this.field); this.field = ''; this.mode = 0; }
          else if (c === LF || c === CR) { this.endRecord(''); this.newline(c); segStart = i + 1; }
          else { this.mode = 1; segStart = i; }
      }
    }
    if (this.mode === 1 || this.mode === 2) this.field += s.slice(segStart);
    const done = this.out;
    this.out = [];
    return done;
  }

  /** Ends the input: the last record without a line break, or a structural error for an unclosed quote. */
  end(): CsvRecord[] {
    if (this.mode === 2) {
      throw new StructuralError(`${this.file} line ${this.recordLine}: a quoted field is never closed`, this.file, this.recordLine);
    }
    if (this.mode !== 0 || this.fields.length > 0) this.endRecord('');
    const done = this.out;
    this.out = [];
    return done;
  }

  private beginRecord(): void {
    if (this.fields.length === 0 && this.field === '') this.recordLine = this.line;
  }

  private newline(c: number): void {
    this.line++;
    if (c === CR) this.skipLf = true;
  }

  private endRecord(tail: string): void {
    this.fields.push(this.field + tail);
    this.out.push({ line: this.recordLine, fields: this.fields });
    this.fields = [];
    this.field = '';
    this.mode = 0;
  }
}

/** Decodes UTF-8 `chunks` and yields their records a chunk at a time; `onBytes` counts the bytes read. */
export async function* csvRecords(
  chunks: AsyncIterable<Uint8Array>, file: string, onBytes?: (n: number) => void,
): AsyncGenerator<CsvRecord[]> {
  const decoder = new TextDecoder('utf-8');
  const parser = new CsvParser(file);
  for await (const chunk of chunks) {
    onBytes?.(chunk.byteLength);
    const records = parser.push(decoder.decode(chunk, { stream: true }));
    if (records.length > 0) yield records;
  }
  const last = [...parser.push(decoder.decode()), ...parser.end()];
  if (last.length > 0) yield last;
}

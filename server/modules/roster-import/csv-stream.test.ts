import { describe, expect, it } from 'vitest';
import { CsvParser, csvRecords, StructuralError } from './csv-stream.js';

/** Feeds `text` to a parser in pieces of `size` characters. */
function parse(text: string, size = text.length) {
  const parser = new CsvParser('test.csv');
  const out = [];
  for (let i = 0; i < text.length; i += size) out.push(...parser.push(text.slice(i, i + size)));
  return [...out, ...parser.end()];
}

describe('the streaming CSV parser', () => {
  const text = '\uFEFFa,b,c\r\n1,"two, with comma","say ""hi"""\r\n\r\n3,"line one\nline two",\n4,x,y';

  it('reads quotes, doubled quotes, commas and line breaks in fields, CRLF and LF, and skips blank lines', () => {
    expect(parse(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'two, with comma', 'say "hi"'] },
      { line: 4, fields: ['3', 'line one\nline two', ''] },
      { line: 6, fields: ['4', 'x', 'y'] },
    ]);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    for (const size of [1, 2, 3, 5, 7, 11]) expect(parse(text, size)).toEqual(parse(text));
  });

  it('a quoted field never closed is a structural error naming the file and the line it starts on', () => {
    expect(() => parse('a,b\n1,2\n3,"open\n4,5\n')).toThrow(new StructuralError('test.csv line 3: a quoted field is never closed', 'test.csv', 3));
  });

  it('decodes UTF-8 split across byte chunks and counts the bytes', async () => {
    const bytes = new TextEncoder().encode('name\nJosé Núñez\n');
    async function* chunks() { for (const b of bytes) yield new Uint8Array([b]); }
    let read = 0;
    const records = [];
    for await (const batch of csvRecords(chunks(), 'x.csv', (n) => { read += n; })) records.push(...batch);
    expect(records.map((r) => r.fields[0])).toEqual(['name', 'José Núñez']);
    expect(read).toBe(bytes.length);
  });
});

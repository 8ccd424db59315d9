import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tipAttachments } from '../../db/schema/index.js';
import { readStoredFile } from '../../files/registry.js';
import { stripJpeg, stripPdf, stripPng } from './tips.metadata.js';
import { createTipWorld, submit, type TipWorld } from './tips.test-support.js';

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
}

/** A PNG whose eXIf chunk carries a GPS position (as phones write it), plus a text note and a private chunk. */
function pngWithGps(extra: Buffer[] = []): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', Buffer.alloc(13)),
    pngChunk('eXIf', Buffer.from('MM\0*\0\0\0\x08GPSLatitude 40.712776 N GPSLongitude 74.005974 W', 'latin1')),
    ...extra, pngChunk('IDAT', Buffer.from([1, 2, 3])), pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function jpegSegment(marker: number, body: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

/** A JPEG with XMP (APP1), IPTC (APP13), a comment and bytes appended after the end of the image. */
function jpegWithEverything(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]), jpegSegment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    jpegSegment(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Creator: Jane Reporter</x:xmpmeta>', 'latin1')),
    jpegSegment(0xed, Buffer.from('Photoshop 3.0\x008BIM By-line: Jane Reporter', 'latin1')),
    jpegSegment(0xfe, Buffer.from('Taken by Jane Reporter', 'latin1')),
    jpegSegment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])), Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd9]),
    Buffer.from('TRAILER Jane Reporter phone serial 99-1234', 'latin1'),
  ]);
}

/** A PDF with an Info dictionary, an XMP stream, an id and an orphaned earlier revision, all naming the author. */
async function pdfWithMetadata(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]).drawText('Locker 12');
  doc.setAuthor('Jane Reporter');
  doc.setTitle('My notes about Friday');
  doc.setCreator('Word for Jane Reporter');
  const xmp = doc.context.stream('<x:xmpmeta><dc:creator>Jane Reporter</dc:creator></x:xmpmeta>', { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(xmp));
  doc.context.register(doc.context.obj({ Author: PDFString.of('Earlier revision by Jane Reporter') }));
  doc.context.trailerInfo.ID = doc.context.obj([PDFString.of('4a616e65'), PDFString.of('4a616e65')]);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

describe('anonymous tip attachments lose their metadata', () => {
  it('a PNG with a GPS position in an eXIf chunk comes out without it; text and private chunks go too', () => {
    const input = pngWithGps([pngChunk('tEXt', Buffer.from('Author\0Jane Reporter', 'latin1')), pngChunk('prVt', Buffer.from('device 99-1234'))]);
    expect(input.includes(Buffer.from('GPSLatitude'))).toBe(true);
    const { content, removed } = stripPng(input);
    for (const secret of ['GPSLatitude', 'eXIf', 'Jane Reporter', '99-1234']) expect(content.includes(Buffer.from(secret))).toBe(false);
    expect(content.includes(Buffer.from('IDAT'))).toBe(true);
    expect(removed.sort()).toEqual(['exif', 'private', 'text']);
  });

  it('a JPEG loses XMP, IPTC, comments and whatever hides after the image; the picture stays', () => {
    const { content, removed } = stripJpeg(jpegWithEverything());
    expect(content.includes(Buffer.from('Jane Reporter'))).toBe(false);
    expect(content.includes(Buffer.from('99-1234'))).toBe(false);
    expect(content.includes(Buffer.from('JFIF'))).toBe(true);
    expect(content.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    expect(removed.sort()).toEqual(['comments', 'iptc', 'trailing', 'xmp']);
  });

  it('a PDF loses its Info dictionary, XMP, document id and orphaned revisions; its pages stay', async () => {
    const input = await pdfWithMetadata();
    expect(input.includes(Buffer.from('Earlier revision by Jane Reporter'))).toBe(true);
    const { content, removed } = await stripPdf(input);
    for (const secret of ['Jane Reporter', 'Friday', '/Author', '/Metadata', '/ID', '4a616e65']) expect({ secret, found: content.includes(Buffer.from(secret)) }).toEqual({ secret, found: false });
    const back = await PDFDocument.load(content);
    expect(back.getPageCount()).toBe(1);
    expect(back.getAuthor()).toBeUndefined();
    expect(removed.sort()).toEqual(['pdf_id', 'pdf_info', 'pdf_revisions', 'xmp']);
  });

  it('refuses a file that is not a readable PDF (400 attachment)', async () => {
    await expect(stripPdf(Buffer.from('%PDF-1.7\ngarbage'))).rejects.toMatchObject({ code: 'validation_failed', field: 'attachment' });
  });
});

describe('a tip leaves no trail', () => {
  let w: TipWorld;
  beforeAll(async () => { w = await createTipWorld(); }, 60_000);
  afterAll(async () => w?.t.close());

  it('tells the reporter exactly what was removed, and stores the cleaned file', async () => {
    const res = await w.anon.post('/api/public/tips', {
      token: (await w.anon.get('/api/public/tips/token')).body.token, schoolId: w.north, category: 'bullying', description: 'Photos of the locker room',
      attachment: { contentBase64: pngWithGps().toString('base64') },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.attachmentRemoved).toEqual(['exif']);
    const stored = await w.t.db.select().from(tipAttachments);
    expect(stored).toHaveLength(1);
    const bytes = await readStoredFile(w.t.db, stored[0]!.fileKey, stored[0]!.legacyContent);
    expect(bytes!.length).toBeGreaterThan(0);
    expect(bytes!.includes(Buffer.from('GPSLatitude'))).toBe(false);
    const plain = await w.anon.post('/api/public/tips', { token: (await w.anon.get('/api/public/tips/token')).body.token, schoolId: w.north, category: 'bullying', description: 'No file this time' });
    expect(plain.body.attachmentRemoved).toBeNull();
  });

  it('tip references are random, not sequential; staff see times to the minute', async () => {
    w.t.clock.advance(37_123);
    const first = await submit(w);
    const second = await submit(w);
    const a = (await w.as.sro!.get(`/api/tips/${first.id}`)).body;
    const b = (await w.as.sro!.get(`/api/tips/${second.id}`)).body;
    expect(a.number).toMatch(/^T-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(b.number).toMatch(/^T-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(a.number).not.toBe(b.number);
    expect(w.t.clock.now().getUTCSeconds()).toBe(37);
    expect(a.createdAt).toMatch(/:00\.000Z$/);
    const list = (await w.as.sro!.get('/api/tips')).body.items as { createdAt: string }[];
    expect(list.length).toBeGreaterThan(0);
    for (const t of list) expect(t.createdAt).toMatch(/:00\.000Z$/);
  });
});

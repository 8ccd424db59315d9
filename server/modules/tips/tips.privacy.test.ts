import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanAttachment, toMinute } from './tips.anonymity.js';
import { newTipReference } from './tips.public.js';
import { createTipWorld, submit, type TipWorld } from './tips.test-support.js';

// Anonymous tips leave no trail: metadata stripped (and the reporter told what), random references, minute times.
const seg = (marker: number, body: Buffer) => Buffer.concat([Buffer.from([0xff, marker]), Buffer.from([(body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8]),
  seg(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
  seg(0xe1, Buffer.from('Exif\0\0GPSLatitude SECRETCAMERA-SN-4471', 'latin1')),
  seg(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<dc:creator>Riley Author</dc:creator>', 'latin1')),
  seg(0xed, Buffer.from('Photoshop 3.0\0IPTC byline Riley Author', 'latin1')),
  seg(0xfe, Buffer.from('comment by Riley', 'latin1')),
  seg(0xda, Buffer.from([0, 1, 2, 3, 4, 5])), Buffer.from([9, 9, 9, 0xff, 0xd9]),
]);
const chunk = (type: string, data: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, data.length]), Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])),
  chunk('tEXt', Buffer.from('Author\0Riley Author', 'latin1')), chunk('iTXt', Buffer.from('Comment\0\0\0\0\0Riley', 'latin1')),
  chunk('zTXt', Buffer.from('Software\0\0xx', 'latin1')), chunk('eXIf', Buffer.from('MM\0*SECRETCAMERA', 'latin1')),
  chunk('tIME', Buffer.from([7, 234, 11, 2, 10, 15, 7])), chunk('IDAT', Buffer.from([1, 2, 3])), chunk('IEND', Buffer.alloc(0)),
]);

describe('attachment metadata', () => {
  it('strips EXIF, XMP, IPTC and comments from a JPEG and names what it removed', () => {
    const out = cleanAttachment(JPEG.toString('base64'));
    expect(out.mediaType).toBe('image/jpeg');
    for (const word of ['Riley', 'SECRETCAMERA', 'GPSLatitude']) expect(out.content.includes(Buffer.from(word)), word).toBe(false);
    expect(out.content.includes(Buffer.from('JFIF'))).toBe(true);
    expect(out.removed.sort()).toEqual(['EXIF (camera, date, GPS location)', 'IPTC (author, caption, place)', 'XMP (author, software, history)', 'comment']);
  });

  it('strips tEXt, iTXt, zTXt, eXIf and tIME chunks from a PNG and keeps the image chunks', () => {
    const out = cleanAttachment(PNG.toString('base64'));
    for (const word of ['Riley', 'SECRETCAMERA', 'tIME', 'tEXt', 'iTXt', 'zTXt']) expect(out.content.includes(Buffer.from(word)), word).toBe(false);
    expect(out.content.includes(Buffer.from('IDAT'))).toBe(true);
    expect(out.removed.sort()).toEqual(['EXIF (camera, date, GPS location)', 'last-modified time', 'text notes (author, software)']);
  });

  it('refuses a PDF, naming the attachment field: its author metadata cannot be removed safely', () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj <</Author (Riley Author)>> endobj\ntrailer <</Info 1 0 R>>\n%%EOF');
    expect(() => cleanAttachment(pdf.toString('base64'))).toThrow(/attachment: PDF files are not accepted/);
  });
});

describe('references and times', () => {
  it('makes random references, never sequential', () => {
    const refs = Array.from({ length: 200 }, () => newTipReference());
    for (const r of refs) expect(r).toMatch(/^T-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(new Set(refs).size).toBe(200);
  });

  it('shows times to the minute', () => {
    expect(toMinute(new Date('2026-11-02T10:15:42.123Z'))).toBe('2026-11-02T10:15:00.000Z');
  });
});

describe('through the API', () => {
  let w: TipWorld;
  beforeAll(async () => {
    w = await createTipWorld();
  }, 120_000);
  afterAll(async () => w?.t.close());

  it('tells the reporter what was removed, and staff see a random reference and minute times', async () => {
    w.t.clock.advance(37_512 - (w.t.clock.now().getTime() % 60_000));
    const minute = new Date(Math.floor(w.t.clock.now().getTime() / 60_000) * 60_000).toISOString();
    expect(w.t.clock.now().toISOString()).toMatch(/:37\.512Z$/);
    const res = await w.anon.post('/api/public/tips', {
      token: (await w.anon.get('/api/public/tips/token')).body.token, schoolId: w.north, category: 'bullying',
      description: 'Someone is being pushed around at lunch', attachment: { contentBase64: PNG.toString('base64') },
    });
    expect(res.status).toBe(201);
    expect(res.body.attachmentRemoved.sort()).toEqual(['EXIF (camera, date, GPS location)', 'last-modified time', 'text notes (author, software)']);
    const { id } = await submit(w);
    const detail = (await w.as.sro!.get(`/api/tips/${id}`)).body;
    expect(detail.number).toMatch(/^T-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(detail.createdAt).toBe(minute);
  });
});

import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { expectNotAtRest } from '../../files/at-rest.test-support.js';
import { filesOf } from '../../files/registry.js';
import { tipAttachments, tipMessages, tips } from '../../db/schema/index.js';
import { TestClient, testConfig } from '../../test/app.js';
import { textPdf } from '../../test/pdf.js';
import { auditOf, createTipWorld, submit, tipToken, type TipWorld } from './tips.test-support.js';
import { stripJpeg, stripPng } from './tips.metadata.js';

let w: TipWorld;
beforeAll(async () => { w = await createTipWorld(); }, 60_000);
afterAll(async () => w?.t.close());

const IP = '203.0.113.77';
const UA = 'Mozilla/5.0 (ReporterPhone; Android 14) UniqueAgent/9.9';

function jpegWithExif(): Buffer {
  const exif = Buffer.concat([Buffer.from([0xff, 0xe1, 0x00, 0x18]), Buffer.from('Exif\0\0GPS-40.7128N-74\0', 'latin1')]);
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const sos = Buffer.from([0xff, 0xda, 0x00, 0x08, 1, 1, 0, 0, 0x3f, 0, 0x12, 0x34, 0xff, 0xd9]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, exif, sos]);
}

function pngWithText(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', Buffer.alloc(13)),
    chunk('tEXt', Buffer.from('Author\0Jane Reporter', 'latin1')), chunk('IDAT', Buffer.from([1, 2, 3])), chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('anonymity', () => {
  it('no IP address or user agent reaches the database or the log, whatever the proxy headers say', async () => {
    const lines: string[] = [];
    const logStream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    const app = await buildApp({ config: testConfig({ LOG_LEVEL: 'trace' }), database: w.t.database, clock: w.t.clock, logStream });
    await app.ready();
    try {
      const client = new TestClient(app);
      const headers = { 'x-forwarded-for': IP, 'x-real-ip': IP, forwarded: `for=${IP}`, 'user-agent': UA, 'cf-connecting-ip': IP };
      const token = (await client.get('/api/public/tips/token', headers)).body.token;
      const res = await client.post('/api/public/tips', {
        token, schoolId: w.north, category: 'weapon', description: 'A knife in a backpack', attachment: { contentBase64: jpegWithExif().toString('base64') },
      }, headers);
      expect(res.status, lines.join('')).toBe(201);
      const back = await client.post('/api/public/tips/messages', { token, code: res.body.code, passphrase: res.body.passphrase, body: 'It is in locker 12' }, headers);
      expect(back.status).toBe(201);
      await client.get('/api/health', headers);
      expect(lines.join('')).toContain('/api/health'); // the request logger is on: it only skips the reporter
      const log = lines.join('');
      for (const secret of [IP, UA, 'UniqueAgent', res.body.passphrase, res.body.code]) expect(log).not.toContain(secret);
      const dump = JSON.stringify([
        await w.t.db.select().from(tips), await w.t.db.select().from(tipMessages),
        await auditOf(w, 'tip.submitted'), await auditOf(w, 'tip.reporter_replied'),
      ]);
      for (const secret of [IP, UA, 'UniqueAgent', res.body.passphrase, res.body.code]) expect(dump).not.toContain(secret);
      const [stored] = await w.t.db.select().from(tipAttachments);
      const content = await filesOf(w.t.db).readAll(stored!.fileKey!);
      expect(content!.includes(Buffer.from('GPS'))).toBe(false);
      expect(content!.includes(Buffer.from('JFIF'))).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('keeps an attached PDF encrypted at rest; staff read it back as sent', async () => {
    const marker = 'at-rest marker: Rosalind Achterberg brings the gun on Friday';
    const pdf = textPdf(marker);
    const tip = await submit(w, { attachment: { contentBase64: pdf.toString('base64') } });
    const got = await w.as.director!.get(`/api/tips/${tip.id}/attachment`);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    // The metadata cleaner rewrites the file; the page's words come back as sent.
    expect(got.text.startsWith('%PDF-')).toBe(true);
    expect(got.text).toContain(`(${marker}) Tj`);
    await expectNotAtRest(w.t, marker);
  });

  it('strips EXIF from JPEG and text chunks from PNG, keeping the image data', () => {
    const jpeg = stripJpeg(jpegWithExif()).content;
    expect(jpeg.includes(Buffer.from('Exif'))).toBe(false);
    expect(jpeg.includes(Buffer.from('JFIF'))).toBe(true);
    const png = stripPng(pngWithText()).content;
    expect(png.includes(Buffer.from('Jane'))).toBe(false);
    expect(png.includes(Buffer.from('IDAT'))).toBe(true);
  });
});

describe('bad input answers 400 naming the field; nothing written', () => {
  it.each([
    ['description', { description: '   ' }],
    ['schoolId', { schoolId: '00000000-0000-4000-8000-000000000000' }],
    ['attachment', { attachment: { contentBase64: Buffer.from('MZ not an image').toString('base64') } }],
    ['attachment', { attachment: { contentBase64: Buffer.alloc(5 * 1024 * 1024 + 10, 0xff).toString('base64') } }],
  ])('%s', async (field, patch) => {
    const before = (await w.t.db.select().from(tips)).length;
    const res = await w.anon.post('/api/public/tips', {
      token: await tipToken(w.anon), schoolId: w.north, category: 'drugs', description: 'Vaping in the restroom', ...patch,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toContain(field);
    expect((await w.t.db.select().from(tips)).length).toBe(before);
  });

  it('a forged or missing token is refused', async () => {
    const res = await w.anon.post('/api/public/tips', { token: '1.abc.def', schoolId: w.north, category: 'other', description: 'x' });
    expect(res.status).toBe(429);
    expect(res.body.error.field).toBe('token');
  });
});

describe('the reporter dialogue', () => {
  it('a wrong passphrase answers exactly like an unknown code; a code opens only its own tip', async () => {
    const a = await submit(w, { description: 'Tip A text' });
    const b = await submit(w, { description: 'Tip B text' });
    const token = await tipToken(w.anon);
    const wrong = await w.anon.post('/api/public/tips/dialogue', { token, code: a.code, passphrase: b.passphrase });
    const unknown = await w.anon.post('/api/public/tips/dialogue', { token, code: 'ZZZZ-ZZZZ-ZZZZ', passphrase: a.passphrase });
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrong.body).toEqual(unknown.body);
    const mine = await w.anon.post('/api/public/tips/dialogue', { token, code: a.code.toLowerCase(), passphrase: a.passphrase });
    expect(mine.status).toBe(200);
    expect(mine.body.description).toBe('Tip A text');
  });

  it('staff reply, the reporter reads it without the staff name and answers; the team sees it unread', async () => {
    const tip = await submit(w);
    expect((await w.as.sro!.post(`/api/tips/${tip.id}/messages`, { cannedReplyId: 'more_info' })).status).toBe(201);
    w.t.clock.advance(60_000);
    const token = await tipToken(w.anon);
    const view = await w.anon.post('/api/public/tips/dialogue', { token, code: tip.code, passphrase: tip.passphrase });
    expect(view.body.messages).toEqual([expect.objectContaining({ author: 'staff', staffName: null })]);
    expect(view.body.status).toBe('acknowledged');
    await w.anon.post('/api/public/tips/messages', { token, code: tip.code, passphrase: tip.passphrase, body: 'Behind the gym, 3rd period' });
    const queue = await w.as.sro!.get('/api/tips');
    expect(queue.body.items.find((i: { id: string }) => i.id === tip.id).unreadFromReporter).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../../test/smtp.js';
import { startOperationsWorld, type World } from '../notices/operations.test-support.js';
import { deliverDue, drainDue, queueMail } from './outbox.service.js';

let w: World;
let smtp: TestSmtpServer | undefined;
let port: number;
beforeAll(async () => {
  // An SMTP server that is down: it ran on this port and stopped.
  const gone = await startSmtpServer();
  port = gone.port;
  await gone.close();
  w = await startOperationsWorld({ smtpUrl: gone.url });
}, 60_000);
afterAll(async () => {
  await w?.t.close();
  await smtp?.close();
});

const leave = { reason: 'Court', expectedReturnAt: '2025-11-10T18:00:00Z', backupContact: 'Dispatch, 555-0100' };

describe('the e-mail outbox', () => {
  it('keeps mail queued while the SMTP server is down, shows why, and delivers it once the server is back', async () => {
    const res = await (await w.as('sro.north')).post('/api/presence/leave', { schoolId: w.north.id, ...leave });
    expect(res.status).toBe(201);
    const admin = await w.as('sysadmin');
    // The background attempt after the notice fails: each message waits for its retry with the error shown.
    await expect.poll(async () => (await admin.get('/api/outbox?status=pending')).body.items.filter((m: { attempts: number; lastError: string | null }) => m.attempts === 1 && m.lastError).length, { timeout: 10_000 }).toBe(6);
    const page = (await admin.get('/api/outbox?status=pending&pageSize=4')).body;
    expect(page).toMatchObject({ total: 6, page: 1, pageSize: 4, smtpConfigured: true });
    expect(page.items).toHaveLength(4);
    expect(page.items[0]).toMatchObject({ status: 'pending', subject: expect.stringContaining('has left North High'), kind: 'notice.presence_left', lastError: expect.stringMatching(/ECONNREFUSED|connect/i) });
    expect((await admin.get('/api/outbox?status=pending&page=2&pageSize=4')).body.items).toHaveLength(2);

    smtp = await startSmtpServer({ port });
    // Not yet due: the first retry waits a minute.
    expect(await deliverDue(w.t.db, w.t.app.deps.mailer, w.t.clock)).toEqual({ sent: 0, failed: 0 });
    w.t.clock.advance(61_000);
    expect(await deliverDue(w.t.db, w.t.app.deps.mailer, w.t.clock)).toEqual({ sent: 6, failed: 0 });
    const mail = await smtp.waitFor('staff.north@prep.test');
    expect(mail.subject).toBe('SRO sro.north has left North High, back by Mon, Nov 10, 12:00 PM');
    const sent = (await admin.get('/api/outbox?status=sent')).body;
    expect(sent.total).toBe(6);
    expect(sent.items[0]).toMatchObject({ status: 'sent', attempts: 2, nextAttemptAt: null, sentAt: '2025-11-10T15:01:01.000Z' });
    expect((await admin.get('/api/outbox?status=pending')).body.total).toBe(0);
  });

  it('is for district administrators only, and only their district\'s mail', async () => {
    for (const who of ['principal.north', 'sro.north', 'supervisor', 'staff.north']) expect((await (await w.as(who)).get('/api/outbox')).status, who).toBe(403);
    expect((await (await w.as('director')).get('/api/outbox')).body.total).toBe(6);
    expect((await (await w.as('sysadmin')).get('/api/outbox?status=bogus')).body.error.field).toBe('status');
  });

  it('queues many messages in one statement, each with its own files, and drains them batch after batch', async () => {
    const districtId = (await (await w.as('director')).get('/api/district')).body.id as string;
    const mails = Array.from({ length: 7 }, (_, i) => ({
      districtId, to: `batch-${i}@prep.test`, subject: `Batch ${i}`, body: `Message ${i}`, kind: 'report.scheduled',
      ...(i === 5 ? { attachments: [{ fileName: 'five.csv', contentType: 'text/csv', content: Buffer.from('n\n5\n') }] } : {}),
    }));
    expect(await w.t.db.transaction((tx) => queueMail(tx, w.t.clock, mails))).toBe(7);
    // Batches of 3: the first call sends all seven, not just the first batch.
    expect(await drainDue(w.t.db, w.t.app.deps.mailer, w.t.clock, 3)).toEqual({ sent: 7, failed: 0 });
    const received = smtp!.messages.filter((m) => m.subject.startsWith('Batch '));
    expect(received.map((m) => m.subject).sort()).toEqual(mails.map((m) => m.subject));
    for (const m of received) expect(m.attachments.map((a) => a.filename), m.subject).toEqual(m.subject === 'Batch 5' ? ['five.csv'] : []);
    expect((await (await w.as('sysadmin')).get('/api/outbox?status=pending')).body.total).toBe(0);
  });
});

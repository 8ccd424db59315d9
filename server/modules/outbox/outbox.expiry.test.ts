import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient } from '../../test/app.js';
import { startSmtpServer, type TestSmtpServer } from '../../test/smtp.js';
import { auditOf, startOperationsWorld, type World } from '../notices/operations.test-support.js';
import { deliverDue, queueMail } from './outbox.service.js';

let w: World;
let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
  w = await startOperationsWorld({ smtpUrl: smtp.url });
}, 60_000);
afterAll(async () => {
  await w?.t.close();
  await smtp?.close();
});

const HOUR = 3_600_000;
/** A fresh session: moving the clock by hours idles out the cached ones. */
const admin = () => signedInClient(w.t, 'sysadmin@prep.test');

describe('outbox time to live', () => {
  it('expires urgent mail after 24 h by default while other mail still goes out: audited, shown, never sent late', async () => {
    const districtId = (await (await admin()).get('/api/district')).body.id as string;
    await w.t.db.transaction((tx) => queueMail(tx, w.t.clock, [
      { districtId, to: 'late-notice@prep.test', subject: 'SRO left', body: 'b', kind: 'notice.presence_left' },
      { districtId, to: 'late-reminder@prep.test', subject: 'Drill due', body: 'b', kind: 'drill.reminder' },
    ]));
    w.t.clock.advance(24 * HOUR + 60_000);
    expect(await deliverDue(w.t.db, w.t.app.deps.mailer, w.t.clock)).toEqual({ sent: 1, failed: 0 });
    expect(smtp.messages.map((m) => m.to).flat()).not.toContain('late-notice@prep.test');
    expect(smtp.messages.map((m) => m.to).flat()).toContain('late-reminder@prep.test');
    const failed = (await (await admin()).get('/api/outbox?status=failed')).body;
    expect(failed.items).toEqual([expect.objectContaining({ kind: 'notice.presence_left', lastError: expect.stringMatching(/^Expired: not sent within/) })]);
    expect((await (await admin()).get('/api/outbox/status')).body).toMatchObject({ expired: 1 });
    const events = await auditOf(w.t.db, 'outbox.expired');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ districtId, detail: { count: 1, kinds: ['notice.presence_left'] } });
  });

  it('follows the district setting, which only district administrators change, validated and audited', async () => {
    let a = await admin();
    expect((await a.get('/api/outbox/settings')).body).toEqual({ urgentTtlHours: 24, otherTtlHours: 168 });
    const bad = await a.put('/api/outbox/settings', { urgentTtlHours: 0, otherTtlHours: 168 });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'validation_failed', field: 'urgentTtlHours' });
    expect((await (await signedInClient(w.t, 'principal.north@prep.test')).put('/api/outbox/settings', { urgentTtlHours: 2, otherTtlHours: 2 })).status).toBe(403);
    const saved = await a.put('/api/outbox/settings', { urgentTtlHours: 2, otherTtlHours: 3 });
    expect(saved.status).toBe(200);
    expect((await auditOf(w.t.db, 'outbox.settings_changed')).at(-1)).toMatchObject({ detail: { before: { urgentTtlHours: 24 }, after: { urgentTtlHours: 2, otherTtlHours: 3 } } });

    const districtId = (await a.get('/api/district')).body.id as string;
    // SMTP is stopped: mail waits; once past 3 h it expires even though nothing could be sent.
    await smtp.close();
    await w.t.db.transaction((tx) => queueMail(tx, w.t.clock, [{ districtId, to: 'later@prep.test', subject: 'Report', body: 'b', kind: 'education.feedback' }]));
    w.t.clock.advance(2 * HOUR);
    await deliverDue(w.t.db, w.t.app.deps.mailer, w.t.clock);
    a = await admin();
    expect((await a.get('/api/outbox?status=pending')).body.items).toEqual([expect.objectContaining({ to: 'later@prep.test' })]);
    w.t.clock.advance(HOUR + 60_000);
    await deliverDue(w.t.db, w.t.app.deps.mailer, w.t.clock);
    a = await admin();
    expect((await a.get('/api/outbox?status=pending')).body.total).toBe(0);
    expect((await auditOf(w.t.db, 'outbox.expired')).at(-1)).toMatchObject({ detail: { count: 1, kinds: ['education.feedback'] } });
  });
});

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxAttachments, reportSubscriptions, roleGrants } from '../../db/schema/index.js';
import { signedInClient, type TestClient } from '../../test/app.js';
import { readPdf } from '../../test/pdf-text.js';
import { startSmtpServer, type TestSmtpServer } from '../../test/smtp.js';
import { auditOf, startWorld, type World } from '../drills/drills.test-support.js';
import { deliverDue } from '../outbox/outbox.service.js';
import { runDueReports } from './reports.sender.js';

// The district runs on Chicago time; the clock starts Monday 10 November 2025, 09:00 CST (15:00 UTC).
// A weekly report on Mondays at 07:00 is due at 13:00 UTC on each following Monday.
let w: World;
let smtp: TestSmtpServer;
const URL = 'http://sro.test';

beforeAll(async () => {
  smtp = await startSmtpServer();
  w = await startWorld({ smtpUrl: smtp.url });
}, 60_000);
afterAll(async () => {
  await w?.t.close();
  await smtp?.close();
});

/** A client signed in now (sessions of earlier clock readings have expired). */
const fresh = (who: string): Promise<TestClient> => signedInClient(w.t, `${who}@prep.test`);
/** Moves the pinned clock to `iso`. */
const moveTo = (iso: string) => w.t.clock.advance(Date.parse(iso) - w.t.clock.now().getTime());
const sweep = () => runDueReports(w.t.db, w.t.clock, URL);
const deliver = () => deliverDue(w.t.db, w.t.app.deps.mailer, w.t.clock);
const mailsTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));

describe('report subscriptions', () => {
  let weekly: string;

  it('validates the schedule and names the field', async () => {
    const director = await w.as('director');
    const base = { report: 'dashboard', cadence: 'weekly', dayOfWeek: 1, time: '07:00', format: 'pdf' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, dayOfWeek: undefined }, 'dayOfWeek'], [{ ...base, time: '25:00' }, 'time'], [{ ...base, format: 'docx' }, 'format'],
      [{ ...base, cadence: 'monthly', dayOfWeek: undefined, dayOfMonth: 31 }, 'dayOfMonth'], [{ ...base, report: 'activity' }, 'cadence'],
    ];
    for (const [body, field] of cases) {
      const res = await director.post('/api/report-subscriptions', body);
      expect(res.status, field).toBe(400);
      expect(res.body.error.field).toBe(field);
    }
  });

  it('requires the report\'s permission at that scope now', async () => {
    const body = { report: 'dashboard', cadence: 'weekly', dayOfWeek: 1, time: '07:00', format: 'pdf' };
    expect((await (await w.as('staff.north')).post('/api/report-subscriptions', body)).status).toBe(403);
    const outside = await (await w.as('principal.north')).post('/api/report-subscriptions', { ...body, schoolIds: [w.east.id] });
    expect(outside.status).toBe(404);
    expect(outside.body.error.field).toBe('schoolIds');
    const foreign = await (await w.as('director')).post('/api/report-subscriptions', { ...body, schoolIds: [w.foreign.id] });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.field).toBe('schoolIds');
    const mine = await (await w.as('principal.north')).post('/api/report-subscriptions', { ...body, report: 'crdc', schoolIds: [w.north.id] });
    expect(mine.status).toBe(201);
    expect(mine.body.schools).toEqual([{ id: w.north.id, name: 'North High' }]);
    expect((await (await w.as('principal.north')).delete(`/api/report-subscriptions/${mine.body.id}`)).status).toBe(204);
  });

  it('sends a due weekly report exactly once per period, at the district-time boundary, with the PDF attached', async () => {
    const director = await w.as('director');
    const created = await director.post('/api/report-subscriptions', { report: 'dashboard', cadence: 'weekly', dayOfWeek: 1, time: '07:00', format: 'pdf' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ report: 'dashboard', cadence: 'weekly', dayOfWeek: 1, time: '07:00', active: true, nextDueAt: '2025-11-17T13:00:00.000Z' });
    weekly = created.body.id;
    expect((await auditOf(w.t.db, 'report_subscription.created', weekly))).toHaveLength(1);
    expect((await director.get('/api/report-subscriptions')).body.items.map((s: { id: string }) => s.id)).toContain(weekly);

    moveTo('2025-11-17T12:59:59Z'); // 06:59:59 in Chicago: not yet
    expect(await sweep()).toEqual({ sent: 0, skipped: 0 });
    moveTo('2025-11-17T13:00:00Z'); // 07:00:00
    expect((await sweep()).sent).toBe(1);
    expect((await sweep()).sent).toBe(0);
    await deliver();
    const mails = mailsTo('director@prep.test');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Your weekly report: District dashboard 2025-11-10 to 2025-11-16');
    expect(mails[0]!.text).toContain(`${URL}/profile#report-subscriptions`);
    const [file] = mails[0]!.attachments;
    expect(file).toMatchObject({ filename: 'dashboard-2025-11-10-2025-11-16.pdf', contentType: 'application/pdf' });
    expect((await readPdf(file!.content)).text).toContain('District dashboard 2025-11-10 to 2025-11-16');
    // Delivered: the file is not kept in the outbox.
    expect(await w.t.db.select().from(outboxAttachments)).toEqual([]);

    moveTo('2025-11-24T12:59:00Z');
    expect((await sweep()).sent).toBe(0);
    moveTo('2025-11-24T13:05:00Z');
    expect((await sweep()).sent).toBe(1);
    await deliver();
    expect(mailsTo('director@prep.test').map((m) => m.subject)).toEqual([
      'Your weekly report: District dashboard 2025-11-10 to 2025-11-16', 'Your weekly report: District dashboard 2025-11-17 to 2025-11-23',
    ]);
    const [row] = await w.t.db.select().from(reportSubscriptions).where(eq(reportSubscriptions.id, weekly));
    expect(row).toMatchObject({ lastPeriod: '2025-11-17..2025-11-23', nextDueAt: new Date('2025-12-01T13:00:00Z') });
    expect((await auditOf(w.t.db, 'report_subscription.sent', weekly))).toHaveLength(2);
  });

  it('reads another user\'s subscription as absent', async () => {
    const principal = await fresh('principal.north');
    expect((await principal.patch(`/api/report-subscriptions/${weekly}`, { active: false })).status).toBe(404);
    expect((await principal.delete(`/api/report-subscriptions/${weekly}`)).status).toBe(404);
    expect((await principal.get('/api/report-subscriptions')).body.items.map((s: { id: string }) => s.id)).not.toContain(weekly);
    expect((await (await fresh('sro.east')).delete(`/api/report-subscriptions/${weekly}`)).status).toBe(404);
    const paused = await (await fresh('director')).patch(`/api/report-subscriptions/${weekly}`, { active: false });
    expect(paused.status).toBe(200);
    expect(paused.body.active).toBe(false);
    expect((await auditOf(w.t.db, 'report_subscription.updated', weekly))[0]!.detail).toMatchObject({ before: { active: true }, after: { active: false } });
  });

  it('sends the SRO\'s monthly report to the principals automatically, and not to one who lost access', async () => {
    const supervisor = await fresh('supervisor');
    expect((await (await fresh('sro.north')).post('/api/report-subscriptions/automatic', { officerId: w.ids['sro.north'] })).status).toBe(403);
    for (const sro of ['sro.north', 'sro.east']) {
      const res = await supervisor.post('/api/report-subscriptions/automatic', { officerId: w.ids[sro], dayOfMonth: 1, time: '07:00', format: 'pdf' });
      expect(res.status).toBe(201);
      expect(res.body.items).toHaveLength(1);
      expect(res.body.items[0]).toMatchObject({ report: 'activity', automatic: true, officer: { id: w.ids[sro] }, nextDueAt: '2025-12-01T13:00:00.000Z' });
    }
    const mine = (await (await fresh('principal.north')).get('/api/report-subscriptions')).body.items;
    expect(mine.filter((s: { automatic: boolean }) => s.automatic).map((s: { officer: { id: string } }) => s.officer.id)).toEqual([w.ids['sro.north']]);
    // The east principal's grant is revoked before the send.
    await w.t.db.delete(roleGrants).where(and(eq(roleGrants.userId, w.ids['principal.east']!), eq(roleGrants.role, 'school_admin')));

    moveTo('2025-12-01T13:00:00Z');
    const result = await sweep();
    expect(result).toEqual({ sent: 1, skipped: 1 });
    await deliver();
    const [mail] = mailsTo('principal.north@prep.test');
    expect(mail!.subject).toBe('Your monthly report: Monthly SRO activity report 2025-11: sro.north');
    expect(mail!.attachments[0]!.filename).toBe('sro-activity-2025-11-sro-north.pdf');
    expect((await readPdf(mail!.attachments[0]!.content)).text).toContain('SRO activity report 2025-11');
    expect(mailsTo('principal.east@prep.test')).toEqual([]);
    const skipped = await auditOf(w.t.db, 'report_subscription.skipped');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.detail).toMatchObject({ recipient: w.ids['principal.east'], period: '2025-11-01..2025-11-30' });
    const [row] = await w.t.db.select().from(reportSubscriptions).where(eq(reportSubscriptions.id, skipped[0]!.subjectId!));
    expect(row!.lastSkipReason).toMatch(/no longer read/);
    expect(row!.nextDueAt.toISOString()).toBe('2026-01-01T13:00:00.000Z');
    expect((await sweep())).toEqual({ sent: 0, skipped: 0 });
  });

  it('deletes a subscription (audited)', async () => {
    const director = await fresh('director');
    expect((await director.delete(`/api/report-subscriptions/${weekly}`)).status).toBe(204);
    expect((await director.get('/api/report-subscriptions')).body.items).toEqual([]);
    expect(await auditOf(w.t.db, 'report_subscription.deleted', weekly)).toHaveLength(1);
  });

  it('sends a monthly CSV of the month before, as the recipient may see it', async () => {
    const director = await fresh('director');
    const res = await director.post('/api/report-subscriptions', { report: 'equity', cadence: 'monthly', dayOfMonth: 2, time: '06:00', format: 'csv' });
    expect(res.status).toBe(201);
    expect(res.body.nextDueAt).toBe('2025-12-02T12:00:00.000Z');
    moveTo('2025-12-02T12:00:00Z');
    await sweep();
    await deliver();
    const [mail] = mailsTo('director@prep.test').filter((m) => m.subject.includes('Equity'));
    expect(mail!.subject).toBe('Your monthly report: Equity analytics 2025-11-01 to 2025-11-30');
    expect(mail!.attachments[0]).toMatchObject({ filename: 'equity-2025-11-01-2025-11-30.csv', contentType: 'text/csv' });
    expect(mail!.attachments[0]!.content.toString('utf8')).toMatch(/^\uFEFFEquity analytics 2025-11-01 to 2025-11-30,/);
    expect(mail!.text).not.toContain('per 1,000');
  });
});

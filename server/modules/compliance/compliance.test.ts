import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drills } from '../../db/schema/index.js';
import { startSmtpServer, type TestSmtpServer } from '../../test/smtp.js';
import { auditOf, calendarBody, startWorld, type World } from '../drills/drills.test-support.js';
import { findMail } from '../outbox/outbox.repository.js';
import { expectEvery } from '../../test/expect-every.js';

// Illinois rules on the hand-worked calendar; the clock reads 2025-11-10, seven days before the window of
// "no later than 90 days after the first day" (08-19..11-17, day 90 included) closes.
let w: World;
let smtp: TestSmtpServer;
const LOCKDOWN = 'Law enforcement drill no later than 90 days after the first day';

beforeAll(async () => {
  smtp = await startSmtpServer();
  w = await startWorld({ smtpUrl: smtp.url });
  const director = await w.as('director');
  await director.put('/api/drill-rules/state', { state: 'IL' });
  await director.put('/api/calendars', calendarBody(null));
}, 60_000);
afterAll(async () => {
  await w?.t.close();
  await smtp?.close();
});

const drill = (schoolId: string, extra: Record<string, unknown> = {}) => ({ schoolId, type: 'fire_evacuation', status: 'completed', date: '2025-11-03', durationMinutes: 12, ...extra });
const ruleOf = (body: { rules: { title: string }[] }, title: string) => body.rules.find((r) => r.title === title) as unknown as { status: string; periods: { counted: number; drillIds: string[]; daysLeft: number }[] };

describe('recording drills and watching compliance', () => {
  it('shows the police lockdown rule at risk, then met once the drill is recorded', async () => {
    const sro = await w.as('sro.north');
    const before = await sro.get(`/api/compliance/schools/${w.north.id}`);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ schoolYear: 2025, today: '2025-11-10', hasCalendar: true });
    expect(ruleOf(before.body, LOCKDOWN)).toMatchObject({ status: 'at_risk', periods: [{ counted: 0, daysLeft: 7 }] });
    const res = await sro.post('/api/drills', drill(w.north.id, {
      type: 'lockdown', date: '2025-11-07', startTime: '10:15', participants: 640, conditions: ['passing_period'],
      observers: [{ kind: 'law_enforcement', name: 'Springfield PD' }], problemsFound: 'Room 114 door does not latch',
      afterActionNotes: 'Hall sweep took 3 minutes', followUps: [{ task: 'Fix door 114', owner: 'Facilities', dueOn: '2025-11-21' }],
    }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'completed', recordedLate: true, schoolYear: 2025, followUps: [{ task: 'Fix door 114', done: false }] });
    const after = await sro.get(`/api/compliance/schools/${w.north.id}`);
    expect(ruleOf(after.body, LOCKDOWN)).toMatchObject({ status: 'met', periods: [{ counted: 1, drillIds: [res.body.id] }] });
    expect((await auditOf(w.t.db, 'drill.recorded', res.body.id))[0]).toMatchObject({ schoolId: w.north.id, detail: { type: 'lockdown', recordedLate: true } });
  });

  it('schedules a drill that counts only once conducted; a cancellation needs a reason', async () => {
    const principal = await w.as('principal.north');
    const scheduled = await principal.post('/api/drills', drill(w.north.id, { type: 'bus_evacuation', status: 'scheduled', date: '2025-11-20' }));
    expect(scheduled.body).toMatchObject({ status: 'scheduled', recordedLate: false });
    expect(ruleOf((await principal.get(`/api/compliance/schools/${w.north.id}`)).body, 'Bus evacuation drill').periods[0]!.counted).toBe(0);
    expect((await principal.patch(`/api/drills/${scheduled.body.id}`, { status: 'completed' })).body.error.field).toBe('date');
    const done = await principal.patch(`/api/drills/${scheduled.body.id}`, { status: 'completed', date: '2025-11-10', participants: 80 });
    expect(done.body).toMatchObject({ status: 'completed', date: '2025-11-10', recordedLate: false });
    expect(ruleOf((await principal.get(`/api/compliance/schools/${w.north.id}`)).body, 'Bus evacuation drill').status).toBe('met');
    expect((await principal.patch(`/api/drills/${scheduled.body.id}`, { status: 'cancelled', cancelledReason: 'x' })).body.error.field).toBe('status');
    const other = await principal.post('/api/drills', drill(w.north.id, { status: 'scheduled', date: '2025-12-03' }));
    expect((await principal.patch(`/api/drills/${other.body.id}`, { status: 'cancelled' })).body.error.field).toBe('cancelledReason');
    const cancelled = await principal.patch(`/api/drills/${other.body.id}`, { status: 'cancelled', cancelledReason: 'Snow day' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledReason: 'Snow day' });
    expect(await auditOf(w.t.db, 'drill.cancelled', other.body.id)).toHaveLength(1);
    expect(await auditOf(w.t.db, 'drill.scheduled', other.body.id)).toHaveLength(1);
  });

  it('answers 400 naming the field for a negative duration, a future completed drill and bad values; nothing written', async () => {
    const sro = await w.as('sro.north');
    const count = async () => (await w.t.db.select().from(drills)).length;
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ durationMinutes: -1 }, 'durationMinutes'], [{ participants: -5 }, 'participants'], [{ date: '2025-11-11' }, 'date'],
      [{ type: 'fire_drill' }, 'type'], [{ startTime: '25:00' }, 'startTime'], [{ conditions: ['recess'] }, 'conditions.0'],
      [{ observers: [{ kind: 'mayor' }] }, 'observers.0.kind'], [{ status: 'cancelled' }, 'status'],
    ];
    for (const [change, field] of cases) {
      const res = await sro.post('/api/drills', drill(w.north.id, change));
      expect(res.status, field).toBe(400);
      expect(res.body.error.field, field).toBe(field);
    }
    expect(await count()).toBe(before);
  });

  it('keeps drills to the schools of the scope: read and record denied role by role', async () => {
    const [one] = (await (await w.as('director')).get(`/api/drills?schoolId=${w.north.id}`)).body.items;
    expect((await (await w.as('staff.north')).get('/api/drills')).status).toBe(403);
    expect((await (await w.as('sysadmin')).get('/api/drills')).status).toBe(403);
    expect((await (await w.as('counselor.north')).get(`/api/drills/${one.id}`)).status).toBe(200);
    expect((await (await w.as('counselor.north')).post('/api/drills', drill(w.north.id))).status).toBe(403);
    expect((await (await w.as('supervisor')).post('/api/drills', drill(w.north.id))).status).toBe(403);
    expect((await (await w.as('sro.east')).get(`/api/drills/${one.id}`)).status).toBe(404);
    expect((await (await w.as('sro.east')).post('/api/drills', drill(w.north.id))).status).toBe(404);
    expect((await (await w.as('sro.east')).patch(`/api/drills/${one.id}`, { notes: 'x' })).status).toBe(404);
    expect((await (await w.as('outsider')).get(`/api/drills/${one.id}`)).status).toBe(404);
    expect((await (await w.as('sro.east')).get(`/api/compliance/schools/${w.north.id}`)).status).toBe(404);
    expect((await (await w.as('sro.north')).post('/api/drills', drill(w.foreign.id))).status).toBe(404);
  });
});

describe('district overview, reports and reminders', () => {
  it('gives the district every school and a school administrator only theirs', async () => {
    const all = (await (await w.as('director')).get('/api/compliance/overview')).body;
    expect(all.schools.map((s: { schoolName: string }) => s.schoolName)).toEqual(['East Elementary', 'North High']);
    const north = all.schools.find((s: { schoolId: string }) => s.schoolId === w.north.id);
    expect(north).toMatchObject({ hasCalendar: true, completedDrills: 2 });
    expect(north.counts).toMatchObject({ met: 2, on_track: 3, at_risk: 0 });
    const east = all.schools.find((s: { schoolId: string }) => s.schoolId === w.east.id);
    expect(east).toMatchObject({ status: 'at_risk', completedDrills: 0 });
    const mine = (await (await w.as('principal.east')).get('/api/compliance/overview')).body;
    expect(mine.schools.map((s: { schoolId: string }) => s.schoolId)).toEqual([w.east.id]);
  });

  it('exports the report as CSV and PDF, audited', async () => {
    const director = await w.as('director');
    const csv = await director.get('/api/compliance/report.csv?schoolYear=2025');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('school,school_year,rule,drill_types,rule_status,period,window_start,window_end,required,counted,period_status,as_of');
    expect(lines).toContain(`North High,2025-26,${LOCKDOWN},lockdown,met,School year,2025-08-19,2025-11-17,1,1,met,2025-11-10`);
    const pdf = await director.get(`/api/compliance/report.pdf?schoolId=${w.north.id}`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.text.startsWith('%PDF-')).toBe(true);
    expect((await auditOf(w.t.db, 'compliance.exported')).map((e) => e.detail.format)).toEqual(['csv', 'pdf']);
    expect((await (await w.as('principal.east')).get(`/api/compliance/report.csv?schoolId=${w.north.id}`)).status).toBe(404);
  });

  it('makes one reminder per window at risk, in the app and by e-mail to the school\'s SRO and administrator, once', async () => {
    const run = await (await w.as('director')).post('/api/drill-reminders/run');
    expect(run.body.created).toBe(1);
    const mail = await smtp.waitFor('sro.east@prep.test');
    expect(mail.subject).toBe(`Drill due at East Elementary: ${LOCKDOWN} (window closes 2025-11-17)`);
    expect(mail.text).toContain('Counted so far: 0 of 1');
    await smtp.waitFor('principal.east@prep.test');
    expectEvery((await findMail(w.t.db, 'drill.reminder')), (m) => m.sentAt !== null);
    expect((await (await w.as('director')).get('/api/outbox/status')).body).toEqual({ pending: 0, sent: 2, failed: 0, expired: 0, lastError: null });
    expect((await (await w.as('director')).post('/api/drill-reminders/run')).body.created).toBe(0);
    const inApp = (await (await w.as('sro.east')).get('/api/drill-reminders')).body.items;
    expect(inApp).toMatchObject([{ schoolId: w.east.id, ruleTitle: LOCKDOWN, windowEnd: '2025-11-17', required: 1, counted: 0, emailed: 2 }]);
    expect((await (await w.as('sro.north')).get('/api/drill-reminders')).body.items).toEqual([]);
    expect((await auditOf(w.t.db, 'drill.reminders_sent', w.districtId))[0]!.detail).toMatchObject({ created: 1 });
    expect((await (await w.as('principal.east')).post('/api/drill-reminders/run')).status).toBe(403);
  });
});

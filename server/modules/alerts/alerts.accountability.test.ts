import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, createAlertWorld, type AlertWorld } from './alerts.test-support.js';

let w: AlertWorld;
let alertId: string;

beforeAll(async () => {
  w = await createAlertWorld({ cancelWindowSeconds: 0 });
  const res = await w.as.teacher!.post('/api/alerts', { action: 'lockdown', schoolIds: [w.north.id], drill: true });
  alertId = res.body.id;
});
afterAll(async () => w?.t.close());

const checkIn = (who: string, body: Record<string, unknown>) => w.as[who]!.post(`/api/alerts/${alertId}/check-ins`, body);
const safe = { status: 'safe', location: 'Room 114', studentsWithMe: 22 };

describe('checking in', () => {
  it('answers 400 naming the field for negative or fractional counts and a missing location', async () => {
    for (const field of ['studentsWithMe', 'missing', 'extra', 'injured']) {
      const res = await checkIn('teacher', { ...safe, [field]: -1 });
      expect(res.status, field).toBe(400);
      expect(res.body.error.field, field).toBe(field);
    }
    expect((await checkIn('teacher', { ...safe, studentsWithMe: 2.5 })).body.error.field).toBe('studentsWithMe');
    expect((await checkIn('teacher', { status: 'safe', studentsWithMe: 3 })).body.error.field).toBe('location');
    expect((await checkIn('teacher', { ...safe, status: 'fine' })).body.error.field).toBe('status');
  });

  it('records a check-in, replaces it on a second one, and audits both', async () => {
    const first = await checkIn('teacher', safe);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ schoolId: w.north.id, user: { id: w.ids.teacher, name: 'teacher' }, status: 'safe', missing: 0 });
    const second = await checkIn('teacher', { ...safe, missing: 1, note: 'Jamal was in the restroom' });
    expect(second.body).toMatchObject({ id: first.body.id, missing: 1, note: 'Jamal was in the restroom' });
    expect((await w.as.teacher!.get(`/api/alerts/${alertId}/check-ins/mine`)).body.items).toHaveLength(1);
    expect(await auditOf(w.t, 'alert.checked_in', alertId)).toHaveLength(2);
  });

  it('refuses a check-in for another school of the district and for an alert of another school', async () => {
    const wrong = await checkIn('teacher', { ...safe, schoolId: w.south.id });
    expect(wrong.body.error.field).toBe('schoolId');
    expect((await checkIn('southTeacher', safe)).status).toBe(404);
  });

  it('takes check-ins only while the alert is active', async () => {
    const other = await w.as.sro!.post('/api/alerts', { action: 'hold', schoolIds: [w.north.id], drill: true });
    await w.as.sro!.post(`/api/alerts/${other.body.id}/all-clear`, {});
    const late = await w.as.teacher!.post(`/api/alerts/${other.body.id}/check-ins`, safe);
    expect(late.status).toBe(409);
  });
});

describe('the accountability board', () => {
  it('shows who checked in, who needs help, who has not, and totals', async () => {
    await checkIn('counselor', { status: 'need_help', location: 'Counseling office', studentsWithMe: 2, injured: 1, extra: 1, note: 'Student with asthma' });
    expect((await w.as.teacher2!.post(`/api/alerts/${alertId}/received`)).status).toBe(204);
    expect((await w.as.teacher2!.post(`/api/alerts/${alertId}/received`)).status).toBe(204);
    const board = await w.as.principal!.get(`/api/alerts/${alertId}/board`);
    expect(board.status).toBe(200);
    expect(board.body.schools).toHaveLength(1);
    const [north] = board.body.schools;
    expect(north.school).toEqual({ id: w.north.id, name: 'North High' });
    // Expected at North: teacher, teacher2, counselor, sro, principal.
    expect(north.totals).toEqual({
      staff: 5, checkedIn: 2, safe: 1, needHelp: 1, notCheckedIn: 3, received: 1, students: 24, missing: 1, extra: 1, injured: 1,
    });
    expect(north.checkIns.map((c: { user: { name: string } }) => c.user.name)).toEqual(['counselor', 'teacher']);
    expect(north.notCheckedIn.map((u: { name: string }) => u.name).sort()).toEqual(['principal', 'sro', 'teacher2']);
    expect(await auditOf(w.t, 'alert.received', alertId)).toHaveLength(1);
  });

  it('is for SROs, administrators and the district only, of the alert\'s schools', async () => {
    expect((await w.as.teacher!.get(`/api/alerts/${alertId}/board`)).status).toBe(403);
    expect((await w.as.counselor!.get(`/api/alerts/${alertId}/board`)).status).toBe(403);
    expect((await w.as.southPrincipal!.get(`/api/alerts/${alertId}/board`)).status).toBe(404);
    expect((await w.as.sro!.get(`/api/alerts/${alertId}/board`)).status).toBe(200);
    expect((await w.as.director!.get(`/api/alerts/${alertId}/board`)).status).toBe(200);
  });
});

describe('the record', () => {
  it('keeps a timeline of raising, announcement, each check-in, help requests and the All Clear', async () => {
    expect((await w.as.principal!.post(`/api/alerts/${alertId}/all-clear`, { note: 'Drill complete' })).status).toBe(200);
    const res = await w.as.principal!.get(`/api/alerts/${alertId}/timeline`);
    expect(res.body.items.map((e: { kind: string }) => e.kind)).toEqual(['raised', 'announced', 'check_in', 'check_in', 'help_requested', 'all_clear']);
    expect(res.body.items[4].summary).toBe('counselor: NEEDS HELP at Counseling office, 2 students, 1 extra, 1 injured (Student with asthma)');
    expect(res.body.items[5].summary).toBe('principal gave the All Clear: Drill complete');
    expect((await w.as.teacher!.get(`/api/alerts/${alertId}/timeline`)).status).toBe(403);
  });

  it('gives an after-action report as a PDF, audited', async () => {
    const res = await w.as.sro!.get(`/api/alerts/${alertId}/report.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="after-action-2026-11-02-lockdown.pdf"; filename*=UTF-8\'\'after-action-2026-11-02-lockdown.pdf');
    expect(res.text.startsWith('%PDF-')).toBe(true);
    expect(await auditOf(w.t, 'alert.report_viewed', alertId)).toHaveLength(1);
    expect((await w.as.teacher!.get(`/api/alerts/${alertId}/report.pdf`)).status).toBe(403);
  });
});

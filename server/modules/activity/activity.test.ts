import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEntries } from '../../db/schema/index.js';
import { signedInClient, type TestClient } from '../../test/app.js';
import { createUser } from '../../test/fixtures.js';
import { auditOf, startWorld, type World } from '../drills/drills.test-support.js';
import { expectEvery } from '../../test/expect-every.js';

// The log's rules: who sees whose log, what a person may change, validation, hours, and calls feeding the log.
// The monthly report's numbers are in report.test.ts.

let w: World;
let northSupervisor: TestClient;
beforeAll(async () => {
  w = await startWorld();
  await createUser(w.t.db, { email: 'sgt.north@prep.test', name: 'sgt.north', districtId: w.districtId, grants: [{ role: 'supervisor', schoolId: w.north.id }] });
  northSupervisor = await signedInClient(w.t, 'sgt.north@prep.test');
}, 60_000);
afterAll(async () => w?.t.close());

const entries = async () => (await w.t.db.select({ n: sql<number>`count(*)::int` }).from(activityEntries))[0]!.n;
const hand = (extra: Record<string, unknown> = {}) => ({
  kind: 'class', schoolId: w.north.id, startedAt: '2025-11-03T15:00:00Z', durationMinutes: 60, title: 'Cyber safety, grade 9', ...extra,
});

describe('activity log entries typed by hand', () => {
  let classId: string;
  let eastId: string;

  it('adds an entry for the signed-in SRO with the kind\'s triad role, editable by them', async () => {
    const res = await (await w.as('sro.north')).post('/api/activity', hand({ participants: 27 }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'class', triadRole: 'education', durationMinutes: 60, endedAt: '2025-11-03T16:00:00.000Z', participants: 27,
      user: { id: w.ids['sro.north'] }, school: { name: 'North High' }, source: null, editable: true,
    });
    classId = res.body.id;
    expect(await auditOf(w.t.db, 'activity.logged', classId)).toHaveLength(1);
    eastId = (await (await w.as('sro.east')).post('/api/activity', hand({ schoolId: w.east.id, kind: 'mentoring' }))).body.id;
  });

  it('answers 400 naming the field for a day-long duration, an end before the start, a bad school; nothing written', async () => {
    const sro = await w.as('sro.north');
    const before = await entries();
    const field = async (body: Record<string, unknown>) => (await sro.post('/api/activity', body)).body.error?.field;
    expect(await field(hand({ durationMinutes: 1441 }))).toBe('durationMinutes');
    expect(await field(hand({ durationMinutes: 0 }))).toBe('durationMinutes');
    expect(await field(hand({ durationMinutes: undefined, endedAt: '2025-11-03T14:00:00Z' }))).toBe('endedAt');
    expect(await field(hand({ durationMinutes: undefined, endedAt: '2025-11-04T15:01:00Z' }))).toBe('endedAt');
    expect(await field(hand({ endedAt: '2025-11-03T16:00:00Z' }))).toBe('endedAt');
    expect(await field(hand({ durationMinutes: undefined }))).toBe('durationMinutes');
    expect(await field(hand({ schoolId: w.east.id }))).toBe('schoolId');
    expect(await field(hand({ triadRole: 'counselor' }))).toBe('triadRole');
    expect(await field(hand({ startedAt: 'Monday' }))).toBe('startedAt');
    expect(await entries()).toBe(before);
    const byEnd = await sro.post('/api/activity', hand({ kind: 'mentoring', durationMinutes: undefined, startedAt: '2025-11-04T15:00:00Z', endedAt: '2025-11-04T15:30:00Z', title: 'Check-in' }));
    expect(byEnd.body).toMatchObject({ durationMinutes: 30, triadRole: 'mentoring' });
  });

  it('lets an SRO change and delete only their own hand entries (another\'s reads as absent)', async () => {
    const sro = await w.as('sro.north');
    expect((await sro.patch(`/api/activity/${eastId}`, { title: 'mine now' })).status).toBe(404);
    expect((await sro.delete(`/api/activity/${eastId}`)).status).toBe(404);
    expect((await sro.get(`/api/activity/${eastId}`)).status).toBe(404);
    expect((await (await w.as('sro.east')).patch(`/api/activity/${classId}`, { title: 'x' })).status).toBe(404);
    const changed = await sro.patch(`/api/activity/${classId}`, { endedAt: '2025-11-03T16:15:00Z', triadRole: 'law_enforcement' });
    expect(changed.body).toMatchObject({ durationMinutes: 75, triadRole: 'law_enforcement' });
    expect((await sro.patch(`/api/activity/${classId}`, { endedAt: '2025-11-03T14:00:00Z' })).body.error.field).toBe('endedAt');
    await sro.patch(`/api/activity/${classId}`, { durationMinutes: 60, triadRole: 'education' });
    expect((await auditOf(w.t.db, 'activity.updated', classId)).map((e) => e.detail)).toEqual([
      { changed: ['triadRole', 'endedAt'] }, { changed: ['triadRole', 'durationMinutes'] },
    ]);
    const temp = await sro.post('/api/activity', hand({ title: 'Typo' }));
    expect((await sro.delete(`/api/activity/${temp.body.id}`)).status).toBe(204);
    expect((await sro.get(`/api/activity/${temp.body.id}`)).status).toBe(404);
  });

  it('keeps entries from a source to their source: changing or deleting one here is a 409 that says where', async () => {
    const sro = await w.as('sro.north');
    const patrol = await sro.post('/api/patrols', { schoolId: w.north.id, kind: 'grounds', startedAt: '2025-11-10T14:00:00Z', durationMinutes: 20 });
    const [logged] = await w.t.db.select().from(activityEntries).where(eq(activityEntries.sourceId, patrol.body.id));
    expect((await sro.get(`/api/activity/${logged!.id}`)).body).toMatchObject({ source: { type: 'patrol_entry', id: patrol.body.id }, editable: false });
    const res = await sro.patch(`/api/activity/${logged!.id}`, { durationMinutes: 10 });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('patrol entry');
    expect((await sro.delete(`/api/activity/${logged!.id}`)).status).toBe(409);
  });
});

describe('who sees whose log', () => {
  it('shows an SRO their own log only', async () => {
    const sro = await w.as('sro.north');
    const own = (await sro.get('/api/activity')).body.items;
    expect(new Set(own.map((e: { user: { id: string } }) => e.user.id))).toEqual(new Set([w.ids['sro.north']]));
    expect((await sro.get(`/api/activity?userId=${w.ids['sro.east']}`)).status).toBe(404);
    expect((await sro.get('/api/activity/officers')).body.items.map((o: { name: string }) => o.name)).toEqual(['sro.north']);
  });

  it('shows a supervisor the SROs they supervise, and not the others', async () => {
    expect((await northSupervisor.get('/api/activity/officers')).body.items).toEqual([
      { id: w.ids['sro.north'], name: 'sro.north', schools: [{ id: w.north.id, name: 'North High' }] },
    ]);
    const listed = (await northSupervisor.get('/api/activity')).body.items;
    expect(listed.length).toBeGreaterThan(0);
    expectEvery(listed, (e: { user: { id: string } }) => e.user.id === w.ids['sro.north']);
    expect((await northSupervisor.get(`/api/activity?userId=${w.ids['sro.east']}`)).status).toBe(404);
    expect((await northSupervisor.get(`/api/activity/hours?userId=${w.ids['sro.east']}`)).status).toBe(404);
    expect((await northSupervisor.get(`/api/activity/reports/monthly?userId=${w.ids['sro.east']}&month=2025-11`)).status).toBe(404);
    const team = (await northSupervisor.get('/api/activity/reports/monthly/team?month=2025-11')).body;
    expect(team.officers.map((o: { officer: { name: string } }) => o.officer.name)).toEqual(['sro.north']);
    const all = (await (await w.as('supervisor')).get('/api/activity/reports/monthly/team?month=2025-11')).body;
    expect(all.officers.map((o: { officer: { name: string } }) => o.officer.name)).toEqual(['sro.east', 'sro.north']);
  });

  it('shows a principal the log of their school\'s SRO only; counselors, security and staff have no access', async () => {
    const principal = await w.as('principal.north');
    expect((await principal.get(`/api/activity?userId=${w.ids['sro.north']}`)).body.total).toBeGreaterThan(0);
    expect((await principal.get(`/api/activity?userId=${w.ids['sro.east']}`)).status).toBe(404);
    const east = (await (await w.as('sro.east')).get('/api/activity')).body.items[0];
    expect((await principal.get(`/api/activity/${east.id}`)).status).toBe(404);
    expect((await (await w.as('principal.east')).get(`/api/activity/${east.id}`)).status).toBe(200);
    expect((await principal.post('/api/activity', hand())).status).toBe(403);
    for (const who of ['counselor.north', 'security.north', 'staff.north']) {
      expect((await (await w.as(who)).get('/api/activity')).status, who).toBe(403);
    }
  });
});

describe('hours and calls', () => {
  it('sums hours per triad role by week (Monday first) and month, and per school, listing empty periods', async () => {
    const sro = await w.as('sro.north');
    await sro.post('/api/activity', hand({ startedAt: '2025-10-29T15:00:00Z', durationMinutes: 45 }));
    await sro.post('/api/activity', hand({ kind: 'other', schoolId: null, startedAt: '2025-10-13T15:00:00Z', durationMinutes: 90, title: 'Court' }));
    const weeks = (await sro.get('/api/activity/hours?period=week&from=2025-10-20&to=2025-11-09')).body;
    expect(weeks.periods).toEqual([
      { start: '2025-10-20', minutesByRole: { law_enforcement: 0, mentoring: 0, education: 0 }, totalMinutes: 0 },
      { start: '2025-10-27', minutesByRole: { law_enforcement: 0, mentoring: 0, education: 45 }, totalMinutes: 45 },
      { start: '2025-11-03', minutesByRole: { law_enforcement: 0, mentoring: 30, education: 60 }, totalMinutes: 90 },
    ]);
    const months = (await sro.get('/api/activity/hours?period=month&from=2025-10-01&to=2025-11-09')).body;
    expect(months.periods.map((p: { start: string; totalMinutes: number }) => [p.start, p.totalMinutes])).toEqual([['2025-10-01', 135], ['2025-11-01', 90]]);
    expect(months.schools).toEqual([
      { school: { id: w.north.id, name: 'North High' }, minutesByRole: { law_enforcement: 0, mentoring: 30, education: 105 }, totalMinutes: 135 },
      { school: null, minutesByRole: { law_enforcement: 90, mentoring: 0, education: 0 }, totalMinutes: 90 },
    ]);
    expect(months.minutesByRole).toEqual({ law_enforcement: 90, mentoring: 30, education: 105 });
    expect((await sro.get('/api/activity/hours?from=2025-11-09&to=2025-11-01')).body.error.field).toBe('to');
  });

  it('records a cleared call in the responding SRO\'s log (arrived to cleared, law enforcement), in the same change', async () => {
    const sro = await w.as('sro.north');
    const call = await sro.post('/api/calls', { source: 'self_initiated', schoolId: w.north.id, priority: 'routine', summary: 'Fight in the cafeteria', receivedAt: '2025-11-10T13:00:00Z' });
    expect(call.status).toBe(201);
    const before = await entries();
    expect((await sro.patch(`/api/calls/${call.body.id}`, { clearedAt: '2025-11-10T13:40:00Z' })).body.error.field).toBe('disposition');
    expect(await entries()).toBe(before);
    await sro.patch(`/api/calls/${call.body.id}`, { assignedUserId: w.ids['sro.north'], arrivedAt: '2025-11-10T13:05:00Z' });
    expect(await entries()).toBe(before);
    await sro.patch(`/api/calls/${call.body.id}`, { clearedAt: '2025-11-10T13:40:00Z', disposition: 'resolved' });
    const listed = (await sro.get('/api/activity?kind=call')).body.items;
    expect(listed).toEqual([expect.objectContaining({
      kind: 'call', triadRole: 'law_enforcement', startedAt: '2025-11-10T13:05:00.000Z', durationMinutes: 35,
      source: { type: 'call', id: call.body.id }, school: { id: w.north.id, name: 'North High' }, editable: false,
    })]);
    expect(listed[0].title).toContain('Fight in the cafeteria');
  });
});

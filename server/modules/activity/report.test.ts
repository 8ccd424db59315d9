import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEntries, drills, incidentActions, incidentOffenses, incidents } from '../../db/schema/index.js';
import { auditOf, startWorld, type World } from '../drills/drills.test-support.js';

// The monthly SRO activity report against a month worked out by hand: sro.east in October 2025, district time
// America/Chicago (the month runs 2025-10-01T05:00Z to 2025-11-01T05:00Z).

let w: World;
let sro: string;
beforeAll(async () => {
  w = await startWorld();
  sro = w.ids['sro.east']!;
  const officer = await w.as('sro.east');
  const east = w.east.id;
  const log = async (body: Record<string, unknown>) => {
    const res = await officer.post('/api/activity', { schoolId: east, title: 'x', ...body });
    if (res.status !== 201) throw new Error(res.text);
  };
  await log({ kind: 'class', startedAt: '2025-10-06T15:00:00Z', durationMinutes: 50, participants: 28 });
  await log({ kind: 'class', startedAt: '2025-10-08T15:00:00Z', durationMinutes: 45 });
  await log({ kind: 'mentoring', startedAt: '2025-10-09T18:00:00Z', durationMinutes: 30 });
  await log({ kind: 'mentoring', schoolId: null, startedAt: '2025-10-10T18:00:00Z', durationMinutes: 20 });
  await log({ kind: 'event', startedAt: '2025-10-17T23:00:00Z', durationMinutes: 180 });
  await log({ kind: 'drill', startedAt: '2025-10-15T14:00:00Z', durationMinutes: 30 });
  // 22:00 on 30 September in Chicago: not October.
  await log({ kind: 'other', startedAt: '2025-10-01T03:00:00Z', durationMinutes: 60 });
  await officer.post('/api/patrols', { schoolId: east, kind: 'interior', startedAt: '2025-10-20T13:00:00Z', durationMinutes: 45 });
  const call = await officer.post('/api/calls', { source: 'self_initiated', schoolId: east, summary: 'Trespasser', receivedAt: '2025-10-21T14:00:00Z' });
  await officer.patch(`/api/calls/${call.body.id}`, { assignedUserId: sro, arrivedAt: '2025-10-21T14:10:00Z', clearedAt: '2025-10-21T14:55:00Z', disposition: 'resolved' });

  const db = w.t.db;
  const [drill] = await db.insert(drills).values({ districtId: w.districtId, schoolId: east, type: 'fire_evacuation', status: 'completed', date: '2025-10-15', recordedBy: sro }).returning();
  // The drill as its module would log it: the same drill must count once.
  await db.insert(activityEntries).values({
    districtId: w.districtId, schoolId: east, userId: sro, kind: 'drill', triadRole: 'law_enforcement', startedAt: new Date('2025-10-15T15:00:00Z'),
    durationMinutes: 40, title: 'Fire drill', sourceType: 'drill', sourceId: drill!.id, createdBy: sro,
  });
  const incident = async (n: number, occurredAt: string, offenses: { nibrsCode?: string; category?: 'fight' }[], actions: [string, string][], sealed = false) => {
    const [row] = await db.insert(incidents).values({
      districtId: w.districtId, schoolId: east, number: `I-2025-${n}`, locationCode: '53', occurredAt: new Date(occurredAt), authorId: sro,
      ...(sealed ? { sealedAt: new Date('2025-10-30T00:00:00Z'), sealedReason: 'Court order' } : {}),
    }).returning();
    if (offenses.length) {
      await db.insert(incidentOffenses).values(offenses.map((o, position) => ({ incidentId: row!.id, position, kind: o.nibrsCode ? 'nibrs' as const : 'school' as const, ...o })));
    }
    if (actions.length) {
      await db.insert(incidentActions).values(actions.map(([kind, at]) => ({ incidentId: row!.id, kind: kind as 'arrest', at: new Date(at), implied: kind === 'referral_law_enforcement' })));
    }
  };
  await incident(1, '2025-10-07T16:00:00Z', [{ category: 'fight' }], [['arrest', '2025-10-07T17:00:00Z'], ['referral_law_enforcement', '2025-10-07T17:00:00Z'], ['referral_administration', '2025-10-08T12:00:00Z']]);
  await incident(2, '2025-10-14T16:00:00Z', [{ nibrsCode: '13B' }, { category: 'fight' }], [['citation', '2025-10-14T17:00:00Z'], ['referral_counseling', '2025-10-15T12:00:00Z']]);
  await incident(3, '2025-10-22T16:00:00Z', [], [['warning', '2025-10-22T16:30:00Z']]);
  await incident(4, '2025-10-23T16:00:00Z', [{ category: 'fight' }], [['arrest', '2025-10-23T16:30:00Z']], true);
  // Occurred in September, the referral made in October: the incident counts in September, the action in October.
  await incident(5, '2025-09-30T12:00:00Z', [{ category: 'fight' }], [['referral_counseling', '2025-10-02T12:00:00Z']]);
}, 60_000);
afterAll(async () => w?.t.close());

const EXPECTED = {
  month: '2025-10', from: '2025-10-01', to: '2025-10-31',
  // education: classes 50 + 45; mentoring 30 + 20; law enforcement: event 180, hand drill 30, patrol 45, call 45, drill 40.
  minutesByRole: { law_enforcement: 340, mentoring: 50, education: 95 },
  totalMinutes: 485,
  calls: { total: 1, bySource: [{ key: 'self_initiated', label: 'Self-initiated', count: 1 }] },
  incidents: {
    total: 3,
    byType: [
      { key: 'school:fight', label: 'Fight', count: 2 }, { key: '13B', label: '13B Simple Assault', count: 1 }, { key: 'none', label: 'No offense recorded', count: 1 },
    ],
  },
  arrests: 1, citations: 1, referrals: { lawEnforcement: 1, administration: 1, counseling: 2 },
  classesTaught: 2, studentsReached: 28, mentoringContacts: 2, eventsCovered: 1, drillsAttended: 2,
};

describe('monthly SRO activity report', () => {
  it('gives hours by triad role and school, calls and incidents by type, actions, classes, contacts, events and drills', async () => {
    const res = await (await w.as('sro.east')).get('/api/activity/reports/monthly?month=2025-10');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ officer: { id: sro, name: 'sro.east' }, ...EXPECTED });
    expect(res.body.schools).toEqual([
      { school: { id: w.east.id, name: 'East Elementary' }, minutesByRole: { law_enforcement: 340, mentoring: 30, education: 95 }, totalMinutes: 465 },
      { school: null, minutesByRole: { law_enforcement: 0, mentoring: 20, education: 0 }, totalMinutes: 20 },
    ]);
  });

  it('gives the same numbers to the supervisor, side by side with their other SROs, and zeros for an empty month', async () => {
    const supervisor = await w.as('supervisor');
    expect((await supervisor.get(`/api/activity/reports/monthly?userId=${sro}&month=2025-10`)).body).toMatchObject(EXPECTED);
    const team = (await supervisor.get('/api/activity/reports/monthly/team?month=2025-10')).body;
    expect(team.officers.map((o: { officer: { name: string } }) => o.officer.name)).toEqual(['sro.east', 'sro.north']);
    expect(team.officers[0]).toMatchObject(EXPECTED);
    expect(team.officers[1]).toMatchObject({ totalMinutes: 0, calls: { total: 0 }, incidents: { total: 0, byType: [] }, drillsAttended: 0 });
    expect((await supervisor.get(`/api/activity/reports/monthly?userId=${sro}&month=2025-13`)).body.error.field).toBe('month');
  });

  it('prints the report as a PDF for the principal, audited as an export', async () => {
    const res = await (await w.as('principal.east')).get(`/api/activity/reports/monthly.pdf?userId=${sro}&month=2025-10`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.text.startsWith('%PDF')).toBe(true);
    expect((await auditOf(w.t.db, 'activity_report.exported', sro))[0]!.detail).toEqual({ month: '2025-10' });
    expect((await (await w.as('principal.north')).get(`/api/activity/reports/monthly.pdf?userId=${sro}&month=2025-10`)).status).toBe(404);
  });
});

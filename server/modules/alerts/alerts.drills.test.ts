import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertSettings, drills } from '../../db/schema/index.js';
import { auditOf, calendarBody, startWorld, type World } from '../drills/drills.test-support.js';
import { drillTypeOf, recordDrillsOfAlert } from '../drills/drills.from-alert.js';

// A drill alert ended with All Clear counts toward drill compliance. The clock reads 2025-11-10 15:00 UTC
// (09:00 in the district's Chicago time), six days before North's 90-day lockdown window closes.
let w: World;
const RULE = 'Lockdown drill within 90 days of the first day';

beforeAll(async () => {
  w = await startWorld();
  await w.t.db.insert(alertSettings).values({ districtId: w.districtId, cancelWindowSeconds: 0 });
  const director = await w.as('director');
  expect((await director.put('/api/calendars', calendarBody(null))).status).toBe(200);
  const rule = await director.post('/api/drill-rules', {
    schoolId: w.north.id, title: RULE, drillTypes: ['lockdown'], minCount: 1, period: 'school_year', window: { kind: 'days_from_start', days: 90 },
  });
  expect(rule.status).toBe(201);
}, 60_000);
afterAll(async () => w?.t.close());

type Compliance = { rules: { title: string; status: string; periods: { counted: number; drillIds: string[] }[] }[] };
async function lockdownRule() {
  const res = await (await w.as('principal.north')).get(`/api/compliance/schools/${w.north.id}`);
  expect(res.status).toBe(200);
  return (res.body as Compliance).rules.find((r) => r.title === RULE)!;
}
const drillsOf = (alertId: string) => w.t.db.select().from(drills).where(eq(drills.alertId, alertId));

describe('drill alerts recorded as drills', () => {
  it('a lockdown drill ended with All Clear meets the at-risk lockdown rule, with its times, check-ins and audit', async () => {
    expect(await lockdownRule()).toMatchObject({ status: 'at_risk', periods: [{ counted: 0 }] });
    const sro = await w.as('sro.north');
    const raised = await sro.post('/api/alerts', { action: 'lockdown', schoolIds: [w.north.id], drill: true });
    expect(raised.body).toMatchObject({ status: 'active', drill: true });
    for (const [who, studentsWithMe] of [['staff.north', 22], ['staff2.north', 18]] as const) {
      const res = await (await w.as(who)).post(`/api/alerts/${raised.body.id}/check-ins`, { status: 'safe', location: 'Room 114', studentsWithMe });
      expect(res.status).toBeLessThan(300);
    }
    expect(await drillsOf(raised.body.id)).toHaveLength(0);
    w.t.clock.advance(14 * 60_000);
    expect((await sro.post(`/api/alerts/${raised.body.id}/all-clear`, {})).status).toBe(200);

    const list = await sro.get(`/api/drills?schoolId=${w.north.id}`);
    const recorded = list.body.items.filter((d: { alertId: string | null }) => d.alertId === raised.body.id);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      schoolId: w.north.id, type: 'lockdown', status: 'completed', date: '2025-11-10', startTime: '09:00', durationMinutes: 14,
      participants: 40, recordedBy: { id: w.ids['sro.north'], name: 'sro.north' }, recordedLate: false,
    });
    expect(recorded[0].notes).toMatch(/^Recorded from drill alert /);
    expect(await lockdownRule()).toMatchObject({ status: 'met', periods: [{ counted: 1, drillIds: [recorded[0].id] }] });
    expect((await auditOf(w.t.db, 'drill.recorded', recorded[0].id))[0]).toMatchObject({
      schoolId: w.north.id, actorUserId: w.ids['sro.north'], detail: { type: 'lockdown', alertId: raised.body.id },
    });
  });

  it('a real alert and a cancelled drill alert record no drill', async () => {
    const sro = await w.as('sro.north');
    const before = (await w.t.db.select().from(drills)).length;
    const real = await sro.post('/api/alerts', { action: 'secure', schoolIds: [w.north.id], drill: false });
    expect((await sro.post(`/api/alerts/${real.body.id}/all-clear`, {})).status).toBe(200);
    expect(await drillsOf(real.body.id)).toHaveLength(0);

    await w.t.db.update(alertSettings).set({ cancelWindowSeconds: 10 }).where(eq(alertSettings.districtId, w.districtId));
    const pending = await sro.post('/api/alerts', { action: 'hold', schoolIds: [w.north.id], drill: true });
    expect(pending.body.status).toBe('pending');
    expect((await sro.post(`/api/alerts/${pending.body.id}/cancel`, {})).body.status).toBe('cancelled');
    await w.t.db.update(alertSettings).set({ cancelWindowSeconds: 0 }).where(eq(alertSettings.districtId, w.districtId));
    expect(await drillsOf(pending.body.id)).toHaveLength(0);
    expect((await w.t.db.select().from(drills)).length).toBe(before);
    expect((await lockdownRule()).periods[0]!.counted).toBe(1);
  });

  it('a drill alert of several schools records one drill per school, once, of the type matching the hazard', async () => {
    const director = await w.as('director');
    const raised = await director.post('/api/alerts', { action: 'shelter', hazard: 'hazmat', schoolIds: [w.north.id, w.east.id], drill: true });
    expect(raised.status).toBe(201);
    w.t.clock.advance(5 * 60_000);
    expect((await director.post(`/api/alerts/${raised.body.id}/all-clear`, { note: 'Drill over' })).status).toBe(200);
    expect((await director.post(`/api/alerts/${raised.body.id}/all-clear`, {})).status).toBe(409);
    const recorded = await drillsOf(raised.body.id);
    expect(recorded.map((d) => d.schoolId).sort()).toEqual([w.north.id, w.east.id].sort());
    for (const d of recorded) {
      expect(d).toMatchObject({ type: 'shelter_hazmat', status: 'completed', durationMinutes: 5, participants: null, recordedBy: w.ids.director });
    }
    // Recording the same alert again adds nothing.
    const again = await recordDrillsOfAlert(w.t.db, { label: 'test' }, {
      id: raised.body.id, districtId: w.districtId, action: 'shelter', hazard: 'hazmat', raisedAt: w.t.clock.now(), announcedAt: w.t.clock.now(),
      clearedAt: w.t.clock.now(), clearedBy: w.ids.director!, schoolIds: [w.north.id, w.east.id], participants: new Map(),
    });
    expect(again).toEqual([]);
    expect(await drillsOf(raised.body.id)).toHaveLength(2);
  });

  it('maps each SRP action to the drill type it exercises', () => {
    expect(drillTypeOf('evacuate', null)).toBe('fire_evacuation');
    expect(drillTypeOf('secure', null)).toBe('secure');
    expect(drillTypeOf('hold', null)).toBe('hold');
    expect(drillTypeOf('shelter', 'tornado')).toBe('shelter_severe_weather');
    expect(drillTypeOf('shelter', 'severe_weather')).toBe('shelter_severe_weather');
    expect(drillTypeOf('shelter', 'earthquake')).toBe('earthquake');
    expect(drillTypeOf('shelter', 'tsunami')).toBeNull();
  });
});

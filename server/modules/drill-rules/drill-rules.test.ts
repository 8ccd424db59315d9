import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drillRules, schoolCalendars } from '../../db/schema/index.js';
import { auditOf, calendarBody, startWorld, type World } from '../drills/drills.test-support.js';
import { expectEvery } from '../../test/expect-every.js';

let w: World;
beforeAll(async () => { w = await startWorld(); }, 60_000);
afterAll(async () => w?.t.close());

const lockdownRule = { drillTypes: ['lockdown'], minCount: 1, period: 'school_year', title: 'Extra lockdown' };

describe('state rule sets', () => {
  it('lists the six seeded sets; Florida has no counts and says so', async () => {
    const res = await (await w.as('staff.north')).get('/api/drill-rules/templates');
    expect(res.status).toBe(403);
    const list = await (await w.as('counselor.north')).get('/api/drill-rules/templates');
    expect(list.body.items.map((s: { state: string }) => s.state)).toEqual(['NY', 'IL', 'TX', 'MI', 'CA', 'FL']);
    const fl = list.body.items.find((s: { state: string }) => s.state === 'FL');
    expect(fl).toMatchObject({ hasCounts: false });
    expectEvery(fl.rules, (r: { minCount: number | null }) => r.minCount === null);
  });

  it('lets the district pick a state set, copying its rules, audited; picking again replaces them', async () => {
    const director = await w.as('director');
    const tx = await director.put('/api/drill-rules/state', { state: 'TX' });
    expect(tx.status).toBe(200);
    expect(tx.body).toMatchObject({ state: 'TX', stateName: 'Texas', atRiskDays: 14 });
    expect(tx.body.rules).toHaveLength(6);
    const il = await director.put('/api/drill-rules/state', { state: 'IL' });
    expect(il.body.rules.map((r: { title: string }) => r.title)).toContain('Law enforcement drill no later than 90 days after the first day');
    expect(il.body.rules).toHaveLength(5);
    const events = await auditOf(w.t.db, 'drill_rules.state_chosen', w.districtId);
    expect(events.map((e) => e.detail)).toEqual([{ state: 'TX', removed: 0, added: 6 }, { state: 'IL', removed: 6, added: 5 }]);
  });

  it('refuses a state set to a school administrator (district grant needed) and to an SRO (403)', async () => {
    expect((await (await w.as('principal.north')).put('/api/drill-rules/state', { state: 'NY' })).body.error).toMatchObject({ code: 'forbidden', field: 'schoolId' });
    expect((await (await w.as('sro.north')).put('/api/drill-rules/state', { state: 'NY' })).status).toBe(403);
  });
});

describe('editing rules', () => {
  it('lets the district edit a rule; the audit keeps before and after', async () => {
    const director = await w.as('director');
    const set = (await director.get('/api/drill-rules')).body;
    const bus = set.rules.find((r: { title: string }) => r.title === 'Bus evacuation drill');
    const res = await director.patch(`/api/drill-rules/${bus.id}`, { minCount: 2, notes: 'District policy: two' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ minCount: 2, notes: 'District policy: two', period: 'school_year', drillTypes: ['bus_evacuation'] });
    const [event] = await auditOf(w.t.db, 'drill_rule.updated', bus.id);
    expect(event!.detail).toEqual({ changed: ['minCount', 'notes'], before: { minCount: 1, notes: null }, after: { minCount: 2, notes: 'District policy: two' } });
  });

  it('lets a school administrator add and remove a rule of their school only, audited', async () => {
    const principal = await w.as('principal.north');
    const added = await principal.post('/api/drill-rules', { ...lockdownRule, schoolId: w.north.id });
    expect(added.status).toBe(201);
    expect((await auditOf(w.t.db, 'drill_rule.created', added.body.id))[0]).toMatchObject({ schoolId: w.north.id });
    expect((await principal.post('/api/drill-rules', { ...lockdownRule, schoolId: w.east.id })).status).toBe(404);
    expect((await principal.post('/api/drill-rules', lockdownRule)).body.error).toMatchObject({ code: 'forbidden', field: 'schoolId' });
    const district = (await principal.get('/api/drill-rules')).body.rules.find((r: { schoolId: string | null }) => r.schoolId === null);
    expect((await principal.patch(`/api/drill-rules/${district.id}`, { minCount: 0 })).status).toBe(403);
    expect((await (await w.as('principal.east')).delete(`/api/drill-rules/${added.body.id}`)).status).toBe(404);
    expect((await principal.delete(`/api/drill-rules/${added.body.id}`)).status).toBe(204);
    expect(await auditOf(w.t.db, 'drill_rule.deleted', added.body.id)).toHaveLength(1);
  });

  it('hides a school\'s own rules from other schools', async () => {
    const added = await (await w.as('director')).post('/api/drill-rules', { ...lockdownRule, schoolId: w.north.id, title: 'North only' });
    const east = (await (await w.as('principal.east')).get('/api/drill-rules')).body.rules.map((r: { id: string }) => r.id);
    expect(east).not.toContain(added.body.id);
    expect((await (await w.as('principal.north')).get('/api/drill-rules')).body.rules.map((r: { id: string }) => r.id)).toContain(added.body.id);
  });

  it('denies rule edits to SROs, supervisors, counselors, security and staff (403)', async () => {
    for (const who of ['sro.north', 'supervisor', 'counselor.north', 'security.north', 'staff.north', 'sysadmin']) {
      expect((await (await w.as(who)).post('/api/drill-rules', { ...lockdownRule, schoolId: w.north.id })).status, who).toBe(403);
    }
  });

  it('answers 400 naming the field for an unknown period, a window ending before it starts and negative values; writes nothing', async () => {
    const director = await w.as('director');
    const before = (await w.t.db.select().from(drillRules)).length;
    const cases: [Record<string, unknown>, string][] = [
      [{ period: 'fortnight' }, 'period'],
      [{ window: { kind: 'dates', from: '12-01', to: '09-01' } }, 'window.to'],
      [{ window: { kind: 'dates', from: '13-01' } }, 'window.from'],
      [{ window: { kind: 'days_from_start', days: -5 } }, 'window.days'],
      [{ minCount: -1 }, 'minCount'],
      [{ period: 'month', minInstructionalDays: -3 }, 'minInstructionalDays'],
      [{ minInstructionalDays: 10 }, 'minInstructionalDays'],
      [{ drillTypes: ['fire_drill'] }, 'drillTypes.0'],
    ];
    for (const [change, field] of cases) {
      const res = await director.post('/api/drill-rules', { ...lockdownRule, ...change });
      expect(res.status, field).toBe(400);
      expect(res.body.error.field, JSON.stringify(change)).toBe(field);
    }
    const rule = (await director.get('/api/drill-rules')).body.rules[0];
    expect((await director.patch(`/api/drill-rules/${rule.id}`, { window: { kind: 'dates', from: '03-01', to: '02-01' } })).body.error.field).toBe('window.to');
    expect((await w.t.db.select().from(drillRules)).length).toBe(before);
  });

  it('changes the at-risk days (district only), audited', async () => {
    const res = await (await w.as('director')).patch('/api/drill-rules/settings', { atRiskDays: 21 });
    expect(res.body.atRiskDays).toBe(21);
    expect((await (await w.as('director')).patch('/api/drill-rules/settings', { atRiskDays: -1 })).body.error.field).toBe('atRiskDays');
    expect((await auditOf(w.t.db, 'drill_rules.settings_changed', w.districtId))[0]!.detail).toMatchObject({ changed: ['atRiskDays'], atRiskDays: 21 });
    await (await w.as('director')).patch('/api/drill-rules/settings', { atRiskDays: 14 });
  });
});

describe('calendars', () => {
  it('saves the district default and a school calendar, counting instructional days; replacing is audited', async () => {
    const director = await w.as('director');
    const saved = await director.put('/api/calendars', calendarBody(null));
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ schoolId: null, instructionalDays: 181, summerSession: { start: '2026-06-15' } });
    const principal = await w.as('principal.east');
    const own = await principal.put('/api/calendars', calendarBody(w.east.id, { summerSession: null }));
    expect(own.body).toMatchObject({ schoolId: w.east.id, schoolName: 'East Elementary', summerSession: null });
    const again = await principal.put('/api/calendars', calendarBody(w.east.id, { lastDay: '2026-05-28', semesters: [{ start: '2025-08-19', end: '2025-12-19' }, { start: '2026-01-06', end: '2026-05-28' }] }));
    expect(again.body).toMatchObject({ id: own.body.id, instructionalDays: 180 });
    expect((await auditOf(w.t.db, 'calendar.saved', own.body.id)).map((e) => e.detail.created)).toEqual([true, false]);
    expect((await principal.put('/api/calendars', calendarBody(w.north.id))).status).toBe(404);
    expect((await (await w.as('sro.north')).put('/api/calendars', calendarBody(w.north.id))).status).toBe(403);
    const seen = (await (await w.as('staff.east')).get('/api/calendars')).status;
    expect(seen).toBe(403);
    const list = (await (await w.as('sro.north')).get('/api/calendars?schoolYear=2025')).body.items;
    expect(list.map((c: { schoolId: string | null }) => c.schoolId)).toEqual([null]);
  });

  it('refuses calendars that do not hold together (400 naming the field), writing nothing', async () => {
    const director = await w.as('director');
    const before = (await w.t.db.select().from(schoolCalendars)).length;
    const cases: [Partial<ReturnType<typeof calendarBody>>, string][] = [
      [{ lastDay: '2025-08-01' }, 'lastDay'],
      [{ schoolYear: 2024 }, 'firstDay'],
      [{ semesters: [{ start: '2025-08-19', end: '2025-08-01' }] }, 'semesters.0.end'],
      [{ semesters: [{ start: '2025-08-01', end: '2025-12-19' }] }, 'semesters.0.start'],
      [{ closedDays: [{ start: '2025-10-10', end: '2025-10-09' }] }, 'closedDays.0.end'],
      [{ summerSession: { start: '2026-05-01', end: '2026-06-30' } }, 'summerSession.start'],
      [{ firstDay: '2025-13-01' }, 'firstDay'],
    ];
    for (const [change, field] of cases) {
      const res = await director.put('/api/calendars', calendarBody(w.north.id, change));
      expect(res.body.error?.field, field).toBe(field);
    }
    expect((await w.t.db.select().from(schoolCalendars)).length).toBe(before);
  });
});

import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEntries, campusAreas, patrolCheckRuns, patrolEntries, workOrders } from '../../db/schema/index.js';
import { auditOf, startWorld, type World } from '../drills/drills.test-support.js';

let w: World;
let hall: string;
let eastGym: string;
beforeAll(async () => {
  w = await startWorld();
  const [a, b] = await w.t.db.insert(campusAreas).values([
    { schoolId: w.north.id, kind: 'building', name: 'Main hall' }, { schoolId: w.east.id, kind: 'building', name: 'Gym' },
  ]).returning();
  hall = a!.id;
  eastGym = b!.id;
}, 60_000);
afterAll(async () => w?.t.close());

const count = async (table: typeof patrolEntries | typeof activityEntries | typeof patrolCheckRuns | typeof workOrders) =>
  (await w.t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
const logOf = async (sourceId: string) => w.t.db.select().from(activityEntries).where(eq(activityEntries.sourceId, sourceId));

describe('patrol log', () => {
  let entryId: string;

  it('logs a quick phone entry (15 minutes ending now by default) and records it in the officer\'s activity log', async () => {
    const res = await (await w.as('sro.north')).post('/api/patrols', { schoolId: w.north.id, kind: 'bus_loop', areaId: hall });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'bus_loop', durationMinutes: 15, startedAt: '2025-11-10T14:45:00.000Z', area: { id: hall, name: 'Main hall' },
      officer: { id: w.ids['sro.north'] }, mine: true, school: { name: 'North High' },
    });
    entryId = res.body.id;
    expect(await logOf(entryId)).toEqual([expect.objectContaining({
      userId: w.ids['sro.north'], kind: 'patrol', triadRole: 'law_enforcement', durationMinutes: 15, sourceType: 'patrol_entry',
      schoolId: w.north.id, title: 'Patrol: Bus loop (Main hall)',
    })]);
    expect(await auditOf(w.t.db, 'patrol.logged', entryId)).toHaveLength(1);
  });

  it('logs visibility periods and traffic duty as their own activity kinds', async () => {
    const sro = await w.as('sro.north');
    const lunch = await sro.post('/api/patrols', { schoolId: w.north.id, kind: 'visibility_lunch', startedAt: '2025-11-07T17:30:00Z', durationMinutes: 40 });
    const traffic = await sro.post('/api/patrols', { schoolId: w.north.id, kind: 'traffic_control', startedAt: '2025-11-10T12:40:00Z', durationMinutes: 30 });
    expect((await logOf(lunch.body.id))[0]).toMatchObject({ kind: 'visibility', durationMinutes: 40, title: 'Visibility: lunch' });
    expect((await logOf(traffic.body.id))[0]).toMatchObject({ kind: 'traffic', startedAt: new Date('2025-11-10T12:40:00Z') });
  });

  it('answers 400 naming the field for a bad area, duration, kind or start, and writes nothing', async () => {
    const sro = await w.as('sro.north');
    const before = [await count(patrolEntries), await count(activityEntries)];
    const bad = async (body: Record<string, unknown>) => (await sro.post('/api/patrols', { schoolId: w.north.id, kind: 'grounds', ...body })).body.error;
    expect(await bad({ areaId: eastGym })).toMatchObject({ code: 'validation_failed', field: 'areaId' });
    expect(await bad({ areaId: '00000000-0000-4000-8000-000000000001' })).toMatchObject({ field: 'areaId' });
    expect((await bad({ durationMinutes: 0 })).field).toBe('durationMinutes');
    expect((await bad({ durationMinutes: 1441 })).field).toBe('durationMinutes');
    expect((await bad({ kind: 'rooftop' })).field).toBe('kind');
    expect((await bad({ startedAt: '2025-11-11T09:00:00Z' })).field).toBe('startedAt');
    expect([await count(patrolEntries), await count(activityEntries)]).toEqual(before);
  });

  it('refuses a school outside the officer\'s grants (404) and patrol logging to roles without patrol.log (403)', async () => {
    expect((await (await w.as('sro.north')).post('/api/patrols', { schoolId: w.east.id, kind: 'grounds' })).status).toBe(404);
    for (const who of ['principal.north', 'supervisor', 'staff.north', 'counselor.north']) {
      expect((await (await w.as(who)).post('/api/patrols', { schoolId: w.north.id, kind: 'grounds' })).status, who).toBe(403);
    }
  });

  it('lets only the officer who logged an entry change or delete it: others get 404, their activity entry follows', async () => {
    const security = await w.as('security.north');
    expect((await security.get(`/api/patrols/${entryId}`)).body).toMatchObject({ id: entryId, mine: false });
    expect((await security.patch(`/api/patrols/${entryId}`, { notes: 'not mine' })).status).toBe(404);
    expect((await security.delete(`/api/patrols/${entryId}`)).status).toBe(404);
    expect((await (await w.as('sro.east')).get(`/api/patrols/${entryId}`)).status).toBe(404);
    const sro = await w.as('sro.north');
    const changed = await sro.patch(`/api/patrols/${entryId}`, { durationMinutes: 25, areaId: null, notes: 'Two buses late' });
    expect(changed.body).toMatchObject({ durationMinutes: 25, area: null, notes: 'Two buses late' });
    expect((await logOf(entryId))[0]).toMatchObject({ durationMinutes: 25, title: 'Patrol: Bus loop' });
    expect((await auditOf(w.t.db, 'patrol.updated', entryId))[0]!.detail).toEqual({ changed: ['areaId', 'durationMinutes', 'notes'] });
    expect((await sro.patch(`/api/patrols/${entryId}`, { areaId: eastGym })).body.error.field).toBe('areaId');
    expect((await sro.delete(`/api/patrols/${entryId}`)).status).toBe(204);
    expect(await logOf(entryId)).toEqual([]);
    expect((await sro.get(`/api/patrols/${entryId}`)).status).toBe(404);
  });

  it('lists my entries and those of my schools with filters; the principal reads the school\'s log', async () => {
    await (await w.as('security.north')).post('/api/patrols', { schoolId: w.north.id, kind: 'parking', startedAt: '2025-11-09T20:00:00Z', durationMinutes: 30 });
    const principal = await w.as('principal.north');
    const all = (await principal.get('/api/patrols')).body;
    expect(all.total).toBe(3);
    expect(all.items.map((e: { kind: string }) => e.kind)).toEqual(['traffic_control', 'parking', 'visibility_lunch']);
    const mine = (await (await w.as('security.north')).get('/api/patrols?mine=true')).body;
    expect(mine.items.map((e: { kind: string }) => e.kind)).toEqual(['parking']);
    expect((await principal.get('/api/patrols?from=2025-11-10&kind=traffic_control')).body.total).toBe(1);
    expect((await (await w.as('sro.east')).get('/api/patrols')).body.total).toBe(0);
    expect((await (await w.as('sro.east')).get(`/api/patrols?schoolId=${w.north.id}`)).status).toBe(404);
  });
});

describe('security check lists and runs', () => {
  let listId: string;
  let items: { id: string; label: string }[];

  it('lets the principal, security and the SRO keep a school\'s check list; supervisors and staff may not', async () => {
    const body = { schoolId: w.north.id, name: 'Morning lock-up', items: [{ label: 'Front doors locked', areaId: hall }, { label: 'Gates closed' }, { label: 'Cameras working' }] };
    expect((await (await w.as('principal.north')).post('/api/patrol-checklists', { ...body, items: [{ label: 'Gym doors', areaId: eastGym }] })).body.error.field).toBe('items.0.areaId');
    for (const who of ['supervisor', 'staff.north']) expect((await (await w.as(who)).post('/api/patrol-checklists', body)).status, who).toBe(403);
    const res = await (await w.as('principal.north')).post('/api/patrol-checklists', body);
    expect(res.status).toBe(201);
    listId = res.body.id;
    items = res.body.items;
    expect(items.map((i) => i.label)).toEqual(['Front doors locked', 'Gates closed', 'Cameras working']);
    const edited = await (await w.as('security.north')).patch(`/api/patrol-checklists/${listId}`, {
      items: [{ id: items[0]!.id, label: items[0]!.label, areaId: hall }, { id: items[2]!.id, label: 'Cameras recording' }, { label: 'Parking lot lights on' }],
    });
    expect(edited.body.items.map((i: { label: string }) => i.label)).toEqual(['Front doors locked', 'Cameras recording', 'Parking lot lights on']);
    expect(edited.body.items[1].id).toBe(items[2]!.id);
    items = edited.body.items;
    expect((await (await w.as('security.north')).patch(`/api/patrol-checklists/${listId}`, { items: [{ id: eastGym, label: 'x' }] })).body.error.field).toBe('items.0.id');
    expect((await (await w.as('sro.east')).patch(`/api/patrol-checklists/${listId}`, { name: 'x' })).status).toBe(404);
  });

  it('refuses a run that leaves an item out, repeats one, or fails one without a note; nothing is written', async () => {
    const sro = await w.as('sro.north');
    const before = [await count(patrolCheckRuns), await count(workOrders), await count(activityEntries)];
    const pass = (i: number) => ({ itemId: items[i]!.id, passed: true });
    const run = async (results: unknown[]) => (await sro.post('/api/patrol-checks', { checklistId: listId, results })).body.error;
    expect(await run([pass(0), pass(1)])).toMatchObject({ field: 'results' });
    expect(await run([pass(0), pass(1), pass(1)])).toMatchObject({ field: 'results.2.itemId' });
    expect(await run([pass(0), { itemId: items[1]!.id, passed: false }, pass(2)])).toMatchObject({ field: 'results.1.note' });
    expect((await sro.post('/api/patrol-checks', { checklistId: eastGym, results: [pass(0)] })).body.error.field).toBe('checklistId');
    expect([await count(patrolCheckRuns), await count(workOrders), await count(activityEntries)]).toEqual(before);
  });

  it('opens a work order for every failed item, in the same change, and logs the run as a security check', async () => {
    const res = await (await w.as('sro.north')).post('/api/patrol-checks', {
      checklistId: listId, startedAt: '2025-11-10T12:00:00Z', durationMinutes: 20,
      results: [{ itemId: items[0]!.id, passed: false, note: 'Door 4 does not latch' }, { itemId: items[1]!.id, passed: true }, { itemId: items[2]!.id, passed: true }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ failedCount: 1, itemCount: 3, checklist: { id: listId, name: 'Morning lock-up' } });
    const failed = res.body.results[0];
    expect(failed).toMatchObject({ label: 'Front doors locked', passed: false, note: 'Door 4 does not latch', workOrder: { number: expect.stringMatching(/^WO-/) } });
    expect(res.body.results[1].workOrder).toBeNull();
    const [order] = await w.t.db.select().from(workOrders).where(and(eq(workOrders.source, 'patrol_check'), eq(workOrders.sourceId, res.body.id)));
    expect(order).toMatchObject({ id: failed.workOrder.id, schoolId: w.north.id, areaId: hall, title: 'Failed check: Front doors locked', description: 'Door 4 does not latch' });
    expect((await logOf(res.body.id))[0]).toMatchObject({ kind: 'security_check', durationMinutes: 20, sourceType: 'patrol_check_run' });
    const listed = await (await w.as('principal.north')).get(`/api/patrol-checks?failed=true&checklistId=${listId}`);
    expect(listed.body.items.map((r: { id: string }) => r.id)).toEqual([res.body.id]);
    expect((await (await w.as('principal.north')).get(`/api/patrol-checklists/${listId}`)).body.lastRunAt).toBe('2025-11-10T12:00:00.000Z');
    expect((await (await w.as('sro.east')).get(`/api/patrol-checks/${res.body.id}`)).status).toBe(404);
  });

  it('refuses runs on an archived list', async () => {
    await (await w.as('principal.north')).patch(`/api/patrol-checklists/${listId}`, { archived: true });
    const res = await (await w.as('sro.north')).post('/api/patrol-checks', { checklistId: listId, results: items.map((i) => ({ itemId: i.id, passed: true })) });
    expect(res.body.error.field).toBe('checklistId');
    expect((await (await w.as('sro.north')).get('/api/patrol-checklists')).body.items).toEqual([]);
    expect((await (await w.as('sro.north')).get('/api/patrol-checklists?archived=true')).body.items).toHaveLength(1);
  });
});

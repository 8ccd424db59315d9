import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campusAreas, securitySystems, workOrders } from '../../db/schema/index.js';
import { auditOf, startWorld, type World } from '../drills/drills.test-support.js';

let w: World;
const area: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  w = await startWorld();
  const rows = await w.t.db.insert(campusAreas).values([
    { schoolId: w.north.id, kind: 'parking', name: 'East parking' }, { schoolId: w.east.id, kind: 'building', name: 'Library' },
  ]).returning();
  [area.parking, area.library] = rows.map((r) => r.id) as [string, string];
}, 60_000);
afterAll(async () => w?.t.close());

const camera = (extra: Record<string, unknown> = {}) => ({ schoolId: w.north.id, areaId: area.parking, kind: 'camera', name: 'Camera 12, east parking', ...extra });
const count = async () => Number((await w.t.db.select({ n: sql<number>`count(*)::int` }).from(securitySystems))[0]!.n);

describe('registry', () => {
  it('lets security staff add systems by campus area; a new system is working', async () => {
    const security = await w.as('security.north');
    const res = await security.post('/api/security-systems', camera({ make: 'Axis', installedOn: '2022-08-01' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'camera', status: 'working', area: { name: 'East parking' }, openWorkOrder: null, retired: false });
    ids.camera = res.body.id;
    ids.door = (await security.post('/api/security-systems', camera({ kind: 'door_access', name: 'Door 1 main entrance', areaId: null }))).body.id;
    ids.panel = (await security.post('/api/security-systems', camera({ kind: 'alarm_panel', name: 'Alarm panel', areaId: null }))).body.id;
  });

  it('answers 400 naming the field for an area of another school, an unknown kind or vendor; nothing written', async () => {
    const security = await w.as('security.north');
    const before = await count();
    expect((await security.post('/api/security-systems', camera({ areaId: area.library }))).body.error.field).toBe('areaId');
    expect((await security.post('/api/security-systems', camera({ kind: 'drone' }))).body.error.field).toBe('kind');
    expect((await security.post('/api/security-systems', camera({ vendorId: '00000000-0000-4000-8000-000000000000' }))).body.error.field).toBe('vendorId');
    expect((await security.patch(`/api/security-systems/${ids.camera}`, { areaId: area.library })).body.error.field).toBe('areaId');
    expect(await count()).toBe(before);
  });
});

describe('outages', () => {
  it('lets staff report an outage: the status changes and a work order opens, in one go', async () => {
    const staff = await w.as('staff.north');
    const res = await staff.post(`/api/security-systems/${ids.camera}/outages`, { status: 'offline', description: 'Screen is black since the storm' });
    expect(res.status).toBe(201);
    expect(res.body.system).toMatchObject({ status: 'offline', openWorkOrder: { id: res.body.workOrder.id } });
    expect(res.body.workOrder.created).toBe(true);
    ids.order = res.body.workOrder.id;
    const [order] = await w.t.db.select().from(workOrders).where(eq(workOrders.id, ids.order!));
    expect(order).toMatchObject({ source: 'security_outage', sourceId: ids.camera, priority: 'high', areaId: area.parking, status: 'open' });
    expect((await auditOf(w.t.db, 'security_system.outage_reported', ids.camera))[0]!.detail).toMatchObject({ previousStatus: 'working', status: 'offline' });
  });

  it('adds a second report to the open work order instead of opening another', async () => {
    const res = await (await w.as('staff2.north')).post(`/api/security-systems/${ids.camera}/outages`, { status: 'offline', description: 'Still dark' });
    expect(res.body.workOrder).toEqual({ id: ids.order, number: expect.any(String), created: false });
    expect((await w.t.db.select().from(workOrders).where(eq(workOrders.sourceId, ids.camera!)))).toHaveLength(1);
  });

  it('does not let staff edit the registry or set a status, nor report for another school', async () => {
    const staff = await w.as('staff.north');
    expect((await staff.patch(`/api/security-systems/${ids.camera}`, { name: 'Renamed' })).status).toBe(403);
    expect((await staff.post('/api/security-systems', camera())).status).toBe(403);
    expect((await staff.post(`/api/security-systems/${ids.camera}/status`, { status: 'working' })).status).toBe(403);
    expect((await (await w.as('staff.east')).post(`/api/security-systems/${ids.door}/outages`, { status: 'offline', description: 'x' })).status).toBe(404);
    expect((await (await w.as('counselor.north')).post(`/api/security-systems/${ids.door}/outages`, { status: 'offline', description: 'x' })).status).toBe(403);
    expect((await staff.get(`/api/security-systems/${ids.camera}`)).body.name).toBe('Camera 12, east parking');
  });

  it('shows the outage in the school\'s status at a glance and in the district overview', async () => {
    await (await w.as('security.north')).post(`/api/security-systems/${ids.door}/outages`, { status: 'degraded', description: 'Badge reader slow' });
    const glance = (await (await w.as('principal.north')).get(`/api/security-systems/glance?schoolId=${w.north.id}`)).body;
    expect(glance).toMatchObject({ total: 3, byStatus: { working: 1, degraded: 1, offline: 1 } });
    expect(glance.byKind).toEqual([
      { kind: 'camera', working: 0, degraded: 0, offline: 1 }, { kind: 'door_access', working: 0, degraded: 1, offline: 0 },
      { kind: 'alarm_panel', working: 1, degraded: 0, offline: 0 },
    ]);
    expect(glance.down.map((s: { id: string }) => s.id)).toEqual([ids.camera, ids.door]);
    const district = (await (await w.as('director')).get('/api/security-systems/district')).body.schools;
    expect(district[0]).toMatchObject({ school: { id: w.north.id }, total: 3, working: 1, degraded: 1, offline: 1, openOutageWorkOrders: 2 });
    expect(district[1]).toMatchObject({ school: { id: w.east.id }, total: 0, openOutageWorkOrders: 0, oldestOutageSince: null });
    expect((await (await w.as('principal.east')).get(`/api/security-systems/glance?schoolId=${w.north.id}`)).status).toBe(404);
    expect((await (await w.as('principal.east')).get('/api/security-systems/district')).body.schools.map((s: { school: { id: string } }) => s.school.id)).toEqual([w.east.id]);
  });

  it('records a restore in the history without closing the work order', async () => {
    const res = await (await w.as('security.north')).post(`/api/security-systems/${ids.camera}/status`, { status: 'working', note: 'Power supply replaced' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'working', openWorkOrder: { id: ids.order } });
    expect(res.body.history.map((h: { kind: string; status: string; previousStatus: string }) => [h.kind, h.previousStatus, h.status])).toEqual([
      ['change', 'offline', 'working'], ['outage', 'offline', 'offline'], ['outage', 'working', 'offline'],
    ]);
    const [order] = await w.t.db.select().from(workOrders).where(eq(workOrders.id, ids.order!));
    expect(order!.status).toBe('open');
  });
});

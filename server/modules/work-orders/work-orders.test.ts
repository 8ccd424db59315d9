import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campusAreas, workOrders } from '../../db/schema/index.js';
import { auditOf, startWorld, type World } from '../drills/drills.test-support.js';
import { createWorkOrder } from './work-orders.service.js';

// The clock reads 2025-11-10.
let w: World;
const ids: Record<string, string> = {};
beforeAll(async () => {
  w = await startWorld();
  const [gym, library] = await w.t.db.insert(campusAreas).values([
    { schoolId: w.north.id, kind: 'building', name: 'Gym' }, { schoolId: w.east.id, kind: 'room', name: 'Library' },
  ]).returning();
  ids.gym = gym!.id;
  ids.library = library!.id;
  const supervisor = await w.as('supervisor');
  ids.vendor = (await supervisor.post('/api/directory', { name: 'Acme Door & Lock', kind: 'maintenance_vendor', email: 'service@acme.test' })).body.id;
  ids.counselingVendor = (await supervisor.post('/api/directory', { name: 'Helping Hands', kind: 'mental_health_vendor' })).body.id;
}, 60_000);
afterAll(async () => w?.t.close());

const order = (extra: Record<string, unknown> = {}) => ({ schoolId: w.north.id, areaId: ids.gym, title: 'Gym side door does not latch', ...extra });

describe('work orders', () => {
  it('lets an administrator request one: numbered, due by its priority, audited', async () => {
    const principal = await w.as('principal.north');
    const res = await principal.post('/api/work-orders', order({ priority: 'high' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      number: 'WO-2025-00001', status: 'open', source: 'manual', priority: 'high', dueOn: '2025-11-13', overdue: false,
      area: { name: 'Gym' }, ownerKind: 'district_maintenance', vendor: null, notes: [],
    });
    ids.door = res.body.id;
    expect((await auditOf(w.t.db, 'work_order.created', ids.door))[0]!.detail).toMatchObject({ number: 'WO-2025-00001', source: 'manual' });
  });

  it('answers 400 naming the field for an area of another school, a vendor owner without a vendor, a vendor of the wrong kind; nothing written', async () => {
    const principal = await w.as('principal.north');
    expect((await principal.post('/api/work-orders', order({ areaId: ids.library }))).body.error.field).toBe('areaId');
    expect((await principal.post('/api/work-orders', order({ ownerKind: 'vendor' }))).body.error.field).toBe('vendorId');
    expect((await principal.post('/api/work-orders', order({ ownerKind: 'vendor', vendorId: ids.counselingVendor }))).body.error.field).toBe('vendorId');
    expect((await principal.post('/api/work-orders', order({ priority: 'whenever' }))).body.error.field).toBe('priority');
    expect((await principal.post('/api/work-orders', order({ dueOn: '11/20/2025' }))).body.error.field).toBe('dueOn');
    expect(await w.t.db.$count(workOrders)).toBe(1);
  });

  it('hands it to a vendor, takes notes, and closes it only with closure notes; overdue ones stand out', async () => {
    const security = await w.as('security.north');
    const assigned = await security.patch(`/api/work-orders/${ids.door}`, { ownerKind: 'vendor', vendorId: ids.vendor, status: 'in_progress' });
    expect(assigned.body).toMatchObject({ vendor: { name: 'Acme Door & Lock' }, status: 'in_progress' });
    expect((await security.post(`/api/work-orders/${ids.door}/notes`, { text: 'Vendor visit booked for Thursday' })).body.notes).toMatchObject([{ text: 'Vendor visit booked for Thursday', by: { name: 'security.north' } }]);
    const noNotes = await security.patch(`/api/work-orders/${ids.door}`, { status: 'completed' });
    expect(noNotes.status).toBe(400);
    expect(noNotes.body.error.field).toBe('closureNotes');
    const late = (await security.post('/api/work-orders', order({ title: 'Camera 4 offline', dueOn: '2025-11-01' }))).body;
    expect(late.overdue).toBe(true);
    expect((await security.get('/api/work-orders?overdue=true')).body.items.map((o: { id: string }) => o.id)).toEqual([late.id]);
    const closed = await security.patch(`/api/work-orders/${ids.door}`, { status: 'completed', closureNotes: 'Strike plate replaced' });
    expect(closed.body).toMatchObject({ status: 'completed', closureNotes: 'Strike plate replaced', overdue: false });
    expect(closed.body.closedAt).toBeTruthy();
    expect((await security.get('/api/work-orders')).body.items.map((o: { id: string }) => o.id)).toEqual([late.id]);
    expect((await security.get('/api/work-orders?status=completed')).body.items.map((o: { id: string }) => o.id)).toEqual([ids.door]);
    const events = await auditOf(w.t.db, 'work_order.updated', ids.door);
    expect(events.at(-1)!.detail).toMatchObject({ status: 'completed' });
  });

  it('opens one from another module inside its transaction, and a rollback leaves none', async () => {
    const ctx = { db: w.t.db, actor: { userId: w.ids['sro.north']!, districtId: w.districtId, name: 'sro.north', email: 'sro.north@prep.test', grants: [] }, clock: { now: () => new Date('2025-11-10T15:00:00Z') }, requestId: 'test' };
    const before = await w.t.db.$count(workOrders);
    await expect(w.t.db.transaction(async (tx) => {
      await createWorkOrder(tx, ctx as never, { schoolId: w.north.id, title: 'Gate chain cut', source: 'patrol_check', sourceId: ids.gym! });
      throw new Error('the check run failed later');
    })).rejects.toThrow('the check run failed later');
    expect(await w.t.db.$count(workOrders)).toBe(before);
    const made = await w.t.db.transaction((tx) => createWorkOrder(tx, ctx as never, { schoolId: w.north.id, title: 'Gate chain cut', source: 'patrol_check', sourceId: ids.gym!, priority: 'urgent' }));
    const sro = await w.as('sro.north');
    const listed = (await sro.get(`/api/work-orders?source=patrol_check&sourceId=${ids.gym}`)).body.items;
    expect(listed).toMatchObject([{ id: made.id, number: made.number, dueOn: '2025-11-11', createdBy: { name: 'sro.north' } }]);
  });

  it('keeps work orders to their schools: another school reads them as absent, and only managers change them', async () => {
    const east = await w.as('principal.east');
    expect((await east.get(`/api/work-orders/${ids.door}`)).status).toBe(404);
    expect((await east.patch(`/api/work-orders/${ids.door}`, { priority: 'low' })).status).toBe(404);
    expect((await east.get('/api/work-orders?status=completed')).body.items).toEqual([]);
    expect((await east.post('/api/work-orders', order())).status).toBe(404);
    const sro = await w.as('sro.north');
    expect((await sro.get(`/api/work-orders/${ids.door}`)).status).toBe(200);
    expect((await sro.patch(`/api/work-orders/${ids.door}`, { priority: 'low' })).status).toBe(403);
    for (const who of ['counselor.north', 'staff.north']) {
      expect((await (await w.as(who)).get('/api/work-orders')).status, who).toBe(403);
    }
    expect((await (await w.as('outsider')).get(`/api/work-orders/${ids.door}`)).status).toBe(404);
  });
});

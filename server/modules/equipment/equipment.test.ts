import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campusAreas, equipmentItems, workOrders } from '../../db/schema/index.js';
import { startSmtpServer, type TestSmtpServer } from '../../test/smtp.js';
import { auditOf, startWorld, type World } from '../drills/drills.test-support.js';
import { findMail } from '../outbox/outbox.repository.js';
import { refreshDueDays } from './equipment.repository.js';

// The clock reads 2025-11-10. An AED added today is first due for inspection 30 days later (2025-12-10).
let w: World;
let smtp: TestSmtpServer;
const area: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  smtp = await startSmtpServer();
  w = await startWorld({ smtpUrl: smtp.url });
  const rows = await w.t.db.insert(campusAreas).values([
    { schoolId: w.north.id, kind: 'building', name: 'Gym' }, { schoolId: w.north.id, kind: 'building', name: 'Main office' },
    { schoolId: w.east.id, kind: 'building', name: 'Library' },
  ]).returning();
  [area.gym, area.office, area.library] = rows.map((r) => r.id) as [string, string, string];
}, 60_000);
afterAll(async () => {
  await w?.t.close();
  await smtp?.close();
});

const count = async () => Number((await w.t.db.select({ n: sql<number>`count(*)::int` }).from(equipmentItems))[0]!.n);
const aed = (extra: Record<string, unknown> = {}) => ({
  schoolId: w.north.id, areaId: area.gym, type: 'aed', name: 'AED by the gym doors', make: 'Zoll', model: 'AED Plus',
  serialNumber: 'X1001', purchasedOn: '2023-01-15', padsExpireOn: '2025-12-01', batteryExpiresOn: '2027-01-15', ...extra,
});
const aedAnswers = (fail: string[] = []) => ['status_light', 'pads_in_date', 'battery_in_date', 'rescue_kit', 'cabinet_alarm']
  .map((key) => ({ key, passed: !fail.includes(key), note: fail.includes(key) ? 'checked' : null }));

describe('inventory', () => {
  it('adds an item with its area and owner; the earliest part expiry and the first inspection stand out', async () => {
    const res = await (await w.as('principal.north')).post('/api/equipment', aed({ ownerId: w.ids['security.north'] }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      area: { id: area.gym, name: 'Gym' }, owner: { name: 'security.north' }, nextInspectionOn: '2025-12-10', inspectionState: 'due',
      nextExpiry: { field: 'padsExpireOn', on: '2025-12-01' }, expiryState: 'within_30', condition: 'good',
    });
    ids.aed = res.body.id;
    expect((await auditOf(w.t.db, 'equipment.created', ids.aed))).toHaveLength(1);
  });

  it('answers 400 naming the field for an expiry before the purchase, an area of another school or an unknown one; nothing written', async () => {
    const principal = await w.as('principal.north');
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ padsExpireOn: '2022-12-31' }, 'padsExpireOn'], [{ batteryExpiresOn: '2020-01-01' }, 'batteryExpiresOn'],
      [{ type: 'naloxone', expiresOn: '2023-01-01' }, 'expiresOn'], [{ areaId: area.library }, 'areaId'],
      [{ areaId: '00000000-0000-4000-8000-000000000000' }, 'areaId'], [{ type: 'defibrillator' }, 'type'], [{ purchasedOn: '2025-13-01' }, 'purchasedOn'],
      [{ ownerId: w.ids.outsider }, 'ownerId'],
    ];
    for (const [extra, field] of cases) {
      const res = await principal.post('/api/equipment', aed(extra));
      expect(res.status, field).toBe(400);
      expect(res.body.error.field, field).toBe(field);
    }
    expect((await principal.patch(`/api/equipment/${ids.aed}`, { padsExpireOn: '2020-01-01' })).body.error.field).toBe('padsExpireOn');
    expect(await count()).toBe(before);
  });

  it('keeps the inventory to the schools of each user: another school\'s item reads as absent, staff are refused', async () => {
    expect((await (await w.as('principal.east')).get(`/api/equipment/${ids.aed}`)).status).toBe(404);
    expect((await (await w.as('principal.east')).patch(`/api/equipment/${ids.aed}`, { name: 'Mine' })).status).toBe(404);
    expect((await (await w.as('principal.east')).post('/api/equipment', aed())).status).toBe(404);
    expect((await (await w.as('staff.north')).get('/api/equipment')).status).toBe(403);
    expect((await (await w.as('counselor.north')).get(`/api/equipment/${ids.aed}`)).status).toBe(403);
    expect((await (await w.as('sro.north')).get('/api/equipment')).body.items.map((i: { id: string }) => i.id)).toEqual([ids.aed]);
    expect((await (await w.as('sro.east')).get('/api/equipment')).body).toEqual({ items: [], total: 0 });
  });
});

describe('inspections', () => {
  it('moves the schedule on a passed inspection', async () => {
    const security = await w.as('security.north');
    const res = await security.post(`/api/equipment/${ids.aed}/inspections`, { inspectedOn: '2025-11-08', results: aedAnswers() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ passed: true, workOrder: null, inspector: { name: 'security.north' } });
    expect(res.body.results[0]).toEqual({ key: 'status_light', label: 'Status light green', passed: true, note: null });
    const item = (await security.get(`/api/equipment/${ids.aed}`)).body;
    expect(item).toMatchObject({ lastInspectedOn: '2025-11-08', lastInspectionPassed: true, nextInspectionOn: '2025-12-08' });
    expect(item.inspections).toHaveLength(1);
  });

  it('opens a work order in the same transaction when an inspection fails', async () => {
    const security = await w.as('security.north');
    const res = await security.post(`/api/equipment/${ids.aed}/inspections`, { inspectedOn: '2025-11-10', results: aedAnswers(['pads_in_date']), condition: 'fair' });
    expect(res.status).toBe(201);
    expect(res.body.passed).toBe(false);
    expect(res.body.workOrder.number).toMatch(/^WO-2025-\d+$/);
    const [order] = await w.t.db.select().from(workOrders).where(eq(workOrders.id, res.body.workOrder.id));
    expect(order).toMatchObject({ source: 'equipment_inspection', sourceId: res.body.id, schoolId: w.north.id, areaId: area.gym, priority: 'high' });
    expect(order!.description).toContain('Pads in date (checked)');
    expect((await security.get(`/api/equipment/${ids.aed}`)).body).toMatchObject({
      lastInspectionPassed: false, recordedCondition: 'fair', condition: 'poor', conditionReasons: ['Last inspection failed'], nextInspectionOn: '2025-12-10',
    });
  });

  it('answers 400 naming the answer for a checklist not answered in full, a key of another type or a future day; nothing written', async () => {
    const security = await w.as('security.north');
    const orders = (await w.t.db.select().from(workOrders)).length;
    const res = (body: Record<string, unknown>) => security.post(`/api/equipment/${ids.aed}/inspections`, { inspectedOn: '2025-11-10', results: aedAnswers(['rescue_kit']), ...body });
    expect((await res({ results: aedAnswers().slice(1) })).body.error.field).toBe('results');
    expect((await res({ results: [...aedAnswers(), { key: 'pressure_green', passed: true }] })).body.error.field).toBe('results.5.key');
    expect((await res({ results: [...aedAnswers(), aedAnswers()[0]] })).body.error.field).toBe('results.5.key');
    expect((await res({ inspectedOn: '2025-11-11' })).body.error.field).toBe('inspectedOn');
    expect((await w.t.db.select().from(workOrders)).length).toBe(orders);
    expect((await security.get(`/api/equipment/${ids.aed}`)).body.inspections).toHaveLength(2);
  });

  it('refuses an inspection of an item of another school (404) and to roles that only read (403)', async () => {
    expect((await (await w.as('principal.east')).post(`/api/equipment/${ids.aed}/inspections`, { inspectedOn: '2025-11-10', results: aedAnswers() })).status).toBe(404);
    expect((await (await w.as('sro.north')).post(`/api/equipment/${ids.aed}/inspections`, { inspectedOn: '2025-11-10', results: aedAnswers() })).status).toBe(403);
  });
});

describe('due lists and the district view', () => {
  beforeAll(async () => {
    const principal = await w.as('principal.east');
    const add = async (body: Record<string, unknown>) => (await principal.post('/api/equipment', { schoolId: w.east.id, ...body })).body.id as string;
    ids.naloxone = await add({ type: 'naloxone', name: 'Narcan, nurse office', purchasedOn: '2024-01-01', expiresOn: '2025-11-01' });
    ids.kit = await add({ type: 'bleeding_control_kit', name: 'Stop the Bleed, library', areaId: area.library, expiresOn: '2026-01-05' });
    ids.radio = await add({ type: 'radio', name: 'Radio 4', condition: 'out_of_service' });
    // An extinguisher last inspected in September: its 30-day interval has run out.
    await w.t.db.update(equipmentItems).set({ lastInspectedOn: '2025-09-01', nextInspectionOn: '2025-10-01' }).where(eq(equipmentItems.id, ids.radio!));
    // Written behind the service's back, so the due-view summary is rebuilt as the daily sweep would.
    await refreshDueDays(w.t.db, w.districtId, [w.east.id], '2025-11-10');
  });

  it('filters the inventory by what stands out', async () => {
    const principal = await w.as('principal.east');
    const names = async (filter: string) => (await principal.get(`/api/equipment?filter=${filter}`)).body.items.map((i: { id: string }) => i.id);
    expect(await names('overdue')).toEqual([ids.radio]);
    expect(await names('expired')).toEqual([ids.naloxone]);
    expect(await names('expiring')).toEqual([ids.kit]);
    // The kit's 90-day interval runs to February: not due.
    expect((await names('due')).sort()).toEqual([ids.naloxone, ids.radio].sort());
  });

  it('counts due and overdue per school for the district, and only their own for a school administrator', async () => {
    const all = (await (await w.as('director')).get('/api/equipment/district-due')).body;
    expect(all.asOf).toBe('2025-11-10');
    expect(all.schools).toEqual([
      { school: { id: w.east.id, name: 'East Elementary' }, items: 3, inspectionsOverdue: 1, inspectionsDue30: 1, expired: 1, expiring30: 0, expiring60: 1, outOfService: 1 },
      { school: { id: w.north.id, name: 'North High' }, items: 1, inspectionsOverdue: 0, inspectionsDue30: 1, expired: 0, expiring30: 1, expiring60: 0, outOfService: 0 },
    ]);
    const mine = (await (await w.as('principal.east')).get('/api/equipment/district-due')).body;
    expect(mine.schools.map((s: { school: { id: string } }) => s.school.id)).toEqual([w.east.id]);
  });

  it('tells the owner, or without one the school\'s equipment managers, once per item and date', async () => {
    const run = await (await w.as('director')).post('/api/equipment-notices/run');
    expect(run.body.created).toBe(4);
    const owner = await smtp.waitFor('security.north@prep.test');
    expect(owner.subject).toBe('Safety equipment needs attention at North High (1)');
    expect(owner.text).toContain('AED "AED by the gym doors" (serial X1001): pads expire on 2025-12-01');
    const manager = await smtp.waitFor('principal.east@prep.test');
    expect(manager.text).toContain('Naloxone "Narcan, nurse office": item expired on 2025-11-01');
    expect(manager.text).toContain('Radio "Radio 4": inspection overdue since 2025-10-01');
    expect((await findMail(w.t.db, 'equipment.notice')).map((m) => m.toAddress).sort()).toEqual(['principal.east@prep.test', 'security.north@prep.test']);
    expect((await (await w.as('director')).post('/api/equipment-notices/run')).body.created).toBe(0);
    expect((await (await w.as('principal.east')).post('/api/equipment-notices/run')).status).toBe(403);
  });
});

describe('CSV', () => {
  const header = 'type,name,area,serialNumber,purchasedOn,padsExpireOn,ownerEmail';

  it('imports nothing from a file with a bad line and names every line and field (dry run) or the first (400)', async () => {
    const principal = await w.as('principal.north');
    const before = await count();
    const csv = `${header}\r\naed,AED hall B,Gym,A-2,2024-02-01,2026-02-01,security.north@prep.test\r\nfirst_aid_kit,Kit 3,Pool,,,,\r\naed,"AED, office",Main office,A-3,2024-02-01,2023-02-01,\r\nlaser,Laser,,,,,nobody@prep.test\r\n`;
    const dry = await principal.post(`/api/equipment/import?schoolId=${w.north.id}&dryRun=true`, csv, { 'content-type': 'text/csv' });
    expect(dry.status).toBe(200);
    expect(dry.body).toEqual({ imported: 0, errors: [
      { line: 3, field: 'area', message: 'no campus area "Pool" at the school' },
      { line: 4, field: 'padsExpireOn', message: 'is before the purchase date' },
      { line: 5, field: 'ownerEmail', message: 'no active user nobody@prep.test in the district' },
      { line: 5, field: 'type', message: expect.any(String) },
    ] });
    const real = await principal.post(`/api/equipment/import?schoolId=${w.north.id}`, csv, { 'content-type': 'text/csv' });
    expect(real.status).toBe(400);
    expect(real.body.error).toMatchObject({ code: 'validation_failed', field: 'area' });
    expect(real.body.error.message).toContain('line 4: padsExpireOn: is before the purchase date');
    const badHeader = await principal.post(`/api/equipment/import?schoolId=${w.north.id}`, 'kind,name\r\naed,X\r\n', { 'content-type': 'text/csv' });
    expect(badHeader.body.error.message).toContain('line 1: kind: unknown column');
    expect(await count()).toBe(before);
  });

  it('imports a good file all at once and exports the inventory as CSV (audited)', async () => {
    const principal = await w.as('principal.north');
    const csv = `\uFEFF${header}\naed,AED hall B,gym,A-2,2024-02-01,2026-02-01,SECURITY.north@prep.test\nfirst_aid_kit,"Kit ""3""",,,,,\n`;
    const before = await count();
    expect((await principal.post(`/api/equipment/import?schoolId=${w.north.id}&dryRun=true`, csv, { 'content-type': 'text/csv' })).body).toEqual({ imported: 2, errors: [] });
    expect(await count()).toBe(before);
    const res = await principal.post(`/api/equipment/import?schoolId=${w.north.id}`, csv, { 'content-type': 'text/csv' });
    expect(res.body).toEqual({ imported: 2, errors: [] });
    expect(await count()).toBe(before + 2);
    expect((await auditOf(w.t.db, 'equipment.imported', w.north.id))[0]!.detail).toEqual({ count: 2 });
    expect((await principal.post(`/api/equipment/import?schoolId=${w.east.id}`, csv, { 'content-type': 'text/csv' })).status).toBe(404);
    const out = await principal.get(`/api/equipment/export.csv?schoolId=${w.north.id}&type=aed`);
    expect(out.headers['content-type']).toContain('text/csv');
    const lines = out.text.trim().split('\r\n');
    expect(out.text.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('type,name,area,make,model,serialNumber,purchasedOn,padsExpireOn,batteryExpiresOn,expiresOn,condition,ownerEmail,notes,school,lastInspectedOn,nextInspectionOn,retired');
    expect(lines).toContain('aed,AED hall B,Gym,,,A-2,2024-02-01,2026-02-01,,,good,security.north@prep.test,,North High,,2025-12-10,false');
    expect(lines).toHaveLength(3);
    expect((await (await w.as('principal.north')).get('/api/equipment?q=kit%20%223')).body.items[0].name).toBe('Kit "3"');
    expect(await auditOf(w.t.db, 'equipment.exported')).toHaveLength(1);
  });
});

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, campusAreas } from '../../db/schema/index.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { createDistrict, createSchool, createUser } from '../../test/fixtures.js';

// Campus areas: create/update with validation, hierarchy, scope, permissions and audit.
let t: TestApp;
let north: { id: string };
let south: { id: string };
let foreign: { id: string };
const as: Record<string, TestClient> = {};

async function audit(type: string, subjectId: string) {
  return t.db.select().from(auditEvents).where(and(eq(auditEvents.eventType, type), eq(auditEvents.subjectId, subjectId)));
}

beforeAll(async () => {
  t = await createTestApp();
  const districtId = (await createDistrict(t.database)).id;
  north = await createSchool(t.database, { districtId, name: 'North High' });
  south = await createSchool(t.database, { districtId, name: 'South High' });
  const otherId = (await createDistrict(t.database)).id;
  foreign = await createSchool(t.database, { districtId: otherId, name: 'Elsewhere High' });
  await createUser(t.database, { email: 'outsider@other.test', districtId: otherId, grants: [{ role: 'sysadmin', schoolId: null }] });
  const people: [string, 'sysadmin' | 'school_admin' | 'security' | 'sro' | 'counselor' | 'staff', string | null][] = [
    ['sysadmin', 'sysadmin', null], ['principal.north', 'school_admin', north.id], ['principal.south', 'school_admin', south.id],
    ['security.north', 'security', north.id], ['sro.north', 'sro', north.id], ['teacher.north', 'staff', north.id],
  ];
  for (const [name, role, schoolId] of people) {
    await createUser(t.database, { email: `${name}@isd.test`, districtId, grants: [{ role, schoolId }] });
  }
  for (const name of [...people.map(([n]) => n)]) {
    as[name] = t.client();
    await as[name].signIn(`${name}@isd.test`);
  }
  as.outsider = t.client();
  await as.outsider.signIn('outsider@other.test');
}, 60_000);

afterAll(async () => t?.close());

const add = (who: string, schoolId: string, body: Record<string, unknown>) => as[who]!.post(`/api/schools/${schoolId}/areas`, body);

describe('campus areas', () => {
  it('lets a school administrator add areas to their school, nested under a building, audited', async () => {
    const building = await add('principal.north', north.id, { kind: 'building', name: 'Main Building', description: 'Front office' });
    expect(building.status).toBe(201);
    expect(building.body).toMatchObject({ schoolId: north.id, kind: 'building', name: 'Main Building', parentId: null, active: true });
    const room = await add('principal.north', north.id, { kind: 'room', name: 'Room 101', parentId: building.body.id });
    expect(room.body.parentId).toBe(building.body.id);
    expect(await audit('area.created', room.body.id)).toMatchObject([{ schoolId: north.id, detail: { name: 'Room 101' } }]);
    const list = await as['teacher.north']!.get(`/api/schools/${north.id}/areas`);
    expect(list.body.items.map((a: { name: string }) => a.name)).toEqual(['Main Building', 'Room 101']);
  });

  it('validates kind, name and parent, naming the field (400)', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'basement', name: 'B1' }, 'kind'], [{ kind: 'room', name: '' }, 'name'], [{ kind: 'room', name: 'x'.repeat(121) }, 'name'],
      [{ kind: 'room', name: 'R', parentId: 'nope' }, 'parentId'], [{ kind: 'room', name: 'R', floor: 2 }, 'floor'],
    ];
    for (const [body, field] of cases) {
      const res = await add('principal.north', north.id, body);
      expect(res.status, field).toBe(400);
      expect(res.body.error, field).toMatchObject({ code: 'validation_failed', field });
    }
    const southGym = await add('principal.south', south.id, { kind: 'building', name: 'Gym' });
    const crossed = await add('principal.north', north.id, { kind: 'room', name: 'Locker Room', parentId: southGym.body.id });
    expect(crossed.body.error).toMatchObject({ code: 'validation_failed', field: 'parentId' });
  });

  it('refuses a second area of the same name at a school (409 naming name); another school may reuse it', async () => {
    const first = await add('sysadmin', north.id, { kind: 'parking', name: 'Lot A' });
    expect(first.status).toBe(201);
    const dup = await add('sysadmin', north.id, { kind: 'parking', name: 'Lot A' });
    expect(dup.body.error).toMatchObject({ code: 'conflict', field: 'name' });
    expect((await add('sysadmin', south.id, { kind: 'parking', name: 'Lot A' })).status).toBe(201);
    const other = await add('sysadmin', north.id, { kind: 'field', name: 'Stadium' });
    const rename = await as.sysadmin!.patch(`/api/areas/${other.body.id}`, { name: 'Lot A' });
    expect(rename.body.error).toMatchObject({ code: 'conflict', field: 'name' });
  });

  it('changes an area, audited; refuses to make it its own ancestor', async () => {
    const wing = await add('principal.north', north.id, { kind: 'building', name: 'East Wing' });
    const floor = await add('principal.north', north.id, { kind: 'floor', name: 'East Wing 2F', parentId: wing.body.id });
    const room = await add('principal.north', north.id, { kind: 'room', name: 'Room 204', parentId: floor.body.id });
    const res = await as['principal.north']!.patch(`/api/areas/${room.body.id}`, { description: 'Science lab', active: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ description: 'Science lab', active: false });
    expect((await audit('area.updated', room.body.id))[0]!.detail).toEqual({ changed: ['description', 'active'] });

    for (const parentId of [wing.body.id, room.body.id]) {
      const loop = await as['principal.north']!.patch(`/api/areas/${wing.body.id}`, { parentId });
      expect(loop.body.error, parentId).toMatchObject({ code: 'validation_failed', field: 'parentId' });
    }
    const [row] = await t.db.select().from(campusAreas).where(eq(campusAreas.id, wing.body.id));
    expect(row!.parentId).toBeNull();
  });

  it('keeps areas to their schools: another school\'s or district\'s areas read as absent (404)', async () => {
    const gym = await add('principal.south', south.id, { kind: 'building', name: 'South Annex' });
    expect((await add('principal.north', south.id, { kind: 'room', name: 'Sneaky' })).status).toBe(404);
    expect((await as['principal.north']!.patch(`/api/areas/${gym.body.id}`, { name: 'Renamed' })).status).toBe(404);
    expect((await as['principal.north']!.get(`/api/schools/${south.id}/areas`)).status).toBe(404);
    expect((await as.outsider!.patch(`/api/areas/${gym.body.id}`, { name: 'Renamed' })).status).toBe(404);
    expect((await as.outsider!.get(`/api/schools/${south.id}/areas`)).status).toBe(404);
    expect((await as.sysadmin!.post(`/api/schools/${foreign.id}/areas`, { kind: 'room', name: 'Sneaky' })).status).toBe(404);
    expect((await as.sysadmin!.patch('/api/areas/00000000-0000-4000-8000-000000000000', { name: 'X' })).status).toBe(404);
    const [row] = await t.db.select().from(campusAreas).where(eq(campusAreas.id, gym.body.id));
    expect(row!.name).toBe('South Annex');
  });

  it('refuses roles without area.manage (403) but lets them read', async () => {
    const [area] = await t.db.select().from(campusAreas).where(eq(campusAreas.schoolId, north.id)).limit(1);
    for (const who of ['security.north', 'sro.north', 'teacher.north']) {
      expect((await add(who, north.id, { kind: 'room', name: `By ${who}` })).status, who).toBe(403);
      expect((await as[who]!.patch(`/api/areas/${area!.id}`, { name: `By ${who}` })).status, who).toBe(403);
      expect((await as[who]!.get(`/api/schools/${north.id}/areas`)).status, who).toBe(200);
    }
    const names = (await t.db.select().from(campusAreas)).map((a) => a.name);
    expect(names.filter((n) => n.startsWith('By '))).toEqual([]);
  });
});

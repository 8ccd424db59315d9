import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, schoolFeeders, schools } from '../../db/schema/index.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { createDistrict, createSchool, createUser } from '../../test/fixtures.js';

// Schools and feeder relations: validation, NCES id conflicts, scope, permissions and audit. Areas: schools.areas.test.ts.
let t: TestApp;
let districtId: string;
let north: { id: string; ncesId: string };
let south: { id: string };
let east: { id: string };
let foreign: { id: string; ncesId: string };
const as: Record<string, TestClient> = {};
let nces = 480_000_000_000 + Math.floor(Math.random() * 9_000_000) * 1000;

const newSchool = (extra: Record<string, unknown> = {}) => ({
  ncesId: String(nces++), name: 'West Middle School', level: 'middle', gradeLow: 6, gradeHigh: 8,
  street: '9 Oak Ave', city: 'Austin', state: 'TX', zip: '78702', phone: '512-555-0199', ...extra,
});

async function audit(type: string, subjectId: string) {
  return t.db.select().from(auditEvents)
    .where(and(eq(auditEvents.eventType, type), eq(auditEvents.subjectId, subjectId))).orderBy(auditEvents.id);
}

beforeAll(async () => {
  t = await createTestApp();
  districtId = (await createDistrict(t.database)).id;
  north = await createSchool(t.database, { districtId, name: 'North High' });
  south = await createSchool(t.database, { districtId, name: 'South Middle', level: 'middle', gradeLow: 6, gradeHigh: 8 });
  east = await createSchool(t.database, { districtId, name: 'East Elementary', level: 'elementary', gradeLow: 0, gradeHigh: 5 });
  const other = await createDistrict(t.database);
  foreign = await createSchool(t.database, { districtId: other.id, name: 'Elsewhere High' });
  const people: [string, 'sysadmin' | 'director' | 'school_admin' | 'sro' | 'staff' | 'supervisor', string | null][] = [
    ['sysadmin', 'sysadmin', null], ['director', 'director', null], ['it.north', 'sysadmin', north.id],
    ['principal.north', 'school_admin', north.id], ['sro.north', 'sro', north.id], ['teacher.south', 'staff', south.id],
    ['supervisor', 'supervisor', null],
  ];
  for (const [name, role, schoolId] of people) {
    await createUser(t.database, { email: `${name}@isd.test`, districtId, grants: [{ role, schoolId }] });
    as[name] = t.client();
    await as[name].signIn(`${name}@isd.test`);
  }
}, 60_000);

afterAll(async () => t?.close());

describe('listing and reading schools', () => {
  it('shows district-wide roles every school of their district, none of another', async () => {
    const res = await as.director!.get('/api/schools');
    expect(res.status).toBe(200);
    expect(res.body.items.map((s: { name: string }) => s.name)).toEqual(['East Elementary', 'North High', 'South Middle']);
    expect((await as.director!.get('/api/schools?level=middle')).body.items.map((s: { id: string }) => s.id)).toEqual([south.id]);
    expect((await as.director!.get('/api/schools?q=east')).body.items).toHaveLength(1);
  });

  it('shows a school administrator only their school; another school reads as absent (404)', async () => {
    const res = await as['principal.north']!.get('/api/schools');
    expect(res.body.items.map((s: { id: string }) => s.id)).toEqual([north.id]);
    expect((await as['principal.north']!.get(`/api/schools/${north.id}`)).status).toBe(200);
    for (const id of [south.id, foreign.id, '00000000-0000-4000-8000-000000000000']) {
      const denied = await as['principal.north']!.get(`/api/schools/${id}`);
      expect(denied.status).toBe(404);
      expect(denied.body.error).toEqual({ code: 'not_found', message: 'School not found' });
    }
    expect((await as['principal.north']!.get(`/api/schools/${south.id}/feeders`)).status).toBe(404);
  });

  it('answers 404 for another district\'s school even to a district-wide role', async () => {
    expect((await as.sysadmin!.get(`/api/schools/${foreign.id}`)).status).toBe(404);
    expect((await as.sysadmin!.patch(`/api/schools/${foreign.id}`, { name: 'Taken Over High' })).status).toBe(404);
    expect((await t.db.select().from(schools).where(eq(schools.id, foreign.id)))[0]!.name).toBe('Elsewhere High');
  });

  it('audits a full read of a school', async () => {
    const res = await as['sro.north']!.get(`/api/schools/${north.id}`);
    expect(res.body).toMatchObject({ id: north.id, name: 'North High', level: 'high', gradeLow: 9, gradeHigh: 12 });
    expect(await audit('school.viewed', north.id)).toContainEqual(expect.objectContaining({ schoolId: north.id, actorLabel: 'sro.north@isd.test' }));
  });

  it('refuses a malformed id (400) and unknown query fields', async () => {
    const bad = await as.director!.get('/api/schools/not-a-uuid');
    expect(bad.body.error).toMatchObject({ code: 'validation_failed', field: 'id' });
    expect((await as.director!.get('/api/schools?colour=red')).status).toBe(400);
  });
});

describe('creating and changing schools', () => {
  it('lets a district-wide system administrator add a school, audited', async () => {
    const res = await as.sysadmin!.post('/api/schools', newSchool({ name: '  West Middle School ', principalName: 'Pat Lee' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ districtId, name: 'West Middle School', active: true, principalName: 'Pat Lee' });
    expect(await audit('school.created', res.body.id)).toMatchObject([{ schoolId: res.body.id, detail: { name: 'West Middle School' } }]);
  });

  it('validates each field and names it (400)', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ncesId: '12345' }, 'ncesId'], [{ name: 'X' }, 'name'], [{ level: 'college' }, 'level'],
      [{ gradeLow: 13 }, 'gradeLow'], [{ gradeLow: 9, gradeHigh: 6 }, 'gradeLow'], [{ state: 'Texas' }, 'state'],
      [{ zip: '7870' }, 'zip'], [{ gradeHigh: '8' }, 'gradeHigh'], [{ mascot: 'Owls' }, 'mascot'],
    ];
    for (const [extra, field] of cases) {
      const res = await as.sysadmin!.post('/api/schools', newSchool(extra));
      expect(res.status, field).toBe(400);
      expect(res.body.error, field).toMatchObject({ code: 'validation_failed', field });
    }
    const { phone: _phone, ...missing } = newSchool();
    expect((await as.sysadmin!.post('/api/schools', missing)).body.error.field).toBe('phone');
  });

  it('refuses a second school with the same NCES id (409 naming ncesId), also across districts', async () => {
    for (const ncesId of [north.ncesId, foreign.ncesId]) {
      const res = await as.sysadmin!.post('/api/schools', newSchool({ ncesId }));
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'conflict', field: 'ncesId' });
    }
    const clash = await as.sysadmin!.patch(`/api/schools/${south.id}`, { ncesId: north.ncesId });
    expect(clash.body.error).toMatchObject({ code: 'conflict', field: 'ncesId' });
  });

  it('changes a school, checking the grade span against the stored one, and audits the changed fields', async () => {
    const backwards = await as.director!.patch(`/api/schools/${east.id}`, { gradeLow: 6 });
    expect(backwards.body.error).toMatchObject({ code: 'validation_failed', field: 'gradeLow' });
    const res = await as.director!.patch(`/api/schools/${east.id}`, { gradeLow: -1, phone: '512-555-0111', name: 'East Elementary' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ gradeLow: -1, phone: '512-555-0111' });
    const events = await audit('school.updated', east.id);
    expect(events.at(-1)!.detail).toEqual({ changed: ['gradeLow', 'phone'] });
  });

  it('lets a school-scoped system administrator change their school only, and add none', async () => {
    expect((await as['it.north']!.patch(`/api/schools/${north.id}`, { principalName: 'Dr. Ada Park' })).status).toBe(200);
    expect((await as['it.north']!.patch(`/api/schools/${south.id}`, { principalName: 'Nobody' })).status).toBe(404);
    expect((await as['it.north']!.post('/api/schools', newSchool())).status).toBe(403);
  });

  it('refuses roles without school.manage (403) and writes nothing', async () => {
    for (const who of ['principal.north', 'sro.north', 'teacher.south', 'supervisor']) {
      expect((await as[who]!.post('/api/schools', newSchool({ name: `By ${who}` }))).status, who).toBe(403);
      expect((await as[who]!.patch(`/api/schools/${north.id}`, { name: 'Hijacked High' })).status, who).toBe(403);
      expect((await as[who]!.post(`/api/schools/${north.id}/feeders`, { feederSchoolId: south.id })).status, who).toBe(403);
    }
    const names = (await t.db.select({ name: schools.name }).from(schools)).map((s) => s.name);
    expect(names.filter((n) => n.startsWith('By ') || n === 'Hijacked High')).toEqual([]);
  });

  it('hides a deactivated school from the list unless asked', async () => {
    const made = await as.sysadmin!.post('/api/schools', newSchool({ name: 'Closed Academy' }));
    await as.sysadmin!.patch(`/api/schools/${made.body.id}`, { active: false });
    const ids = (q: string) => as.sysadmin!.get(`/api/schools${q}`).then((r) => r.body.items.map((s: { id: string }) => s.id));
    expect(await ids('')).not.toContain(made.body.id);
    expect(await ids('?includeInactive=true')).toContain(made.body.id);
  });
});

describe('feeder relations', () => {
  it('records, lists both ways and removes a feeder relation, audited', async () => {
    const added = await as.director!.post(`/api/schools/${north.id}/feeders`, { feederSchoolId: south.id });
    expect(added.status).toBe(200);
    expect(added.body.feeders).toEqual([{ id: south.id, name: 'South Middle', level: 'middle' }]);
    expect((await as['sro.north']!.get(`/api/schools/${north.id}/feeders`)).body.feeders).toHaveLength(1);
    expect((await as.director!.get(`/api/schools/${south.id}/feeders`)).body.feedsInto.map((s: { id: string }) => s.id)).toEqual([north.id]);
    expect(await audit('feeder.added', north.id)).toMatchObject([{ detail: { feederSchoolId: south.id } }]);

    const again = await as.director!.post(`/api/schools/${north.id}/feeders`, { feederSchoolId: south.id });
    expect(again.status).toBe(200);
    expect(await audit('feeder.added', north.id)).toHaveLength(1);

    const removed = await as.director!.delete(`/api/schools/${north.id}/feeders/${south.id}`);
    expect(removed.body.feeders).toEqual([]);
    expect(await audit('feeder.removed', north.id)).toHaveLength(1);
    expect((await as.director!.delete(`/api/schools/${north.id}/feeders/${south.id}`)).status).toBe(404);
  });

  it('refuses a school feeding itself, a loop of two, and a school of another district, naming feederSchoolId', async () => {
    const self = await as.director!.post(`/api/schools/${east.id}/feeders`, { feederSchoolId: east.id });
    expect(self.body.error).toMatchObject({ code: 'validation_failed', field: 'feederSchoolId' });
    expect((await as.director!.post(`/api/schools/${south.id}/feeders`, { feederSchoolId: east.id })).status).toBe(200);
    const loop = await as.director!.post(`/api/schools/${east.id}/feeders`, { feederSchoolId: south.id });
    expect(loop.body.error).toMatchObject({ code: 'conflict', field: 'feederSchoolId' });
    const abroad = await as.director!.post(`/api/schools/${east.id}/feeders`, { feederSchoolId: foreign.id });
    expect(abroad.body.error).toMatchObject({ code: 'validation_failed', field: 'feederSchoolId' });
    const rows = await t.db.select().from(schoolFeeders).where(eq(schoolFeeders.schoolId, east.id));
    expect(rows).toEqual([]);
  });
});

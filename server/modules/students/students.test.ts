import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, guardians, students } from '../../db/schema/index.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { createDistrict, createSchool, createUser } from '../../test/fixtures.js';

// The test clock reads 2026-11-02.
let t: TestApp;
let north: { id: string };
let south: { id: string };
let foreignSchool: { id: string };
const as: Record<string, TestClient> = {};

async function client(email: string): Promise<TestClient> {
  const c = t.client();
  await c.signIn(email);
  return c;
}

function studentBody(overrides: Record<string, unknown> = {}) {
  return {
    schoolId: north.id, studentNumber: `S${Math.floor(Math.random() * 1e9)}`, firstName: 'Maria', lastName: 'Garcia',
    grade: 10, dateOfBirth: '2010-04-12', sex: 'female', raceEthnicity: 'hispanic_latino', englishLearner: true, ...overrides,
  };
}

async function auditOf(type: string, subjectId?: string) {
  return t.db.select().from(auditEvents)
    .where(subjectId ? and(eq(auditEvents.eventType, type), eq(auditEvents.subjectId, subjectId)) : eq(auditEvents.eventType, type))
    .orderBy(auditEvents.id);
}

async function rowCount(table: typeof students | typeof auditEvents | typeof guardians) {
  const [row] = await t.db.select({ n: count() }).from(table);
  return row!.n;
}

beforeAll(async () => {
  t = await createTestApp();
  const district = await createDistrict(t.database);
  const other = await createDistrict(t.database);
  north = await createSchool(t.database, { districtId: district.id, name: 'North High', gradeLow: 9, gradeHigh: 12 });
  south = await createSchool(t.database, { districtId: district.id, name: 'South Middle', level: 'middle', gradeLow: 6, gradeHigh: 8 });
  foreignSchool = await createSchool(t.database, { districtId: other.id, name: 'Elsewhere High' });
  const people: [string, { role: 'sro' | 'school_admin' | 'counselor' | 'director' | 'sysadmin'; schoolId: string | null }[], string][] = [
    ['principal.north@isd.test', [{ role: 'school_admin', schoolId: north.id }], district.id],
    ['principal.south@isd.test', [{ role: 'school_admin', schoolId: south.id }], district.id],
    ['admin.both@isd.test', [{ role: 'school_admin', schoolId: north.id }, { role: 'school_admin', schoolId: south.id }], district.id],
    ['counselor.north@isd.test', [{ role: 'counselor', schoolId: north.id }], district.id],
    ['sro.north@isd.test', [{ role: 'sro', schoolId: north.id }], district.id],
    ['director@isd.test', [{ role: 'director', schoolId: null }], district.id],
    ['sysadmin@other.test', [{ role: 'sysadmin', schoolId: null }], other.id],
  ];
  for (const [email, grants, districtId] of people) await createUser(t.database, { email, grants, districtId });
  for (const [email] of people) as[email.split('@')[0]!] = await client(email);
}, 60_000);

afterAll(async () => t?.close());

describe('adding students', () => {
  it('a principal adds a student to their school and the creation is audited without the name', async () => {
    const res = await as['principal.north']!.post('/api/students', studentBody({ studentNumber: 'N-1001', middleName: 'Luisa' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      schoolId: north.id, schoolName: 'North High', studentNumber: 'N-1001', firstName: 'Maria', middleName: 'Luisa', lastName: 'Garcia',
      grade: 10, dateOfBirth: '2010-04-12', active: true, sex: 'female', englishLearner: true, idea: false, guardians: [],
    });
    const [event] = await auditOf('student.created', res.body.id);
    expect(event).toMatchObject({ schoolId: north.id, subjectType: 'student' });
    expect(JSON.stringify(event!.detail)).not.toContain('Garcia');
  });

  it('an invalid grade for the school answers 400 naming grade and writes nothing', async () => {
    const [studentsBefore, auditBefore] = [await rowCount(students), await rowCount(auditEvents)];
    const res = await as['principal.north']!.post('/api/students', studentBody({ grade: 7 }));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', field: 'grade' });
    expect(res.body.error.message).toContain('9 to 12');
    expect([await rowCount(students), await rowCount(auditEvents)]).toEqual([studentsBefore, auditBefore]);
  });

  it('refuses a date of birth in the future or implausibly long ago (400 dateOfBirth)', async () => {
    for (const dateOfBirth of ['2026-11-03', '2026-01-01', '1990-05-05', '2010-02-30']) {
      const res = await as['principal.north']!.post('/api/students', studentBody({ dateOfBirth }));
      expect(res.status, dateOfBirth).toBe(400);
      expect(res.body.error.field, dateOfBirth).toBe('dateOfBirth');
    }
  });

  it('refuses a student number used in the district (409 studentNumber) but not one used in another district', async () => {
    const res = await as['principal.south']!.post('/api/students', studentBody({ schoolId: south.id, grade: 7, studentNumber: 'N-1001' }));
    expect(res.status).toBe(409);
    expect(res.body.error.field).toBe('studentNumber');
    const elsewhere = await as['sysadmin']!.post('/api/students', studentBody({ schoolId: foreignSchool.id, studentNumber: 'N-1001' }));
    expect(elsewhere.status).toBe(201);
  });

  it('a principal cannot add a student to another school (404) and an unknown field is refused (400)', async () => {
    expect((await as['principal.south']!.post('/api/students', studentBody())).status).toBe(404);
    const extra = await as['principal.north']!.post('/api/students', studentBody({ districtId: south.id }));
    expect(extra.status).toBe(400);
  });
});

describe('reading the roster', () => {
  let maria: string;
  beforeAll(async () => {
    const make = async (who: string, body: Record<string, unknown>) => (await as[who]!.post('/api/students', studentBody(body))).body.id as string;
    maria = (await t.db.select().from(students).where(eq(students.studentNumber, 'N-1001')))[0]!.id;
    await make('principal.north', { studentNumber: 'N-1002', firstName: 'Aaron', lastName: 'Zimmer', grade: 9, sex: 'male', raceEthnicity: 'white' });
    await make('principal.north', { studentNumber: 'N-1003', firstName: 'Bea', lastName: 'Adams', grade: 12 });
    await make('principal.south', { schoolId: south.id, studentNumber: 'S-2001', firstName: 'Carl', lastName: 'Brown', grade: 6 });
  });

  it('an SRO cannot list or read students (403): the SRO sees students only through case records', async () => {
    expect((await as['sro.north']!.get('/api/students')).status).toBe(403);
    expect((await as['sro.north']!.get(`/api/students/${maria}`)).status).toBe(403);
  });

  it('lists the students of my schools by last then first name, with the school name and total', async () => {
    const res = await as['principal.north']!.get('/api/students');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(res.body.items.map((s: { lastName: string }) => s.lastName)).toEqual(['Adams', 'Garcia', 'Zimmer']);
    expect(res.body.items[0]).toMatchObject({ schoolName: 'North High', studentNumber: 'N-1003', sex: 'female' });
    const director = await as['director']!.get('/api/students');
    expect(director.body.total).toBe(4);
  });

  it('finds students by name words or the start of the student number, by grade, and pages', async () => {
    const q = async (query: string) => (await as['director']!.get(`/api/students?${query}`)).body;
    expect((await q('q=garcia%20mar')).items.map((s: { studentNumber: string }) => s.studentNumber)).toEqual(['N-1001']);
    expect((await q('q=S-20')).items.map((s: { lastName: string }) => s.lastName)).toEqual(['Brown']);
    expect((await q('q=%25')).total).toBe(0);
    expect((await q(`grade=9&schoolId=${north.id}`)).items.map((s: { lastName: string }) => s.lastName)).toEqual(['Zimmer']);
    const page2 = await q('pageSize=3&page=2');
    expect(page2).toMatchObject({ total: 4 });
    expect(page2.items.map((s: { lastName: string }) => s.lastName)).toEqual(['Zimmer']);
    expect((await as['director']!.get('/api/students?pageSize=201')).status).toBe(400);
  });

  it('a principal filtering by another school gets 404, and never sees its students', async () => {
    expect((await as['principal.south']!.get(`/api/students?schoolId=${north.id}`)).status).toBe(404);
    const res = await as['principal.south']!.get('/api/students?q=garcia');
    expect(res.body).toEqual({ items: [], total: 0 });
  });

  it('a counselor reads a student but not the demographics, in the list and in full', async () => {
    const list = await as['counselor.north']!.get('/api/students');
    expect(list.status).toBe(200);
    for (const field of ['sex', 'raceEthnicity', 'idea', 'section504', 'englishLearner']) expect(list.body.items[0]).not.toHaveProperty(field);
    const one = await as['counselor.north']!.get(`/api/students/${maria}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: maria, firstName: 'Maria', dateOfBirth: '2010-04-12' });
    expect(one.body).not.toHaveProperty('raceEthnicity');
    expect(one.body).not.toHaveProperty('englishLearner');
    const principal = await as['principal.north']!.get(`/api/students/${maria}`);
    expect(principal.body).toMatchObject({ raceEthnicity: 'hispanic_latino', englishLearner: true });
  });

  it('reading a student writes student.viewed with what was disclosed; listing does not', async () => {
    const before = (await auditOf('student.viewed', maria)).length;
    await as['director']!.get('/api/students');
    expect((await auditOf('student.viewed', maria)).length).toBe(before);
    const res = await as['counselor.north']!.get(`/api/students/${maria}`);
    const events = await auditOf('student.viewed', maria);
    expect(events.length).toBe(before + 1);
    expect(events.at(-1)).toMatchObject({
      schoolId: north.id, actorLabel: 'counselor.north@isd.test', requestId: res.headers['x-request-id'], detail: { demographics: false },
    });
  });

  it('a principal of another school, or another district, gets 404 for this student and nothing is audited', async () => {
    const before = (await auditOf('student.viewed', maria)).length;
    expect((await as['principal.south']!.get(`/api/students/${maria}`)).status).toBe(404);
    expect((await as['sysadmin']!.get(`/api/students/${maria}`)).status).toBe(404);
    expect((await as['principal.south']!.patch(`/api/students/${maria}`, { grade: 11 })).status).toBe(404);
    expect((await auditOf('student.viewed', maria)).length).toBe(before);
  });
});

describe('changing students', () => {
  let id: string;
  beforeAll(async () => {
    id = (await as['admin.both']!.post('/api/students', studentBody({ studentNumber: 'M-3001', firstName: 'Dana', lastName: 'Reyes', grade: 9 }))).body.id;
  });

  it('changes a student and audits the names of the changed fields only', async () => {
    const res = await as['principal.north']!.patch(`/api/students/${id}`, { grade: 10, preferredName: 'Dee', lastName: 'Reyes' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ grade: 10, preferredName: 'Dee' });
    const [event] = await auditOf('student.updated', id);
    expect((event!.detail.changed as string[]).sort()).toEqual(['grade', 'preferredName']);
    expect(Object.keys(event!.detail)).toEqual(['changed']);
  });

  it('moves a student to another school the actor manages, checking the grade against the new school', async () => {
    const wrongGrade = await as['admin.both']!.patch(`/api/students/${id}`, { schoolId: south.id });
    expect(wrongGrade.status).toBe(400);
    expect(wrongGrade.body.error.field).toBe('grade');
    const moved = await as['admin.both']!.patch(`/api/students/${id}`, { schoolId: south.id, grade: 8 });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ schoolId: south.id, schoolName: 'South Middle', grade: 8 });
    const events = await auditOf('student.updated', id);
    expect(events.at(-1)).toMatchObject({ schoolId: south.id, detail: { changed: ['schoolId', 'grade'], fromSchoolId: north.id } });
  });

  it('a principal cannot move a student into a school they do not manage (404)', async () => {
    const res = await as['principal.south']!.patch(`/api/students/${id}`, { schoolId: north.id, grade: 9 });
    expect(res.status).toBe(404);
    expect((await as['principal.south']!.get(`/api/students/${id}`)).body.schoolId).toBe(south.id);
  });

  it('a counselor cannot change a student (403)', async () => {
    expect((await as['counselor.north']!.patch(`/api/students/${id}`, { grade: 11 })).status).toBe(403);
  });
});

describe('guardians', () => {
  let student: string;
  let sibling: string;
  let mother: string;
  beforeAll(async () => {
    student = (await as['principal.north']!.post('/api/students', studentBody({ studentNumber: 'G-1' }))).body.id;
    sibling = (await as['principal.north']!.post('/api/students', studentBody({ studentNumber: 'G-2', firstName: 'Luis', grade: 11 }))).body.id;
  });

  it('adds a new guardian as primary, and the full read lists them', async () => {
    const res = await as['principal.north']!.post(`/api/students/${student}/guardians`, {
      guardian: { firstName: 'Ana', lastName: 'Garcia', phone: '512-555-0101', email: 'ana@example.test' },
      relationship: 'Mother', hasCustody: true, mayPickUp: true, isPrimary: true,
    });
    expect(res.status).toBe(201);
    mother = res.body.guardianId;
    expect(res.body).toMatchObject({ firstName: 'Ana', relationship: 'Mother', hasCustody: true, mayPickUp: true, isPrimary: true, restrictions: null });
    const [event] = await auditOf('guardian.linked', student);
    expect(event).toMatchObject({ schoolId: north.id, detail: { guardianId: mother, created: true, isPrimary: true } });
    const read = await as['counselor.north']!.get(`/api/students/${student}`);
    expect(read.body.guardians).toEqual([expect.objectContaining({ guardianId: mother, phone: '512-555-0101' })]);
  });

  it('links the same guardian to a sibling by id, once (409 guardianId on the second time)', async () => {
    const body = { guardianId: mother, relationship: 'Mother', hasCustody: true, mayPickUp: true };
    const res = await as['principal.north']!.post(`/api/students/${sibling}/guardians`, body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ guardianId: mother, firstName: 'Ana', isPrimary: false });
    const again = await as['principal.north']!.post(`/api/students/${sibling}/guardians`, body);
    expect(again.status).toBe(409);
    expect(again.body.error.field).toBe('guardianId');
  });

  it('keeps one primary guardian: a new primary unsets the previous one', async () => {
    const father = await as['principal.north']!.post(`/api/students/${student}/guardians`, {
      guardian: { firstName: 'Jorge', lastName: 'Garcia' }, relationship: 'Father', hasCustody: false, mayPickUp: false,
      isPrimary: true, restrictions: 'Protective order: no contact, no pick-up',
    });
    expect(father.status).toBe(201);
    const list = (await as['principal.north']!.get(`/api/students/${student}`)).body.guardians as { guardianId: string; isPrimary: boolean }[];
    expect(list.filter((g) => g.isPrimary).map((g) => g.guardianId)).toEqual([father.body.guardianId]);
    const back = await as['principal.north']!.patch(`/api/students/${student}/guardians/${mother}`, { isPrimary: true });
    expect(back.body.isPrimary).toBe(true);
    const after = (await as['principal.north']!.get(`/api/students/${student}`)).body.guardians as { guardianId: string; isPrimary: boolean }[];
    expect(after.filter((g) => g.isPrimary).map((g) => g.guardianId)).toEqual([mother]);
  });

  it('changes custody, pick-up and contact details and audits the changed field names', async () => {
    const res = await as['principal.north']!.patch(`/api/students/${student}/guardians/${mother}`, {
      mayPickUp: false, restrictions: 'Call before release', phone: '512-555-0199', relationship: 'Mother',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mayPickUp: false, restrictions: 'Call before release', phone: '512-555-0199' });
    const events = await auditOf('guardian.updated', student);
    expect(events.at(-1)!.detail).toEqual({ guardianId: mother, changed: expect.arrayContaining(['mayPickUp', 'restrictions', 'phone']) });
    expect(events.at(-1)!.detail.changed).toHaveLength(3);
    // Contact details belong to the guardian, so the sibling's record shows the new phone too.
    const siblingView = await as['principal.north']!.get(`/api/students/${sibling}`);
    expect(siblingView.body.guardians[0]).toMatchObject({ phone: '512-555-0199', mayPickUp: true });
  });

  it('a school-scoped principal cannot link a guardian of another school\'s family (400 guardianId)', async () => {
    const south1 = await as['principal.south']!.post('/api/students', studentBody({ schoolId: south.id, grade: 6, studentNumber: 'G-3' }));
    const res = await as['principal.south']!.post(`/api/students/${south1.body.id}/guardians`, {
      guardianId: mother, relationship: 'Aunt', hasCustody: false, mayPickUp: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('guardianId');
  });

  it('answers 400 for a body that is neither shape and 404 for a guardian not linked to the student, writing nothing', async () => {
    const before = [await rowCount(guardians), await rowCount(auditEvents)];
    const neither = await as['principal.north']!.post(`/api/students/${student}/guardians`, { relationship: 'Uncle', hasCustody: false, mayPickUp: false });
    expect(neither.status).toBe(400);
    const badEmail = await as['principal.north']!.post(`/api/students/${student}/guardians`, {
      guardian: { firstName: 'X', lastName: 'Y', email: 'not-an-email' }, relationship: 'Uncle', hasCustody: false, mayPickUp: false,
    });
    expect(badEmail.body.error.field).toBe('guardian.email');
    const stranger = await as['principal.north']!.patch(`/api/students/${student}/guardians/${crypto.randomUUID()}`, { mayPickUp: true });
    expect(stranger.status).toBe(404);
    expect([await rowCount(guardians), await rowCount(auditEvents)]).toEqual(before);
  });

  it('a counselor cannot change guardians (403) and a principal of another school gets 404', async () => {
    expect((await as['counselor.north']!.patch(`/api/students/${student}/guardians/${mother}`, { mayPickUp: true })).status).toBe(403);
    expect((await as['principal.south']!.patch(`/api/students/${student}/guardians/${mother}`, { mayPickUp: true })).status).toBe(404);
  });
});

import { and, count, eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Role } from '../../../common/roles.js';
import { auditEvents, campusAreas, students } from '../../db/schema/index.js';
import { createTestApp, type TestApp, type TestAppOptions, type TestClient } from '../../test/app.js';
import { createDistrict, createSchool, createUser, uniqueSuffix } from '../../test/fixtures.js';

// The world of the incidents tests: one district with two high schools (north, south), a school of another
// district, a signed-in client per role, and roster students (a juvenile and an adult). The clock reads 2026-11-02.

/** Everything a test file needs. */
export interface World {
  t: TestApp;
  districtId: string;
  north: string;
  south: string;
  foreign: string;
  area: string;
  juvenile: string;
  adult: string;
  southStudent: string;
  users: Record<string, string>;
  as: Record<string, TestClient>;
}

// Juvenile records are a per-person grant: every officer and supervisor here holds it but sro2 (and the director).
const WITHOUT_JUVENILE_ACCESS = new Set(['sro2', 'director']);

const PEOPLE: [string, Role, 'north' | 'south' | 'both' | 'district' | 'foreign'][] = [
  ['sro', 'sro', 'north'],
  ['sro2', 'sro', 'north'],
  ['sroSouth', 'sro', 'south'],
  ['supervisor', 'supervisor', 'both'],
  ['supervisorSouth', 'supervisor', 'south'],
  ['principal', 'school_admin', 'north'],
  ['principalSouth', 'school_admin', 'south'],
  ['counselor', 'counselor', 'north'],
  ['staff', 'staff', 'north'],
  ['security', 'security', 'north'],
  ['director', 'director', 'district'],
  ['foreignSupervisor', 'supervisor', 'foreign'],
];

/** Builds the world on a fresh test app (`options`: another environment, such as an S3 file store). */
export async function createWorld(options: TestAppOptions = {}): Promise<World> {
  const t = await createTestApp(options);
  const district = await createDistrict(t.database);
  const other = await createDistrict(t.database);
  const north = (await createSchool(t.database, { districtId: district.id, name: 'North High' })).id;
  const south = (await createSchool(t.database, { districtId: district.id, name: 'South High' })).id;
  const foreign = (await createSchool(t.database, { districtId: other.id, name: 'Elsewhere High' })).id;
  const [area] = await t.db.insert(campusAreas).values({ schoolId: north, kind: 'common', name: 'Cafeteria' }).returning();
  const student = (schoolId: string, firstName: string, lastName: string, dateOfBirth: string) => ({
    districtId: district.id, schoolId, studentNumber: `N${uniqueSuffix()}`, firstName, lastName, grade: 10, dateOfBirth,
    sex: 'male' as const, raceEthnicity: 'black' as const,
  });
  const [juvenile, adult, southStudent] = await t.db.insert(students).values([
    student(north, 'Jamal', 'Whitfield', '2010-03-04'),
    { ...student(north, 'Ada', 'Oldman', '2007-01-15'), idea: true, grade: 12 },
    student(south, 'Sam', 'Southey', '2010-06-06'),
  ]).returning();
  const users: Record<string, string> = {};
  const as: Record<string, TestClient> = {};
  const where = { north: [north], south: [south], both: [north, south], district: [null], foreign: [null] };
  for (const [key, role, at] of PEOPLE) {
    const email = `${key.toLowerCase()}.${uniqueSuffix()}@isd.test`;
    const user = await createUser(t.database, {
      email, name: `${key} user`, districtId: at === 'foreign' ? other.id : district.id, grants: where[at].map((schoolId) => ({ role, schoolId })),
      juvenileAccess: !WITHOUT_JUVENILE_ACCESS.has(key),
    });
    users[key] = user.id;
    as[key] = t.client();
    await as[key].signIn(email);
  }
  return { t, districtId: district.id, north, south, foreign, area: area!.id, juvenile: juvenile!.id, adult: adult!.id, southStudent: southStudent!.id, users, as };
}

/** A valid new-incident body at North High; any field may be overridden. */
export function incidentBody(w: World, overrides: Record<string, unknown> = {}) {
  return {
    schoolId: w.north, areaId: w.area, occurredAt: '2026-11-02T10:15:00Z', summary: 'Fight in the cafeteria',
    narrative: 'Two students exchanged punches near the lunch line. Officer separated them.',
    offenses: [{ kind: 'nibrs', code: '13B', weaponForce: ['40'] }, { kind: 'school', category: 'fight' }],
    persons: [
      { kind: 'student', role: 'suspect', studentId: w.adult },
      { kind: 'visitor', role: 'witness', firstName: 'Vera', lastName: 'Visitor' },
    ],
    actions: [{ person: 0, kind: 'warning' }],
    ...overrides,
  };
}

/** Creates an incident as `who` and returns its detail (throws unless 201). */
export async function createIncident(w: World, who = 'sro', overrides: Record<string, unknown> = {}) {
  const res = await w.as[who]!.post('/api/incidents', incidentBody(w, overrides));
  if (res.status !== 201) throw new Error(`create answered ${res.status}: ${res.text}`);
  return res.body;
}

/** Creates, submits and approves an incident; returns the approved detail. */
export async function approvedIncident(w: World, overrides: Record<string, unknown> = {}) {
  const created = await createIncident(w, 'sro', overrides);
  const submitted = await w.as.sro!.post(`/api/incidents/${created.id}/submit`, { version: created.version });
  if (submitted.status !== 200) throw new Error(`submit answered ${submitted.status}: ${submitted.text}`);
  const approved = await w.as.supervisor!.post(`/api/incidents/${created.id}/approve`, { version: submitted.body.version });
  if (approved.status !== 200) throw new Error(`approve answered ${approved.status}: ${approved.text}`);
  return approved.body;
}

/** Audit events of a type about a subject. */
export async function auditOf(w: World, type: string, subjectId?: string) {
  return w.t.db.select().from(auditEvents)
    .where(subjectId ? and(eq(auditEvents.eventType, type), eq(auditEvents.subjectId, subjectId)) : eq(auditEvents.eventType, type))
    .orderBy(auditEvents.id);
}

/** The number of rows of a table, to prove that a refused request wrote nothing. */
export async function rowCount(w: World, table: PgTable) {
  const [row] = await w.t.db.select({ n: count() }).from(table);
  return row!.n;
}

/** GET as `who`, answering the raw bytes (the JSON client decodes bodies as text). */
export async function rawGet(w: World, who: string, url: string) {
  const cookie = [...w.as[who]!.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await w.t.app.inject({ method: 'GET', url, headers: { cookie } });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload };
}

/** POST raw bytes as `who` (evidence uploads), answering status and JSON body. */
export async function rawPost(w: World, who: string, url: string, bytes: Buffer, contentType = 'application/octet-stream') {
  const client = w.as[who]!;
  if (!client.cookies.has('sro_csrf')) await client.get('/api/health');
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await w.t.app.inject({
    method: 'POST', url, payload: bytes, headers: { cookie, 'content-type': contentType, 'x-csrf-token': client.cookies.get('sro_csrf')! },
  });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
}

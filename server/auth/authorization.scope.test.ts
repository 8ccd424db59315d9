import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../../common/permissions.js';
import { ROLES, type Role } from '../../common/roles.js';
import { auditEvents, campusAreas, guardians, roleGrants, schoolFeeders, sroAssignments, studentGuardians, students } from '../db/schema/index.js';
import { createTestApp, type TestApp, type TestClient } from '../test/app.js';
import { createDistrict, createSchool, createUser, uniqueSuffix } from '../test/fixtures.js';
import { routeTable, type RouteInfo } from './plugin.js';
import { INCIDENT_REQUESTS, incidentRecords, type IncidentRecords } from './scope.incidents.fixtures.js';

// Record scope: a record of a school outside the user's grants, or of another district, reads as absent (404)
// on every built route that names a record, for every role that holds the route's permission.
let t: TestApp;
let allRecordRoutes: RouteInfo[];
let recordRoutes: RouteInfo[];
const as = new Map<string, TestClient>();

/** The records of one school: the school, a school feeding it, an area, a student with a guardian, an SRO assignment, a staff user, incident records. */
interface Place {
  school: string; feeder: string; area: string; student: string; guardian: string; assignment: string; user: string; grant: string;
  incidents: IncidentRecords;
}
let north: Place;
let south: Place;
let foreign: Place;

async function place(t: TestApp, districtId: string): Promise<Place> {
  const database = t.database;
  const tag = uniqueSuffix();
  const school = (await createSchool(database, { districtId, name: `School ${tag}` })).id;
  const feeder = (await createSchool(database, { districtId, name: `Feeder ${tag}`, level: 'middle', gradeLow: 6, gradeHigh: 8 })).id;
  const { db } = database;
  await db.insert(schoolFeeders).values({ schoolId: school, feederSchoolId: feeder });
  const [area] = await db.insert(campusAreas).values({ schoolId: school, kind: 'building', name: 'Main' }).returning();
  const [student] = await db.insert(students).values({
    districtId, schoolId: school, studentNumber: `S${tag}`, firstName: 'Sam', lastName: 'Doe', grade: 10,
    dateOfBirth: '2010-05-01', sex: 'female', raceEthnicity: 'white',
  }).returning();
  const [guardian] = await db.insert(guardians).values({ districtId, firstName: 'Pat', lastName: 'Doe' }).returning();
  await db.insert(studentGuardians).values({ studentId: student!.id, guardianId: guardian!.id, relationship: 'Mother', hasCustody: true, mayPickUp: true });
  const sro = await createUser(database, { email: `sro.${tag}@isd.test`, districtId, grants: [{ role: 'sro', schoolId: school }] });
  const [assignment] = await db.insert(sroAssignments).values({ userId: sro.id, schoolId: school, kind: 'primary', startsOn: '2026-08-01' }).returning();
  const staff = await createUser(database, { email: `staff.${tag}@isd.test`, districtId, grants: [{ role: 'staff', schoolId: school }] });
  const [grant] = await db.select().from(roleGrants).where(sql`${roleGrants.userId} = ${staff.id}`);
  const incidents = await incidentRecords(t, districtId, school, sro);
  return { school, feeder, area: area!.id, student: student!.id, guardian: guardian!.id, assignment: assignment!.id, user: staff.id, grant: grant!.id, incidents };
}

type Request = [url: string, body?: unknown, headers?: Record<string, string>];
let n = 0;
/** How to call each record route on the records of `r`, as a user whose own school is `home`. */
const REQUESTS: Record<string, (r: Place, home: Place) => Request> = {
  'GET /api/schools/:id': (r) => [`/api/schools/${r.school}`],
  'PATCH /api/schools/:id': (r) => [`/api/schools/${r.school}`, { principalName: 'Intruder' }],
  'GET /api/schools/:id/feeders': (r) => [`/api/schools/${r.school}/feeders`],
  'POST /api/schools/:id/feeders': (r) => [`/api/schools/${r.school}/feeders`, { feederSchoolId: r.feeder }],
  'DELETE /api/schools/:id/feeders/:feederSchoolId': (r) => [`/api/schools/${r.school}/feeders/${r.feeder}`],
  'GET /api/schools/:id/areas': (r) => [`/api/schools/${r.school}/areas`],
  'POST /api/schools/:id/areas': (r) => [`/api/schools/${r.school}/areas`, { kind: 'room', name: `Room ${++n}` }],
  'PATCH /api/areas/:id': (r) => [`/api/areas/${r.area}`, { description: 'Intruder' }],
  'GET /api/users/:id': (r) => [`/api/users/${r.user}`],
  'PATCH /api/users/:id': (r) => [`/api/users/${r.user}`, { title: 'Intruder' }],
  'POST /api/users/:id/reset-password': (r) => [`/api/users/${r.user}/reset-password`],
  'POST /api/users/:id/grants': (r, home) => [`/api/users/${r.user}/grants`, { role: 'counselor', schoolId: home.school }],
  'DELETE /api/users/:id/grants/:grantId': (r) => [`/api/users/${r.user}/grants/${r.grant}`],
  'PATCH /api/assignments/:id': (r) => [`/api/assignments/${r.assignment}`, { notes: 'Intruder' }],
  'GET /api/students/:id': (r) => [`/api/students/${r.student}`],
  'PATCH /api/students/:id': (r) => [`/api/students/${r.student}`, { preferredName: 'Intruder' }],
  'POST /api/students/:id/guardians': (r) => [`/api/students/${r.student}/guardians`, {
    guardian: { firstName: 'In', lastName: 'Truder' }, relationship: 'Aunt', hasCustody: false, mayPickUp: true,
  }],
  'PATCH /api/students/:id/guardians/:guardianId': (r) => [`/api/students/${r.student}/guardians/${r.guardian}`, { mayPickUp: false }],
  ...Object.fromEntries(Object.entries(INCIDENT_REQUESTS).map(([route, request]) => [route, (r: Place) => request(r.incidents)])),
};

/** Who proves that a route works: sysadmin first; incident routes are held by police and school roles only. */
const HOLDERS: readonly Role[] = ['sysadmin', 'supervisor', 'school_admin', 'counselor', 'director', 'sro'];

const key = (route: RouteInfo) => `${route.method} ${route.url}`;

function send(client: TestClient, route: RouteInfo, records: Place, home: Place) {
  const [url, body, headers] = REQUESTS[key(route)]!(records, home);
  return client.request(route.method as 'GET', url, body, headers);
}

async function auditCount() {
  const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
  return Number(row!.n);
}

beforeAll(async () => {
  t = await createTestApp();
  allRecordRoutes = routeTable.get(t.app)!.filter((r) => r.permission && r.url.includes('/:'));
  // Routes without a fixture yet fail the first test below; the others are still checked role by role.
  recordRoutes = allRecordRoutes.filter((r) => REQUESTS[key(r)]);
  const districtId = (await createDistrict(t.database)).id;
  north = await place(t, districtId);
  south = await place(t, districtId);
  foreign = await place(t, (await createDistrict(t.database)).id);
  for (const role of ROLES) {
    for (const [where, schoolId] of [['district', null], ['north', north.school]] as const) {
      const email = `${role}.${where}@isd.test`;
      await createUser(t.database, { email, districtId, grants: [{ role, schoolId }] });
      const client = t.client();
      await client.signIn(email);
      as.set(`${role}@${where}`, client);
    }
  }
}, 120_000);

afterAll(async () => t?.close());

describe('record scope', () => {
  it('knows how to call every built route that names a record', () => {
    expect(allRecordRoutes.length).toBeGreaterThan(15);
    expect(allRecordRoutes.map(key).filter((k) => !REQUESTS[k])).toEqual([]);
  });

  it.each(ROLES)('%s at one school finds records of another school and of another district absent (404), writing nothing', async (role) => {
    const client = as.get(`${role}@north`)!;
    const held = recordRoutes.filter((r) => ROLE_PERMISSIONS[role].includes(r.permission!));
    expect(held.length).toBeGreaterThan(0);
    const before = await auditCount();
    const wrong: string[] = [];
    for (const route of held) {
      for (const [label, records] of [['other school', south], ['other district', foreign]] as const) {
        const res = await send(client, route, records, north);
        if (res.status !== 404 || res.body?.error?.code !== 'not_found') wrong.push(`${key(route)} (${label}) -> ${res.status} ${res.text.slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await auditCount()).toBe(before);
  });

  it.each(ROLES)('%s district-wide finds records of another district absent (404)', async (role) => {
    const client = as.get(`${role}@district`)!;
    const wrong: string[] = [];
    for (const route of recordRoutes.filter((r) => ROLE_PERMISSIONS[role].includes(r.permission!))) {
      const res = await send(client, route, foreign, north);
      if (res.status !== 404) wrong.push(`${key(route)} -> ${res.status} ${res.text.slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(ROLES)('%s at one school reads the records of its own school', async (role) => {
    const client = as.get(`${role}@north`)!;
    const wrong: string[] = [];
    for (const route of recordRoutes.filter((r) => r.method === 'GET' && ROLE_PERMISSIONS[role].includes(r.permission!))) {
      const res = await send(client, route, north, north);
      if (res.status !== 200) wrong.push(`${key(route)} -> ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('the same requests succeed for a district-wide holder of the permission, so the 404s above come from scope', async () => {
    const wrong: string[] = [];
    for (const route of recordRoutes) {
      // The system administrator where it holds the permission; else the first district-wide role that does.
      const role = HOLDERS.find((r) => ROLE_PERMISSIONS[r].includes(route.permission!))!;
      const client = as.get(`${role}@district`)!;
      const res = await send(client, route, south, south);
      if (res.status < 200 || res.status > 299) wrong.push(`${key(route)} -> ${res.status} ${res.text.slice(0, 160)}`);
    }
    expect(wrong).toEqual([]);
  });
});

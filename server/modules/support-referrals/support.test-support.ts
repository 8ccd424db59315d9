import { and, count, eq } from 'drizzle-orm';
import type { Role } from '../../../common/roles.js';
import { auditEvents, directoryOrganizations, directoryOrganizationSchools, students, users } from '../../db/schema/index.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { createDistrict, createSchool, createUser, uniqueSuffix } from '../../test/fixtures.js';

// The world of the support tests: a district with North High and South High, a school of another district, a
// signed-in client per person, two mental-health vendors (one with staff accounts), a community program without
// accounts, a maintenance vendor, and students at North and South. The clock reads 2026-11-02.

export interface SupportWorld {
  t: TestApp;
  districtId: string;
  north: string;
  south: string;
  foreign: string;
  orgs: { vendor: string; otherVendor: string; program: string; maintenance: string; retired: string; foreignVendor: string };
  students: { north: string; north2: string; south: string; foreign: string };
  users: Record<string, string>;
  as: Record<string, TestClient>;
}

type Place = 'north' | 'south' | 'district' | 'foreign';
const PEOPLE: [key: string, role: Role, place: Place, org?: 'vendor' | 'otherVendor'][] = [
  ['sro', 'sro', 'north'], ['sroSouth', 'sro', 'south'], ['teacher', 'staff', 'north'], ['counselor', 'counselor', 'north'],
  ['counselor2', 'counselor', 'north'], ['counselorSouth', 'counselor', 'south'], ['principal', 'school_admin', 'north'],
  ['principalSouth', 'school_admin', 'south'], ['director', 'director', 'district'], ['supervisor', 'supervisor', 'district'],
  ['security', 'security', 'north'], ['sysadmin', 'sysadmin', 'district'], ['vendorStaff', 'counselor', 'north', 'vendor'],
  ['otherVendorStaff', 'counselor', 'north', 'otherVendor'], ['foreignDirector', 'director', 'foreign'],
];

/** Builds the world on a fresh test app. */
export async function createSupportWorld(): Promise<SupportWorld> {
  const t = await createTestApp();
  const districtId = (await createDistrict(t.database)).id;
  const otherId = (await createDistrict(t.database)).id;
  const north = (await createSchool(t.database, { districtId, name: 'North High' })).id;
  const south = (await createSchool(t.database, { districtId, name: 'South High' })).id;
  const foreign = (await createSchool(t.database, { districtId: otherId, name: 'Elsewhere High' })).id;
  const org = async (name: string, kind: string, d = districtId, active = true) =>
    (await t.db.insert(directoryOrganizations).values({ districtId: d, name, kind, active, email: `${kind}@example.test` }).returning())[0]!.id;
  const orgs = {
    vendor: await org('Lakeside Behavioral Health', 'mental_health_vendor'),
    otherVendor: await org('Bright Path Counseling', 'mental_health_vendor'),
    program: await org('Big Brothers Big Sisters', 'community_program'),
    maintenance: await org('Acme Door & Lock', 'maintenance_vendor'),
    retired: await org('Closed Clinic', 'mental_health_vendor', districtId, false),
    foreignVendor: await org('Elsewhere Counseling', 'mental_health_vendor', otherId),
  };
  // Bright Path serves South High only.
  await t.db.insert(directoryOrganizationSchools).values({ organizationId: orgs.otherVendor, schoolId: south });
  const student = (schoolId: string, firstName: string, d = districtId) => ({
    districtId: d, schoolId, studentNumber: `N${uniqueSuffix()}`, firstName, lastName: 'Student', grade: 10, dateOfBirth: '2010-03-04',
    sex: 'female' as const, raceEthnicity: 'asian' as const,
  });
  const [s1, s2, s3, s4] = await t.db.insert(students).values([
    student(north, 'Nora'), student(north, 'Noah'), student(south, 'Sofia'), student(foreign, 'Farah', otherId),
  ]).returning();
  const ids: Record<string, string> = {};
  const as: Record<string, TestClient> = {};
  for (const [key, role, place, organization] of PEOPLE) {
    const schoolId = place === 'north' ? north : place === 'south' ? south : null;
    const user = await createUser(t.database, {
      email: `${key.toLowerCase()}.${uniqueSuffix()}@support.test`, name: key, districtId: place === 'foreign' ? otherId : districtId,
      grants: [{ role, schoolId }],
    });
    if (organization) await t.db.update(users).set({ organizationId: orgs[organization] }).where(eq(users.id, user.id));
    ids[key] = user.id;
    as[key] = t.client();
    await as[key].signIn(user.email);
  }
  return {
    t, districtId, north, south, foreign, orgs, users: ids, as,
    students: { north: s1!.id, north2: s2!.id, south: s3!.id, foreign: s4!.id },
  };
}

/** Audit events of a type about one subject. */
export async function auditOf(w: SupportWorld, type: string, subjectId?: string) {
  return w.t.db.select().from(auditEvents)
    .where(subjectId ? and(eq(auditEvents.eventType, type), eq(auditEvents.subjectId, subjectId)) : eq(auditEvents.eventType, type))
    .orderBy(auditEvents.id);
}

/** Rows in a table, to prove a refused request wrote nothing. */
export async function rowsIn(w: SupportWorld, table: Parameters<ReturnType<SupportWorld['t']['db']['select']>['from']>[0]) {
  const [row] = await w.t.db.select({ n: count() }).from(table);
  return Number(row!.n);
}

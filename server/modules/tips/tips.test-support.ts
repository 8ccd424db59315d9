import { and, eq } from 'drizzle-orm';
import { auditEvents, students, tips } from '../../db/schema/index.js';
import { codeHash } from './tips.anonymity.js';
import { createTestApp, type TestApp, type TestAppOptions, type TestClient, signedInClient } from '../../test/app.js';
import { createDistrict, createSchool, createUser, uniqueSuffix } from '../../test/fixtures.js';
import type { Role } from '../../../common/roles.js';

/** A district with two schools, a tip team at each, a director and a student; clients signed in. */
export interface TipWorld {
  t: TestApp;
  districtId: string;
  north: string;
  south: string;
  student: string;
  users: Record<string, string>;
  as: Record<string, TestClient>;
  anon: TestClient;
}

const PEOPLE: [string, Role, 'north' | 'south' | null][] = [
  ['sro', 'sro', 'north'], ['principal', 'school_admin', 'north'], ['counselor', 'counselor', 'north'], ['staff', 'staff', 'north'],
  ['sroSouth', 'sro', 'south'], ['director', 'director', null], ['sroNorth2', 'sro', 'north'],
];

/** Builds the world on a fresh test app (smtpUrl for e-mail tests). */
export async function createTipWorld(options: TestAppOptions = {}): Promise<TipWorld> {
  const t = await createTestApp(options);
  const district = await createDistrict(t.db);
  const north = (await createSchool(t.db, { districtId: district.id, name: `Northside High ${uniqueSuffix()}` })).id;
  const south = (await createSchool(t.db, { districtId: district.id, name: `Southside High ${uniqueSuffix()}` })).id;
  const ids = { north, south };
  const users: Record<string, string> = {};
  const as: Record<string, TestClient> = {};
  for (const [key, role, school] of PEOPLE) {
    const email = `${key}.${uniqueSuffix()}@tips.test`;
    users[key] = (await createUser(t.db, { email, name: key, districtId: district.id, grants: [{ role, schoolId: school ? ids[school] : null }] })).id;
    as[key] = await signedInClient(t, email);
  }
  const [student] = await t.db.insert(students).values({
    districtId: district.id, schoolId: north, studentNumber: `S${uniqueSuffix()}`, firstName: 'Jordan', lastName: 'Reyes', grade: 10,
    dateOfBirth: '2010-03-04', sex: 'nonbinary', raceEthnicity: 'white',
  }).returning();
  return { t, districtId: district.id, north, south, student: student!.id, users, as, anon: t.client() };
}

/** A token for public posts. */
export async function tipToken(client: TestClient): Promise<string> {
  return (await client.get('/api/public/tips/token')).body.token as string;
}

/** Submits a tip as the anonymous client; returns the receipt and the tip id. */
export async function submit(w: TipWorld, body: Record<string, unknown> = {}) {
  const res = await w.anon.post('/api/public/tips', {
    token: await tipToken(w.anon), schoolId: w.north, category: 'bullying', description: 'Someone is being pushed around at lunch', ...body,
  });
  if (res.status !== 201) throw new Error(`submit answered ${res.status}: ${res.text}`);
  const [row] = await w.t.db.select({ id: tips.id }).from(tips).where(eq(tips.codeHash, codeHash(res.body.code as string)));
  return { code: res.body.code as string, passphrase: res.body.passphrase as string, id: row!.id, lifeSafety: res.body.lifeSafety as boolean };
}

/** Audit events of a type (and subject). */
export async function auditOf(w: TipWorld, type: string, subjectId?: string) {
  return w.t.db.select().from(auditEvents).where(and(eq(auditEvents.eventType, type), ...(subjectId ? [eq(auditEvents.subjectId, subjectId)] : [])));
}

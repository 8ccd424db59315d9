import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/connection.js';
import { rosterImportChanges } from '../../db/schema/index.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { createDistrict, createSchool, createUser } from '../../test/fixtures.js';
import { settleImports } from './roster-import.service.js';

// A re-sync does work in proportion to what changed: it proves it here by the row versions (xmin) of every table a
// sync writes, which change on any UPDATE even when the values written are the same.
function fixture(edit: Record<string, (text: string) => string> = {}): Record<string, Uint8Array> {
  const dir = path.join(import.meta.dirname, 'fixtures', 'oneroster-1.2-windows');
  return Object.fromEntries(readdirSync(dir).map((file) => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    return [file, Buffer.from(edit[file] ? edit[file](text) : text)];
  }));
}

let t: TestApp;
let districtId: string;
let sysadmin: TestClient;

async function sync(files: Record<string, Uint8Array>) {
  t.clock.advance(60_000);
  const started = await sysadmin.post('/api/roster-imports?confirm=false', Buffer.from(zipSync(files)), { 'content-type': 'application/zip' });
  expect(started.status, started.text).toBe(202);
  await settleImports();
  return (await sysadmin.get(`/api/roster-imports/${started.body.id}`)).body;
}

/** table:key → row version of every row of the district a sync may write. */
async function versions(): Promise<Map<string, string>> {
  const d = districtId;
  const result = await t.db.execute(sql`
    select 'students:' || sourced_id as k, xmin::text as v from students where district_id = ${d}::uuid
    union all select 'guardians:' || first_name, xmin::text from guardians where district_id = ${d}::uuid
    union all select 'student_guardians:' || s.sourced_id, sg.xmin::text from student_guardians sg join students s on s.id = sg.student_id where s.district_id = ${d}::uuid
    union all select 'student_enrollments:' || sourced_id, xmin::text from student_enrollments where district_id = ${d}::uuid
    union all select 'roster_classes:' || sourced_id, xmin::text from roster_classes where district_id = ${d}::uuid
    union all select 'roster_class_teachers:' || sourced_id, xmin::text from roster_class_teachers where district_id = ${d}::uuid
    union all select 'roster_staff:' || sourced_id, xmin::text from roster_staff where district_id = ${d}::uuid
    union all select 'roster_guardians:' || sourced_id, xmin::text from roster_guardians where district_id = ${d}::uuid
    union all select 'users:' || email, xmin::text from users where district_id = ${d}::uuid
    union all select 'role_grants:' || u.email || ':' || g.role || ':' || coalesce(g.school_id::text, ''), g.xmin::text
      from role_grants g join users u on u.id = g.user_id where u.district_id = ${d}::uuid`);
  return new Map(rows<{ k: string; v: string }>(result).map((r) => [r.k, r.v]));
}

/** The keys whose row appeared, vanished or got a new version between two snapshots. */
function touched(before: Map<string, string>, after: Map<string, string>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k)).sort();
}

const changesOf = async (jobId: string) =>
  (await t.db.select({ kind: rosterImportChanges.kind }).from(rosterImportChanges).where(eq(rosterImportChanges.jobId, jobId))).map((c) => c.kind).sort();

beforeAll(async () => {
  t = await createTestApp();
  districtId = (await createDistrict(t.database, { name: 'Lone Star ISD' })).id;
  await createSchool(t.database, { districtId, ncesId: '481234500101', level: 'elementary', gradeLow: 0, gradeHigh: 5 });
  await createSchool(t.database, { districtId, ncesId: '481234500102', level: 'middle', gradeLow: 6, gradeHigh: 8 });
  await createUser(t.database, { email: 'admin@lonestar.test', districtId, grants: [{ role: 'sysadmin', schoolId: null }] });
  sysadmin = t.client();
  await sysadmin.signIn('admin@lonestar.test');
}, 60_000);

afterAll(async () => t?.close());

describe('re-sync writes only what changed', () => {
  it('a re-sync of the same package writes no row and keeps no change for undo; a few edits touch exactly those rows', async () => {
    const first = await sync(fixture());
    expect(first).toMatchObject({ status: 'succeeded', counts: { studentsCreated: 3, staffCreated: 1, guardiansCreated: 1, classes: 2, teacherAssignments: 1 } });
    const synced = await versions();
    expect([...synced.keys()].filter((k) => !k.startsWith('users:admin') && !k.startsWith('role_grants:admin')).length).toBeGreaterThan(10);

    const same = await sync(fixture());
    expect(same).toMatchObject({
      status: 'succeeded',
      counts: { studentsCreated: 0, studentsUpdated: 0, studentsUnchanged: 3, studentsInactivated: 0, staffCreated: 0, staffUpdated: 0, guardiansCreated: 0, guardiansUpdated: 0, guardianLinks: 0, enrollmentsRemoved: 0 },
    });
    expect(touched(synced, await versions())).toEqual([]);
    expect(await changesOf(same.id)).toEqual([]);

    const edited = await sync(fixture({
      'users.csv': (text) => text.replace(',Jonathan,', ',Jon,').replace('512-555-0199', '512-555-0123'),
      'enrollments.csv': (text) => text.replace('en-1,active,2026-07-01T12:00:00.000Z,cls-k1,org-a,s-1,student,false,2026-08-15,2027-05-28', 'en-1,active,2026-07-01T12:00:00.000Z,cls-k1,org-a,s-1,student,false,2026-08-15,2027-06-04'),
      'classes.csv': (text) => text.replace('Science 7,', 'Life Science 7,'),
    }));
    expect(edited).toMatchObject({ status: 'succeeded', counts: { studentsUpdated: 1, studentsUnchanged: 2, guardiansUpdated: 1, staffUpdated: 0 } });
    expect(touched(synced, await versions())).toEqual(['guardians:Mary', 'roster_classes:cls-7sci', 'student_enrollments:en-1', 'students:s-1']);
    expect(await changesOf(edited.id)).toEqual(['enrollment', 'student']);
  }, 120_000);
});

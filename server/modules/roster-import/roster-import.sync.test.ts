import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, guardians, studentEnrollments, studentGuardians, students } from '../../db/schema/index.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { createDistrict, createSchool, createUser } from '../../test/fixtures.js';
import { settleImports } from './roster-import.service.js';

// Packages written by hand from the OneRoster 1.1 and 1.2 CSV bindings (see fixtures/README.md), not generated here.
const FIXTURES = path.join(import.meta.dirname, 'fixtures');

/** The files of a fixture folder, byte for byte (BOM and CRLF kept), with optional replacements. */
function fixture(name: string, edit: Record<string, (text: string) => string> = {}): Record<string, Uint8Array> {
  const dir = path.join(FIXTURES, name);
  return Object.fromEntries(readdirSync(dir).map((file) => {
    const bytes = readFileSync(path.join(dir, file));
    return [file, edit[file] ? Buffer.from(edit[file](bytes.toString('utf8'))) : new Uint8Array(bytes)];
  }));
}

let t: TestApp;
let districtId: string;
let elementary: { id: string };
let middle: { id: string };
const as: Record<string, TestClient> = {};

async function upload(who: string, files: Record<string, Uint8Array>, confirm = false) {
  return as[who]!.post(`/api/roster-imports?fileName=package.zip&confirm=${confirm}`, Buffer.from(zipSync(files)), { 'content-type': 'application/zip' });
}

async function sync(files: Record<string, Uint8Array>, confirm = false) {
  // Syncs are ordered by when they finished: a minute apart, as real ones are.
  t.clock.advance(60_000);
  const started = await upload('sysadmin', files, confirm);
  expect(started.status, started.text).toBe(202);
  await settleImports();
  return (await as.sysadmin!.get(`/api/roster-imports/${started.body.id}`)).body;
}

const student = async (sourcedId: string) =>
  (await t.db.select().from(students).where(and(eq(students.districtId, districtId), eq(students.sourcedId, sourcedId))))[0];
const activeCount = async () =>
  (await t.db.select().from(students).where(and(eq(students.districtId, districtId), eq(students.active, true)))).length;

beforeAll(async () => {
  t = await createTestApp();
  districtId = (await createDistrict(t.database)).id;
  elementary = await createSchool(t.database, { districtId, ncesId: '481234500101', name: 'Bluebonnet Elementary', level: 'elementary', gradeLow: 0, gradeHigh: 5 });
  middle = await createSchool(t.database, { districtId, ncesId: '481234500102', name: 'Pecan Middle School', level: 'middle', gradeLow: 6, gradeHigh: 8 });
  const other = await createDistrict(t.database);
  for (const [email, role, d] of [['admin@lonestar.test', 'sysadmin', districtId], ['director@lonestar.test', 'director', districtId], ['admin@other.test', 'sysadmin', other.id]] as const) {
    await createUser(t.database, { email, districtId: d, grants: [{ role, schoolId: null }] });
    const key = d === districtId ? (role === 'sysadmin' ? 'sysadmin' : role) : 'foreign';
    as[key] = t.client();
    await as[key].signIn(email);
  }
}, 300_000);

afterAll(async () => t?.close());

describe('packages as other tools write them', () => {
  it('a 1.1 package without identifier, grades or demographics.csv imports every student and counts what is missing', async () => {
    const report = await sync(fixture('oneroster-1.1-minimal'));
    expect(report).toMatchObject({
      status: 'succeeded', version: '1.1', rejections: [],
      counts: {
        schoolsMatched: 2, studentsCreated: 3, rejected: 0,
        studentsWithoutNumber: 3, studentsWithoutGrade: 3, studentsWithoutDemographics: 3,
      },
    });
    expect(await student('stu-1001')).toMatchObject({
      schoolId: elementary.id, studentNumber: 'stu-1001', grade: null, dateOfBirth: null, sex: null, raceEthnicity: null, active: true,
    });
    // The org whose sourcedId is the NCES id matches Pecan Middle.
    expect(await student('stu-1002')).toMatchObject({ schoolId: middle.id, middleName: 'Wei' });
    // The parent, tied through agentSourcedIds, is Maria's guardian and may pick her up at a reunification.
    expect(report.counts).toMatchObject({ guardiansCreated: 1, guardianLinks: 1 });
    const ties = await t.db.select({ first: guardians.firstName, phone: guardians.phone, custody: studentGuardians.hasCustody, pickUp: studentGuardians.mayPickUp, relationship: studentGuardians.relationship })
      .from(studentGuardians).innerJoin(guardians, eq(guardians.id, studentGuardians.guardianId))
      .where(eq(studentGuardians.studentId, (await student('stu-1001'))!.id));
    expect(ties).toEqual([{ first: 'Elena', phone: '512-555-0142', custody: true, pickUp: true, relationship: 'parent' }]);
  });

  it('a 1.2 package (BOM, CRLF, quoted commas, roles.csv) is read as 1.2 and replaces the 1.1 roster of the same schools', async () => {
    const report = await sync(fixture('oneroster-1.2-windows'), true);
    expect(report).toMatchObject({ status: 'succeeded', version: '1.2', rejections: [] });
    expect(report.counts).toMatchObject({
      schoolsMatched: 2, studentsCreated: 3, studentsInactivated: 3, enrollments: 2, rejected: 0,
      studentsWithoutNumber: 0, studentsWithoutGrade: 1, studentsWithoutDemographics: 2,
    });
    expect(await student('s-1')).toMatchObject({
      schoolId: elementary.id, studentNumber: 'S-501', firstName: 'Jonathan', lastName: 'Doe, III', preferredName: 'Johnny',
      grade: 0, dateOfBirth: '2021-04-02', sex: 'male', raceEthnicity: 'hispanic_latino',
    });
    // No identifier: the 1.2 userMasterIdentifier is the number; sex `unspecified` stays empty.
    expect(await student('s-2')).toMatchObject({ schoolId: middle.id, studentNumber: 'TX-000502', grade: 7, sex: null, raceEthnicity: 'asian' });
    // UG (ungraded) is no grade: the student is kept without one.
    expect(await student('s-3')).toMatchObject({ schoolId: middle.id, grade: null, active: true });
    expect(await student('stu-1001')).toMatchObject({ active: false });
    const enrolled = await t.db.select().from(studentEnrollments).where(eq(studentEnrollments.districtId, districtId));
    expect(enrolled.map((e) => e.classSourcedId).sort()).toEqual(['cls-7sci', 'cls-k1']);
  });

  it('a 1.2 users.csv that still has no roles.csv answers 400 naming roles.csv, and writes nothing', async () => {
    const { 'roles.csv': _roles, ...files } = fixture('oneroster-1.2-windows');
    const res = await upload('sysadmin', files);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', field: 'roles.csv' });
  });
});

describe('a bad package never wipes the district', () => {
  it('a package of another product whose orgs match no school stops before writing and shows the numbers; nothing changes', async () => {
    const before = await activeCount();
    // Other sourcedIds and org ids: every student of the district would be absent from this bulk file.
    const foreign = (text: string) => text.replaceAll('4812345001', '9999999999').replaceAll(/\bs-(\d)/g, 'x-$1');
    const report = await sync(fixture('oneroster-1.2-windows', {
      'orgs.csv': foreign, 'users.csv': foreign, 'roles.csv': foreign, 'demographics.csv': foreign, 'enrollments.csv': foreign,
    }));
    expect(report).toMatchObject({
      status: 'needs_confirmation',
      confirmation: { reasons: ['no_school_matched', 'too_many_inactivated'], schoolsMatched: 0, activeStudents: before, studentsToInactivate: before },
    });
    expect(before).toBe(3);
    expect(await activeCount()).toBe(3);
    const [stopped] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.eventType, 'roster.import_stopped'), eq(auditEvents.subjectId, report.id)));
    expect(stopped).toMatchObject({ districtId });
  });

  it('the threshold is a district setting: raised to 50%, one of three students inactivated goes through without confirmation', async () => {
    const bad = await as.sysadmin!.patch('/api/roster-imports/settings', { deactivateThresholdPct: 101 });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'validation_failed', field: 'deactivateThresholdPct' });
    expect((await as.director!.patch('/api/roster-imports/settings', { deactivateThresholdPct: 50 })).status).toBe(403);
    const set = await as.sysadmin!.patch('/api/roster-imports/settings', { deactivateThresholdPct: 50 });
    expect(set.status).toBe(200);
    expect((await as.foreign!.get('/api/roster-imports/settings')).body).toMatchObject({ deactivateThresholdPct: 5 });
    const withoutS3 = fixture('oneroster-1.2-windows', { 'users.csv': (text) => text.split('\r\n').filter((l) => !l.startsWith('s-3,')).join('\r\n') });
    const report = await sync(withoutS3);
    expect(report).toMatchObject({ status: 'succeeded', counts: { studentsInactivated: 1 } });
    expect(await student('s-3')).toMatchObject({ active: false });
  });
});

describe('undo', () => {
  it('undoing the latest sync puts students and enrollments back; it is audited and cannot be done twice or out of order', async () => {
    const jobs = (await as.sysadmin!.get('/api/roster-imports')).body.items;
    const latest = jobs.find((j: { status: string }) => j.status === 'succeeded');
    const older = jobs.filter((j: { status: string }) => j.status === 'succeeded')[1];
    expect(latest.undoableUntil).not.toBeNull();
    // A sync that renames s-1 and drops s-2's enrollment.
    const renamed = fixture('oneroster-1.2-windows', {
      'users.csv': (text) => text.replace('Jonathan,"Doe, III"', 'Jon,Doe'),
      'enrollments.csv': (text) => text.split('\r\n').filter((l) => !l.startsWith('en-3,')).join('\r\n'),
    });
    const changed = await sync(renamed);
    expect(changed.counts).toMatchObject({ studentsUpdated: 2, enrollmentsRemoved: 1 }); // s-1 renamed, s-3 active again
    expect(await student('s-1')).toMatchObject({ firstName: 'Jon', lastName: 'Doe' });

    expect((await as.sysadmin!.post(`/api/roster-imports/${latest.id}/undo`)).body.error.code).toBe('conflict');
    expect((await as.director!.post(`/api/roster-imports/${changed.id}/undo`)).status).toBe(403);
    expect((await as.foreign!.post(`/api/roster-imports/${changed.id}/undo`)).status).toBe(404);
    const undone = await as.sysadmin!.post(`/api/roster-imports/${changed.id}/undo`);
    expect(undone.status, undone.text).toBe(200);
    expect(undone.body).toMatchObject({ id: changed.id, undoableUntil: null });
    expect(undone.body.undoneAt).not.toBeNull();
    expect(await student('s-1')).toMatchObject({ firstName: 'Jonathan', lastName: 'Doe, III' });
    expect(await student('s-3')).toMatchObject({ active: false });
    const enrolled = await t.db.select().from(studentEnrollments).where(eq(studentEnrollments.sourcedId, 'en-3'));
    expect(enrolled).toHaveLength(1);
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.eventType, 'roster.import_undone'), eq(auditEvents.subjectId, changed.id)));
    expect(event).toMatchObject({ districtId });
    const again = await as.sysadmin!.post(`/api/roster-imports/${changed.id}/undo`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
    expect(older).toBeDefined();
  });

  it('a sync older than 30 days can no longer be undone', async () => {
    const report = await sync(fixture('oneroster-1.2-windows'));
    expect(report.status).toBe('succeeded');
    t.clock.advance(31 * 86_400_000);
    const client = t.client();
    await client.signIn('admin@lonestar.test');
    const res = await client.post(`/api/roster-imports/${report.id}/undo`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('30 days');
  });
});

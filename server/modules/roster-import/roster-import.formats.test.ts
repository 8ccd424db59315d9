import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rosterClasses, rosterImportChanges, students } from '../../db/schema/index.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { createDistrict, createSchool, createUser } from '../../test/fixtures.js';
import { settleImports } from './roster-import.service.js';

// A SIS export as such tools write it (fixtures/README.md): BOM, CRLF, every field quoted, columns in their own
// order with vendor columns, no `identifier` or `grades` column at all, no demographics.csv, and quoted fields
// holding commas, quotes and line breaks. Lines of rejected rows are physical lines of the file.
const dir = path.join(import.meta.dirname, 'fixtures', 'oneroster-1.1-sis-export');
const packageZip = () => Buffer.from(zipSync(Object.fromEntries(readdirSync(dir).map((f) => [f, new Uint8Array(readFileSync(path.join(dir, f)))]))));

let t: TestApp;
let districtId: string;
let admin: TestClient;
let elementary: { id: string };
let middle: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  districtId = (await createDistrict(t.database)).id;
  elementary = await createSchool(t.database, { districtId, ncesId: '481234500101', name: 'Bluebonnet Elementary', level: 'elementary', gradeLow: 0, gradeHigh: 5 });
  middle = await createSchool(t.database, { districtId, ncesId: '481234500102', name: 'Pecan Middle School', level: 'middle', gradeLow: 6, gradeHigh: 8 });
  await createUser(t.database, { email: 'admin@sis-export.test', districtId, grants: [{ role: 'sysadmin', schoolId: null }] });
  admin = t.client();
  await admin.signIn('admin@sis-export.test');
}, 300_000);

afterAll(async () => t?.close());

async function sync() {
  t.clock.advance(60_000);
  const started = await admin.post('/api/roster-imports?fileName=sis-export.zip', packageZip(), { 'content-type': 'application/zip' });
  expect(started.status, started.text).toBe(202);
  await settleImports();
  return (await admin.get(`/api/roster-imports/${started.body.id}`)).body;
}

describe('a OneRoster 1.1 package as a SIS exports it', () => {
  it('imports students, the parent, the teacher and classes; rejected rows name their physical file line', async () => {
    const report = await sync();
    expect(report.status).toBe('succeeded');
    expect(report.version).toBe('1.1');
    expect(report.counts).toMatchObject({
      schoolsMatched: 2, studentsCreated: 2, rejected: 2, studentsWithoutNumber: 2, studentsWithoutGrade: 2, studentsWithoutDemographics: 2,
      staffCreated: 1, invitationsQueued: 1, guardiansCreated: 1, guardianLinks: 1, classes: 2, teacherAssignments: 1, enrollments: 2,
    });
    // The record of 5002 spans lines 3 and 4 (a line break inside a quoted field): 5003 is on line 5.
    expect(report.rejections).toEqual([
      { file: 'users.csv', line: 5, sourcedId: '5003', reason: 'orgSourcedIds 999 names no school of the district' },
      { file: 'enrollments.csv', line: 5, sourcedId: 'e-4', reason: 'userSourcedId 5003 was rejected in users.csv' },
    ]);
    const [ana] = await t.db.select().from(students).where(and(eq(students.districtId, districtId), eq(students.sourcedId, '5001')));
    expect(ana).toMatchObject({ schoolId: elementary.id, studentNumber: '5001', firstName: 'Ana', lastName: 'Valencia, Jr.', grade: null, active: true });
    const [bayo] = await t.db.select().from(students).where(and(eq(students.districtId, districtId), eq(students.sourcedId, '5002')));
    expect(bayo).toMatchObject({ schoolId: middle.id, middleName: 'Chukwuemeka\r\nTobi' });
    // Students without demographics are listed (sex and race/ethnicity null) to a reader of demographics.
    const listed = await admin.get(`/api/students?schoolId=${elementary.id}`);
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ firstName: 'Ana', sex: null, raceEthnicity: null })]);
    const classes = await t.db.select({ title: rosterClasses.title, schoolId: rosterClasses.schoolId }).from(rosterClasses)
      .where(eq(rosterClasses.districtId, districtId)).orderBy(rosterClasses.sourcedId);
    expect(classes).toEqual([{ title: 'Kindergarten "Owls", Room 4', schoolId: elementary.id }, { title: 'Math 7', schoolId: middle.id }]);
  });

  it('the same package again changes nothing: every row is compared with what is stored and left alone', async () => {
    const report = await sync();
    expect(report.status).toBe('succeeded');
    expect(report.counts).toMatchObject({
      studentsCreated: 0, studentsUpdated: 0, studentsUnchanged: 2, studentsInactivated: 0, staffCreated: 0, staffUpdated: 0,
      guardiansCreated: 0, guardiansUpdated: 0, guardianLinks: 0, enrollmentsRemoved: 0, rejected: 2,
    });
    // Nothing was written, so there is nothing to undo: no change kept for the sync.
    expect(await t.db.select().from(rosterImportChanges).where(eq(rosterImportChanges.jobId, report.id))).toEqual([]);
  });
});

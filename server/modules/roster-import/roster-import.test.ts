import { Readable } from 'node:stream';
import { and, count, eq } from 'drizzle-orm';
import { ROSTER_LIMITS } from '../../../common/roster-import.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, rosterImportJobs, studentEnrollments, students } from '../../db/schema/index.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { createDistrict, createSchool, createUser } from '../../test/fixtures.js';
import { settleImports } from './roster-import.service.js';
import {
  csv, DEMOGRAPHICS_HEADER, demographicsRow, ENROLLMENT_HEADER, manifest, ORG_HEADER, studentUser, USER_HEADER, zipOf,
} from './roster-import.test-support.js';

let t: TestApp;
let districtId: string;
let north: { id: string; ncesId: string };
let south: { id: string; ncesId: string };
const as: Record<string, TestClient> = {};

const orgs = () => csv(ORG_HEADER, [
  ['d1', 'active', '', 'Test ISD', 'district', '', ''],
  ['org-n', 'active', '', 'North High', 'school', north.ncesId, 'd1'],
  ['org-s', 'active', '', 'South Middle', 'school', south.ncesId, 'd1'],
]);
const teacher = ['t1', 'active', '', 'true', 'org-n', 'teacher', 'tj', '', 'Tom', 'Jones', '', 'T-1', 'tjones@isd.test', '', '', '', '', ''];

/** The first roster: three students at North, one at South, a teacher, their demographics and enrollments. */
function firstPackage(extraUsers: string[][] = [], extraDemo: string[][] = []) {
  return {
    'manifest.csv': manifest({ orgs: 'bulk', users: 'bulk', enrollments: 'bulk', demographics: 'bulk' }),
    'orgs.csv': orgs(),
    'users.csv': csv(USER_HEADER, [
      studentUser({ id: 'u1', org: 'd1,org-n', given: 'Ana', family: 'Lopez', number: 'R-1', grade: '09' }),
      studentUser({ id: 'u2', org: 'org-n', given: 'Ben', family: 'Smith', number: 'R-2', grade: '10' }),
      studentUser({ id: 'u3', org: 'org-n', given: 'Cara', family: 'Nguyen', number: 'R-3', grade: '12' }),
      studentUser({ id: 'u4', org: 'org-s', given: 'Dev', family: 'Patel', number: 'R-4', grade: '07' }),
      teacher, ...extraUsers,
    ]),
    'demographics.csv': csv(DEMOGRAPHICS_HEADER, [
      demographicsRow('u1', '2011-03-04', 'female', ['white', 'hispanicOrLatinoEthnicity']),
      demographicsRow('u2', '2010-05-06', 'male', ['blackOrAfricanAmerican', 'white']),
      demographicsRow('u3', '2008-07-08', 'other', ['asian']),
      demographicsRow('u4', '2013-09-10', 'male', ['blackOrAfricanAmerican']),
      ...extraDemo,
    ]),
    'enrollments.csv': csv(ENROLLMENT_HEADER, [
      ['e1', 'active', '', 'c-alg', 'org-n', 'u1', 'student', 'false', '2026-08-15', '2027-05-30'],
      ['e2', 'active', '', 'c-bio', 'org-n', 'u2', 'student', 'false', '', ''],
      ['e3', 'active', '', 'c-alg', 'org-n', 't1', 'teacher', 'true', '', ''],
    ]),
  };
}

async function upload(who: string, files: Record<string, string>, confirm = false) {
  return as[who]!.post(`/api/roster-imports?fileName=roster.zip&confirm=${confirm}`, zipOf(files), { 'content-type': 'application/zip' });
}

/** Uploads, waits for the background import, and answers its report. */
async function runImport(files: Record<string, string>, confirm = false) {
  const started = await upload('sysadmin', files, confirm);
  expect(started.status, started.text).toBe(202);
  await settleImports();
  return (await as.sysadmin!.get(`/api/roster-imports/${started.body.id}`)).body;
}

async function studentCount() {
  const [row] = await t.db.select({ n: count() }).from(students).where(eq(students.districtId, districtId));
  return row!.n;
}
const bySourcedId = async (id: string) =>
  (await t.db.select().from(students).where(and(eq(students.districtId, districtId), eq(students.sourcedId, id))))[0];

beforeAll(async () => {
  t = await createTestApp();
  districtId = (await createDistrict(t.database)).id;
  const other = await createDistrict(t.database);
  north = await createSchool(t.database, { districtId, name: 'North High', gradeLow: 9, gradeHigh: 12 });
  south = await createSchool(t.database, { districtId, name: 'South Middle', level: 'middle', gradeLow: 6, gradeHigh: 8 });
  const people = [
    ['sysadmin@isd.test', 'sysadmin', null, districtId], ['director@isd.test', 'director', null, districtId],
    ['principal@isd.test', 'school_admin', north.id, districtId], ['sro@isd.test', 'sro', north.id, districtId],
    ['counselor@isd.test', 'counselor', north.id, districtId], ['sysadmin@other.test', 'sysadmin', null, other.id],
  ] as const;
  for (const [email, role, schoolId, d] of people) {
    await createUser(t.database, { email, districtId: d, grants: [{ role, schoolId }] });
    const key = d === districtId ? email.split('@')[0]! : 'foreign';
    as[key] = t.client();
    await as[key].signIn(email);
  }
}, 300_000);

afterAll(async () => t?.close());

describe('a bad package writes nothing', () => {
  it('a users.csv without givenName answers 400 naming the file and the header, and writes no student and no job', async () => {
    const files = firstPackage();
    files['users.csv'] = files['users.csv'].replace('givenName', 'firstName');
    const jobsBefore = await t.db.select({ n: count() }).from(rosterImportJobs);
    const res = await upload('sysadmin', files);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', field: 'users.csv:givenName' });
    expect(res.body.error.message).toContain('users.csv');
    expect(res.body.error.message).toContain('givenName');
    expect(await studentCount()).toBe(0);
    expect(await t.db.select({ n: count() }).from(rosterImportJobs)).toEqual(jobsBefore);
  });

  it('an unknown OneRoster version, a 1.2 package without roles.csv or a missing orgs.csv answers 400', async () => {
    const v20 = await upload('sysadmin', { ...firstPackage(), 'manifest.csv': manifest({ orgs: 'bulk', users: 'bulk' }, '2.0') });
    expect(v20.body.error).toMatchObject({ code: 'validation_failed', field: 'manifest.csv:oneroster.version' });
    const v12 = await upload('sysadmin', { ...firstPackage(), 'manifest.csv': manifest({ orgs: 'bulk', users: 'bulk' }, '1.2') });
    expect(v12.status).toBe(400);
    expect(v12.body.error).toMatchObject({ code: 'validation_failed', field: 'roles.csv' });
    const { 'orgs.csv': _orgs, ...noOrgs } = firstPackage();
    const missing = await upload('sysadmin', noOrgs);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('orgs.csv');
    expect(await studentCount()).toBe(0);
  });

  it('a CSV or PDF sent as the zip, or another content type, answers 415; nothing is written', async () => {
    const jobsBefore = await t.db.select({ n: count() }).from(rosterImportJobs);
    const csvAsZip = await as.sysadmin!.post('/api/roster-imports', Buffer.from('sourcedId,name\n'), { 'content-type': 'application/zip' });
    expect(csvAsZip.status).toBe(415);
    expect(csvAsZip.body.error.code).toBe('unsupported_media_type');
    expect(csvAsZip.body.error.message).toContain('not a zip');
    const pdf = await as.sysadmin!.post('/api/roster-imports', Buffer.from('%PDF-1.7 a report'), { 'content-type': 'application/zip' });
    expect(pdf.status).toBe(415);
    const asCsv = await as.sysadmin!.post('/api/roster-imports', Buffer.from('sourcedId,name\n'), { 'content-type': 'text/csv' });
    expect(asCsv.status).toBe(415);
    expect(asCsv.body.error.code).toBe('unsupported_media_type');
    expect(await studentCount()).toBe(0);
    expect(await t.db.select({ n: count() }).from(rosterImportJobs)).toEqual(jobsBefore);
  });

  it('a package declared larger than the limit answers 413 naming the limit, before it is read', async () => {
    const res = await as.sysadmin!.post('/api/roster-imports', Readable.from([Buffer.from('PK\x03\x04')]), {
      'content-type': 'application/zip', 'content-length': String(ROSTER_LIMITS.maxZipBytes + 1),
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(res.body.error.message).toContain('200 MB');
    expect(await studentCount()).toBe(0);
  });

  it('a quoted field never closed deep in enrollments.csv fails the job with file and line, and no student is written', async () => {
    const files = firstPackage();
    files['enrollments.csv'] += 'e9,active,,"c-unclosed,org-n,u1,student,false,,\r\n';
    const report = await runImport(files);
    expect(report).toMatchObject({ status: 'failed', error: { file: 'enrollments.csv', line: 5 } });
    expect(report.error.message).toContain('never closed');
    expect(await studentCount()).toBe(0);
    const [failed] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.eventType, 'roster.import_failed'), eq(auditEvents.subjectId, report.id)));
    expect(failed).toBeDefined();
  });
});

describe('importing and re-importing', () => {
  it('creates students at the schools of their orgs with CRDC demographics, keeps enrollments and audits the import', async () => {
    const report = await runImport(firstPackage());
    expect(report).toMatchObject({
      status: 'succeeded', phase: 'done', rejections: [],
      counts: { schoolsMatched: 2, studentsCreated: 4, studentsUpdated: 0, studentsInactivated: 0, enrollments: 2, rejected: 0 },
    });
    expect(report.counts.skipped).toBe(1); // the district org
    expect(report.counts).toMatchObject({ staffCreated: 1, teacherAssignments: 1 });
    expect(report.processed).toBe(report.total);
    const ana = await bySourcedId('u1');
    expect(ana).toMatchObject({ schoolId: north.id, studentNumber: 'R-1', grade: 9, dateOfBirth: '2011-03-04', sex: 'female', raceEthnicity: 'hispanic_latino', active: true });
    expect(await bySourcedId('u2')).toMatchObject({ raceEthnicity: 'two_or_more', sex: 'male' });
    expect(await bySourcedId('u3')).toMatchObject({ raceEthnicity: 'asian', sex: 'nonbinary' });
    expect(await bySourcedId('u4')).toMatchObject({ schoolId: south.id, grade: 7 });
    const enrollments = await t.db.select().from(studentEnrollments).where(eq(studentEnrollments.studentId, ana!.id));
    expect(enrollments).toEqual([expect.objectContaining({ classSourcedId: 'c-alg', beginDate: '2026-08-15', schoolId: north.id })]);
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.eventType, 'roster.imported'), eq(auditEvents.subjectId, report.id)));
    expect(event).toMatchObject({ districtId, subjectType: 'roster_import' });
  });

  it('a re-import updates the same students instead of adding them, and leaves unchanged rows alone', async () => {
    const files = firstPackage();
    files['users.csv'] = files['users.csv'].replace('Ben,Smith', 'Benjamin,Smith').replace('R-3,,,,,12', 'R-3,,,,,11');
    const report = await runImport(files);
    expect(report.counts).toMatchObject({ studentsCreated: 0, studentsUpdated: 2, studentsUnchanged: 2, studentsInactivated: 0 });
    expect(await studentCount()).toBe(4);
    expect(await bySourcedId('u2')).toMatchObject({ firstName: 'Benjamin', studentNumber: 'R-2' });
    expect(await bySourcedId('u3')).toMatchObject({ grade: 11 });
  });

  it('a student added by hand is matched by student number and takes the sourcedId', async () => {
    const made = await as.principal!.post('/api/students', {
      schoolId: north.id, studentNumber: 'R-5', firstName: 'Eve', lastName: 'Kim', grade: 10, dateOfBirth: '2010-01-01', sex: 'female',
      raceEthnicity: 'asian',
    });
    expect(made.status).toBe(201);
    const report = await runImport(firstPackage([studentUser({ id: 'u5', org: 'org-n', given: 'Eve', family: 'Kim', number: 'R-5', grade: '10' })]));
    // u2 and u3 return to the first roster's name and grade: three updates, no new student.
    expect(report.counts).toMatchObject({ studentsCreated: 0, studentsUpdated: 3, rejected: 0 });
    expect(await bySourcedId('u5')).toMatchObject({ id: made.body.id, raceEthnicity: 'asian' });
  });

  it('students absent from a bulk users.csv are marked inactive, not deleted; a delta tobedeleted marks one inactive', async () => {
    const files = firstPackage();
    files['users.csv'] = csv(USER_HEADER, [
      studentUser({ id: 'u1', org: 'org-n', given: 'Ana', family: 'Lopez', number: 'R-1', grade: '09' }),
      studentUser({ id: 'u2', org: 'org-n', given: 'Benjamin', family: 'Smith', number: 'R-2', grade: '10' }),
      studentUser({ id: 'u4', org: 'org-s', given: 'Dev', family: 'Patel', number: 'R-4', grade: '07' }),
    ]);
    // Two of five active students is over the 5% threshold: the sync stops and writes nothing until confirmed.
    const stopped = await runImport(files);
    expect(stopped).toMatchObject({
      status: 'needs_confirmation',
      confirmation: { reasons: ['too_many_inactivated'], activeStudents: 5, studentsToInactivate: 2, thresholdPct: 5 },
    });
    expect(await bySourcedId('u3')).toMatchObject({ active: true });
    const report = await runImport(files, true);
    expect(report.counts.studentsInactivated).toBe(2); // u3 and the hand-made u5
    expect(await studentCount()).toBe(5);
    expect(await bySourcedId('u3')).toMatchObject({ active: false });
    const delta = await runImport({
      'manifest.csv': manifest({ orgs: 'bulk', users: 'delta' }),
      'orgs.csv': orgs(),
      'users.csv': csv(USER_HEADER, [studentUser({ id: 'u4', org: 'org-s', given: 'Dev', family: 'Patel', number: 'R-4', grade: '07', status: 'tobedeleted' })]),
    }, true);
    expect(delta.counts.studentsInactivated).toBe(1);
    expect(await bySourcedId('u4')).toMatchObject({ active: false });
    expect(await bySourcedId('u1')).toMatchObject({ active: true });
    const back = await runImport(firstPackage(), true);
    expect(back.counts.studentsUpdated).toBeGreaterThanOrEqual(2);
    expect(await bySourcedId('u3')).toMatchObject({ active: true });
  });

  it('rejected rows are reported with file and line and do not stop the rest of the import', async () => {
    const files = firstPackage([
      studentUser({ id: 'u6', org: 'org-x', given: 'Fay', family: 'Ono', number: 'R-6', grade: '10' }),
      studentUser({ id: 'u7', org: 'org-n', given: 'Gus', family: 'Orr', number: 'R-7', grade: '03' }),
      studentUser({ id: 'u8', org: 'org-n', given: 'Hal', family: 'Poe', number: 'R-8', grade: '10' }),
      studentUser({ id: 'u2', org: 'org-n', given: 'Ben', family: 'Twice', number: 'R-9', grade: '10' }),
      studentUser({ id: 'u10', org: 'org-n', given: 'Ida', family: 'Ray', number: 'R-10', grade: '11' }),
    ], [demographicsRow('u7', '2016-01-01', 'male', ['white']), demographicsRow('u10', '2031-02-30', 'female', ['white'])]);
    const report = await runImport(files);
    expect(report.status).toBe('succeeded');
    expect(report.rejections).toEqual([
      { file: 'demographics.csv', line: 7, sourcedId: 'u10', reason: expect.stringContaining('birthDate 2031-02-30') },
      { file: 'users.csv', line: 7, sourcedId: 'u6', reason: expect.stringContaining('org-x') },
      { file: 'users.csv', line: 8, sourcedId: 'u7', reason: expect.stringContaining('outside the school\'s grades 9 to 12') },
      { file: 'users.csv', line: 10, sourcedId: 'u2', reason: 'sourcedId is already on line 3' },
    ]);
    expect(report.counts.rejected).toBe(4);
    // Demographics are optional in OneRoster: u8 (none) and u10 (a rejected demographics row) are imported without them.
    expect(report.counts.studentsWithoutDemographics).toBe(2);
    expect(await bySourcedId('u8')).toMatchObject({ active: true, dateOfBirth: null, sex: null, raceEthnicity: null, grade: 10 });
    expect(await bySourcedId('u10')).toMatchObject({ active: true, dateOfBirth: null });
    expect(await bySourcedId('u1')).toMatchObject({ active: true });
    expect(await bySourcedId('u6')).toBeUndefined();
  });
});

describe('who may import', () => {
  it('only holders of import.run start or read imports; another district\'s import reads as missing', async () => {
    const [job] = await t.db.select().from(rosterImportJobs).where(eq(rosterImportJobs.districtId, districtId)).limit(1);
    for (const who of ['director', 'principal', 'sro', 'counselor']) {
      expect((await upload(who, firstPackage())).status, who).toBe(403);
      expect((await as[who]!.get('/api/roster-imports')).status, who).toBe(403);
      expect((await as[who]!.get(`/api/roster-imports/${job!.id}`)).status, who).toBe(403);
    }
    expect((await as.foreign!.get(`/api/roster-imports/${job!.id}`)).status).toBe(404);
    const list = await as.foreign!.get('/api/roster-imports');
    expect(list.body.items).toEqual([]);
    expect((await as.sysadmin!.get('/api/roster-imports')).body.items.length).toBeGreaterThan(3);
  });
});

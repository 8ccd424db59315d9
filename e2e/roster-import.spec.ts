import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, expectNoHorizontalOverflow, PHONE, startE2E, type E2E } from './support/index.js';

interface School {
  id: string;
  name: string;
  ncesId: string;
}
interface Report {
  id: string;
  status: string;
  counts: { studentsCreated: number; rejected: number };
  rejections: { file: string; line: number; sourcedId: string | null; reason: string }[];
}

/** One CSV file (no field here needs quoting). */
const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';

// The system administrator imports a small OneRoster package through the page: two good students and one row
// naming a school that is not in the package. Delta mode, so the demo roster of the shared server stays as it is.
describe('roster import: a OneRoster package with a bad row', () => {
  let e2e: E2E;
  let school: School;
  const tag = Date.now().toString(36);

  beforeAll(async () => {
    e2e = await startE2E();
    const admin = await apiSession(e2e.baseUrl, 'sysadmin@demo.test');
    const { items } = await admin.get<{ items: School[] }>('/schools');
    await admin.close();
    school = items.find((s) => s.name === 'Riverbend High School')!;
    expect(school?.ncesId).toMatch(/^\d{12}$/);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('imports the good rows and lists the rejected one with its file, line and reason', async () => {
    const files = {
      'manifest.csv': csv([
        ['propertyName', 'value'],
        ['manifest.version', '1.0'],
        ['oneroster.version', '1.1'],
        ['file.orgs', 'delta'],
        ['file.users', 'delta'],
        ['file.demographics', 'delta'],
        ['file.enrollments', 'absent'],
      ]),
      'orgs.csv': csv([
        ['sourcedId', 'status', 'name', 'type', 'identifier'],
        [`org-${tag}`, 'active', 'Riverbend High School', 'school', school.ncesId],
      ]),
      'users.csv': csv([
        ['sourcedId', 'status', 'enabledUser', 'orgSourcedIds', 'role', 'givenName', 'familyName', 'identifier', 'grades'],
        [`stu-a-${tag}`, 'active', 'true', `org-${tag}`, 'student', 'Avery', `Import${tag}`, `A${tag}`, '10'],
        [`stu-bad-${tag}`, 'active', 'true', `org-missing-${tag}`, 'student', 'Blake', `Import${tag}`, `B${tag}`, '10'],
        [`stu-c-${tag}`, 'active', 'true', `org-${tag}`, 'student', 'Casey', `Import${tag}`, `C${tag}`, '11'],
      ]),
      'demographics.csv': csv([
        ['sourcedId', 'status', 'birthDate', 'sex', 'white', 'hispanicOrLatinoEthnicity'],
        [`stu-a-${tag}`, 'active', '2010-04-02', 'female', 'true', 'false'],
        [`stu-bad-${tag}`, 'active', '2010-05-03', 'male', 'true', 'false'],
        [`stu-c-${tag}`, 'active', '2009-06-04', 'male', 'false', 'true'],
      ]),
    };
    const tracked = await e2e.signedInPage('sysadmin@demo.test');
    const { page } = tracked;
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data exchange' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data exchange' }).waitFor();
    await page.getByLabel('OneRoster package').setInputFiles(
      Object.entries(files).map(([name, text]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) })),
    );
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    const rejected = page.getByRole('table', { name: 'Rejected rows' });
    await rejected.waitFor({ timeout: 30_000 });
    const row = rejected.getByRole('row').filter({ hasText: `stu-bad-${tag}` });
    expect(await row.count()).toBe(1);
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells[0]).toContain('users.csv');
    expect(cells[1]).toContain('3');
    expect(cells[3]!.trim().length).toBeGreaterThan(5);
    const counts = page.getByRole('region', { name: 'This import' }).getByLabel('Import counts');
    expect(await counts.innerText()).toMatch(/Students created\s*2/);
    expect(await counts.innerText()).toMatch(/Rejected rows\s*1/);

    // The report the page shows is the server's: the two students exist, the bad row does not.
    const admin = await apiSession(e2e.baseUrl, 'sysadmin@demo.test');
    const { items } = await admin.get<{ items: { id: string }[] }>('/roster-imports');
    const report = await admin.get<Report>(`/roster-imports/${items[0]!.id}`);
    const students = await admin.get<{ items: { lastName: string; firstName: string }[] }>(
      `/students?q=Import${tag}&schoolId=${school.id}`,
    );
    await admin.close();
    expect(report.status).toBe('succeeded');
    expect(report.counts).toMatchObject({ studentsCreated: 2, rejected: 1 });
    expect(report.rejections).toEqual([expect.objectContaining({ file: 'users.csv', line: 3, sourcedId: `stu-bad-${tag}` })]);
    expect(students.items.map((s) => s.firstName).sort()).toEqual(['Avery', 'Casey']);

    await page.setViewportSize(PHONE);
    await expectNoHorizontalOverflow(page, 'roster import report on a phone');
    expect(tracked.errors).toEqual([]);
  });
});

// A SIS package with a teacher, a parent and a class: the summary names what the sync did beyond students; a bulk
// package listing only these students stops before writing with the numbers; the first sync is undone from its report.
describe('roster import: staff, guardians and classes, the threshold stop, undo', () => {
  let e2e: E2E;
  let school: School;
  const tag = `${Date.now().toString(36)}b`;
  const teacherEmail = `teacher-${tag}@e2e.test`;

  const packageFiles = (usersMode: 'delta' | 'bulk') => ({
    'manifest.csv': csv([
      ['propertyName', 'value'], ['manifest.version', '1.0'], ['oneroster.version', '1.1'], ['file.orgs', 'delta'],
      ['file.users', usersMode], ['file.classes', 'delta'], ['file.enrollments', 'delta'], ['file.demographics', 'absent'],
    ]),
    'orgs.csv': csv([
      ['sourcedId', 'status', 'dateLastModified', 'name', 'type', 'identifier', 'parentSourcedId'],
      [`org-${tag}`, '', '', 'Riverbend High School', 'school', school.ncesId, ''],
    ]),
    'users.csv': csv([
      ['sourcedId', 'status', 'dateLastModified', 'enabledUser', 'orgSourcedIds', 'role', 'username', 'userIds', 'givenName', 'familyName',
        'middleName', 'identifier', 'email', 'sms', 'phone', 'agentSourcedIds', 'grades', 'password'],
      [`t-${tag}`, '', '', 'true', `org-${tag}`, 'teacher', '', '', 'Toni', `Sync${tag}`, '', '', teacherEmail, '', '', '', '', ''],
      [`p-${tag}`, '', '', 'true', `org-${tag}`, 'parent', '', '', 'Pat', `Sync${tag}`, '', '', `parent-${tag}@e2e.test`, '', '5125550199', `s1-${tag}`, '', ''],
      [`s1-${tag}`, '', '', 'true', `org-${tag}`, 'student', '', '', 'Dana', `Sync${tag}`, '', `N1${tag}`, '', '', '', `p-${tag}`, '10', ''],
      [`s2-${tag}`, '', '', 'true', `org-${tag}`, 'student', '', '', 'Eli', `Sync${tag}`, '', `N2${tag}`, '', '', '', '', '11', ''],
    ]),
    'classes.csv': csv([
      ['sourcedId', 'status', 'dateLastModified', 'title', 'grades', 'courseSourcedId', 'classCode', 'classType', 'location', 'schoolSourcedId',
        'termSourcedIds', 'subjects', 'subjectCodes', 'periods'],
      [`c-${tag}`, '', '', `Chemistry ${tag}`, '10', `crs-${tag}`, '', 'scheduled', '', `org-${tag}`, `term-${tag}`, '', '', '3'],
    ]),
    'enrollments.csv': csv([
      ['sourcedId', 'status', 'dateLastModified', 'classSourcedId', 'schoolSourcedId', 'userSourcedId', 'role', 'primary', 'beginDate', 'endDate'],
      [`e-t-${tag}`, '', '', `c-${tag}`, `org-${tag}`, `t-${tag}`, 'teacher', 'true', '', ''],
      [`e-1-${tag}`, '', '', `c-${tag}`, `org-${tag}`, `s1-${tag}`, 'student', 'false', '', ''],
      [`e-2-${tag}`, '', '', `c-${tag}`, `org-${tag}`, `s2-${tag}`, 'student', 'false', '', ''],
    ]),
  });
  const upload = (files: Record<string, string>) =>
    Object.entries(files).map(([name, text]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) }));

  beforeAll(async () => {
    e2e = await startE2E();
    const admin = await apiSession(e2e.baseUrl, 'sysadmin@demo.test');
    const { items } = await admin.get<{ items: School[] }>('/schools');
    await admin.close();
    school = items.find((s) => s.name === 'Riverbend High School')!;
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('shows what the sync did, stops a package that would inactivate most students, and undoes the sync', async () => {
    const tracked = await e2e.signedInPage('sysadmin@demo.test');
    const { page } = tracked;
    await page.goto('/data');
    await page.getByRole('heading', { level: 1, name: 'Data exchange' }).waitFor();
    await page.getByLabel('OneRoster package').setInputFiles(upload(packageFiles('delta')));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const result = page.getByRole('region', { name: 'This import' });
    const people = result.getByLabel('Staff, families and classes');
    await people.waitFor({ timeout: 60_000 });
    expect(await result.getByLabel('Import counts').innerText()).toMatch(/Students created\s*2/);
    const summary = await people.innerText();
    expect(summary).toMatch(/Staff created\s*1/);
    expect(summary).toMatch(/Invitations sent\s*1/);
    expect(summary).toMatch(/Guardians created\s*1/);
    expect(summary).toMatch(/Guardian ties\s*1/);
    expect(summary).toMatch(/Classes\s*1/);

    // The same people as a bulk users file: every other active student of the district would go inactive.
    await page.getByLabel('OneRoster package').setInputFiles(upload(packageFiles('bulk')));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const stop = result.getByRole('alert').filter({ hasText: 'The sync stopped before writing anything' });
    await stop.waitFor({ timeout: 60_000 });
    expect(await stop.innerText()).toMatch(/It would mark [\d,]+ of [\d,]+ active students inactive \(the district stops above 5%\)/);
    await stop.getByRole('button', { name: 'Import anyway' }).waitFor();

    // Nothing was written: the demo roster is still active.
    const admin = await apiSession(e2e.baseUrl, 'sysadmin@demo.test');
    const { items: jobs } = await admin.get<{ items: { id: string; status: string }[] }>('/roster-imports');
    expect(jobs[0]!.status).toBe('needs_confirmation');
    const demo = await admin.get<{ total: number }>(`/students?schoolId=${school.id}&pageSize=1`);
    expect(demo.total).toBeGreaterThan(100);

    // Undo the first sync from its report.
    await page.getByRole('table', { name: 'Recent roster imports' }).getByRole('button', { name: /^Open the report of/ }).nth(1).click();
    await result.getByRole('button', { name: 'Undo this sync' }).click();
    await result.getByRole('button', { name: 'Undo sync' }).click();
    await result.getByText(/^Undone /).waitFor();
    const after = await admin.get<{ items: { firstName: string; active: boolean }[] }>(`/students?q=Sync${tag}&schoolId=${school.id}`);
    const teacher = await admin.get<{ items: { email: string; active: boolean }[] }>(`/users?q=${encodeURIComponent(teacherEmail)}`);
    await admin.close();
    // Students and the account the sync created are inactive again (kept, never deleted).
    expect(after.items.map((s) => [s.firstName, s.active]).sort()).toEqual([['Dana', false], ['Eli', false]]);
    expect(teacher.items.map((u) => [u.email, u.active])).toEqual([[teacherEmail, false]]);
    expect(tracked.errors).toEqual([]);
  }, 180_000);
});

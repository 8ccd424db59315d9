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

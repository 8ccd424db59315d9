import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, expectAccessible, expectNoHorizontalOverflow, startE2E, type E2E } from './support/index.js';

describe('analytics', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('a director filters the dashboard to a school year and a school, downloads a chart\'s CSV and follows a number to its records', async () => {
    const { page, errors, failedRequests } = await e2e.signedInPage('director@demo.test');
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports & analytics' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reports & analytics' }).waitFor();
    const filters = page.getByRole('group', { name: 'Filters' });
    const year = filters.getByLabel('School year');
    // The current school year is chosen by default; pick it explicitly as a user would.
    const current = await year.inputValue();
    expect(current).toMatch(/^\d{4}$/);
    await year.selectOption(current);
    const school = filters.getByLabel('School', { exact: true });
    const options = await school.locator('option').allTextContents();
    const chosen = options[1]!;
    await school.selectOption({ label: chosen });
    const table = page.getByRole('table', { name: 'Incidents by school' });
    await table.getByRole('row').nth(1).waitFor();
    await expect.poll(async () => table.getByRole('row').count()).toBe(2);
    await expect.poll(async () => (await table.getByRole('row').nth(1).textContent()) ?? '').toContain(chosen);
    await page.getByRole('heading', { name: 'Incidents by hour and weekday' }).waitFor();
    await expectAccessible(page, 'dashboard');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV of Incidents by school' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFIncidents by school (')).toBe(true);
    expect(csv).toContain('School,Incidents\r\n');
    expect(csv).toContain(`${chosen},`);

    await table.getByRole('link', { name: chosen }).click();
    await page.getByRole('heading', { level: 1, name: 'Incidents' }).waitFor();
    expect(page.url()).toContain('/incidents?schoolId=');
    expect(errors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });

  it('the equity and CRDC pages show their tables and pass axe', async () => {
    const { page, errors } = await e2e.signedInPage('director@demo.test');
    await page.goto('/analytics/equity');
    await page.getByRole('heading', { level: 1, name: 'Equity analytics' }).waitFor();
    await page.getByRole('table', { name: /Referrals to law enforcement: relative rate index/ }).waitFor();
    await expectAccessible(page, 'equity');
    await page.getByRole('navigation', { name: 'Analytics' }).getByRole('link', { name: 'CRDC tables' }).click();
    await page.getByRole('heading', { level: 1, name: 'CRDC tables' }).waitFor();
    await page.getByRole('table', { name: 'Students referred to law enforcement' }).waitFor();
    await expectAccessible(page, 'crdc');
    expect(errors).toEqual([]);
  });

  it('a principal sees the dashboard of their school without equity; a teacher has no analytics; phones do not scroll sideways', async () => {
    const principal = await e2e.signedInPage('admin@demo.test', undefined, PHONE);
    await principal.page.goto('/analytics');
    await principal.page.getByRole('heading', { level: 1, name: 'Reports & analytics' }).waitFor();
    await principal.page.getByRole('table', { name: 'Incidents by school' }).waitFor();
    expect(await principal.page.getByRole('link', { name: 'Equity' }).count()).toBe(0);
    await expectNoHorizontalOverflow(principal.page, 'dashboard on a phone');
    const teacher = await e2e.signedInPage('staff@demo.test');
    await teacher.page.goto('/');
    await teacher.page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(await teacher.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports & analytics' }).count()).toBe(0);
  });
});

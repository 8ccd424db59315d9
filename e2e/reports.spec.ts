import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, startE2E, type E2E } from './support/index.js';

describe('scheduled reports', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('the director subscribes to the dashboard weekly as PDF, finds it in the profile and downloads the CRDC PDF', async () => {
    const { page, errors, failedRequests } = await e2e.signedInPage('director@demo.test');
    await page.goto('/analytics');
    await page.getByRole('heading', { level: 1, name: 'Reports & analytics' }).waitFor();
    await page.getByRole('table', { name: 'Incidents by school' }).waitFor();

    await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Subscribe: District dashboard' });
    await dialog.waitFor();
    await dialog.getByLabel('How often').selectOption('weekly');
    await dialog.getByLabel('Day of the week').selectOption({ label: 'Monday' });
    await dialog.getByLabel('Time').fill('07:30');
    await dialog.getByLabel('File').selectOption('pdf');
    await expectAccessible(page, 'subscribe dialog');
    await dialog.getByRole('button', { name: 'Subscribe' }).click();
    await dialog.getByText(/^Subscribed\. The first e-mail comes/).waitFor();
    await dialog.getByRole('button', { name: 'Close' }).first().click();

    await page.goto('/profile');
    const section = page.getByRole('region', { name: 'My report subscriptions' });
    const table = section.getByRole('table', { name: 'My report subscriptions' });
    const row = table.getByRole('row').filter({ hasText: 'District dashboard' }).filter({ hasText: 'Weekly on Monday at 07:30' });
    await row.first().waitFor();
    expect(await row.first().textContent()).toContain('PDF');
    await expectAccessible(page, 'profile with subscriptions');

    await page.goto('/analytics/crdc');
    await page.getByRole('heading', { level: 1, name: 'CRDC tables' }).waitFor();
    await page.getByRole('table', { name: 'Students referred to law enforcement' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^crdc-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(errors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './support/index.js';

describe('backups', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('the system administrator backs up now, sees the archive with its size, and verifies it in a scratch database', async () => {
    const { page, errors } = await e2e.signedInPage('sysadmin@demo.test');
    await page.goto('/backups');
    await page.getByRole('heading', { name: 'Backups', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByText('Backup started. It appears below when written.').waitFor();
    const table = page.getByRole('table', { name: 'Backups, newest first' });
    await table.getByText('Written').first().waitFor({ timeout: 240_000 });
    await expect.poll(() => table.getByRole('row').nth(1).textContent()).toMatch(/\d+(\.\d)? (kB|MB)/);
    await table.getByRole('button', { name: /^Verify the backup of/ }).first().click();
    await table.getByText(/^Verified /).first().waitFor({ timeout: 240_000 });
    await table.getByText(/^All \d+ tables match/).first().waitFor();
    expect(errors).toEqual([]);
  }, 600_000);

  it('the schedule form refuses a time zone the server does not know, naming the field', async () => {
    const { page, errors } = await e2e.signedInPage('sysadmin@demo.test', undefined, { width: 360, height: 740 });
    await page.goto('/backups');
    const form = page.getByRole('form', { name: 'Backup schedule' });
    await form.getByLabel('Time zone').fill('Mars/Olympus');
    await form.getByRole('button', { name: 'Save schedule' }).click();
    await form.getByText('Unknown time zone').first().waitFor();
    await form.getByLabel('Time zone').fill('America/Chicago');
    await form.getByLabel('Time of day (24-hour)').fill('03:30');
    await form.getByRole('button', { name: 'Save schedule' }).click();
    await form.getByText('Schedule saved.').waitFor();
    expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
  }, 120_000);
});

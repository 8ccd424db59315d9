import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { districtDay, startE2E, type E2E } from './support/index.js';

/** The current month (YYYY-MM) on the district's calendar, as the page (running in the district's zone) picks it. */
function month(): string {
  return districtDay().slice(0, 7);
}

describe('monthly activity report', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('an SRO adds an activity by hand and sees it in the hours; the monthly report downloads as a PDF', async () => {
    const { page, errors, failedRequests } = await e2e.signedInPage('sro@demo.test');
    await page.goto('/activity');
    await page.getByRole('heading', { level: 1, name: 'Activity log' }).waitFor();
    await page.getByRole('button', { name: 'Add activity' }).first().click();
    const form = page.getByRole('dialog').getByRole('form', { name: 'Add activity' });
    const title = `Lunch talk with 9th graders ${Date.now().toString(36)}`;
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Kind').selectOption('mentoring');
    await form.getByLabel('Duration (minutes)').fill('45');
    await form.getByRole('button', { name: 'Add activity' }).click();
    const card = page.locator('[data-activity-id]').filter({ hasText: title });
    await card.waitFor();
    // The triad role follows the kind: mentoring is the informal counselor / mentor role.
    expect(await card.locator('.triad-badge').innerText()).toBe('Mentor');
    // The week's hours table (the chart's accessible twin) counts at least the 45 minutes as mentoring.
    const table = page.getByRole('table', { name: /^Hours, week of/ });
    const mentoring = await table.locator('tbody td').nth(1).innerText();
    expect(Number.parseFloat(mentoring)).toBeGreaterThanOrEqual(0.7);

    await page.getByRole('link', { name: 'Monthly report' }).click();
    await page.getByRole('heading', { level: 2, name: /^Daniel Reyes, / }).waitFor();
    expect(await page.getByRole('definition').count()).toBeGreaterThan(5);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download PDF' }).click(),
    ]);
    const file = await download.path();
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(download.url()).toContain(`month=${month()}`);

    expect([...errors, ...failedRequests]).toEqual([]);
  });

  it('the supervisor sees every SRO side by side and downloads one report', async () => {
    const { page, errors, failedRequests } = await e2e.signedInPage('supervisor@demo.test');
    await page.goto('/activity/report?view=team');
    const grid = page.getByRole('list', { name: /^Reports of / });
    await grid.waitFor();
    expect(await grid.getByRole('listitem').count()).toBeGreaterThan(1);
    const first = grid.getByRole('listitem').first();
    const [download] = await Promise.all([page.waitForEvent('download'), first.getByRole('link', { name: /^Download PDF/ }).click()]);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect([...errors, ...failedRequests]).toEqual([]);
  });
});

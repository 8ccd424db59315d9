import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E, type TrackedPage } from './support/index.js';

// One report through its whole life, each step done in the pages by the role that does it in practice.
describe('incidents: from a call to an approved, supplemented, searchable report', () => {
  let e2e: E2E;
  let sro: TrackedPage;
  let supervisor: TrackedPage;
  // A word nobody else writes, so the full-text search can only find this report.
  const token = `quokka${Date.now().toString(36)}`;
  let incidentPath = '';
  let incidentNumber = '';

  beforeAll(async () => {
    e2e = await startE2E();
    sro = await e2e.signedInPage('sro@demo.test');
    supervisor = await e2e.signedInPage('supervisor@demo.test');
  });
  afterAll(async () => {
    await e2e?.close();
  });

  /** Waits until the report form says everything typed is on the server. */
  async function saved(page: Page): Promise<void> {
    await page
      .getByRole('status')
      .filter({ hasText: /All changes saved/ })
      .waitFor();
  }

  it('an SRO takes a call and files an incident from it', async () => {
    const { page } = sro;
    await page.goto('/incidents/calls');
    await page.getByRole('heading', { level: 1, name: 'Call queue' }).waitFor();
    await page.getByRole('button', { name: 'Log a new call' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log a new call' });
    await dialog.getByLabel('School', { exact: true }).selectOption({ label: 'Riverbend High School' });
    await dialog.getByLabel('Priority', { exact: true }).selectOption('urgent');
    await dialog.getByLabel('What is happening').fill(`Two students fighting by the cafeteria ${token}`);
    await dialog.getByRole('button', { name: 'Put in the queue' }).click();
    await page.getByText(/is in the queue/).waitFor();

    const card = page.getByRole('listitem').filter({ hasText: token });
    await card.getByRole('button', { name: /Create incident from call/ }).click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]+\/edit$/);
    incidentPath = new URL(page.url()).pathname.replace(/\/edit$/, '');
    await page.getByRole('heading', { level: 1, name: /Report \d{4}-\d{6}/ }).waitFor();
    incidentNumber = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').replace(
      'Report ',
      '',
    );

    // Offense: a NIBRS code found by typing, which needs its weapon/force.
    await page.getByRole('button', { name: 'Add offense' }).click();
    await page.getByRole('searchbox', { name: 'NIBRS offense' }).fill('simple assault');
    await page.getByRole('button', { name: /13B Simple Assault/ }).click();
    await page.getByLabel('Weapon or force (required)').selectOption('40');
    // A student from the roster, then what was done.
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByLabel('Student', { exact: true }).fill('ma');
    await page.locator('.user-picker-results button').first().click();
    await page.getByRole('button', { name: 'Add action' }).click();
    await page.getByLabel('Action', { exact: true }).selectOption('referral_administration');
    await page
      .getByLabel('Narrative', { exact: true })
      .fill(`At 11:40 two students exchanged punches near the cafeteria. ${token}`);
    await saved(page);
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.waitForURL((url) => url.pathname === incidentPath);
    await page.getByText(/was submitted for review/).waitFor();
    expect(sro.errors).toEqual([]);
  });

  it('the supervisor returns it with a comment', async () => {
    const { page } = supervisor;
    await page.goto('/incidents/review');
    await page.getByRole('link', { name: `Review incident ${incidentNumber}` }).click();
    await page.getByRole('heading', { level: 1, name: `Incident ${incidentNumber}` }).waitFor();
    await page.getByRole('button', { name: 'Return…' }).click();
    await page.getByLabel('What to correct').fill('Add where the school nurse saw the students.');
    await page.getByRole('button', { name: 'Return with comment' }).click();
    await page.getByText(/was returned to its author/).waitFor();
    expect(supervisor.errors).toEqual([]);
  });

  it('the SRO sees the comment, corrects the report and submits it again', async () => {
    const { page } = sro;
    await page.goto(`${incidentPath}/edit`);
    await page.getByText('Add where the school nurse saw the students.').waitFor();
    const narrative = page.getByLabel('Narrative', { exact: true });
    await narrative.fill(
      `${await narrative.inputValue()}\nThe school nurse checked both students in the clinic.`,
    );
    await saved(page);
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByText(/was submitted for review/).waitFor();
    expect(sro.errors).toEqual([]);
  });

  it('the supervisor approves it', async () => {
    const { page } = supervisor;
    await page.goto(incidentPath);
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText(/was approved/).waitFor();
    await page.getByRole('link', { name: 'Printable report (PDF)' }).waitFor();
    await expect
      .poll(() => page.getByText('Add where the school nurse saw the students.').count())
      .toBeGreaterThan(0);
    expect(supervisor.errors).toEqual([]);
  });

  it('the SRO adds a supplement to the locked report', async () => {
    const { page } = sro;
    await page.goto(incidentPath);
    await expect.poll(() => page.getByRole('link', { name: 'Edit report' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Add supplement' }).click();
    const text = page.getByLabel('Narrative of supplement 1');
    await text.fill('Parents of both students were called at 12:30.');
    await saved(page);
    await page.getByRole('button', { name: 'Submit supplement 1' }).click();
    await page.getByText('Supplement 1 was submitted for review.').waitFor();
    expect(sro.errors).toEqual([]);
  });

  it('search finds it by a word of its narrative', async () => {
    const { page } = sro;
    await page.goto('/incidents');
    await page.getByRole('searchbox', { name: 'Search' }).fill(token);
    await page.getByRole('link', { name: incidentNumber }).waitFor();
    await expect.poll(() => page.locator('table.data-table tbody tr').count()).toBe(1);
    expect(sro.errors).toEqual([]);
    expect(sro.failedRequests).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, apiSession, expectNoHorizontalOverflow, startE2E, type E2E } from './support/index.js';

interface Session {
  schools: { id: string; name: string; level: string }[];
}

describe('security assessments', () => {
  let e2e: E2E;
  let school: { id: string; name: string };
  beforeAll(async () => {
    e2e = await startE2E();
    // The demo SRO assesses one of the elementary schools they cover (the seed assesses only high schools).
    const sro = await apiSession(e2e.baseUrl, 'sro@demo.test');
    try {
      const { schools } = await sro.get<Session>('/auth/session');
      school = schools.find((s) => s.level === 'elementary') ?? schools[0]!;
    } finally {
      await sro.close();
    }
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('the SRO rates every measure, records a finding with a work order, completes the assessment and sees the finding listed', async () => {
    const { page, errors, failedRequests } = await e2e.signedInPage('sro@demo.test');
    const title = `Spring walk-through ${Date.now().toString(36)}`;
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Security assessments' })
      .click();
    await page.getByRole('button', { name: 'Start an assessment' }).first().click();
    const start = page.getByRole('form', { name: 'Start an assessment' });
    await start.getByLabel('Campus').selectOption({ label: school.name });
    await start.getByLabel('Title').fill(title);
    await start.getByRole('button', { name: 'Start the assessment' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    // Every measure in place, except that the first one is absent.
    const ratings = page.getByRole('group', { name: /^Rating of / });
    const count = await ratings.count();
    expect(count).toBeGreaterThan(5);
    for (let i = 0; i < count; i += 1)
      await ratings
        .nth(i)
        .getByRole('radio', { name: i === 0 ? 'Absent' : 'In place' })
        .check();
    const absentTitle = ((await ratings.first().locator('legend').textContent()) ?? '').replace(
      /^Rating of /,
      '',
    );
    const summary = page.locator('dl[aria-label="Ratings"]');
    await expect.poll(async () => summary.textContent()).toContain(`Rated${count} / ${count}`);

    await page.getByRole('button', { name: 'Add a finding' }).first().click();
    const finding = page.getByRole('form', { name: 'New finding' });
    await finding.getByLabel('About the measure').selectOption({ index: 1 });
    await finding.getByLabel('Finding', { exact: true }).fill(`No ${absentTitle.toLowerCase()}`);
    await finding.getByLabel('Severity').selectOption('high');
    await finding.getByLabel('Due').fill('2030-06-30');
    await finding.getByRole('checkbox', { name: 'Open a work order for the fix' }).check();
    await finding.getByRole('button', { name: 'Add finding' }).click();
    const notice = page.getByRole('status').filter({ hasText: 'The finding is saved.' });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/Work order WO-\d{4}-\d+ is open/);

    await page.getByRole('button', { name: 'Complete the assessment' }).click();
    await page
      .getByRole('form', { name: 'Complete the assessment' })
      .getByRole('button', { name: 'Complete' })
      .click();
    await page.getByRole('status').filter({ hasText: 'The assessment is completed.' }).waitFor();
    await page.getByText(/^Completed /).first().waitFor();
    expect(await page.getByRole('button', { name: 'Complete the assessment' }).count()).toBe(0);
    expect(await page.getByRole('radio').count()).toBe(0);

    const findings = page.getByRole('table', { name: 'Findings of this assessment' });
    const row = findings.getByRole('row').filter({ hasText: `No ${absentTitle.toLowerCase()}` });
    const text = await row.textContent();
    expect(text).toContain('High');
    expect(text).toContain('Open');
    expect(text).toMatch(/WO-\d{4}-\d+/);
    const pdf = await page.request.get(
      (await page.getByRole('link', { name: 'Report (PDF)' }).getAttribute('href')) ?? '',
    );
    expect(pdf.headers()['content-type']).toContain('application/pdf');

    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Security assessments' }).click();
    await page
      .getByRole('navigation', { name: 'Security assessments' })
      .getByRole('link', { name: 'Findings' })
      .click();
    await page
      .getByRole('table', { name: 'Findings' })
      .getByRole('link', { name: `No ${absentTitle.toLowerCase()}` })
      .waitFor();
    expect(errors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });

  it('the assessment list and a completed assessment fit a phone screen', async () => {
    const { page, errors } = await e2e.signedInPage('director@demo.test', undefined, PHONE);
    await page.goto('/assessments');
    const table = page.getByRole('table', { name: 'Security assessments' });
    await table.waitFor();
    await expectNoHorizontalOverflow(page, 'assessment list');
    await table.getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Summary' }).waitFor();
    await expectNoHorizontalOverflow(page, 'assessment');
    expect(errors).toEqual([]);
  });
});

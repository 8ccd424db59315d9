import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, apiSession, expectNoHorizontalOverflow, startE2E, type E2E } from './support/index.js';

interface Session {
  schools: { id: string; name: string }[];
}

describe('safety equipment', () => {
  let e2e: E2E;
  let itemId: string;
  let itemName: string;
  beforeAll(async () => {
    e2e = await startE2E();
    // Campus security keeps the inventory of Riverbend High: a fire extinguisher of the spec's own, never inspected.
    const security = await apiSession(e2e.baseUrl, 'security@demo.test');
    try {
      const { schools } = await security.get<Session>('/auth/session');
      itemName = `Extinguisher by the chemistry lab ${Date.now().toString(36)}`;
      const item = await security.post<{ id: string }>('/equipment', {
        schoolId: schools[0]!.id,
        type: 'fire_extinguisher',
        name: itemName,
        serialNumber: `FE-${Date.now().toString(36)}`,
      });
      itemId = item.id;
    } finally {
      await security.close();
    }
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('a failed inspection opens a work order that the inspector sees and finds in the work-order list', async () => {
    const { page, errors, failedRequests } = await e2e.signedInPage('security@demo.test');
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Safety equipment' })
      .click();
    await page.getByRole('search', { name: 'Filter equipment' }).getByLabel('Search').fill(itemName);
    await page.getByRole('table', { name: 'Safety equipment' }).getByRole('link', { name: itemName }).click();
    await page.getByRole('heading', { level: 1, name: itemName }).waitFor();

    await page.getByRole('button', { name: 'Record an inspection' }).click();
    const form = page.getByRole('form', { name: 'Inspection' });
    const checks = form.getByRole('list', { name: 'Checklist' }).getByRole('group');
    const count = await checks.count();
    expect(count).toBeGreaterThanOrEqual(2);
    // Every point passes except the pressure gauge, which reads in the red.
    for (let i = 0; i < count; i += 1) {
      const name = (await checks.nth(i).locator('legend').textContent()) ?? '';
      await checks
        .nth(i)
        .getByRole('radio', { name: /pressure/i.test(name) ? 'Fail' : 'Pass' })
        .check();
    }
    await form.getByLabel(/What is wrong/).fill('Needle in the red zone');
    await form.getByRole('button', { name: 'Save inspection' }).click();

    const banner = page.getByText('The inspection failed. Work order');
    await banner.waitFor();
    const number = (await banner.getByRole('link').textContent()) ?? '';
    expect(number).toMatch(/^WO-\d{4}-\d+$/);
    const history = page.getByRole('table', { name: 'Inspection history' });
    expect(await history.getByRole('row').filter({ hasText: 'Failed' }).textContent()).toContain(number);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Work orders' }).click();
    const row = page.getByRole('table', { name: 'Work orders' }).getByRole('row').filter({ hasText: number });
    await row.waitFor();
    expect(await row.textContent()).toContain('Failed equipment inspection');
    await row.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: new RegExp(number) }).waitFor();
    expect(await page.getByText('Needle in the red zone').count()).toBeGreaterThan(0);

    const item = await page.request.get(`/api/equipment/${itemId}`);
    expect(((await item.json()) as { lastInspectionPassed: boolean }).lastInspectionPassed).toBe(false);
    expect(errors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });

  it('the inventory and the item fit a phone screen', async () => {
    const { page, errors } = await e2e.signedInPage('security@demo.test', undefined, PHONE);
    await page.goto('/equipment');
    await page.getByRole('table', { name: 'Safety equipment' }).waitFor();
    await expectNoHorizontalOverflow(page, 'equipment list');
    await page.goto(`/equipment/${itemId}`);
    await page.getByRole('heading', { level: 1, name: itemName }).waitFor();
    await expectNoHorizontalOverflow(page, 'equipment item');
    expect(errors).toEqual([]);
  });
});

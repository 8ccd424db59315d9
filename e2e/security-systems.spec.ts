import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, apiSession, expectNoHorizontalOverflow, startE2E, type E2E } from './support/index.js';

interface Session {
  schools: { id: string; name: string }[];
}
interface Glance {
  byStatus: { working: number; degraded: number; offline: number };
}

describe('security systems', () => {
  let e2e: E2E;
  let schoolId: string;
  let cameraName: string;
  beforeAll(async () => {
    e2e = await startE2E();
    // Campus security registers a camera of the spec's own at Riverbend High, where the demo teacher works.
    const security = await apiSession(e2e.baseUrl, 'security@demo.test');
    try {
      schoolId = (await security.get<Session>('/auth/session')).schools[0]!.id;
      cameraName = `Camera east stairwell ${Date.now().toString(36)}`;
      await security.post('/security-systems', { schoolId, kind: 'camera', name: cameraName });
    } finally {
      await security.close();
    }
  });
  afterAll(async () => {
    await e2e?.close();
  });

  // The glance's "Offline" tile: <div><dt>Offline</dt><dd>n</dd></div> in the list of counts by status.
  const offlineTile = (page: Page) =>
    page.locator('dl[aria-label^="Systems by status"] > div', { hasText: 'Offline' }).locator('dd');

  it("a teacher's outage report turns the camera offline and raises the school's offline count", async () => {
    const { page, errors, failedRequests } = await e2e.signedInPage('staff@demo.test');
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Security systems' })
      .click();
    await page.getByRole('heading', { name: /Status at a glance/ }).waitFor();
    const before = Number(await offlineTile(page).textContent());
    const api = await page.request.get(`/api/security-systems/glance?schoolId=${schoolId}`);
    expect(before).toBe(((await api.json()) as Glance).byStatus.offline);

    const row = page
      .getByRole('table', { name: 'Security systems' })
      .getByRole('row')
      .filter({ hasText: cameraName });
    expect(await row.textContent()).toContain('Working');
    await row.getByRole('button', { name: `Report an outage of ${cameraName}` }).click();
    const form = page.getByRole('form', { name: `Report an outage of ${cameraName}` });
    await form.getByLabel('How bad').selectOption('offline');
    await form.getByLabel('What is wrong').fill('Black screen since this morning; the status light is off.');
    await form.getByRole('button', { name: 'Report the outage' }).click();

    const notice = page.getByRole('status').filter({ hasText: `Outage of ${cameraName} reported` });
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/Work order WO-\d{4}-\d+ is open/);
    await expect.poll(async () => Number(await offlineTile(page).textContent())).toBe(before + 1);
    await expect.poll(async () => row.textContent()).toContain('Offline');
    const down = page
      .getByRole('heading', { name: 'Not working now' })
      .locator('xpath=following-sibling::ul[1]');
    expect(await down.textContent()).toContain(cameraName);
    expect(errors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });

  it('the director sees the outage in the district overview, also on a phone', async () => {
    const { page, errors } = await e2e.signedInPage('director@demo.test', undefined, PHONE);
    await page.goto('/security-systems/district');
    const table = page.getByRole('table', { name: 'Security-system outages by school' });
    await table.waitFor();
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'Riverbend High School' }) });
    expect(Number(await row.getByRole('cell').nth(2).textContent())).toBeGreaterThanOrEqual(1);
    await expectNoHorizontalOverflow(page, 'district overview');
    expect(errors).toEqual([]);
  });
});

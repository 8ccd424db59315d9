import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISTRICT_TIME_ZONE, startE2E, type E2E, type TrackedPage } from './support/index.js';

/** Sends a change through the page's own cookies, with the CSRF token the API expects. */
async function post(
  tracked: TrackedPage,
  baseUrl: string,
  path: string,
  data: unknown,
): Promise<Record<string, unknown>> {
  const token = (await tracked.context.cookies(baseUrl)).find((c) => c.name === 'sro_csrf')?.value ?? '';
  const res = await tracked.context.request.post(`${baseUrl}/api${path}`, {
    data,
    headers: { 'x-csrf-token': token },
  });
  if (!res.ok()) throw new Error(`POST ${path} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

// The report form and view beyond the main flow; investigative narratives are for law enforcement roles only.
describe('incidents: phone layout, stale saves, evidence, tasks, history and who sees the narrative', () => {
  let e2e: E2E;
  let incidentId = '';
  const secret = `narrative-${Date.now().toString(36)} the suspect admitted bringing the knife`;

  beforeAll(async () => {
    e2e = await startE2E();
    const sro = await e2e.signedInPage('sro@demo.test');
    const session = await (await sro.context.request.get(`${e2e.baseUrl}/api/auth/session`)).json();
    const school = (session.schools as { id: string; name: string }[]).find(
      (s) => s.name === 'Riverbend High School',
    );
    const created = await post(sro, e2e.baseUrl, '/incidents', {
      schoolId: school!.id,
      occurredAt: new Date(Date.now() - 3600_000).toISOString(),
      summary: 'Item found in a locker',
      narrative: secret,
    });
    incidentId = String(created.id);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('the SRO reads it on a phone-sized screen without sideways scrolling', async () => {
    const tracked = await e2e.signedInPage('sro@demo.test');
    const { page } = tracked;
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of [
      `/incidents/${incidentId}/edit`,
      `/incidents/${incidentId}`,
      '/incidents',
      '/incidents/calls',
    ]) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page
        .locator('[role=status]')
        .filter({ hasText: /^Loading/ })
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
      expect(overflow, `sideways overflow on ${path}`).toBeLessThanOrEqual(0);
    }
    await page.goto(`/incidents/${incidentId}`);
    await page.getByText(secret).waitFor();
    expect(tracked.errors).toEqual([]);
  });

  it('a stale autosave shows what changed and lets the user keep their text', async () => {
    const first = await e2e.signedInPage('sro@demo.test');
    const second = await e2e.signedInPage('sro@demo.test');
    await first.page.goto(`/incidents/${incidentId}/edit`);
    await second.page.goto(`/incidents/${incidentId}/edit`);
    await first.page.getByLabel('Summary', { exact: true }).fill('Knife found in a locker (first tab)');
    await first.page
      .getByRole('status')
      .filter({ hasText: /All changes saved/ })
      .waitFor();
    await second.page.getByLabel('Summary', { exact: true }).fill('Knife found in a locker (second tab)');
    const dialog = second.page.getByRole('dialog', { name: 'Someone else changed this report' });
    await dialog.waitFor();
    await dialog.getByText('Knife found in a locker (first tab)').waitFor();
    await dialog.getByRole('button', { name: 'Keep mine' }).click();
    await second.page
      .getByRole('status')
      .filter({ hasText: /All changes saved/ })
      .waitFor();
    await first.page.reload();
    await expect
      .poll(() => first.page.getByLabel('Summary', { exact: true }).inputValue())
      .toBe('Knife found in a locker (second tab)');
    expect(first.errors).toEqual([]);
    // The browser itself logs the refused save (409); nothing else may appear.
    expect(second.errors.filter((e) => !/status of 409/.test(e))).toEqual([]);
  });

  it('evidence uploads, a task gets its clock, and any saved version opens', async () => {
    const tracked = await e2e.signedInPage('sro@demo.test');
    const { page } = tracked;
    await page.goto(`/incidents/${incidentId}/edit`);
    // A 1x1 PNG: the server decides the type from these bytes, not from the name.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    await page
      .getByLabel('Add files')
      .setInputFiles({ name: 'locker.png', mimeType: 'image/png', buffer: png });
    await page.getByText('locker.png was added.').waitFor();
    await page.getByRole('link', { name: 'locker.png' }).waitFor();

    await page.getByRole('button', { name: 'Add task' }).click();
    await page.getByLabel('Task', { exact: true }).fill('Call the parents');
    // The browser runs in the district's zone: the due time is typed as the district's wall clock.
    const wall = new Intl.DateTimeFormat('en-CA', {
      timeZone: DISTRICT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).formatToParts(new Date(Date.now() + 26 * 3600_000));
    const part = (type: string) => wall.find((p) => p.type === type)!.value;
    const local = `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
    await page.getByLabel('Due', { exact: true }).fill(local);
    await page.getByRole('form', { name: 'Add a task' }).getByRole('button', { name: 'Add task' }).click();
    await page.getByText('Call the parents').waitFor();
    await page.getByText(/1 d 1 h left|1 d 2 h left/).waitFor();

    await page.goto(`/incidents/${incidentId}`);
    await page.getByRole('button', { name: 'View version 1' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Version 1' });
    await dialog.getByText(secret).waitFor();
    expect(tracked.errors).toEqual([]);
  });

  it('a counselor of the same school is refused the page and the API, and never sees the text', async () => {
    const tracked = await e2e.signedInPage('counselor@demo.test');
    const { page } = tracked;
    await page.goto(`/incidents/${incidentId}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/not available to you/i);
    expect(await page.content()).not.toContain(secret);
    expect(await page.getByRole('link', { name: 'Calls & incidents' }).count()).toBe(0);
    const res = await tracked.context.request.get(`${e2e.baseUrl}/api/incidents/${incidentId}`);
    expect([403, 404]).toContain(res.status());
    expect(await res.text()).not.toContain(secret);
    expect(tracked.errors).toEqual([]);
  });
});

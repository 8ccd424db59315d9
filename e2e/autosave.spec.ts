import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, startE2E, type E2E, type TrackedPage } from './support/index.js';

/** The page's own API session: GET or POST with its cookies (and the CSRF token the API expects for POST). */
async function call(tracked: TrackedPage, baseUrl: string, path: string, data?: unknown): Promise<Record<string, unknown>> {
  const token = (await tracked.context.cookies(baseUrl)).find((c) => c.name === 'sro_csrf')?.value ?? '';
  const url = `${baseUrl}/api${path}`;
  const res = data === undefined
    ? await tracked.context.request.get(url)
    : await tracked.context.request.post(url, { data, headers: { 'x-csrf-token': token } });
  if (!res.ok()) throw new Error(`${path} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** The copies of unsent typing the page keeps in IndexedDB, as JSON text (empty when none). */
function storedCopies(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('srodesk-drafts', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('drafts');
        open.onerror = () => resolve('');
        open.onsuccess = () => {
          const all = open.result.transaction('drafts').objectStore('drafts').getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve(all.result.length ? JSON.stringify(all.result) : '');
          };
          all.onerror = () => resolve('');
        };
      }),
  );
}

// The browser reports every 4xx answer as "Failed to load resource"; the server's refusals of the offense are expected.
const refusedSave = (e: string) => /Failed to load resource: .* status of 400/.test(e);

/** The form's save status (the live region next to the submit button). */
const saveStatus = (page: Page) => page.locator('.save-status[role=status]');

// The original bug: the form said "All changes saved" while the server had refused an offense (13B with a
// handgun), and after a reload the offense was gone. The page must tell the truth and lose nothing typed.
describe('autosave that never lies', () => {
  let e2e: E2E;
  let sro: TrackedPage;
  let incidentId = '';
  const token = `okapi${Date.now().toString(36)}`;

  beforeAll(async () => {
    e2e = await startE2E();
    sro = await e2e.signedInPage('sro@demo.test');
    const session = await call(sro, e2e.baseUrl, '/auth/session');
    const school = (session.schools as { id: string; name: string }[]).find((s) => s.name === 'Riverbend High School');
    const created = await call(sro, e2e.baseUrl, '/incidents', {
      schoolId: school!.id,
      occurredAt: new Date(Date.now() - 3600_000).toISOString(),
      summary: 'Shoving in the hallway',
      narrative: 'Called to the east hallway.',
    });
    incidentId = String(created.id);
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('an offense the server refuses stays on screen as "not saved", and the status never says all saved', async () => {
    const { page } = sro;
    await page.goto(`/incidents/${incidentId}/edit`);
    await page.getByRole('heading', { level: 1, name: /Report \d{4}-\d{6}/ }).waitFor();
    await page.getByRole('button', { name: 'Add offense' }).click();
    await page.getByRole('searchbox', { name: 'NIBRS offense' }).fill('simple assault');
    await page.getByRole('button', { name: /13B Simple Assault/ }).click();
    // A handgun makes it 13A: the server's NIBRS edit refuses 13B with weapon 12.
    await page.getByLabel('Weapon or force (required)').selectOption('12');

    await saveStatus(page).filter({ hasText: /Not everything is saved/ }).waitFor();
    const card = page.locator('.repeat-card').filter({ has: page.getByRole('heading', { name: 'Offense 1' }) });
    await card.getByText(/Not saved — 13B Simple Assault allows only 40, 90, 95 or 99/).waitFor();
    await page.getByRole('alert', { name: 'Parts not saved' }).getByText(/Offense 1 \(13B\): not saved — 13B Simple Assault/).waitFor();
    expect(await card.getByRole('listitem').filter({ hasText: '12 Handgun' }).count()).toBe(1);
    expect(await page.getByText(/All changes saved/).count()).toBe(0);
    // The screen tells the truth: the server holds the report without the offense.
    expect((await call(sro, e2e.baseUrl, `/incidents/${incidentId}`)).offenses).toEqual([]);
    // Submitting would file the server's copy without the offense: the page refuses and says why.
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.getByText(/Offense 1 \(13B\) is not saved \(13B Simple Assault/).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/incidents/${incidentId}/edit`);
    await expectAccessible(page, 'report form with a refused offense');

    // A reload offers the refused offense back (it was never on the server): nothing typed is lost.
    await page.reload();
    await page.getByText(/You have unsaved changes from/).waitFor();
    await page.getByRole('button', { name: 'Restore unsaved changes of the report' }).click();
    await card.getByText(/Not saved — 13B Simple Assault allows only/).waitFor();
    await saveStatus(page).filter({ hasText: /Not everything is saved/ }).waitFor();
    expect(await page.getByText(/All changes saved/).count()).toBe(0);
    expect(sro.errors.filter((e) => !refusedSave(e))).toEqual([]);
  });

  it('typing that never reached the server survives a closed tab and is offered back', async () => {
    const { page, context } = sro;
    // The connection drops: saves of the report hang and never reach the server.
    const held: Route[] = [];
    await page.route(`**/api/incidents/${incidentId}`, async (route) => {
      if (route.request().method() === 'PATCH') held.push(route);
      else await route.continue();
    });
    const narrative = page.getByLabel('Narrative', { exact: true });
    await narrative.fill(`Called to the east hallway. A student shoved another into the lockers. ${token}`);
    await expect.poll(() => storedCopies(page), { timeout: 10_000 }).toContain(token);
    expect(await page.getByText(/All changes saved/).count()).toBe(0);
    await page.close();
    expect(String((await call(sro, e2e.baseUrl, `/incidents/${incidentId}`)).narrative)).not.toContain(token);

    // A new tab of the same browser: the copy is offered, and taken with the keyboard.
    const again = await context.newPage();
    const errors: string[] = [];
    again.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    again.on('pageerror', (e) => errors.push(e.message));
    await again.goto(`/incidents/${incidentId}/edit`);
    await again.getByText(/You have unsaved changes from/).waitFor();
    await expectAccessible(again, 'report form offering unsaved changes');
    const restore = again.getByRole('button', { name: 'Restore unsaved changes of the report' });
    await restore.focus();
    await again.keyboard.press('Enter');
    await expect.poll(() => again.getByLabel('Narrative', { exact: true }).inputValue()).toContain(token);
    await again.getByText(/Not saved — 13B Simple Assault allows only/).waitFor();
    await saveStatus(again).filter({ hasText: /Not everything is saved/ }).waitFor();
    expect(String((await call(sro, e2e.baseUrl, `/incidents/${incidentId}`)).narrative)).toContain(token);

    // Fixing the offense puts everything on the server: only now "All changes saved", and the copy is gone.
    await again.getByRole('button', { name: 'Remove 12' }).click();
    await again.getByLabel('Weapon or force (required)').selectOption('40');
    await saveStatus(again).filter({ hasText: /All changes saved/ }).waitFor();
    const held13B = (await call(sro, e2e.baseUrl, `/incidents/${incidentId}`)).offenses as { code: string; weaponForce: string[] }[];
    expect(held13B.map((o) => [o.code, o.weaponForce])).toEqual([['13B', ['40']]]);
    await expect.poll(() => storedCopies(again)).toBe('');
    await again.reload();
    await again.getByLabel('Narrative', { exact: true }).waitFor();
    expect(await again.getByText(/You have unsaved changes/).count()).toBe(0);
    expect(errors.filter((e) => !refusedSave(e))).toEqual([]);
    await again.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReunificationStudent } from '../common/alerts.js';
import { startE2E, type E2E, type TrackedPage } from './support/index.js';

/** GET /api<path> with the page's session. */
async function apiGet<T>(tracked: TrackedPage, path: string): Promise<T> {
  const res = await tracked.context.request.get(`/api${path}`);
  if (!res.ok()) throw new Error(`GET ${path} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

describe('reunification', () => {
  let e2e: E2E;
  let admin: TrackedPage; // the checker at the reunification site
  let sro: TrackedPage; // watches the board of students still waiting

  beforeAll(async () => {
    e2e = await startE2E();
    admin = await e2e.signedInPage('admin@demo.test');
    sro = await e2e.signedInPage('sro@demo.test');
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('refuses release to an adult not on the roster and says why; releases to a listed guardian after runner and confirmation', async () => {
    const { page } = admin;
    await page.goto('/reunification');
    await page.getByRole('button', { name: 'Open reunification' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reunification site').fill('Riverbend Community Church, 400 Oak St');
    await dialog.getByLabel('This is a drill').check();
    await dialog.getByRole('button', { name: 'Open reunification' }).click();
    await page.waitForURL(/\/reunification\/[0-9a-f-]{36}$/);
    const eventId = page.url().split('/').pop()!;
    await page.getByText('DRILL — THIS IS A DRILL').first().waitFor();

    // The SRO watches the same board from another screen.
    await sro.page.goto(`/reunification/${eventId}`);
    await sro.page.locator('[data-live-state="live"]').waitFor({ state: 'attached' });
    const waitingCount = () => sro.page.locator('[data-total="waiting"] dd').innerText();
    expect(await waitingCount()).toBe('0');

    // A student of the school with a guardian allowed to pick up (from the roster, via the API).
    const session = await apiGet<{ schools: { id: string }[] }>(admin, '/auth/session');
    const roster = await apiGet<{ items: { studentNumber: string }[] }>(
      admin,
      `/students?schoolId=${session.schools[0]!.id}&pageSize=50`,
    );
    let student: ReunificationStudent | undefined;
    for (const s of roster.items) {
      const found = await apiGet<{ items: ReunificationStudent[] }>(
        admin,
        `/reunifications/${eventId}/students?q=${s.studentNumber}`,
      );
      student = found.items.find(
        (f) => f.studentNumber === s.studentNumber && f.guardians.some((g) => g.mayPickUp && g.hasCustody),
      );
      if (student) break;
    }
    if (!student) throw new Error('no student with a guardian allowed to pick up on the demo roster');
    const guardian = student.guardians.find((g) => g.mayPickUp && g.hasCustody)!;

    const card = async () => {
      await page.getByRole('searchbox', { name: 'Student' }).fill(student.studentNumber);
      await page.getByRole('button', { name: `Choose ${student.name}` }).click();
      await page.getByRole('list', { name: `Guardians of ${student.name} on the roster` }).waitFor();
    };

    // An adult who is not on the roster: refused, and the reason is on screen.
    await card();
    await page.getByRole('radio', { name: 'An adult not on the roster' }).check();
    await page.getByLabel('Name as on the photo ID').fill('Jordan Stranger');
    await page.getByLabel('Photo ID', { exact: true }).selectOption('drivers_license');
    await page.getByLabel('I compared the photo ID with the adult in front of me').check();
    await page.getByRole('button', { name: 'Record the card' }).click();
    const refused = page.locator('.release-refused');
    await refused.waitFor();
    expect(await refused.getAttribute('role')).toBe('alert');
    const refusal = await refused.innerText();
    expect(refusal).toContain(`Release refused: ${student.name} may not leave with Jordan Stranger`);
    expect(refusal).toContain('not listed among the student');
    const log = page.getByRole('list', { name: 'Release log' });
    await log.getByText('Refused: Jordan Stranger is not listed').waitFor();
    expect(await waitingCount()).toBe('0');

    // The listed guardian: card, runner, the student confirms, release with initials.
    await card();
    await page
      .getByRole('radio', { name: `${guardian.name} (${guardian.relationship})`, exact: true })
      .check();
    expect(await page.getByLabel('Name as on the photo ID').inputValue()).toBe(guardian.name);
    await page.getByLabel('Photo ID', { exact: true }).selectOption('state_id');
    await page.getByLabel('I compared the photo ID with the adult in front of me').check();
    await page.getByRole('button', { name: 'Record the card' }).click();
    await page.getByText(`Card recorded for ${student.name}.`).waitFor();
    // The other screen's board of students still waiting changes without a reload.
    await expect.poll(waitingCount, { timeout: 5000 }).toBe('1');
    await sro.page.getByRole('list', { name: 'Students waiting' }).getByText(student.name).waitFor();

    await page.getByRole('button', { name: `Send a runner for ${student.name}` }).click();
    await page.getByRole('dialog').getByLabel("Runner's name").fill('Coach Ellis');
    await page.getByRole('dialog').getByRole('button', { name: 'Send runner' }).click();
    await page.getByText(`A runner is bringing ${student.name}.`).waitFor();
    await page.getByRole('button', { name: `Release ${student.name}` }).click();
    const release = page.getByRole('dialog');
    await release.getByRole('radio', { name: 'Yes, the student confirms' }).check();
    await release.getByLabel('Your initials').fill('PN');
    await release.getByRole('button', { name: 'Release the student' }).click();
    await page.getByText(`${student.name} was released to ${guardian.name}.`).waitFor();
    await expect.poll(waitingCount, { timeout: 5000 }).toBe('0');
    await expect.poll(() => sro.page.locator('[data-total="released"] dd').innerText()).toBe('1');
    await expect.poll(() => log.innerText(), { timeout: 5000 }).toContain('by PN');

    for (const t of [admin, sro]) expect([...t.errors, ...t.failedRequests]).toEqual([]);
  });
});

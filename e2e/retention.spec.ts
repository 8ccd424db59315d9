import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, DEMO_PASSWORD, launchBrowser, openPage, startServer, type RunningServer, type TrackedPage } from './support/index.js';

// Records retention as the district administrator (the demo sysadmin) does it: the schedules with their state
// citations, one period shortened (saved and audited), a legal hold set on a demo incident by its number and lifted,
// and a destruction report that the server's own nightly job makes, approved and purged. The job runs when the server
// starts (once per district day), so this spec has its own server: the schedule is shortened, then the server restarts
// on the same data folder and its start-up run lists the demo drills that are now past their period.
const STARTUP_MS = Number(process.env.E2E_STARTUP_MS) || 180_000;
const ADMIN = 'sysadmin@demo.test';
const DRILLS = 'Drill records';

interface Line { recordType: string; label: string; count: number; purged: number | null }
interface Report { id: string; day: string; state: string; total: number; lines: Line[] }

/** A page of `server` signed in as `email` through the API (the sign-in form has its own spec). */
async function signedIn(browser: Browser, server: RunningServer, email: string): Promise<TrackedPage> {
  const tracked = await openPage(browser, server.url);
  await tracked.context.request.get(`${server.url}/api/health`);
  const token = (await tracked.context.cookies(server.url)).find((c) => c.name === 'sro_csrf')?.value ?? '';
  const res = await tracked.context.request.post(`${server.url}/api/auth/sign-in`, { data: { email, password: DEMO_PASSWORD }, headers: { 'x-csrf-token': token } });
  if (res.status() !== 200) throw new Error(`sign-in of ${email} answered ${res.status()}`);
  return tracked;
}


describe('records retention: schedules, legal holds, and a destruction report from the nightly job', () => {
  let server: RunningServer;
  let browser: Browser;
  const pages: TrackedPage[] = [];
  const open = async (email = ADMIN) => {
    const tracked = await signedIn(browser, server, email);
    pages.push(tracked);
    return tracked;
  };

  beforeAll(async () => {
    server = await startServer({ keepDataDir: true, timeoutMs: STARTUP_MS });
    browser = await launchBrowser();
  }, STARTUP_MS + 60_000);
  afterAll(async () => {
    for (const p of pages) await p.close().catch(() => undefined);
    await browser?.close();
    if (server) {
      await server.stop();
      rmSync(server.dataDir, { recursive: true, force: true });
    }
  });

  it('shows every schedule with its state citation; a shortened period is saved and audited', async () => {
    const api = await apiSession(server.url, ADMIN);
    const { state, items } = await api.get<{ state: string; items: { label: string; stateDefault: { citation: string } | null }[] }>('/retention/schedules');
    await api.close();
    const tracked = await open();
    const { page } = tracked;
    await page.goto('/retention');
    await page.getByRole('heading', { level: 1, name: 'Records retention' }).waitFor();
    // The demo data is recent: nothing is past its state period when the server first starts.
    await page.getByText('No destruction report yet.').waitFor();
    const table = page.getByRole('table', { name: `Retention periods (defaults of ${state})` });
    await table.waitFor();
    for (const s of items) {
      const row = table.getByRole('row').filter({ hasText: s.label });
      expect(await row.textContent(), s.label).toContain(s.stateDefault!.citation);
    }

    await page.getByRole('button', { name: `Change retention of ${DRILLS}` }).click();
    const dialog = page.getByRole('dialog', { name: `Retention: ${DRILLS}` });
    await dialog.getByText(/^State default: 3 years\./).waitFor();
    await dialog.getByLabel('Years after the date of the drill').fill('1');
    await dialog.getByLabel("Note (board policy, counsel's advice)").fill('Board policy 2026-14');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText(`${DRILLS}: saved.`).waitFor();
    const row = table.getByRole('row').filter({ hasText: DRILLS });
    await expect.poll(() => row.textContent()).toContain('1 years after the date of the drill');
    expect(await row.textContent()).toContain('District: Board policy 2026-14');

    await page.goto('/audit');
    await page.getByLabel('Event', { exact: true }).selectOption('retention.schedule_changed');
    const event = page.getByRole('table', { name: 'Audit events' }).getByRole('row').filter({ hasText: 'retention.schedule_changed' }).first();
    await event.waitFor();
    const detail = await event.textContent();
    expect(detail).toContain('recordType: drill');
    expect(detail).toContain('before: 3');
    expect(detail).toContain('after: 1');
    expect(tracked.errors).toEqual([]);
  });

  it('puts a demo incident on legal hold by its number and lifts it with a reason', async () => {
    const supervisor = await apiSession(server.url, 'supervisor@demo.test');
    const { items } = await supervisor.get<{ items: { number: string }[] }>('/incidents?limit=5');
    await supervisor.close();
    const number = items[0]!.number;
    const tracked = await open();
    const { page } = tracked;
    await page.goto('/retention');
    const form = page.getByRole('form', { name: 'Put a record on legal hold' });
    await form.getByLabel('Kind of record').selectOption('incident');
    await form.getByLabel('Number', { exact: true }).fill(number);
    await form.getByLabel('Reason (litigation, investigation, records request)').fill('Litigation hold: Doe v. Riverbend ISD');
    await form.getByRole('button', { name: 'Put on hold' }).click();
    await page.getByText('The record is on legal hold: it will not be destroyed until the hold is lifted.').waitFor();
    const holds = page.getByRole('table', { name: 'Legal holds' });
    const row = holds.getByRole('row').filter({ hasText: `Incident ${number}` });
    await row.getByText('On hold', { exact: true }).waitFor();
    expect(await row.textContent()).toContain('Litigation hold: Doe v. Riverbend ISD');

    await row.getByRole('button', { name: `Lift the hold on ${number}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Lift legal hold' });
    await dialog.getByLabel('Why the hold ends').fill('The case was settled in October');
    await dialog.getByRole('button', { name: 'Lift hold' }).click();
    await page.getByText('The hold was lifted.').waitFor();
    await row.getByText(/^Lifted /).waitFor();
    expect(await row.getByRole('button', { name: `Lift the hold on ${number}` }).count()).toBe(0);
    expect(tracked.errors).toEqual([]);
  });

  it('the job run at the next start lists the expired drills; approval purges them and the page shows the counts', async () => {
    // The job runs at every start (and from 01:00 district time on the quarter hour), so the restart makes the report.
    const dataDir = server.dataDir;
    await server.stop();
    server = await startServer({ dataDir, keepDataDir: true, timeoutMs: STARTUP_MS });

    const api = await apiSession(server.url, ADMIN);
    let report: Report | undefined;
    await expect.poll(async () => {
      report = (await api.get<{ items: Report[] }>('/retention/reports')).items[0];
      return report?.state;
    }, { timeout: 60_000, interval: 1000 }).toBe('pending');
    const drills = report!.lines.find((l) => l.recordType === 'drill')!;
    expect(drills.count).toBeGreaterThan(0);

    const tracked = await open();
    const { page } = tracked;
    await page.goto('/retention');
    const card = page.getByRole('region', { name: /^Destruction report of / });
    await card.getByText('Awaiting approval').waitFor();
    expect(await card.textContent()).toContain(`${report!.total} records past retention`);
    const lines = card.getByRole('table');
    const drillRow = lines.getByRole('row').filter({ hasText: DRILLS });
    expect(await drillRow.textContent()).toContain('1 years');
    expect(await drillRow.textContent()).toContain(String(drills.count));

    await card.getByRole('button', { name: 'Approve destruction…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Approve destruction' });
    await dialog.getByText(`The ${report!.total} records listed are destroyed`).waitFor();
    await dialog.getByLabel('Note (optional)').fill('Reviewed with counsel');
    await dialog.getByRole('button', { name: 'Approve and destroy' }).click();
    await page.getByText(`Approved: ${report!.total} records are being destroyed.`).waitFor();

    await expect.poll(async () => (await api.get<{ items: Report[] }>('/retention/reports')).items[0]?.state, { timeout: 60_000, interval: 1000 }).toBe('purged');
    await page.reload();
    await card.getByText('Purged').waitFor();
    expect(await card.textContent()).toContain('Reviewed with counsel');
    for (const line of report!.lines.filter((l) => l.count > 0)) {
      const r = lines.getByRole('row').filter({ hasText: line.label });
      expect(await r.textContent(), line.label).toContain(`${line.count} destroyed of ${line.count}`);
    }
    await api.close();
    expect(tracked.errors).toEqual([]);
  }, STARTUP_MS + 180_000);
});

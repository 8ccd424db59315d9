import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, expectNoHorizontalOverflow, startE2E, type E2E } from './support/index.js';

interface PatrolEntry {
  id: string;
  kind: string;
  durationMinutes: number;
  notes: string | null;
  area: { id: string; name: string } | null;
}
interface ActivityEntry {
  title: string;
  kind: string;
  triadRole: string;
  source: { type: string; id: string } | null;
}
interface WorkOrder {
  number: string;
  source: string;
  description: string | null;
}

describe('patrols', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('an SRO logs a patrol on a phone; it lands in the list and in the activity log', async () => {
    const { page, context, errors, failedRequests } = await e2e.signedInPage('sro@demo.test', undefined, PHONE);
    await page.goto('/patrols');
    await page.getByRole('heading', { level: 1, name: 'Patrols & checks' }).waitFor();
    const form = page.getByRole('form', { name: 'Log a patrol' });
    await form.getByRole('radio', { name: 'Parking' }).check();
    const area = form.getByLabel('Area');
    // The areas of the school load after the form; the first real choice is the placeholder's neighbour.
    await expect.poll(() => area.locator('option').count()).toBeGreaterThan(1);
    await area.selectOption({ index: 1 });
    const areaName = (await area.locator('option:checked').innerText()).replace(/ \(.*\)$/, '');
    await form.getByRole('button', { name: '30 min' }).click();
    expect(await form.getByLabel('Duration (minutes)').inputValue()).toBe('30');
    const note = `Cars checked in the staff lot ${Date.now().toString(36)}`;
    await form.getByLabel('Notes').fill(note);
    await expectNoHorizontalOverflow(page, 'patrol form on a phone');
    await form.getByRole('button', { name: 'Log patrol' }).click();
    await form.getByText('Patrol logged.').waitFor();

    const list = page.getByRole('list', { name: 'My patrol entries' });
    const card = list.getByRole('listitem').filter({ hasText: note });
    await card.waitFor();
    expect(await card.innerText()).toContain('Parking');
    expect(await card.innerText()).toContain(areaName);
    expect(await card.innerText()).toContain('30 min');
    await expectNoHorizontalOverflow(page, 'patrol list on a phone');

    // The server kept what the form said, and the patrol is in the officer's activity log (law enforcement).
    const mine = (await (await context.request.get('/api/patrols?mine=true&limit=5')).json()) as { items: PatrolEntry[] };
    const saved = mine.items.find((p) => p.notes === note)!;
    expect(saved).toMatchObject({ kind: 'parking', durationMinutes: 30, area: { name: areaName } });
    const activity = (await (await context.request.get('/api/activity?limit=50')).json()) as { items: ActivityEntry[] };
    const logged = activity.items.find((a) => a.source?.type === 'patrol_entry' && a.source.id === saved.id);
    expect(logged).toMatchObject({ kind: 'patrol', triadRole: 'law_enforcement' });

    expect([...errors, ...failedRequests]).toEqual([]);
  });

  it('a failed item of a security check shows the work order it opened', async () => {
    const { page, context, errors, failedRequests } = await e2e.signedInPage('sro@demo.test', undefined, PHONE);
    await page.goto('/patrols/checks');
    const lists = page.getByRole('list', { name: 'Check lists' });
    const first = lists.getByRole('listitem').first();
    await first.waitFor();
    await first.getByRole('button', { name: /^Run / }).click();
    const form = page.getByRole('dialog').getByRole('form');
    const items = form.locator('.check-item');
    const count = await items.count();
    expect(count).toBeGreaterThan(1);
    // Saving with an item left open is refused in the page, naming the item.
    await form.getByRole('button', { name: 'Save check' }).click();
    await form.getByRole('alert').filter({ hasText: 'as passed or failed' }).waitFor();
    for (let i = 1; i < count; i += 1) await items.nth(i).getByRole('radio', { name: 'Pass' }).check();
    await items.nth(0).getByRole('radio', { name: 'Fail' }).check();
    const problem = `Door does not latch ${Date.now().toString(36)}`;
    await items.nth(0).getByLabel(/^What is wrong/).fill(problem);
    await expectNoHorizontalOverflow(page, 'check run on a phone');
    await form.getByRole('button', { name: 'Save check' }).click();

    const result = page.getByRole('dialog', { name: 'Check results' });
    await result.getByText(/1 item failed and 1 work order opened/).waitFor();
    const number = await result.locator('[data-work-order]').getAttribute('data-work-order');
    expect(number).toMatch(/^WO-\d{4}-\d+$/);
    expect(await result.innerText()).toContain(problem);

    // The work order exists, from the failed check, with the note as its description.
    const orders = (await (await context.request.get('/api/work-orders?source=patrol_check&status=active&limit=500')).json()) as { items: WorkOrder[] };
    expect(orders.items.find((o) => o.number === number)).toMatchObject({ source: 'patrol_check', description: problem });
    await result.getByRole('button', { name: 'Done' }).click();
    // The run is at the top of the recent checks with its failure.
    await page.getByRole('table', { name: 'Recent security checks' }).getByText(`1 of ${count} failed`).first().waitFor();

    expect([...errors, ...failedRequests]).toEqual([]);
  });
});

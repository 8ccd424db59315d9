import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, apiSession, expectNoHorizontalOverflow, startE2E, type E2E } from './support/index.js';

describe('safety plans', () => {
  let e2e: E2E;
  let plan: { id: string; title: string };
  beforeAll(async () => {
    e2e = await startE2E();
    // A protocol of the spec's own at the staff member's school, so nobody has confirmed it yet.
    const admin = await apiSession(e2e.baseUrl, 'admin@demo.test');
    try {
      const session = await admin.get<{ schools: { id: string }[] }>('/auth/session');
      plan = await admin.post<{ id: string; title: string }>('/plans', {
        schoolId: session.schools[0]!.id,
        kind: 'protocol',
        title: `Severe weather protocol ${Date.now().toString(36)}`,
        body: 'When the tornado warning sounds: SHELTER. Hazard: tornado. Strategy: go to the shelter area.',
      });
    } finally {
      await admin.close();
    }
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('a staff member, on a phone, reads the current plan and confirms it; the administrator sees who has', async () => {
    const { page, errors, failedRequests } = await e2e.signedInPage('staff@demo.test', undefined, PHONE);
    await page.goto('/plans');
    const table = page.getByRole('table', { name: 'Safety plans' });
    const row = table.getByRole('row').filter({ hasText: plan.title });
    expect(await row.textContent()).toContain('Not confirmed yet');
    await expectNoHorizontalOverflow(page, 'plans list');
    await row.getByRole('link', { name: plan.title }).click();
    await page.getByRole('heading', { level: 1, name: plan.title }).waitFor();
    expect(await page.getByRole('region', { name: 'Text of version 1' }).textContent()).toContain('SHELTER');
    // Staff read but do not edit.
    expect(await page.getByRole('form', { name: 'New version' }).count()).toBe(0);
    await page.getByRole('button', { name: 'I have read version 1' }).click();
    await page.getByText('You confirmed you have read version 1.').waitFor();
    await page.goto('/plans');
    expect(await table.getByRole('row').filter({ hasText: plan.title }).textContent()).toContain('Read and confirmed');
    expect(errors).toEqual([]);
    expect(failedRequests).toEqual([]);

    const admin = await e2e.signedInPage('admin@demo.test');
    await admin.page.goto(`/plans/${plan.id}`);
    const confirmed = admin.page.getByRole('list', { name: 'Confirmed' });
    await confirmed.getByText('Emily Carter').waitFor();
    const pending = admin.page.getByRole('list', { name: 'Not confirmed yet' });
    if ((await pending.count()) > 0) expect(await pending.textContent()).not.toContain('Emily Carter');
    expect(admin.errors).toEqual([]);
  });

  it('the SRP quick reference reads on a phone: five actions with their directives', async () => {
    const { page, errors } = await e2e.signedInPage('staff@demo.test', undefined, PHONE);
    await page.goto('/plans/srp');
    const actions = page.getByRole('list', { name: 'The five SRP actions' });
    for (const [term, directive] of [
      ['HOLD', 'In your room or area. Clear the halls.'],
      ['SECURE', 'Get inside. Lock outside doors.'],
      ['LOCKDOWN', 'Locks, lights, out of sight.'],
      ['EVACUATE', ''],
      ['SHELTER', ''],
    ] as const) {
      const card = actions.getByRole('article', { name: term });
      await card.waitFor();
      if (directive) expect(await card.textContent()).toContain(directive);
    }
    await expectNoHorizontalOverflow(page, 'SRP quick reference');
    expect(errors).toEqual([]);
  });
});

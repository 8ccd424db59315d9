import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiSession,
  expectNoHorizontalOverflow,
  PHONE,
  startE2E,
  type ApiSession,
  type E2E,
} from './support/index.js';

interface Detail {
  id: string;
  number: string;
  persons: { id: string; firstName: string }[];
}

// The receiving side of the discipline boundary: the school sees what the SRO chose to share, never the narrative.
describe('referrals: the principal receives an SRO referral to administration', () => {
  let e2e: E2E;
  let sro: ApiSession;
  let incident: Detail;
  const tag = Date.now().toString(36);
  const secret = `narrative-${tag} the witness said the older brother supplied the vape`;
  const summary = `Vaping in the east restroom (${tag}); please follow the school's discipline policy.`;

  beforeAll(async () => {
    e2e = await startE2E();
    sro = await apiSession(e2e.baseUrl, 'sro@demo.test');
    const session = await sro.get<{ schools: { id: string; name: string }[] }>('/auth/session');
    const school = session.schools.find((s) => s.name === 'Riverbend High School')!;
    incident = await sro.post<Detail>('/incidents', {
      schoolId: school.id,
      occurredAt: new Date(Date.now() - 3600_000).toISOString(),
      summary: 'Vaping in a restroom',
      narrative: secret,
      offenses: [{ kind: 'school', category: 'vaping' }],
      persons: [
        { kind: 'visitor', role: 'suspect', firstName: 'Rowan', lastName: `Referred${tag}` },
        { kind: 'visitor', role: 'witness', firstName: 'Wendy', lastName: `Unshared${tag}` },
      ],
    });
    await sro.post(`/incidents/${incident.id}/referrals`, {
      kind: 'administration',
      summary,
      personIds: [incident.persons.find((p) => p.firstName === 'Rowan')!.id],
    });
  });
  afterAll(async () => {
    await sro?.close();
    await e2e?.close();
  });

  it('shows in the inbox with the shared summary and named person only, and the principal acknowledges it, then closes it with an outcome', async () => {
    const tracked = await e2e.signedInPage('admin@demo.test');
    const { page } = tracked;
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Discipline referrals' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Discipline referrals' }).waitFor();
    const card = page.locator(`li[aria-label="Referral of incident ${incident.number}"]`);
    await card.getByText(summary).waitFor();
    await card.getByText(`Rowan Referred${tag}`, { exact: false }).waitFor();
    expect(await card.getByText('Open', { exact: true }).count()).toBe(1);
    const text = await page.locator('main').innerText();
    expect(text).not.toContain(secret);
    expect(text).not.toContain(`Unshared${tag}`);

    await card.getByRole('button', { name: `Acknowledge referral of incident ${incident.number}` }).click();
    await page.getByText(`Referral of incident ${incident.number} acknowledged.`).waitFor();
    await card.getByText('Acknowledged', { exact: true }).waitFor();
    expect(await card.getByRole('button', { name: /^Acknowledge/ }).count()).toBe(0);
    const admin = await apiSession(e2e.baseUrl, 'admin@demo.test');
    const { items } = await admin.get<{
      items: { incidentId: string; status: string; handledByName: string }[];
    }>('/discipline-referrals?status=acknowledged');
    await admin.close();
    expect(items.find((r) => r.incidentId === incident.id)).toMatchObject({
      status: 'acknowledged',
      handledByName: 'Patricia Nguyen',
    });

    await card.getByRole('button', { name: `Close referral of incident ${incident.number}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Outcome').fill('Two days of in-school suspension under the vaping policy.');
    await dialog.getByRole('button', { name: 'Close referral' }).click();
    await page.getByText(`Referral of incident ${incident.number} closed.`).waitFor();
    await card.getByText('Closed', { exact: true }).waitFor();
    await card.getByText(/Outcome: Two days of in-school suspension/).waitFor();

    await page.setViewportSize(PHONE);
    await page.reload();
    await card.getByText(summary).waitFor();
    await expectNoHorizontalOverflow(page, 'discipline referrals on a phone');
    expect(tracked.errors).toEqual([]);
  });

  it('campus security finds the call queue in the navigation and can use it', async () => {
    const tracked = await e2e.signedInPage('security@demo.test');
    const { page } = tracked;
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Call queue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Call queue' }).waitFor();
    await page.getByRole('button', { name: 'Log a new call' }).waitFor();
    await page
      .locator('[role=status]')
      .filter({ hasText: /^Loading/ })
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(tracked.errors).toEqual([]);
  });
});

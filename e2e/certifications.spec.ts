import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, startE2E, type E2E } from './support/index.js';

const DAY_MS = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

describe('SRO certifications', () => {
  let e2e: E2E;
  let name: string;
  let officer: string;
  beforeAll(async () => {
    e2e = await startE2E();
    // The demo SRO records a first-aid card that expires in 20 days.
    const sro = await apiSession(e2e.baseUrl, 'sro@demo.test');
    try {
      officer = (await sro.get<{ user: { name: string } }>('/auth/session')).user.name;
      name = `CPR and AED ${Date.now().toString(36)}`;
      // Kind "other": the demo SRO's seeded first-aid card runs past 20 days, which would count this one as renewed.
      await sro.post('/certifications/mine', {
        kind: 'other',
        name,
        issuer: 'American Red Cross',
        hours: 4,
        issuedOn: day(-710),
        expiresOn: day(20),
      });
    } finally {
      await sro.close();
    }
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('the supervisor sees the expiring certification among those due within 60 days', async () => {
    const { page, errors, failedRequests } = await e2e.signedInPage('supervisor@demo.test');
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'SRO certifications' }).click();
    const due = page.getByRole('table', { name: 'Certifications due' });
    const row = due.getByRole('row').filter({ hasText: name });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain(officer);
    // 20 days from now, counted in the district's time zone (19 to 21 days from UTC).
    expect(text).toMatch(/Due: expires .* \((19|20|21) days\)/);
    expect(await page.getByRole('table', { name: 'Lapsed certifications' }).getByRole('row').filter({ hasText: name }).count()).toBe(0);
    expect(errors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });

  it('the SRO sees their own certification with its state', async () => {
    const { page, errors } = await e2e.signedInPage('sro@demo.test');
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'SRO certifications' }).click();
    const row = page.getByRole('table', { name: 'Your certifications' }).getByRole('row').filter({ hasText: name });
    expect(await row.textContent()).toContain('Due: expires');
    expect(errors).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E, type TrackedPage } from './support/index.js';

/** The contracted clinician of the demo: a counselor account of an outside organization (Lakeside Behavioral Health). */
const VENDOR_EMAIL = 'vendor@demo.test';

/** The entries of the main navigation, by their names. */
async function navLinks(tracked: TrackedPage): Promise<string[]> {
  const nav = tracked.page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link').first().waitFor();
  return (await nav.getByRole('link').allInnerTexts()).map((t) => t.trim());
}

// Need to know in the browser: the clinician's navigation offers only what the server answers, and the roster, tips
// and officers' counseling referrals read as pages that do not exist, while a district counselor still has them.
describe('privacy: an outside organization\'s clinician sees only its referrals', () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('the navigation shows no roster, tips, threat cases, mentoring or counseling referrals', async () => {
    const tracked = await e2e.signedInPage(VENDOR_EMAIL);
    await tracked.page.goto('/');
    const links = await navLinks(tracked);
    expect(links).toContain('Student support');
    for (const hidden of ['Students', 'Anonymous tips', 'Threat assessment', 'Counseling referrals', 'Audit log', 'Safety plans']) {
      expect(links, hidden).not.toContain(hidden);
    }
    const counselor = await e2e.signedInPage('counselor@demo.test');
    await counselor.page.goto('/');
    const theirs = await navLinks(counselor);
    expect(theirs).toEqual(expect.arrayContaining(['Students', 'Anonymous tips', 'Counseling referrals']));
  });

  it('typing the address of the roster, the tips or the counseling referrals shows "Page not found"', async () => {
    const tracked = await e2e.signedInPage(VENDOR_EMAIL);
    for (const path of ['/students', '/tips', '/referrals/counseling', '/threats']) {
      await tracked.page.goto(path);
      await tracked.page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    }
    for (const path of ['/students', '/tips', '/counseling-referrals', '/mentoring/contacts']) {
      expect((await tracked.context.request.get(`${e2e.baseUrl}/api${path}`)).status(), path).toBe(403);
    }
  });

  it('opens its referrals, and sees guardian contact only on the one with consent obtained, without errors', async () => {
    const tracked = await e2e.signedInPage(VENDOR_EMAIL);
    await tracked.page.goto('/support');
    await tracked.page.getByRole('heading', { level: 1, name: 'Student support' }).waitFor();
    const list = (await (await tracked.context.request.get(`${e2e.baseUrl}/api/support/referrals?status=all`)).json()) as { items: { id: string }[] };
    for (const { id } of list.items) {
      const detail = (await (await tracked.context.request.get(`${e2e.baseUrl}/api/support/referrals/${id}`)).json()) as { consent: string };
      await tracked.page.goto(`/support/referrals/${id}`);
      await tracked.page.getByRole('heading', { level: 2, name: 'Referral' }).waitFor();
      const shown = await tracked.page.getByText('Guardian contact', { exact: true }).count();
      expect(shown, detail.consent).toBe(detail.consent === 'obtained' ? 1 : 0);
    }
    expect(tracked.errors).toEqual([]);
  });
});

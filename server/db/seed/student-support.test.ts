import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERRAL_STATUSES } from '../../../common/support.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { DEMO_PASSWORD } from './generate.js';
import { seedDemoIfEmpty } from './seed.js';
import { VENDOR_DEMO_ACCOUNT } from './student-support.js';
import { expectEvery } from '../../test/expect-every.js';

// The demo district's student support, as its sign-ins see it through the API.
let t: TestApp;

async function as(email: string) {
  const client = t.client();
  await client.signIn(email, DEMO_PASSWORD);
  return client;
}

beforeAll(async () => {
  // The seed dates things from the real today; the app's clock must agree for "overdue" to mean the same.
  t = await createTestApp({ now: new Date() });
  expect(await seedDemoIfEmpty(t.db, () => undefined)).toBe(true);
}, 300_000);
afterAll(async () => t?.close());

describe('demo student support', () => {
  it('has referrals in every status to a counselor, the vendor and a community program; the principal oversees them all', async () => {
    const principal = await as('admin@demo.test');
    const all = (await principal.get('/api/support/referrals?status=all')).body.items as { status: string; receiver: { kind: string }; overdue: string | null }[];
    expect(new Set(all.map((r) => r.status))).toEqual(new Set(REFERRAL_STATUSES));
    expect(new Set(all.map((r) => r.receiver.kind))).toEqual(new Set(['counselor', 'mental_health_vendor', 'community_program']));
    expect(all.some((r) => r.overdue === 'acceptance')).toBe(true);
  });

  it('the vendor clinician signs in and sees only the referrals made to the vendor, with their clinical notes', async () => {
    const vendor = await as(VENDOR_DEMO_ACCOUNT.email);
    const mine = (await vendor.get('/api/support/referrals?status=all')).body.items as { id: string; receiver: { name: string } }[];
    expect(mine.length).toBe(2);
    expectEvery(mine, (r) => r.receiver.name === 'Lakeside Behavioral Health');
    const scheduled = (await Promise.all(mine.map((r) => vendor.get(`/api/support/referrals/${r.id}`)))).find((r) => r.body.status === 'scheduled')!;
    expect(scheduled.body.notes).toHaveLength(1);
  });

  it('has a re-entry plan and a truancy team with a case, seen by their members', async () => {
    const sro = await as('sro@demo.test');
    const plans = (await sro.get('/api/support/reentry-plans')).body.items;
    expect(plans).toHaveLength(1);
    const plan = (await sro.get(`/api/support/reentry-plans/${plans[0].id}`)).body;
    expect(plan.checkIns.length).toBe(3);
    const teams = (await sro.get('/api/support/teams')).body.items;
    expect(teams[0]).toMatchObject({ focus: 'truancy', openCases: 1, overdueActionItems: 1 });
    const staff = await as('staff@demo.test');
    expect((await staff.get(`/api/support/reentry-plans/${plans[0].id}`)).status).toBe(403);
  });
});

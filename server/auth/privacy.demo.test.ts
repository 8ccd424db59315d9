import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test/app.js';
import { DEMO_PASSWORD } from '../db/seed/generate.js';
import { seedDemoIfEmpty } from '../db/seed/seed.js';
import { VENDOR_DEMO_ACCOUNT } from '../db/seed/student-support.js';

// The known leaks of the contracted clinician (issue 15), closed one by one on the demo district, each against the
// district's own counselor, who keeps what a counselor needs: the rule is about the organization, not the role.
let t: TestApp;
let vendor: TestClient;
let counselor: TestClient;
let schoolId: string;

async function as(email: string) {
  const client = t.client();
  await client.signIn(email, DEMO_PASSWORD);
  return client;
}

beforeAll(async () => {
  t = await createTestApp({ now: new Date() });
  expect(await seedDemoIfEmpty(t.db, () => undefined)).toBe(true);
  vendor = await as(VENDOR_DEMO_ACCOUNT.email);
  counselor = await as('counselor@demo.test');
  schoolId = ((await counselor.get('/api/auth/session')).body.schools as { id: string }[])[0]!.id;
}, 300_000);
afterAll(async () => t?.close());

describe('the vendor clinician (outside organization, counselor role)', () => {
  it.each([
    ['the school roster with dates of birth, guardians, custody and addresses', () => `/api/students?schoolId=${schoolId}`],
    ['every anonymous tip', () => '/api/tips'],
    ['mentoring contacts', () => '/api/mentoring/contacts'],
    ['the SRO\'s counseling referrals (incident module inbox)', () => '/api/counseling-referrals'],
    ['threat assessments', () => '/api/threat-cases'],
    ['students to refer (roster search)', () => '/api/support/students?q=an'],
  ])('is refused %s (403 forbidden) that the district counselor reads (200)', async (_what, url) => {
    const denied = await vendor.get(url());
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('forbidden');
    expect((await counselor.get(url())).status).toBe(200);
  });

  it('is told only the permissions it may use, so the web app shows no page the server refuses', async () => {
    const session = (await vendor.get('/api/auth/session')).body as { permissions: string[]; outsideOrganization: boolean };
    expect(session.outsideOrganization).toBe(true);
    expect(session.permissions).not.toContain('student.read');
    expect(session.permissions).not.toContain('tip.read');
    expect(session.permissions).not.toContain('support.read');
    expect(session.permissions).toContain('referral.manage');
  });

  it('sees the referrals addressed to its organization, a student as name, grade and school only, guardians only with consent', async () => {
    const list = (await vendor.get('/api/support/referrals?status=all')).body.items as { id: string; receiver: { name: string } }[];
    expect(list.length).toBeGreaterThan(0);
    expect(new Set(list.map((r) => r.receiver.name))).toEqual(new Set(['Lakeside Behavioral Health']));
    const details = await Promise.all(list.map(async (r) => (await vendor.get(`/api/support/referrals/${r.id}`)).body));
    for (const d of details) {
      expect(Object.keys(d.student).sort()).toEqual(['grade', 'id', 'name', 'studentNumber']);
      expect(JSON.stringify(d)).not.toMatch(/dateOfBirth|custody|street/);
    }
    const consented = details.filter((d) => d.consent === 'obtained' && d.canHandle);
    const without = details.filter((d) => d.consent !== 'obtained');
    expect(consented.length).toBeGreaterThan(0);
    expect(consented[0].guardianContacts.length).toBeGreaterThan(0);
    expect(without.length).toBeGreaterThan(0);
    expect(without.map((d) => d.guardianContacts)).toEqual(without.map(() => null));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTSIDER_PERMISSIONS, ROLE_PERMISSIONS } from '../../common/permissions.js';
import { DEMO_PASSWORD } from '../db/seed/generate.js';
import { seedDemoIfEmpty } from '../db/seed/seed.js';
import { VENDOR_DEMO_ACCOUNT } from '../db/seed/student-support.js';
import { findChainPeople } from '../modules/notifications/notifications.repository.js';
import { findTipTeam } from '../modules/tips/tips.repository.js';
import { createTestApp, type TestApp, type TestClient } from '../test/app.js';

// The outside organization's staff, as the demo district grants them: vendor@demo.test is a counselor at Riverbend
// High whose account belongs to Lakeside Behavioral Health. Beside a district counselor with the same grant, the
// clinician must see only the referrals addressed to Lakeside (common/permissions.ts OUTSIDER_PERMISSIONS).
let t: TestApp;
let vendor: TestClient;
let counselor: TestClient;

async function as(email: string) {
  const client = t.client();
  await client.signIn(email, DEMO_PASSWORD);
  return client;
}

beforeAll(async () => {
  t = await createTestApp({ now: new Date() });
  expect(await seedDemoIfEmpty(t.db, () => undefined)).toBe(true);
  [vendor, counselor] = await Promise.all([as(VENDOR_DEMO_ACCOUNT.email), as('counselor@demo.test')]);
}, 300_000);
afterAll(async () => t?.close());

/** Reads the district counselor may make (200) and the clinician may not (403: the permission is cut, not the record). */
const REFUSED = [
  '/api/students', '/api/tips', '/api/mentoring/contacts', '/api/mentoring/mediations', '/api/counseling-referrals',
  '/api/threat-cases', '/api/support/reentry-plans', '/api/support/teams', '/api/plans', '/api/drills', '/api/events',
  '/api/users',
];

describe('an outside organization\'s clinician (vendor@demo.test)', () => {
  it('is told it holds only the outsider permissions its counselor role carries', async () => {
    const session = (await vendor.get('/api/auth/session')).body as { permissions: string[] };
    const expected = ROLE_PERMISSIONS.counselor.filter((p) => OUTSIDER_PERMISSIONS.includes(p)).sort();
    expect(session.permissions).toEqual(expected);
    expect(session.permissions).not.toContain('student.read');
    expect(session.permissions).not.toContain('tip.read');
  });

  it.each(REFUSED)('is refused %s, which a district counselor at the same school reads', async (url) => {
    expect((await counselor.get(url)).status, url).toBe(200);
    const res = await vendor.get(url);
    expect(res.status, url).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('cannot read a student\'s record, even one its own referral names', async () => {
    const [referral] = (await vendor.get('/api/support/referrals?status=all')).body.items as { student: { id: string } }[];
    expect((await counselor.get(`/api/students/${referral!.student.id}`)).status).toBe(200);
    expect((await vendor.get(`/api/students/${referral!.student.id}`)).status).toBe(403);
    expect((await vendor.get(`/api/support/students?q=${encodeURIComponent('a')}`)).status).toBe(403);
  });

  it('never sees the audit log, incidents or the alert board', async () => {
    for (const url of ['/api/audit', '/api/incidents', '/api/analytics/dashboard?from=2025-07-01&to=2026-06-30']) {
      expect((await vendor.get(url)).status, url).toBe(403);
    }
  });

  it('hears alerts at its school and checks in (life safety), and reads reference data', async () => {
    for (const url of ['/api/alerts', '/api/alerts/active', '/api/schools', '/api/directory']) {
      expect((await vendor.get(url)).status, url).toBe(200);
    }
  });

  it('sees only the referrals addressed to its organization, with the student named by name, grade and school', async () => {
    const items = (await vendor.get('/api/support/referrals?status=all')).body.items as {
      id: string; receiver: { name: string }; student: Record<string, unknown>; school: { name: string };
    }[];
    expect(items.length).toBe(2);
    for (const r of items) {
      expect(r.receiver.name).toBe('Lakeside Behavioral Health');
      expect(Object.keys(r.student).sort()).toEqual(['grade', 'id', 'name', 'studentNumber']);
    }
    const others = (await counselor.get('/api/support/referrals?status=all')).body.items as { id: string }[];
    const foreign = others.find((o) => !items.some((i) => i.id === o.id))!;
    expect((await vendor.get(`/api/support/referrals/${foreign.id}`)).status).toBe(404);
  });

  it('gets guardian contact (no address, custody or restrictions) only on a referral with consent obtained', async () => {
    const items = (await vendor.get('/api/support/referrals?status=all')).body.items as { id: string }[];
    const details = await Promise.all(items.map(async (r) => (await vendor.get(`/api/support/referrals/${r.id}`)).body as {
      consent: string; guardianContacts: Record<string, unknown>[] | null;
    }));
    const withConsent = details.find((d) => d.consent === 'obtained')!;
    const without = details.find((d) => d.consent !== 'obtained')!;
    expect(withConsent.guardianContacts!.length).toBeGreaterThan(0);
    for (const g of withConsent.guardianContacts!) expect(Object.keys(g).sort()).toEqual(['email', 'name', 'phone', 'relationship']);
    expect(without.guardianContacts).toBeNull();
  });

  it('is not offered as a member of a threat assessment team', async () => {
    const session = (await vendor.get('/api/auth/session')).body as { user: { id: string } };
    const school = (await counselor.get('/api/schools')).body.items.find((s: { name: string }) => s.name === 'Riverbend High School') as { id: string };
    const candidates = (await counselor.get(`/api/threat-cases/team-candidates?schoolId=${school.id}`)).body.items as { id: string }[];
    expect(candidates.map((c) => c.id)).not.toContain(session.user.id);
  });

  it('is left out of the school\'s tip team and its escalation chain (no tip e-mail), unlike the district counselor', async () => {
    const [me, them] = await Promise.all([vendor.get('/api/auth/session'), counselor.get('/api/auth/session')]);
    const school = (me.body as { schools: { id: string; name: string }[] }).schools[0]!;
    const districtId = (me.body as { district: { id: string } }).district.id;
    const team = (await findTipTeam(t.db, districtId, school.id)).map((u) => u.id);
    expect(team).toContain(them.body.user.id);
    expect(team).not.toContain(me.body.user.id);
    const chain = (await findChainPeople(t.db, districtId, school.id, ['counselor'], false)).map((u) => u.id);
    expect(chain).toContain(them.body.user.id);
    expect(chain).not.toContain(me.body.user.id);
  });
});

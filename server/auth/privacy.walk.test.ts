import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../../common/permissions.js';
import {
  CATEGORY_REACH, DATA_CATEGORIES, OUTSIDE_ROLES, PERMISSION_CATEGORY, effectivePermissions, reachOfRole,
} from '../../common/privacy.js';
import { ROLES, type Role } from '../../common/roles.js';
import { directoryOrganizations, users } from '../db/schema/index.js';
import { createTestApp, type TestApp, type TestClient } from '../test/app.js';
import { createDistrict, createSchool, createUser } from '../test/fixtures.js';
import { routeTable, type RouteInfo } from './plugin.js';

// Walks every GET route of the OpenAPI description as every role (inside the district and of an outside
// organization) against the one need-to-know table of common/privacy.ts.
let t: TestApp;
let routes: RouteInfo[];
let openapiGets: string[];
const as = new Map<string, TestClient>();

interface Holder { who: string; role: Role; outside: boolean }
const holders: Holder[] = [
  ...ROLES.filter((r) => !OUTSIDE_ROLES.includes(r)).map((role) => ({ who: `${role}@north`, role, outside: false })),
  { who: 'counselor of a vendor@north', role: 'counselor', outside: true },
  { who: 'staff of a community program@north', role: 'staff', outside: true },
  { who: 'probation_officer@district', role: 'probation_officer', outside: true },
];

const QUERIES: Record<string, string> = {
  'GET /api/incident-students': '?q=Doe',
  'GET /api/incidents/crdc': '?from=2026-01-01T00:00:00Z&to=2026-11-01T00:00:00Z',
  'GET /api/threat-cases/team-candidates': '?schoolId=00000000-0000-4000-8000-000000000000',
  'GET /api/activity/reports/monthly': '?month=2026-10',
  'GET /api/activity/reports/monthly.pdf': '?month=2026-10',
  'GET /api/activity/reports/monthly/team': '?month=2026-10',
  'GET /api/security-systems/glance': '?schoolId=00000000-0000-4000-8000-000000000000',
  'GET /api/assessments/compare': '?from=00000000-0000-4000-8000-000000000000&to=00000000-0000-4000-8000-000000000001',
  'GET /api/education/hours': '?from=2026-01-01&to=2026-12-31',
  'GET /api/mentoring/students': '?schoolId=00000000-0000-4000-8000-000000000000&q=Doe',
  'GET /api/support/students': '?q=Doe',
  'GET /api/support/referral-targets': '?schoolId=00000000-0000-4000-8000-000000000000',
  'GET /api/support/members': '?schoolId=00000000-0000-4000-8000-000000000000',
};
const SKIP = new Set(['GET /api/live']); // a stream: the authorization walk judges it

beforeAll(async () => {
  t = await createTestApp();
  routes = routeTable.get(t.app)!;
  const doc = (await t.client().get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  openapiGets = Object.entries(doc.paths).filter(([, ops]) => 'get' in ops).map(([p]) => p.replace(/\{(\w+)\}/g, ':$1'));
  const districtId = (await createDistrict(t.database)).id;
  const north = await createSchool(t.database, { districtId, name: 'North High' });
  const [vendor, program, probation] = await t.db.insert(directoryOrganizations).values([
    { districtId, name: 'Lakeside Behavioral Health', kind: 'mental_health_vendor' },
    { districtId, name: 'Boys & Girls Club', kind: 'community_program' },
    { districtId, name: 'County Juvenile Probation', kind: 'juvenile_justice' },
  ]).returning();
  const orgOf: Record<string, string> = {
    'counselor of a vendor@north': vendor!.id, 'staff of a community program@north': program!.id, 'probation_officer@district': probation!.id,
  };
  for (const h of holders) {
    const email = `${h.who.replace(/[^a-z_@]/g, '.')}.test`;
    const user = await createUser(t.database, { email, districtId, grants: [{ role: h.role, schoolId: h.role === 'probation_officer' ? null : north.id }] });
    if (h.outside) await t.db.update(users).set({ organizationId: orgOf[h.who] }).where(eq(users.id, user.id));
    const client = t.client();
    await client.signIn(email);
    as.set(h.who, client);
  }
}, 180_000);

afterAll(async () => t?.close());

describe('the need-to-know table', () => {
  it('gives every permission a category, and every role reaches the category of each permission it holds', () => {
    for (const role of ROLES) {
      for (const p of ROLE_PERMISSIONS[role]) {
        expect(DATA_CATEGORIES, p).toContain(PERMISSION_CATEGORY[p]);
        expect(CATEGORY_REACH[role][PERMISSION_CATEGORY[p]], `${role} holds ${p}`).not.toBe('none');
      }
    }
  });

  it('keeps tips, law-enforcement and operational records from every outside organization, whatever its role', () => {
    for (const role of ROLES) {
      expect(reachOfRole(role, 'tip', true)).toBe('none');
      expect(reachOfRole(role, 'law_enforcement', true)).toBe('none');
      expect(reachOfRole(role, 'education', true)).toBe(CATEGORY_REACH[role].education === 'none' ? 'none' : 'organization');
    }
    expect(effectivePermissions(['counselor'], true)).toEqual(['area.read', 'assignment.read', 'directory.read', 'district.read', 'referral.manage', 'referral.read', 'school.read', 'user.read']);
    expect(effectivePermissions(['probation_officer'], false)).toEqual(effectivePermissions(['probation_officer'], true));
  });
});

describe('the route walk', () => {
  it('every GET route of the OpenAPI description declares the category of data it returns', () => {
    expect(openapiGets.length).toBeGreaterThan(100);
    const byKey = new Map(routes.map((r) => [`${r.method} ${r.url}`, r]));
    const missing = openapiGets.filter((url) => !byKey.get(`GET ${url}`)?.category);
    expect(missing).toEqual([]);
  });

  it.each(holders)('$who is refused every GET route whose category the table closes, and reaches the others', async ({ who, role, outside }) => {
    const client = as.get(who)!;
    const wrong: string[] = [];
    let refused = 0;
    for (const route of routes.filter((r) => r.method === 'GET' && r.access === 'user' && r.permission && !SKIP.has(`GET ${r.url}`))) {
      const reach = reachOfRole(role, route.category!, outside);
      const open = ROLE_PERMISSIONS[role].includes(route.permission!) && reach !== 'none'
        && (reach !== 'organization' || route.organizationScoped) && effectivePermissions([role], outside).includes(route.permission!);
      const url = route.url.replace(/:\w+/g, () => randomUUID()) + (QUERIES[`GET ${route.url}`] ?? '');
      const res = await client.get(url);
      if (!open) refused++;
      const ok = open ? [200, 404].includes(res.status) : res.status === 403 && res.body?.error?.code === 'forbidden';
      if (!ok) wrong.push(`${route.url} (${route.category}, ${open ? 'open' : 'closed'}) -> ${res.status}`);
    }
    expect(wrong).toEqual([]);
    if (outside) expect(refused).toBeGreaterThan(80);
  }, 120_000);
});

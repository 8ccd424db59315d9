import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLE_PERMISSIONS } from '../../common/permissions.js';
import { ROLES, type Role } from '../../common/roles.js';
import { auditEvents } from '../db/schema/index.js';
import { createTestApp, type TestApp, type TestClient } from '../test/app.js';
import { createDistrict, createSchool, createUser } from '../test/fixtures.js';
import { routeTable, type RouteInfo } from './plugin.js';
import { callRoute, SECRET_PATHS } from '../test/route-walk.js';

// Walks the route table and the one role-to-permission map: every built route refuses the anonymous and every
// role that lacks its permission, wherever the role is held. Record scope (404 outside the grants):
// authorization.scope.test.ts.
let t: TestApp;
let routes: RouteInfo[];
const as = new Map<string, TestClient>();

/** Routes any signed-in user may call on their own account: no permission by design. */
const SELF_SERVICE = new Set([
  'POST /api/auth/password', 'POST /api/auth/mfa/disable',
  // The user's own home, bell and notification choices (each answers only about the caller).
  'GET /api/home', 'GET /api/notifications', 'POST /api/notifications/:id/read', 'POST /api/notifications/read-all',
  'GET /api/notifications/preferences', 'PUT /api/notifications/preferences', 'GET /api/notifications/mobile', 'PUT /api/notifications/mobile',
  'GET /api/notifications/push', 'POST /api/notifications/push/subscriptions', 'POST /api/notifications/push/unsubscribe',
]);

const call = (client: TestClient, route: RouteInfo) => callRoute(t, client, route);

async function auditCount() {
  const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
  return Number(row!.n);
}

beforeAll(async () => {
  t = await createTestApp();
  routes = routeTable.get(t.app)!;
  const districtId = (await createDistrict(t.database)).id;
  const north = await createSchool(t.database, { districtId, name: 'North High' });
  for (const role of ROLES) {
    for (const [where, schoolId] of [['district', null], ['north', north.id]] as const) {
      const email = `${role}.${where}@isd.test`;
      await createUser(t.database, { email, districtId, grants: [{ role, schoolId }] });
      const client = t.client();
      await client.signIn(email);
      as.set(`${role}@${where}`, client);
    }
  }
  await createUser(t.database, { email: 'nobody@isd.test', districtId, grants: [] });
  const nobody = t.client();
  await nobody.signIn('nobody@isd.test');
  as.set('no role', nobody);
}, 120_000);

afterAll(async () => t?.close());

describe('the route table', () => {
  it('holds every API route with a known permission; only public, sign-in and self-service routes go without', () => {
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      if (route.permission) expect(Object.keys(PERMISSIONS), key).toContain(route.permission);
      else if (route.access === 'user') expect(SELF_SERVICE, key).toContain(key);
    }
    const withPermission = routes.filter((r) => r.permission);
    expect(withPermission.length).toBeGreaterThan(25);
    expect(new Set(routes.map((r) => `${r.method} ${r.url}`)).size).toBe(routes.length);
  });

  it('maps every role to permissions of the catalogue, and some roles lack each guarded route\'s permission', () => {
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(Object.keys(PERMISSIONS), `${role}: ${p}`).toContain(p);
    // A permission every role holds would make its route's denial walk prove nothing.
    const universal = routes.filter((r) => r.permission && ROLES.every((role) => ROLE_PERMISSIONS[role].includes(r.permission!)));
    // Those are the reference data every role works with; the user without a role proves their denial.
    expect([...new Set(universal.map((r) => r.permission))].sort()).toEqual(['area.read', 'assignment.read', 'district.read', 'school.read']);
  });
});

describe('without a session', () => {
  it('every route that is not public answers 401 and nothing else', async () => {
    const anonymous = t.client();
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.access !== 'public')) {
      const res = await call(anonymous, route);
      if (res.status !== 401 || res.body?.error?.code !== 'unauthenticated') wrong.push(`${route.method} ${route.url} -> ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('public routes answer without a session', async () => {
    const anonymous = t.client();
    for (const route of routes.filter((r) => r.access === 'public' && r.method === 'GET' && !r.url.includes('*'))) {
      // The docs' own index redirects to the docs page.
      const expected = SECRET_PATHS.has(`${route.method} ${route.url}`) ? [404] : [200, 302];
      expect(expected, route.url).toContain((await call(anonymous, route)).status);
    }
  });
});

describe('each role', () => {
  const holders: [string, Role | null][] = [
    ...ROLES.flatMap((role) => [[`${role}@district`, role], [`${role}@north`, role]] as [string, Role][]),
    ['no role', null],
  ];

  it.each(holders)('%s is refused (403) every route whose permission the role lacks, and nothing is written', async (who, role) => {
    const client = as.get(who)!;
    const held = role ? ROLE_PERMISSIONS[role] : [];
    const denied = routes.filter((r) => r.permission && !held.includes(r.permission));
    if (role === null) expect(denied).toHaveLength(routes.filter((r) => r.permission).length);
    const before = await auditCount();
    const wrong: string[] = [];
    for (const route of denied) {
      const res = await call(client, route);
      if (res.status !== 403 || res.body?.error?.code !== 'forbidden') wrong.push(`${route.method} ${route.url} -> ${res.status}`);
    }
    expect(wrong).toEqual([]);
    expect(await auditCount()).toBe(before);
  });

  it.each(holders)('%s gets past the permission check of every route it holds, for reading', async (who, role) => {
    const client = as.get(who)!;
    const held = role ? ROLE_PERMISSIONS[role] : [];
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.method === 'GET' && r.permission && held.includes(r.permission))) {
      const res = await call(client, route);
      // A random id reads as absent (404); lists answer 200. A refusal here would mean the map is not applied.
      if (![200, 404].includes(res.status)) wrong.push(`${route.method} ${route.url} -> ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });
});

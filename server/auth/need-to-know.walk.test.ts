import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_CATEGORIES, maySee, type DataCategory } from '../../common/need-to-know.js';
import { grantPermissions } from '../../common/permissions.js';
import type { Role } from '../../common/roles.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../db/seed/generate.js';
import { seedDemoIfEmpty } from '../db/seed/seed.js';
import { VENDOR_DEMO_ACCOUNT } from '../db/seed/student-support.js';
import { createTestApp, type TestApp, type TestClient } from '../test/app.js';
import { callRoute } from '../test/route-walk.js';
import { routeTable, type RouteInfo } from './plugin.js';

// Walks every GET operation of the OpenAPI document as every demo sign-in (and the outside clinician) and checks the
// answer against the need-to-know table (common/need-to-know.ts): refused (403) exactly when the table or the
// permission says no; otherwise past both checks (200, or 404 for a made-up id). An operation without a declared
// category fails here; a signed-in route without one cannot even start the app (server/auth/plugin.ts).
let t: TestApp;
let operations: { route: RouteInfo; category: DataCategory }[];
const who = new Map<string, { client: TestClient; role: Role; outsider: boolean }>();

beforeAll(async () => {
  t = await createTestApp({ now: new Date() });
  expect(await seedDemoIfEmpty(t.db, () => undefined)).toBe(true);
  for (const account of [...DEMO_ACCOUNTS, VENDOR_DEMO_ACCOUNT]) {
    const client = t.client();
    await client.signIn(account.email, DEMO_PASSWORD);
    who.set(account.email, { client, role: account.role, outsider: account === VENDOR_DEMO_ACCOUNT });
  }
  const doc = (await t.client().get('/api/openapi.json')).body as { paths: Record<string, Record<string, { 'x-data-category'?: string }>> };
  const routes = new Map(routeTable.get(t.app)!.map((r) => [`${r.method} ${r.url}`, r]));
  operations = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    const op = ops.get;
    if (!op) continue;
    const route = routes.get(`GET ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    expect(route, path).toBeDefined();
    expect(Object.keys(DATA_CATEGORIES), `${path} x-data-category`).toContain(op['x-data-category']);
    operations.push({ route: route!, category: op['x-data-category'] as DataCategory });
  }
}, 300_000);
afterAll(async () => t?.close());

describe('the need-to-know walk', () => {
  it('covers every GET route of the API description, each with a category', () => {
    expect(operations.length).toBeGreaterThan(150);
    const documented = new Set(operations.map((o) => o.route.url));
    const undocumented = routeTable.get(t.app)!.filter((r) => r.method === 'GET' && !documented.has(r.url) && r.url !== '/api/openapi.json'
      && !r.url.startsWith('/api/docs'));
    expect(undocumented.map((r) => r.url)).toEqual([]);
  });

  it.each([...DEMO_ACCOUNTS, VENDOR_DEMO_ACCOUNT].map((a) => a.email))('%s is refused exactly what the table and its permissions refuse', async (email) => {
    const { client, role, outsider } = who.get(email)!;
    const held = grantPermissions(role, outsider);
    const wrong: string[] = [];
    for (const { route, category } of operations.filter((o) => o.route.access !== 'public')) {
      const allowed = maySee([role], outsider, category) && (!route.permission || held.includes(route.permission));
      const res = await callRoute(t, client, route);
      const ok = allowed ? [200, 404].includes(res.status) : res.status === 403;
      if (!ok) wrong.push(`${route.url} [${category}] -> ${res.status}, expected ${allowed ? '200/404' : '403'}`);
    }
    expect(wrong).toEqual([]);
  });
});

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../common/roles.js';
import { rows } from '../../db/connection.js';
import { districts, schools, securityAssessments, users } from '../../db/schema/index.js';
import { seedDemoIfEmpty } from '../../db/seed/seed.js';
import { createTestApp, signedInClient, type TestApp, type TestClient } from '../../test/app.js';
import { createSchool, createUser } from '../../test/fixtures.js';

// Nothing of one district is visible from another. District A is the whole demo district; district B is created
// by the deployment operator. Users of B holding every role call every list route (a GET without path
// parameters) of the OpenAPI document, so a route added later is walked too, and no answer may carry an id,
// school name or e-mail address of district A.
let t: TestApp;
let schoolB: string;
let assessmentsOfA: string[] = [];
const idsOfA = new Set<string>();
const textsOfA: string[] = [];
const clientsOfB = new Map<string, TestClient>();
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Routes left out, each with why. */
const NOT_DISTRICT_DATA: Record<string, string> = {
  // Anonymous reporters pick any school of the deployment; these answer without an account.
  '/api/public/tips/schools': 'public tip form: schools of the deployment by design',
  '/api/public/tips/token': 'public tip form: an abuse-control token, no data',
  // The operator's own list of every district; B's users are not the operator (asserted below).
  '/api/deployment/districts': 'deployment operator only',
  '/api/live': 'an endless event stream (its scope is tested in the live module)',
};

/** Values for required query parameters, by name (B's own school where a school is asked for). */
function queryValue(route: string, name: string): string {
  if (name === 'schoolId') return schoolB;
  if (name === 'q') return 'an'; // common in names: a leak of A's people would match
  if (name === 'month') return '2026-10';
  // Two of district A's own assessments: B must read them as absent.
  if (route === '/api/assessments/compare') return assessmentsOfA[name === 'from' ? 0 : 1]!;
  if (name === 'from') return route.startsWith('/api/incidents') ? '2025-07-01T00:00:00Z' : '2025-07-01';
  if (name === 'to') return route.startsWith('/api/incidents') ? '2026-12-31T00:00:00Z' : '2026-12-31';
  throw new Error(`${route}: no value for the required query parameter ${name}; add one to queryValue`);
}

interface Operation { parameters?: { in: string; name: string; required?: boolean }[] }

async function listRoutes(): Promise<{ path: string; query: string }[]> {
  const doc = (await t.client().get('/api/openapi.json')).body as { paths: Record<string, { get?: Operation }> };
  return Object.entries(doc.paths)
    .filter(([path, item]) => item.get && !path.includes('{') && !path.startsWith('/api/docs'))
    .map(([path, item]) => {
      const required = (item.get!.parameters ?? []).filter((p) => p.in === 'query' && p.required);
      const query = required.map((p) => `${p.name}=${encodeURIComponent(queryValue(path, p.name))}`).join('&');
      return { path, query: query ? `?${query}` : '' };
    });
}

/** What an answer shows of district A: its ids, school names and e-mail addresses. */
function leaksOf(text: string): string[] {
  const found = new Set<string>();
  for (const id of text.match(UUID) ?? []) if (idsOfA.has(id.toLowerCase())) found.add(id);
  for (const needle of textsOfA) if (text.includes(needle)) found.add(needle);
  return [...found];
}

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoIfEmpty(t.db, () => undefined);
  // Every id anywhere in the database is district A's at this point.
  const columns = rows<{ table_name: string; column_name: string }>(await t.db.execute(sql`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and data_type = 'uuid'`));
  for (const c of columns) {
    const values = rows<{ v: string }>(await t.db.execute(sql.raw(`select distinct "${c.column_name}"::text as v from "${c.table_name}" where "${c.column_name}" is not null`)));
    for (const { v } of values) idsOfA.add(v.toLowerCase());
  }
  assessmentsOfA = (await t.db.select({ id: securityAssessments.id }).from(securityAssessments).limit(2)).map((r) => r.id);
  expect(assessmentsOfA).toHaveLength(2);
  const [a] = await t.db.select().from(districts);
  textsOfA.push(a!.name, ...(await t.db.select({ n: schools.name }).from(schools)).map((s) => s.n),
    ...(await t.db.select({ e: users.email }).from(users)).map((u) => u.e));

  // The operator of the deployment creates district B through the API.
  await t.db.update(users).set({ deploymentAdmin: true }).where(eq(users.email, 'sysadmin@demo.test'));
  const operator = await signedInClient(t, 'sysadmin@demo.test', 'srodesk-demo');
  const created = await operator.post('/api/deployment/districts', {
    districtName: 'Second County Schools', state: 'FL', timezone: 'America/New_York', leaid: null,
    adminName: 'Bea Second', adminEmail: 'bea@second.example', adminPassword: 'second-county-passphrase',
  });
  expect(created.status).toBe(201);
  const districtB = created.body.districtId as string;
  // Two-step sign-in stays out of the way of this test (its own tests are elsewhere).
  await t.db.update(districts).set({ mfaRequiredRoles: [] }).where(eq(districts.id, districtB));
  schoolB = (await createSchool(t.database, { districtId: districtB, name: 'Second County High' })).id;
  for (const role of ROLES) {
    await createUser(t.database, { email: `${role}@second.example`, districtId: districtB, grants: [{ role, schoolId: null }] });
    clientsOfB.set(role, await signedInClient(t, `${role}@second.example`));
  }
  clientsOfB.set('first administrator', await signedInClient(t, 'bea@second.example', 'second-county-passphrase'));
}, 600_000);

afterAll(async () => t?.close());

describe('district isolation', () => {
  it('the detector sees district A in what A\'s own users get (so silence below means something)', async () => {
    const director = await signedInClient(t, 'director@demo.test', 'srodesk-demo');
    const res = await director.get('/api/schools');
    expect(res.status).toBe(200);
    expect(leaksOf(res.text).length).toBeGreaterThan(10);
  });

  it('no list route of the OpenAPI document shows district B\'s users anything of district A', async () => {
    const routes = await listRoutes();
    expect(routes.length).toBeGreaterThan(60);
    const leaks: string[] = [];
    const failures: string[] = [];
    const answered = new Set<string>();
    for (const route of routes) {
      if (NOT_DISTRICT_DATA[route.path]) continue;
      for (const [who, client] of clientsOfB) {
        const res = await client.get(route.path + route.query);
        if (res.status >= 500 || res.status === 400 || res.status === 401) failures.push(`${who} ${route.path}${route.query} -> ${res.status} ${res.text.slice(0, 200)}`);
        if (res.status === 200) answered.add(route.path);
        const found = leaksOf(res.text);
        if (found.length) leaks.push(`${who} ${route.path}: ${found.slice(0, 3).join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
    expect(leaks).toEqual([]);
    // Every walked route answered 200 to someone of B (a route refused to all would prove nothing), except the
    // comparison of two of A's assessments, which must read as absent.
    const walked = routes.filter((r) => !NOT_DISTRICT_DATA[r.path]).map((r) => r.path);
    expect(walked.filter((p) => !answered.has(p))).toEqual(['/api/assessments/compare']);
  }, 600_000);

  it('district B\'s administrator is not the operator: the deployment\'s district list reads as absent', async () => {
    const res = await clientsOfB.get('first administrator')!.get('/api/deployment/districts');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS } from '../common/permissions.js';
import { ROLES } from '../common/roles.js';
import { routeTable, type RouteInfo } from './auth/plugin.js';
import { createTestApp, type TestApp, type TestClient } from './test/app.js';
import { createDistrict, createSchool, createUser } from './test/fixtures.js';
import { hashOf, hostileQueryValues, hostileValues, isNullable, pick, prng, sample, type JsonSchema, type Variant } from './test/fuzz.js';

// Walks every operation of the OpenAPI document (so routes added later are covered without edits) as a user
// allowed to call it, sending hostile variants of a valid request. No variant may get a 5xx, be accepted, or
// write a row; every 400 names the field. Variants are sampled per operation with a PRNG seeded by the
// operation (FUZZ_SEED changes the sample), which keeps the walk under a minute on either engine.
let t: TestApp;
let routes: RouteInfo[];
let doc: { paths: Record<string, Record<string, Operation>> };
const clients = new Map<string, TestClient>();
const SEED = Number(process.env.FUZZ_SEED ?? 16);
/** Variants tried per request part of each operation. */
const PER_PART = Number(process.env.FUZZ_VARIANTS ?? 6);

interface Parameter { name: string; in: 'path' | 'query' | 'header' | 'cookie'; required?: boolean; schema: JsonSchema }
interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

/** Operations that never end (Server-Sent Events) or end the walker's own session. */
const SKIP = new Set(['GET /api/live', 'POST /api/auth/sign-out']);

interface Attempt { key: string; label: string; status: number; code?: string; field?: string }

function routeOf(method: string, path: string): RouteInfo | undefined {
  const url = path.replace(/\{(\w+)\}/g, ':$1');
  return routes.find((r) => r.method === method && r.url === url);
}

/** A client whose district-wide grant holds the permission (anonymous for public routes). */
function clientFor(route: RouteInfo): TestClient {
  if (route.access === 'public') return clients.get('anonymous')!;
  if (!route.permission) return clients.get('system_admin') ?? clients.values().next().value!;
  const role = ROLES.find((r) => ROLE_PERMISSIONS[r].includes(route.permission!));
  return clients.get(role!)!;
}

async function rowCounts(): Promise<Record<string, number>> {
  const tables = await t.database.db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  const names = ((tables as unknown as { rows?: { table_name: string }[] }).rows ?? (tables as unknown as { table_name: string }[])).map((r) => r.table_name);
  const counts: Record<string, number> = {};
  // Sessions move with sign-ins (the walkers' own), not with the fuzzed requests.
  for (const name of names.filter((n) => n !== 'sessions' && !n.startsWith('__'))) {
    const result = await t.database.db.execute(sql.raw(`select count(*)::int as n from "${name}"`));
    const rows = (result as unknown as { rows?: { n: number }[] }).rows ?? (result as unknown as { n: number }[]);
    counts[name] = Number(rows[0]!.n);
  }
  return counts;
}

function urlOf(path: string, params: Record<string, unknown>, query: Record<string, unknown>): string {
  const filled = path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(String(params[name])));
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) search.set(k, typeof v === 'string' ? v : JSON.stringify(v));
  const text = search.toString();
  return `/api${filled.replace(/^\/api/, '')}${text ? `?${text}` : ''}`;
}

/** Real record ids by collection path: the first id the collection's GET lists (so hostile input meets real records). */
const realIds = new Map<string, string | null>();

function firstId(body: unknown): string | null {
  const list = Array.isArray(body) ? body : (body as { items?: unknown[] } | null)?.items ?? Object.values((body ?? {}) as object).find(Array.isArray);
  const id = (list as { id?: unknown }[] | undefined)?.[0]?.id;
  return typeof id === 'string' ? id : null;
}

/** The id of a real record for the first path parameter, read from the collection GET as the same client. */
async function realIdFor(path: string, client: TestClient): Promise<string | null> {
  const collection = path.split('/{')[0]!;
  if (!realIds.has(collection) && doc.paths[collection]?.get) {
    const res = await client.get(`/api${collection.replace(/^\/api/, '')}`);
    realIds.set(collection, res.status === 200 ? firstId(res.body) : null);
  }
  return realIds.get(collection) ?? null;
}

/** Every hostile request of one operation: body variants, then query and path parameter variants. */
function variantsOf(method: string, path: string, operation: Operation, realId: string | null) {
  const random = prng(hashOf(`${SEED} ${method} ${path}`));
  const parameters = operation.parameters ?? [];
  const params = Object.fromEntries(parameters.filter((p) => p.in === 'path').map((p) => [p.name, sample(p.schema)]));
  const firstParam = /\{(\w+)\}/.exec(path)?.[1];
  if (firstParam && realId) params[firstParam] = realId;
  const query = Object.fromEntries(parameters.filter((p) => p.in === 'query' && p.required).map((p) => [p.name, sample(p.schema)]));
  const jsonBody = operation.requestBody?.content['application/json']?.schema;
  const body = jsonBody ? sample(jsonBody) : undefined;
  const out: { label: string; params: typeof params; query: typeof query; body: unknown; raw?: string }[] = [];

  if (jsonBody) {
    const whole: Variant[] = [
      { label: 'body null', value: null }, { label: 'body array', value: [body] }, { label: 'body string', value: 'text' },
    ];
    const fields: Variant[] = [];
    const props = jsonBody.properties ?? {};
    for (const [key, schema] of Object.entries(props)) {
      for (const v of hostileValues(schema)) fields.push({ label: `${key}: ${v.label}`, value: { ...(body as object), [key]: v.value } });
    }
    for (const key of jsonBody.required ?? []) {
      const rest = { ...(body as Record<string, unknown>) };
      delete rest[key];
      fields.push({ label: `${key}: missing`, value: rest });
    }
    fields.push({ label: 'unknown field', value: { ...(body as object), __proto_pollution__: { admin: true } } });
    if (method === 'PATCH') whole.push({ label: 'empty PATCH', value: {} });
    const chosen = [...pick(whole, 2, random), ...pick(fields, PER_PART, random)];
    if (method === 'PATCH' && !chosen.some((v) => v.label === 'empty PATCH')) chosen.push(whole.at(-1)!);
    for (const v of chosen) out.push({ label: v.label, params, query, body: v.value });
  } else if (!['GET', 'DELETE'].includes(method) && routeOf(method, path)?.uploadTypes) {
    // A raw upload route: JSON (null, an object) never reaches the service.
    out.push({ label: 'JSON null to an upload', params, query, body: null, raw: 'null' });
    out.push({ label: 'JSON object to an upload', params, query, body: { file: 'x' } });
  }
  const queryVariants: { label: string; query: Record<string, unknown> }[] = [];
  for (const p of parameters.filter((x) => x.in === 'query')) {
    for (const v of hostileQueryValues(p.schema)) queryVariants.push({ label: `query ${p.name}: ${v.label}`, query: { ...query, [p.name]: v.value } });
  }
  for (const v of pick(queryVariants, PER_PART, random)) out.push({ label: v.label, params, query: v.query, body });
  const paramVariants: { label: string; params: Record<string, unknown> }[] = [];
  for (const p of parameters.filter((x) => x.in === 'path')) {
    if (isNullable(p.schema)) continue;
    for (const v of [{ label: 'NUL character', value: 'A\u0000B' }, { label: 'injection', value: "1' OR '1'='1" }, { label: 'huge', value: 'x'.repeat(5000) }]) {
      paramVariants.push({ label: `path ${p.name}: ${v.label}`, params: { ...params, [p.name]: v.value } });
    }
  }
  for (const v of pick(paramVariants, 2, random)) out.push({ label: v.label, params: v.params, query, body });
  return out;
}

beforeAll(async () => {
  t = await createTestApp();
  routes = routeTable.get(t.app)!;
  const districtId = (await createDistrict(t.database)).id;
  await createSchool(t.database, { districtId, name: 'North High' });
  for (const role of ROLES) {
    const email = `${role}.fuzz@isd.test`;
    await createUser(t.database, { email, districtId, grants: [{ role, schoolId: null }] });
    const client = t.client();
    await client.signIn(email);
    clients.set(role, client);
  }
  clients.set('anonymous', t.client());
  doc = (await t.client().get('/api/openapi.json')).body as typeof doc;
}, 120_000);

afterAll(async () => t?.close());

describe('hostile input on every operation of the OpenAPI document', () => {
  it('never answers 5xx, never accepts a hostile request, names the field of every 400 and writes no row', async () => {
    // First the real ids (collection reads may audit or create lazily made defaults), then the counts.
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const lower of Object.keys(methods)) {
        const route = routeOf(lower.toUpperCase(), path);
        if (route && path.includes('{')) await realIdFor(path, clientFor(route));
      }
    }
    const before = await rowCounts();
    const attempts: Attempt[] = [];
    let operations = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [lower, operation] of Object.entries(methods)) {
        const method = lower.toUpperCase();
        const key = `${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
        const route = routeOf(method, path);
        if (!route || SKIP.has(key)) continue;
        operations += 1;
        const client = clientFor(route);
        const realId = path.includes('{') ? await realIdFor(path, client) : null;
        for (const v of variantsOf(method, path, operation, realId)) {
          const url = urlOf(path, v.params, v.query);
          // Bodies go as JSON text with their type, so `null`, arrays and strings reach the parser as sent.
          const res = method === 'GET' || method === 'DELETE' || v.body === undefined
            ? await client.request(method as 'GET', url)
            : await client.request(method as 'POST', url, v.raw ?? JSON.stringify(v.body), { 'content-type': 'application/json' });
          attempts.push({ key, label: v.label, status: res.status, code: res.body?.error?.code, field: res.body?.error?.field });
        }
      }
    }
    const after = await rowCounts();
    if (process.env.FUZZ_VERBOSE) {
      /* eslint-disable no-console -- a diagnostic tally when asked for */
      const tally = new Map<string, number>();
      for (const a of attempts) tally.set(`${a.status} ${a.code ?? ''}`, (tally.get(`${a.status} ${a.code ?? ''}`) ?? 0) + 1);
      console.log(operations, attempts.length, [...tally].sort());
      console.log(attempts.filter((a) => a.status !== 400).map((a) => `${a.key} [${a.label}] -> ${a.status} ${a.code ?? ''}`).join('\n'));
      /* eslint-enable no-console */
    }

    expect(operations).toBeGreaterThan(200);
    expect(attempts.length).toBeGreaterThan(1000);
    const show = (a: Attempt) => `${a.key} [${a.label}] -> ${a.status} ${a.code ?? ''}`;
    expect(attempts.filter((a) => a.status >= 500).map(show)).toEqual([]);
    expect(attempts.filter((a) => a.status < 400).map(show)).toEqual([]);
    expect(attempts.filter((a) => a.status === 400 && !a.field).map(show)).toEqual([]);
    // An empty PATCH is refused before any UPDATE: "nothing to change" (or a required field such as the version is missing).
    const emptyPatches = attempts.filter((a) => a.label === 'empty PATCH');
    expect(emptyPatches.length).toBeGreaterThan(40);
    expect(emptyPatches.filter((a) => a.code !== 'nothing_to_change' && a.code !== 'validation_failed').map(show)).toEqual([]);
    expect(emptyPatches.filter((a) => a.code === 'nothing_to_change').length).toBeGreaterThan(30);
    const changed = Object.keys(after).filter((name) => after[name] !== before[name]).map((name) => `${name}: ${before[name]} -> ${after[name]}`);
    expect(changed).toEqual([]);
  }, 300_000);
});

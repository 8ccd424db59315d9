import { Writable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import type { Database } from './db/connection.js';
import { auditEvents, schools } from './db/schema/index.js';
import { ManualClock } from './lib/clock.js';
import { testConfig, TestClient } from './test/app.js';
import { createTestDatabase } from './test/database.js';
import { createDistrict, createSchool, createUser } from './test/fixtures.js';

// Bad input and failures across the whole stack: every 4xx/5xx is the one JSON error shape and writes nothing.
// Health, OpenAPI, API docs and the SPA fallback: app.docs.test.ts.
let database: Database;
let app: FastifyInstance;
let admin: TestClient;
let schoolId: string;
const logLines: Record<string, unknown>[] = [];
let nces = 470_000_000_000 + Math.floor(Math.random() * 9_000_000) * 1000;

const newSchool = (extra: Record<string, unknown> = {}) => ({
  ncesId: String(nces++), name: 'West Middle School', level: 'middle', gradeLow: 6, gradeHigh: 8,
  street: '9 Oak Ave', city: 'Austin', state: 'TX', zip: '78702', phone: '512-555-0199', ...extra,
});

async function counts() {
  const [s] = await database.db.select({ n: sql<number>`count(*)::int` }).from(schools);
  const [a] = await database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
  return { schools: Number(s!.n), audit: Number(a!.n) };
}

/** Asserts the one error shape: JSON `{ error: { code, message, field? } }` with the given status and code. */
function expectError(res: { status: number; headers: Record<string, unknown>; body: unknown }, status: number, code: string, field?: string) {
  expect(res.status).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/json');
  const { error } = res.body as { error: Record<string, unknown> };
  expect(Object.keys(error).sort()).toEqual(field ? ['code', 'field', 'message'] : ['code', 'message']);
  expect(error).toMatchObject({ code, message: expect.any(String), ...(field ? { field } : {}) });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line.trim()) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  app = await buildApp({ config: testConfig({ LOG_LEVEL: 'warn' }), database, clock: new ManualClock(), logStream: stream });
  await app.ready();
  const districtId = (await createDistrict(database)).id;
  schoolId = (await createSchool(database, { districtId, name: 'North High' })).id;
  await createUser(database, { email: 'admin@isd.test', districtId, grants: [{ role: 'sysadmin', schoolId: null }] });
  admin = new TestClient(app);
  await admin.signIn('admin@isd.test');
}, 60_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('bad input', () => {
  it('answers malformed JSON, an empty JSON body and a non-JSON body with 400/415 and writes nothing', async () => {
    const before = await counts();
    const json = { 'content-type': 'application/json' };
    expectError(await admin.post('/api/schools', '{"name": "West', json), 400, 'bad_request');
    expectError(await admin.post('/api/schools', '', json), 400, 'bad_request');
    expectError(await admin.post('/api/schools', `{"__proto__": {"isAdmin": true}, ${JSON.stringify(newSchool()).slice(1)}`, json), 400, 'bad_request');
    expectError(await admin.post('/api/schools', 'name=West', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type');
    expect(await counts()).toEqual(before);
  });

  it('answers wrong types naming the field, in the body and the query', async () => {
    expectError(await admin.post('/api/schools', newSchool({ gradeLow: 'six' })), 400, 'validation_failed', 'gradeLow');
    expectError(await admin.post('/api/schools', newSchool({ name: 42 })), 400, 'validation_failed', 'name');
    expectError(await admin.post('/api/schools', [newSchool()]), 400, 'validation_failed', 'body');
    expectError(await admin.get('/api/audit?limit=lots'), 400, 'validation_failed', 'limit');
    expectError(await admin.get('/api/schools?level=university'), 400, 'validation_failed', 'level');
    expectError(await admin.get('/api/schools?level=high&level=middle'), 400, 'validation_failed', 'level');
  });

  it('refuses unknown fields (strict schemas), naming the unknown field', async () => {
    const before = await counts();
    const res = await admin.post('/api/schools', newSchool({ isAdmin: true }));
    expectError(res, 400, 'validation_failed', 'isAdmin');
    expect(res.body.error.message).toContain('isAdmin');
    expectError(await admin.patch(`/api/schools/${schoolId}`, { name: 'New Name', districtId: schoolId }), 400, 'validation_failed', 'districtId');
    expectError(await admin.get('/api/schools?sort=name'), 400, 'validation_failed', 'sort');
    expect(await counts()).toEqual(before);
  });

  it('answers an oversize body with 413 and writes nothing', async () => {
    const before = await counts();
    const res = await admin.post('/api/schools', newSchool({ name: 'x'.repeat(1024 * 1024 + 1) }));
    expectError(res, 413, 'payload_too_large');
    expect(await counts()).toEqual(before);
  });

  it('answers a malformed id with 400 naming it, and a well-formed unknown id with 404', async () => {
    expectError(await admin.get('/api/schools/12345'), 400, 'validation_failed', 'id');
    expectError(await admin.get('/api/users/robert\'); drop table users;--'), 400, 'validation_failed', 'id');
    expectError(await admin.patch('/api/areas/not-a-uuid', { name: 'X' }), 400, 'validation_failed', 'id');
    expectError(await admin.delete(`/api/schools/${schoolId}/feeders/nope`), 400, 'validation_failed', 'feederSchoolId');
    expectError(await admin.get('/api/schools/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
  });

  it('answers an unknown API route or method with a JSON 404, signed in or not', async () => {
    expectError(await admin.get('/api/no-such-thing'), 404, 'not_found');
    expectError(await admin.post('/api/no-such-thing', {}), 404, 'not_found');
    expectError(await admin.delete('/api/health'), 404, 'not_found');
    expectError(await new TestClient(app).get('/api/schools/x/y/z'), 404, 'not_found');
    expect((await new TestClient(app).get('/api/no-such-thing')).body.error.message).toBe('No route GET /api/no-such-thing');
  });
});

describe('a server error', () => {
  it('answers 500 without internals, logs the error with the request id, and rolls the whole change back', async () => {
    // The audit write of this one school fails inside the transaction that inserted it.
    await database.db.execute(sql.raw(`
      create function test_fail_audit() returns trigger language plpgsql as $$
      begin
        if new.detail->>'name' = 'Kaboom High' then raise exception 'disk full at /var/lib/internal/secret-path'; end if;
        return new;
      end $$`));
    await database.db.execute(sql.raw(
      'create trigger test_fail_audit before insert on audit_events for each row execute function test_fail_audit()',
    ));
    const before = await counts();
    const res = await admin.post('/api/schools', newSchool({ name: 'Kaboom High' }));
    const requestId = String(res.headers['x-request-id']);
    expectError(res, 500, 'internal');
    expect(res.body.error.message).toBe(`Something went wrong on our side (reference ${requestId})`);
    expect(res.text).not.toMatch(/disk full|secret-path|audit_events|stack|at .*\.ts/);

    expect(await counts()).toEqual(before);
    expect(await database.db.select().from(schools).where(eq(schools.name, 'Kaboom High'))).toEqual([]);

    const logged = logLines.find((l) => l.reqId === requestId && l.level === 50);
    expect(logged).toBeDefined();
    const text = JSON.stringify(logged);
    expect(text).toContain('disk full');
    expect(text).toContain('insert into \\"audit_events\\"');
    // The failed query's values (who did it, what was written) stay out of the log.
    for (const value of ['admin@isd.test', 'Kaboom High', '9 Oak Ave', admin.cookies.get('sro_session')!]) {
      expect(JSON.stringify(logLines)).not.toContain(value);
    }

    expect((await admin.post('/api/schools', newSchool({ name: 'Calm High' }))).status).toBe(201);
  });
});

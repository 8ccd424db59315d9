import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { text } from '../../common/text.js';
import { directoryOrganizations, safetyPlanVersions } from '../db/schema/index.js';
import { createTestApp, type TestApp, type TestClient } from '../test/app.js';
import { createDistrict, createSchool, createUser } from '../test/fixtures.js';

// The input-sanitizing layer (server/lib/input.ts) and the shared text helpers (common/text.ts).
let t: TestApp;
let admin: TestClient;
let schoolAdmin: TestClient;
let schoolId: string;

beforeAll(async () => {
  t = await createTestApp();
  const districtId = (await createDistrict(t.database)).id;
  schoolId = (await createSchool(t.database, { districtId })).id;
  await createUser(t.database, { email: 'sysadmin@input.test', districtId, grants: [{ role: 'sysadmin', schoolId: null }] });
  await createUser(t.database, { email: 'principal@input.test', districtId, grants: [{ role: 'school_admin', schoolId }] });
  admin = t.client();
  await admin.signIn('sysadmin@input.test');
  schoolAdmin = t.client();
  await schoolAdmin.signIn('principal@input.test');
}, 180_000);

afterAll(async () => t?.close());

async function directoryCount() {
  const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(directoryOrganizations);
  return Number(row!.n);
}

describe('control characters', () => {
  it('a NUL in any text field is a 400 naming the field, and nothing is written', async () => {
    const before = await directoryCount();
    const res = await admin.post('/api/directory', { name: 'Riverbend\u0000 Counseling', kind: 'community_program' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', field: 'name' });
    const nested = await admin.post('/api/directory', { name: 'Riverbend', kind: 'community_program', schoolIds: ['a\u0000'] });
    expect(nested.status).toBe(400);
    expect(nested.body.error).toMatchObject({ code: 'validation_failed', field: 'schoolIds.0' });
    expect(await directoryCount()).toBe(before);
  });

  it('a NUL in a query string or a path parameter is a 400 naming it', async () => {
    const query = await admin.get('/api/directory?kind=law%00');
    expect(query.status).toBe(400);
    expect(query.body.error).toMatchObject({ code: 'validation_failed', field: 'kind' });
    const param = await admin.get('/api/directory/ab%00cd');
    expect(param.status).toBe(400);
    expect(param.body.error).toMatchObject({ code: 'validation_failed', field: 'id' });
  });

  it('a line break in a one-line field is refused; a multi-line note keeps its lines', async () => {
    const name = await admin.post('/api/directory', { name: 'Line one\nLine two', kind: 'other' });
    expect(name.status).toBe(400);
    expect(name.body.error).toMatchObject({ code: 'validation_failed', field: 'name' });
    const notes = await admin.post('/api/directory', { name: 'Two-line notes', kind: 'other', notes: 'First line\n\tSecond line' });
    expect(notes.status).toBe(201);
    expect(notes.body.notes).toBe('First line\n\tSecond line');
  });

  it('the shared helper refuses C1 controls and DEL even where lines are allowed', () => {
    expect(text(4000).safeParse('a\u0085b').success).toBe(false);
    expect(text(4000).safeParse('a\u007fb').success).toBe(false);
    expect(text(4000).safeParse('a\nb').success).toBe(true);
    expect(text(100).safeParse('a\tb').success).toBe(false);
  });
});

describe('normalization and length', () => {
  it('stores text in NFC: a decomposed accent is saved as the composed character', async () => {
    const res = await admin.post('/api/directory', { name: 'Jose\u0301 Marti\u0301 Center', kind: 'community_program' });
    expect(res.status).toBe(201);
    const [row] = await t.db.select({ name: directoryOrganizations.name }).from(directoryOrganizations).where(eq(directoryOrganizations.id, res.body.id));
    expect(row!.name).toBe('Jos\u00e9 Mart\u00ed Center');
  });

  it('a string longer than its field allows is a 400 naming the field', async () => {
    const res = await admin.post('/api/directory', { name: 'x'.repeat(201), kind: 'other' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', field: 'name' });
  });

  it('a body nested deeper than any route takes is a 400, not a stack overflow', async () => {
    const deep = `${'{"x":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const res = await admin.request('POST', '/api/directory', `{"name":"Deep","kind":"other","notes":${deep}}`, { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.field).toMatch(/^notes/);
  });
});

describe('empty PATCH', () => {
  it('answers 400 nothing_to_change on a real record and changes nothing', async () => {
    const created = await admin.post('/api/directory', { name: 'Patch target', kind: 'other' });
    expect(created.status).toBe(201);
    const res = await admin.patch(`/api/directory/${created.body.id}`, {});
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'nothing_to_change', field: 'body' });
    const changed = await admin.patch(`/api/directory/${created.body.id}`, { name: 'Patched' });
    expect(changed.status).toBe(200);
  });
});

describe('uploads', () => {
  it('a plan-PDF upload sent as JSON null or as an object is a 415 and creates no version', async () => {
    const plan = await schoolAdmin.post('/api/plans', { schoolId, kind: 'eop', title: 'EOP', body: 'Version one' });
    expect(plan.status).toBe(201);
    const versions = async () => (await t.db.select().from(safetyPlanVersions).where(eq(safetyPlanVersions.planId, plan.body.id))).length;
    expect(await versions()).toBe(1);
    for (const body of ['null', '{"pdf":null}', '"text"']) {
      const res = await schoolAdmin.request('POST', `/api/plans/${plan.body.id}/versions/pdf?fileName=a.pdf`, body, { 'content-type': 'application/json' });
      expect(res.status).toBe(415);
      expect(res.body.error.code).toBe('unsupported_media_type');
    }
    const text = await schoolAdmin.request('POST', `/api/plans/${plan.body.id}/versions/pdf?fileName=a.pdf`, 'hello', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    expect(await versions()).toBe(1);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, roleGrants, schools } from '../../db/schema/index.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { ROOT } from '../../test/database.js';
import { createDistrict, createSchool, createUser } from '../../test/fixtures.js';
import { MAX_CCD_BYTES } from './ccd-import.schemas.js';

// NCES CCD school directory import: the district's rows of a real-format file, dry run then apply, re-runs
// that update and close, and refusals that write nothing.
const FIXTURE = readFileSync(path.join(ROOT, 'server/test/fixtures/ccd_sch_029_sample.csv'), 'utf8');
let t: TestApp;
let districtId: string;
const as: Record<string, TestClient> = {};

function send(client: TestClient, step: 'preview' | 'apply', body: string | Buffer, type = 'text/csv', query = '') {
  return client.request('POST', `/api/school-imports/ccd/${step}${query}`, body as unknown as object, { 'content-type': type });
}

async function districtSchools() {
  return t.db.select().from(schools).where(eq(schools.districtId, districtId)).orderBy(schools.ncesId);
}

async function schoolCount() {
  const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(schools);
  return Number(row!.n);
}

beforeAll(async () => {
  t = await createTestApp();
  districtId = (await createDistrict(t.database, { ncesId: '4812345', name: 'Riverside ISD' })).id;
  // One school already typed by hand, with a record attached (a staff grant), under an old name.
  const typed = await createSchool(t.database, { districtId, ncesId: '481234500109', name: 'Old Mill Elem', level: 'elementary', gradeLow: 0, gradeHigh: 5 });
  await createUser(t.database, { email: 'teacher@riverside.test', districtId, grants: [{ role: 'staff', schoolId: typed.id }] });
  // A school of another district of the deployment with an NCES id of this district's file.
  const other = await createDistrict(t.database, { name: 'Elsewhere' });
  await createSchool(t.database, { districtId: other.id, ncesId: '481234500106', name: 'Claimed elsewhere' });
  const north = await createSchool(t.database, { districtId, ncesId: '481234599999', name: 'Annex (not in the file)' });
  for (const [who, role, schoolId] of [['sysadmin', 'sysadmin', null], ['schoolSysadmin', 'sysadmin', north.id], ['director', 'director', null]] as const) {
    await createUser(t.database, { email: `${who}@riverside.test`, districtId, grants: [{ role, schoolId }] });
    as[who] = t.client();
    await as[who].signIn(`${who}@riverside.test`);
  }
}, 60_000);

afterAll(async () => t?.close());

describe('who may import', () => {
  it('a director (no import.run) is refused 403; a sysadmin of one school 403 as well; nothing is written', async () => {
    const before = await schoolCount();
    for (const who of ['director', 'schoolSysadmin']) {
      const res = await send(as[who]!, 'apply', FIXTURE);
      expect(res.status, who).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect(await schoolCount()).toBe(before);
  });
});

describe('a dry run', () => {
  it('shows what the district\'s rows would add, update and close, skipping what it must, and writes nothing', async () => {
    const before = await schoolCount();
    const res = await send(as.sysadmin!, 'preview', FIXTURE);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ leaid: '4812345', applied: false, fileRows: 32, districtRows: 11 });
    expect(res.body.added.map((s: { ncesId: string }) => s.ncesId)).toEqual(
      ['481234500101', '481234500102', '481234500103', '481234500104', '481234500105', '481234500107', '481234500108', '481234500110']);
    const eagle = res.body.added.find((s: { ncesId: string }) => s.ncesId === '481234500108');
    expect(eagle).toMatchObject({ name: 'Eagle Ridge School, K-8', level: 'k8', gradeLow: 0, gradeHigh: 8 });
    expect(res.body.added.find((s: { ncesId: string }) => s.ncesId === '481234500103')).toMatchObject({ gradeLow: -1, gradeHigh: 5, level: 'elementary' });
    expect(res.body.added.find((s: { ncesId: string }) => s.ncesId === '481234500107')).toMatchObject({ level: 'alternative' });
    expect(res.body.added.find((s: { ncesId: string }) => s.ncesId === '481234500110')).toMatchObject({ gradeHigh: 12 });
    expect(res.body.closed).toEqual([expect.objectContaining({ ncesId: '481234500109', name: 'Old Mill Elem' })]);
    expect(res.body.skipped.map((s: { ncesId: string; reason: string }) => [s.ncesId, s.reason])).toEqual([
      ['481234500106', 'belongs to another district of this deployment'], ['481234500111', 'not open yet'],
    ]);
    expect(res.body.notInFile.map((s: { name: string }) => s.name)).toEqual(['Annex (not in the file)']);
    expect(await schoolCount()).toBe(before);
  });
});

describe('applying', () => {
  it('adds and closes in one go, keeps the closed school and its records, and audits the NCES ids', async () => {
    const res = await send(as.sysadmin!, 'apply', FIXTURE);
    expect(res.status).toBe(200);
    expect(res.body.applied).toBe(true);
    const rows = await districtSchools();
    expect(rows).toHaveLength(10);
    const high = rows.find((s) => s.ncesId === '481234500101')!;
    expect(high).toMatchObject({ name: 'Riverside High School', street: '1200 River Rd', city: 'Riverside', state: 'TX', zip: '78701', phone: '512-555-0100', level: 'high', gradeLow: 9, gradeHigh: 12, active: true });
    const oldMill = rows.find((s) => s.ncesId === '481234500109')!;
    expect(oldMill.active).toBe(false);
    expect(await t.db.select().from(roleGrants).where(eq(roleGrants.schoolId, oldMill.id))).toHaveLength(1);
    const [event] = await t.db.select().from(auditEvents).where(eq(auditEvents.eventType, 'school_import.applied'));
    expect(event!.detail).toMatchObject({ leaid: '4812345', closed: ['481234500109'] });
    expect((event!.detail.added as string[])).toHaveLength(8);
  });

  it('a re-run of the same file changes nothing', async () => {
    const res = await send(as.sysadmin!, 'preview', FIXTURE);
    expect(res.body).toMatchObject({ added: [], updated: [], closed: [], unchanged: 9 });
  });

  it('a newer file updates names, addresses and grade spans and closes what it marks closed', async () => {
    const newer = FIXTURE
      .replace('Bluebonnet Middle School', 'Bluebonnet STEM Middle School')
      .replace(/15 Pecan St,,,Riverside,TX,78701,,\(512\)555-0102/, '16 Pecan St,,,Riverside,TX,78702,,(512)555-0199')
      .replace(/(Cypress Middle School.*?),1,Open,1,Open,/, '$1,2,Closed,2,Closed,')
      .replace(/(Live Oak Elementary.*),KG,05,Elementary,/, '$1,PK,05,Elementary,');
    const res = await send(as.sysadmin!, 'apply', newer);
    expect(res.status).toBe(200);
    const changed = Object.fromEntries(res.body.updated.map((u: { ncesId: string; changes: { field: string }[] }) => [u.ncesId, u.changes.map((c) => c.field)]));
    expect(changed).toEqual({ '481234500102': ['name'], '481234500103': ['street', 'zip', 'phone'], '481234500104': ['gradeLow'] });
    const rows = await districtSchools();
    expect(rows.find((s) => s.ncesId === '481234500102')!.name).toBe('Bluebonnet STEM Middle School');
    expect(rows.find((s) => s.ncesId === '481234500103')).toMatchObject({ street: '16 Pecan St', zip: '78702', phone: '512-555-0199' });
    expect(rows.find((s) => s.ncesId === '481234500104')!.gradeLow).toBe(-1);
    // Cypress was never added (another district holds its id), so there is nothing to close.
    expect(res.body.closed).toEqual([]);
  });
});

describe('bad files are refused and nothing is written', () => {
  it.each([
    ['a missing column', FIXTURE.replace('SY_STATUS_TEXT', 'STATUS'), /^Line 1, column SY_STATUS_TEXT: the header has no SY_STATUS_TEXT column/],
    ['a short row', FIXTURE.replace(/\r\n2023-2024,48,TEXAS,TX,Riverside High School,[^\r]*/, '\r\n2023-2024,48,TEXAS,TX,Riverside High School'), /^Line 2: 5 fields, the header has 65/],
    ['a bad grade code', FIXTURE.replace(',09,12,High,', ',9th,12,High,'), /^Line 2, column GSLO: "9th" is not a CCD grade code/],
    ['an unclosed quote', FIXTURE.replace('"Eagle Ridge School, K-8"', '"Eagle Ridge School, K-8'), /^Line 9: a quoted field is never closed/],
    ['a school id of another district', FIXTURE.replace('481234500101', '481299900101'), /^Line 2, column NCESSCH: "481299900101" is not a 12-digit school id of district 4812345/],
  ])('%s: 400 naming the line and column', async (_what, body, message) => {
    const before = await districtSchools();
    const res = await send(as.sysadmin!, 'apply', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toMatch(message);
    expect(await districtSchools()).toEqual(before);
  });

  it('a zip or PDF sent as CSV, or another content type: 415', async () => {
    const zip = await send(as.sysadmin!, 'preview', Buffer.from('PK\x03\x04rest-of-a-zip', 'latin1'));
    expect(zip.status).toBe(415);
    expect(zip.body.error.code).toBe('unsupported_media_type');
    const json = await as.sysadmin!.post('/api/school-imports/ccd/preview', { rows: [] });
    expect(json.status).toBe(415);
    expect(json.body.error.code).toBe('unsupported_media_type');
  });

  it('a file over the limit: 413 naming the limit', async () => {
    const res = await send(as.sysadmin!, 'preview', Buffer.alloc(MAX_CCD_BYTES + 1, 0x41));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(res.body.error.message).toContain('100 MB');
  });

  it('a district without an NCES id must name one (400 on leaid); a mismatching one is refused', async () => {
    const bare = await createDistrict(t.database, { name: 'No LEAID' });
    await createUser(t.database, { email: 'sys@noleaid.test', districtId: bare.id, grants: [{ role: 'sysadmin', schoolId: null }] });
    const client = t.client();
    await client.signIn('sys@noleaid.test');
    const res = await send(client, 'preview', FIXTURE);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', field: 'leaid' });
    const given = await send(client, 'preview', FIXTURE, 'text/csv', '?leaid=0600001');
    expect(given.status).toBe(200);
    expect(given.body.districtRows).toBe(7);
    const wrong = await send(as.sysadmin!, 'preview', FIXTURE, 'text/csv', '?leaid=0600001');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'validation_failed', field: 'leaid' });
  });
});

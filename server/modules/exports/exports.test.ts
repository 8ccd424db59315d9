import { and, eq, gt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uncsvCell, csvCell } from '../../../common/csv.js';
import { auditEvents } from '../../db/schema/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { createTestApp, signedInClient, type TestApp, type TestClient } from '../../test/app.js';
import { createDistrict, createSchool, createUser } from '../../test/fixtures.js';
import { parseCsv } from '../equipment/csv-parse.js';
import { disseminationOf, ownerLabel } from './exports.service.js';
import { expectEvery } from '../../test/expect-every.js';

// Focused checks of list CSV: filters, paging, fields a list keeps back, the audit event, denial, and the
// equipment round trip (export, import, nothing changed).
let t: TestApp;
let districtId: string;
let north: { id: string };
let south: { id: string };
let principal: TestClient;
let director: TestClient;
let staff: TestClient;
let sysadmin: TestClient;
let counselor: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const district = await createDistrict(t.db, { lawEnforcementAgency: 'Riverbend PD' });
  districtId = district.id;
  north = await createSchool(t.db, { districtId, name: 'North High' });
  south = await createSchool(t.db, { districtId, name: 'South High' });
  await createUser(t.db, { email: 'principal@csv.test', districtId, grants: [{ role: 'school_admin', schoolId: north.id }] });
  await createUser(t.db, { email: 'director@csv.test', districtId, grants: [{ role: 'director', schoolId: null }] });
  await createUser(t.db, { email: 'staff@csv.test', districtId, grants: [{ role: 'staff', schoolId: north.id }] });
  await createUser(t.db, { email: 'sysadmin@csv.test', districtId, grants: [{ role: 'sysadmin', schoolId: null }] });
  await createUser(t.db, { email: 'counselor@csv.test', districtId, grants: [{ role: 'counselor', schoolId: north.id }] });
  counselor = await signedInClient(t, 'counselor@csv.test');
  principal = await signedInClient(t, 'principal@csv.test');
  director = await signedInClient(t, 'director@csv.test');
  staff = await signedInClient(t, 'staff@csv.test');
  sysadmin = await signedInClient(t, 'sysadmin@csv.test');
  for (const body of [
    { schoolId: north.id, type: 'aed', name: 'AED gym', make: '+Philips', model: '=1+1', notes: "'quoted already" },
    { schoolId: north.id, type: 'aed', name: '@cafeteria AED', serialNumber: '-A12' },
    { schoolId: north.id, type: 'fire_extinguisher', name: 'Extinguisher hall A' },
  ]) expect((await principal.post('/api/equipment', body)).status).toBe(201);
}, 120_000);

afterAll(async () => t?.close());

const rowsOf = (text: string) => parseCsv(text).map((r) => r.cells);

async function exportsAudited(list: string) {
  const rows = await t.db.select().from(auditEvents).where(and(eq(auditEvents.eventType, 'list.exported'), eq(auditEvents.districtId, districtId)));
  return rows.filter((r) => (r.detail as { list?: string }).list === list);
}

describe('list CSV', () => {
  it('honours the list filters, names the record owner and audits list.exported with filters and row count', async () => {
    const res = await principal.get(`/api/equipment?format=csv&type=aed&schoolId=${north.id}&limit=1&offset=1`);
    expect(res.status).toBe(200);
    const [header, ...rows] = rowsOf(res.text);
    const name = header!.indexOf('name');
    // Paging parameters are not filters: the whole filtered list, from the first row.
    expect(rows.map((r) => r[name]).sort()).toEqual(["'@cafeteria AED", 'AED gym']);
    expectEvery(rows, (r) => r.at(-1) === 'Operational record');
    expect(header).toContain('school.name');
    expect(header).not.toContain('school.id');
    const [audit] = await exportsAudited('equipment');
    expect(audit!.detail).toEqual({ list: 'equipment', filters: { type: 'aed', schoolId: north.id, filter: 'all', retired: 'false' }, rows: 2, complete: true });
    expect(audit!.schoolId).toBe(north.id);
  });

  it('walks every page of a paginated list (audit: 500 a page)', async () => {
    const at = new Date('2026-01-05T10:00:00Z');
    await t.db.insert(auditEvents).values(Array.from({ length: 520 }, (_, i) => ({
      at: new Date(at.getTime() + i * 1000), districtId, actorLabel: 'walker@csv.test', eventType: 'school.viewed', detail: { i },
    })));
    const res = await sysadmin.get('/api/audit?format=csv&eventType=school.viewed');
    expect(res.status).toBe(200);
    const [, ...rows] = rowsOf(res.text);
    expect(rows).toHaveLength(520);
    expect((await exportsAudited('audit'))[0]!.detail).toMatchObject({ rows: 520, complete: true, filters: { eventType: 'school.viewed' } });
  });

  it('streams a large list in one pass: the same rows as the list, one audit event with the row count', async () => {
    // More rows than one batch of the stream (5,000), so the cursor (or keyset pages on PGlite) is walked.
    const author = await createUser(t.db, { email: 'author@csv.test', districtId, grants: [{ role: 'sro', schoolId: south.id }] });
    await t.db.execute(sql`insert into incidents (district_id, school_id, number, on_campus, location_code, occurred_at, summary, status, offense_keys, author_id)
      select ${districtId}::uuid, ${south.id}::uuid, 'CSV-' || lpad(g::text, 5, '0'), true, '53', timestamptz '2026-01-05 15:00:00+00' - (g % 97) * interval '1 hour',
        'Streamed ' || g, 'approved', array['school:fight'], ${author.id}::uuid from generate_series(1, 5003) g`);
    const listed: string[] = [];
    for (let cursor: string | null = null; ;) {
      const page = await director.get(`/api/incidents?schoolId=${south.id}&limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      listed.push(...page.body.items.map((i: { number: string }) => i.number));
      cursor = page.body.nextCursor;
      if (!cursor) break;
    }
    const [{ last }] = await t.db.select({ last: sql<number>`coalesce(max(${auditEvents.id}), 0)::int` }).from(auditEvents) as [{ last: number }];
    const res = await director.get(`/api/incidents?format=csv&schoolId=${south.id}`);
    expect(res.status).toBe(200);
    const [header, ...rows] = rowsOf(res.text);
    expect(rows.map((r) => r[header!.indexOf('number')])).toEqual(listed);
    expect(listed).toHaveLength(5003);
    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.districtId, districtId), gt(auditEvents.id, last)));
    expect(events.map((e) => [e.eventType, e.detail])).toEqual([
      ['list.exported', { list: 'incidents', filters: { schoolId: south.id, sort: 'occurred_desc' }, rows: 5003, complete: true }],
    ]);
    // A filter the list refuses is refused before any byte, as the list does.
    expect((await principal.get(`/api/incidents?format=csv&schoolId=${south.id}`)).status).toBe((await principal.get(`/api/incidents?schoolId=${south.id}`)).status);
  });

  it('a law-enforcement list names the agency; tips carry staff fields only; mentoring never the notes', async () => {
    const ctx = { db: t.db, actor: { districtId } } as unknown as ServiceContext;
    expect(await ownerLabel(ctx, 'law_enforcement')).toBe('Law-enforcement record of Riverbend PD, not an education record');
    const incidents = await director.get('/api/incidents?format=csv');
    expect(incidents.status).toBe(200);
    const [header, ...rows] = rowsOf(incidents.text);
    expect(header!.slice(-2)).toEqual(['Dissemination rule', 'Record owner']);
    const rule = await disseminationOf(ctx);
    expect(rule).toContain('Criminal justice information of Riverbend PD (FBI CJIS Security Policy)');
    expectEvery(rows, (r) => r.at(-2) === rule);
    expect(rowsOf((await director.get('/api/tips?format=csv')).text)[0]).not.toContain('Dissemination rule');
    const tips = rowsOf((await director.get('/api/tips?format=csv')).text)[0]!;
    expect(tips).toEqual(expect.arrayContaining(['number', 'schoolName', 'category', 'status', 'createdAt']));
    expect(tips).not.toContain('excerpt');
    for (const list of ['contacts', 'mediations']) {
      const header = rowsOf((await counselor.get(`/api/mentoring/${list}?format=csv`)).text)[0]!;
      expect(header).toContain('durationMinutes');
      expect(header).not.toContain('note');
    }
  });

  it('denies exactly as the list does', async () => {
    for (const url of ['/api/equipment', '/api/users', `/api/equipment?schoolId=${south.id}`]) {
      const list = await staff.get(url);
      const csv = await staff.get(`${url}${url.includes('?') ? '&' : '?'}format=csv`);
      expect([csv.status, csv.body?.error?.code], url).toEqual([list.status, list.body?.error?.code]);
      expect(list.status, url).toBeGreaterThanOrEqual(400);
    }
    expect((await principal.get(`/api/equipment?format=csv&schoolId=${south.id}`)).status).toBe((await principal.get(`/api/equipment?schoolId=${south.id}`)).status);
    expect((await principal.get('/api/equipment?format=xml')).body.error.field).toBe('format');
  });

  it('imports an exported equipment file back unchanged (the formula guard comes off)', async () => {
    const exported = await principal.get(`/api/equipment/export.csv?schoolId=${north.id}`);
    expect(exported.text.startsWith('\uFEFF')).toBe(true);
    expect(exported.text).toContain("'+Philips");
    const imported = await director.post(`/api/equipment/import?schoolId=${south.id}`, exported.text, { 'content-type': 'text/csv' });
    expect(imported.body).toEqual({ imported: 3, errors: [] });
    const pick = (items: Record<string, unknown>[]) => items.map((i) => [i.type, i.name, i.make, i.model, i.serialNumber, i.notes]).sort();
    const before = (await director.get(`/api/equipment?schoolId=${north.id}`)).body.items;
    const after = (await director.get(`/api/equipment?schoolId=${south.id}`)).body.items;
    expect(pick(after)).toEqual(pick(before));
    expect(pick(after)).toContainEqual(['aed', 'AED gym', '+Philips', '=1+1', null, "'quoted already"]);
  });

  it('takes off only the guard it added', () => {
    for (const text of ['+Philips', '=SUM(A1)', '-x', '@me', '\tx', "'already", "it's", '', "'"]) expect(uncsvCell(csvCell(text).replace(/^"|"$/g, ''))).toBe(text);
    expect(uncsvCell("'plain")).toBe("'plain");
  });
});

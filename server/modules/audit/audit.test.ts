import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_EVENTS } from '../../../common/audit-events.js';
import { writeAudit, type AuditEntry } from '../../audit/audit.js';
import { auditEvents } from '../../db/schema/index.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { createDistrict, createSchool, createUser } from '../../test/fixtures.js';
import { csvCell, csvLine } from './audit.csv.js';
import { expectEvery } from '../../test/expect-every.js';

// The test clock reads 2026-11-02T14:00Z; the district keeps Chicago time (UTC-5 in October, UTC-6 in November).
let t: TestApp;
let districtId: string;
let north: { id: string };
let south: { id: string };
let clerk: { id: string; email: string };
const as: Record<string, TestClient> = {};

interface Item { id: number; at: string; eventType: string; schoolId: string | null; schoolName: string | null; actorLabel: string; meaning: string | null }

async function client(email: string): Promise<TestClient> {
  const c = t.client();
  await c.signIn(email);
  return c;
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
  }
  return rows;
}

async function seed(at: string, entry: AuditEntry, label = clerk.email, district = districtId) {
  await writeAudit(t.db, { actor: { userId: clerk.id, districtId: district, email: label }, at: new Date(at), requestId: `req-${at}` }, entry);
}

/** Every page of `/api/audit?query` followed through nextCursor. */
async function allPages(c: TestClient, query: string, limit: number): Promise<{ items: Item[]; pages: number }> {
  const items: Item[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await c.get(`/api/audit?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
    pages++;
  } while (cursor);
  return { items, pages };
}

beforeAll(async () => {
  t = await createTestApp();
  districtId = (await createDistrict(t.database, { name: 'Audit ISD' })).id;
  const otherDistrict = (await createDistrict(t.database)).id;
  north = await createSchool(t.database, { districtId, name: 'North High' });
  south = await createSchool(t.database, { districtId, name: 'South High' });
  const user = await createUser(t.database, { email: 'clerk@isd.test', grants: [], districtId });
  clerk = { id: user.id, email: user.email };
  const people: [string, { role: 'supervisor' | 'staff' | 'director'; schoolId: string | null }[]][] = [
    ['sergeant@isd.test', [{ role: 'supervisor', schoolId: null }]],
    ['sergeant.north@isd.test', [{ role: 'supervisor', schoolId: north.id }]],
    ['teacher@isd.test', [{ role: 'staff', schoolId: north.id }]],
    ['director@isd.test', [{ role: 'director', schoolId: null }]],
  ];
  for (const [email, grants] of people) await createUser(t.database, { email, grants, districtId });
  for (const [email] of people) as[email.split('@')[0]!] = await client(email);
  await seed('2026-10-01T12:00:00Z', { type: 'school.updated', schoolId: north.id, subjectType: 'school', subjectId: north.id, detail: { changed: ['phone'] } });
  await seed('2026-10-15T12:00:00Z', { type: 'student.viewed', schoolId: south.id, subjectType: 'student', subjectId: 'stu-1' });
  await seed('2026-11-01T03:00:00Z', { type: 'user.created', subjectType: 'user', subjectId: 'usr-1' });
  await seed('2026-11-01T12:00:00Z', {
    type: 'school.viewed', schoolId: north.id, subjectType: 'school', subjectId: '-2+3', detail: { note: '+1, "quoted"\nsecond line' },
  }, '=HYPERLINK("http://evil.test","click")');
  await seed('2026-10-20T12:00:00Z', { type: 'school.updated', subjectType: 'school', subjectId: 'elsewhere' }, 'other@elsewhere.test', otherDistrict);
}, 60_000);

afterAll(async () => t?.close());

describe('who reads the audit log', () => {
  it('a staff member cannot read the audit log, export it or list its event types (403)', async () => {
    for (const url of ['/api/audit', '/api/audit/export.csv', '/api/audit/event-types']) {
      expect((await as.teacher!.get(url)).status, url).toBe(403);
    }
  });

  it('lists every event type with its meaning', async () => {
    const res = await as.sergeant!.get('/api/audit/event-types');
    expect(res.body.items).toHaveLength(Object.keys(AUDIT_EVENTS).length);
    expect(res.body.items).toContainEqual({ type: 'student.viewed', meaning: AUDIT_EVENTS['student.viewed'] });
  });

  it('a district-wide reader sees the district\'s events newest first with meaning and school name, never another district\'s', async () => {
    const res = await as.sergeant!.get(`/api/audit?actorId=${clerk.id}`);
    expect(res.status).toBe(200);
    const items = res.body.items as Item[];
    expect(items.map((i) => i.eventType)).toEqual(['school.viewed', 'user.created', 'student.viewed', 'school.updated']);
    expect(items[2]).toMatchObject({ schoolId: south.id, schoolName: 'South High', meaning: AUDIT_EVENTS['student.viewed'], requestId: 'req-2026-10-15T12:00:00Z' });
    expect(items[1]).toMatchObject({ schoolId: null, schoolName: null, at: '2026-11-01T03:00:00.000Z' });
    expect(res.body.nextCursor).toBeNull();
    const everything = await allPages(as.sergeant!, 'q=elsewhere', 100);
    expect(everything.items).toEqual([]);
  });

  it('a school-scoped reader sees only events of their schools, and another school reads as missing (404)', async () => {
    const { items } = await allPages(as['sergeant.north']!, '', 100);
    expect(items.length).toBeGreaterThanOrEqual(2);
    expectEvery(items, (i) => i.schoolId === north.id);
    expect((await as['sergeant.north']!.get(`/api/audit?schoolId=${south.id}`)).status).toBe(404);
    expect((await as['sergeant.north']!.get(`/api/audit?schoolId=${north.id}`)).status).toBe(200);
  });
});

describe('paging and filtering', () => {
  it('pages with a keyset cursor: no event twice, none missed, the last page says so', async () => {
    const paged = await allPages(as.sergeant!, '', 2);
    // Every page read is itself audited, after the read: events newer than the first page are those reads.
    const whole = ((await as.sergeant!.get('/api/audit?limit=500')).body.items as Item[]).filter((i) => i.id <= paged.items[0]!.id);
    expect(paged.items.map((i) => i.id)).toEqual(whole.map((i) => i.id));
    // One row of lookahead: the last page is the last one with events, never an empty one.
    expect(paged.pages).toBe(Math.ceil(whole.length / 2));
    const ids = whole.map((i) => i.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
  });

  it('filters by event type, school, actor and instants', async () => {
    const types = async (query: string) => ((await as.sergeant!.get(`/api/audit?actorId=${clerk.id}&${query}`)).body.items as Item[]).map((i) => i.eventType);
    expect(await types('eventType=school.updated')).toEqual(['school.updated']);
    expect(await types(`schoolId=${north.id}`)).toEqual(['school.viewed', 'school.updated']);
    expect(await types('from=2026-10-15T12:00:00Z&to=2026-11-01T03:00:00Z')).toEqual(['user.created', 'student.viewed']);
    expect(await types('q=HYPERLINK')).toEqual(['school.viewed']);
    expect(await types('q=req-2026-10-01T12:00:00Z')).toEqual(['school.updated']);
  });

  it('reads whole days in the district\'s time zone', async () => {
    const types = async (query: string) => ((await as.sergeant!.get(`/api/audit?actorId=${clerk.id}&${query}`)).body.items as Item[]).map((i) => i.eventType);
    // 2026-11-01T03:00Z is still October 31 in Chicago.
    expect(await types('from=2026-10-31&to=2026-10-31')).toEqual(['user.created']);
    expect(await types('from=2026-11-01')).toEqual(['school.viewed']);
  });

  it('answers 400 for from after to, a bad cursor, too large a limit or an unknown filter', async () => {
    const from = await as.sergeant!.get('/api/audit?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z');
    expect(from.status).toBe(400);
    expect(from.body.error).toMatchObject({ code: 'validation_failed', field: 'from' });
    expect((await as.sergeant!.get('/api/audit?from=2026-11-02&to=2026-11-01')).status).toBe(400);
    expect((await as.sergeant!.get('/api/audit?cursor=abc')).body.error.field).toBe('cursor');
    expect((await as.sergeant!.get('/api/audit?limit=501')).status).toBe(400);
    expect((await as.sergeant!.get('/api/audit?from=yesterday')).body.error.field).toBe('from');
    expect((await as.sergeant!.get('/api/audit?actor=me')).status).toBe(400);
  });
});

describe('reading the audit log is audited', () => {
  it('writes audit.viewed with the filters and row count in the read\'s transaction; the page does not show its own read', async () => {
    const res = await as.sergeant!.get(`/api/audit?actorId=${clerk.id}&limit=3`);
    expect((res.body.items as Item[]).map((i) => i.eventType)).not.toContain('audit.viewed');
    const [event] = await t.db.select().from(auditEvents)
      .where(and(eq(auditEvents.eventType, 'audit.viewed'), eq(auditEvents.requestId, String(res.headers['x-request-id']))));
    expect(event).toMatchObject({ actorLabel: 'sergeant@isd.test', subjectType: 'audit_log', detail: { filters: { actorId: clerk.id, limit: 3 }, rows: 3 } });
    const next = (await as.sergeant!.get('/api/audit?eventType=audit.viewed&limit=1')).body.items as Item[];
    expect(next[0]).toMatchObject({ eventType: 'audit.viewed', meaning: AUDIT_EVENTS['audit.viewed'] });
  });
});

describe('exporting the audit log', () => {
  it('exports CSV with a header row, RFC 4180 quoting and the file name of the district\'s day', async () => {
    const res = await as.director!.get(`/api/audit/export.csv?actorId=${clerk.id}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="audit-2026-11-02.csv"');
    expect(res.text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(res.text);
    expect(rows[0]).toEqual(['at', 'actor', 'event type', 'meaning', 'school', 'subject type', 'subject id', 'request id', 'detail JSON']);
    expect(rows).toHaveLength(5);
    expect(rows[3]).toEqual([
      '2026-10-15T12:00:00.000Z', 'clerk@isd.test', 'student.viewed', AUDIT_EVENTS['student.viewed'], 'South High', 'student', 'stu-1',
      'req-2026-10-15T12:00:00Z', '{}',
    ]);
    expect(JSON.parse(rows[1]![8]!)).toEqual({ note: '+1, "quoted"\nsecond line' });
  });

  it('the audit export neutralises formula cells', async () => {
    const res = await as.director!.get(`/api/audit/export.csv?eventType=school.viewed&actorId=${clerk.id}`);
    const [, row] = parseCsv(res.text);
    expect(row![1]).toBe('\'=HYPERLINK("http://evil.test","click")');
    expect(row![6]).toBe('\'-2+3');
  });

  it('writes audit.exported with the filters and row count in the same transaction as the read', async () => {
    const res = await as.director!.get(`/api/audit/export.csv?schoolId=${north.id}&actorId=${clerk.id}`);
    const dataRows = parseCsv(res.text).length - 1;
    const [event] = await t.db.select().from(auditEvents)
      .where(and(eq(auditEvents.eventType, 'audit.exported'), eq(auditEvents.requestId, String(res.headers['x-request-id']))));
    expect(event).toMatchObject({
      actorLabel: 'director@isd.test', schoolId: north.id,
      detail: { filters: { schoolId: north.id, actorId: clerk.id }, rows: dataRows, truncated: false },
    });
    expect(dataRows).toBe(2);
  });

  it('a school-scoped reader exports only their schools', async () => {
    const res = await as['sergeant.north']!.get('/api/audit/export.csv');
    const schoolsSeen = new Set(parseCsv(res.text).slice(1).map((r) => r[4]));
    expect([...schoolsSeen]).toEqual(['North High']);
  });
});

describe('export limits and description', () => {
  it('stops at 50,000 rows, newest first, and records that the export was cut', async () => {
    const big = (await createDistrict(t.database)).id;
    await createUser(t.database, { email: 'director@big.test', grants: [{ role: 'director', schoolId: null }], districtId: big });
    await t.db.execute(sql`insert into audit_events (district_id, actor_label, event_type, subject_id)
      select ${big}::uuid, 'bulk@big.test', 'school.viewed', n::text from generate_series(1, 50001) n`);
    const director = await client('director@big.test');
    const res = await director.get('/api/audit/export.csv?eventType=school.viewed');
    const rows = parseCsv(res.text);
    expect(rows).toHaveLength(50_001);
    expect(rows[1]![6]).toBe('50001');
    const [event] = await t.db.select().from(auditEvents)
      .where(and(eq(auditEvents.eventType, 'audit.exported'), eq(auditEvents.districtId, big)));
    expect(event!.detail).toMatchObject({ rows: 50_000, truncated: true });
  });

  it('the API description documents the CSV export as text/csv', async () => {
    const doc = JSON.parse((await t.client().get('/api/openapi.json')).text);
    const op = doc.paths['/api/audit/export.csv'].get;
    expect(op).toMatchObject({ operationId: 'exportAuditEvents', tags: ['audit'] });
    expect(op.responses['200'].content['text/csv'].schema.type).toBe('string');
  });
});

describe('CSV cells', () => {
  it('quote only when needed and prefix cells a spreadsheet would run', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=cmd')).toBe("'\t=cmd");
    expect(csvCell('-1,5')).toBe('"\'-1,5"');
    expect(csvLine(['a', 1, true])).toBe('a,1,true\r\n');
  });
});

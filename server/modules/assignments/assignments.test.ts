import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema/index.js';
import {
  auditOf, type Client, createDistrict, createSchool, createUser, signedIn, startApp, type TestApp,
} from '../users/users.test-support.js';

// The test clock reads 2026-11-02.
let t: TestApp;
let north: { id: string };
let south: { id: string };
let east: { id: string };
let foreign: { id: string };
const ids: Record<string, string> = {};
let supervisor: Client;

beforeAll(async () => {
  t = await startApp();
  const district = await createDistrict(t.db);
  const other = await createDistrict(t.db, 'Other ISD');
  north = await createSchool(t.db, district.id, 'North High');
  south = await createSchool(t.db, district.id, 'South Middle');
  east = await createSchool(t.db, district.id, 'East Elementary');
  foreign = await createSchool(t.db, other.id, 'Elsewhere High');
  const people: [string, Parameters<typeof createUser>[3]][] = [
    ['sergeant@isd.test', [{ role: 'supervisor', schoolId: null }]],
    ['sergeant.north@isd.test', [{ role: 'supervisor', schoolId: north.id }]],
    ['sro.one@isd.test', [{ role: 'sro', schoolId: north.id }]],
    ['sro.two@isd.test', [{ role: 'sro', schoolId: null }]],
    ['sro.gone@isd.test', [{ role: 'sro', schoolId: north.id }]],
    ['principal.north@isd.test', [{ role: 'school_admin', schoolId: north.id }]],
    ['principal.east@isd.test', [{ role: 'school_admin', schoolId: east.id }]],
    ['teacher@isd.test', [{ role: 'staff', schoolId: north.id }]],
  ];
  for (const [email, grants] of people) {
    ids[email] = (await createUser(t.db, district.id, email, grants, { name: email.split('@')[0], badgeNumber: '77' })).id;
  }
  ids.outsider = (await createUser(t.db, other.id, 'sro@other.test', [{ role: 'sro', schoolId: foreign.id }])).id;
  supervisor = await signedIn(t, 'sergeant@isd.test');
}, 60_000);

afterAll(async () => t?.close());

const assign = (body: Record<string, unknown>) => supervisor.request('POST', '/api/assignments', body);

describe('assigning SROs to schools', () => {
  it('assigns an SRO, answers the assignment with officer and school, and audits it', async () => {
    const res = await assign({ userId: ids['sro.one@isd.test'], schoolId: north.id, kind: 'primary', startsOn: '2026-08-01', notes: 'Main campus' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      userName: 'sro.one', userEmail: 'sro.one@isd.test', badgeNumber: '77', schoolId: north.id, schoolName: 'North High',
      kind: 'primary', startsOn: '2026-08-01', endsOn: null, notes: 'Main campus', current: true,
    });
    const [event] = await auditOf(t.db, 'assignment.created', res.body.id);
    expect(event).toMatchObject({ schoolId: north.id, detail: { userId: ids['sro.one@isd.test'], kind: 'primary' } });
  });

  it('grants the SRO the school of a new assignment, at once in their open session', async () => {
    const sro = await signedIn(t, 'sro.one@isd.test');
    const before = await sro.request('GET', '/api/auth/session');
    expect(before.body.schools.map((s: { id: string }) => s.id)).toEqual([north.id]);
    const res = await assign({ userId: ids['sro.one@isd.test'], schoolId: east.id, kind: 'feeder', startsOn: '2026-09-01' });
    expect(res.status).toBe(201);
    const after = await sro.request('GET', '/api/auth/session');
    expect(after.body.grants).toContainEqual({ role: 'sro', schoolId: east.id });
    const [granted] = await auditOf(t.db, 'role.granted', ids['sro.one@isd.test']);
    expect(granted).toMatchObject({ schoolId: east.id, detail: { role: 'sro', assignmentId: res.body.id } });
  });

  it('adds no grant for an SRO who holds the role district-wide', async () => {
    const res = await assign({ userId: ids['sro.two@isd.test'], schoolId: south.id, kind: 'primary', startsOn: '2026-08-01', endsOn: '2027-06-30' });
    expect(res.status).toBe(201);
    expect(await auditOf(t.db, 'role.granted', ids['sro.two@isd.test'])).toHaveLength(0);
  });

  it('does not let an SRO have two overlapping primary assignments (409 naming kind)', async () => {
    const res = await assign({ userId: ids['sro.two@isd.test'], schoolId: north.id, kind: 'primary', startsOn: '2027-06-30' });
    expect(res.status).toBe(409);
    expect(res.body.error.field).toBe('kind');
    expect((await assign({ userId: ids['sro.two@isd.test'], schoolId: north.id, kind: 'primary', startsOn: '2027-07-01' })).status).toBe(201);
    expect((await assign({ userId: ids['sro.two@isd.test'], schoolId: north.id, kind: 'feeder', startsOn: '2026-01-01', endsOn: '2026-12-31' })).status).toBe(201);
  });

  it('does not let an SRO have two overlapping assignments at one school (409 naming schoolId)', async () => {
    const res = await assign({ userId: ids['sro.one@isd.test'], schoolId: east.id, kind: 'feeder', startsOn: '2025-01-01', endsOn: '2026-09-01' });
    expect(res.status).toBe(409);
    expect(res.body.error.field).toBe('schoolId');
    expect((await assign({ userId: ids['sro.one@isd.test'], schoolId: east.id, kind: 'feeder', startsOn: '2025-01-01', endsOn: '2026-08-31' })).status).toBe(201);
  });

  it('refuses users who are not active SROs of the district (400 naming userId)', async () => {
    for (const userId of [ids['teacher@isd.test'], ids.outsider]) {
      const res = await assign({ userId, schoolId: north.id, kind: 'feeder', startsOn: '2026-08-01' });
      expect(res.body.error).toMatchObject({ code: 'validation_failed', field: 'userId' });
    }
    await t.db.update(users).set({ active: false }).where(eq(users.id, ids['sro.gone@isd.test']!));
    const gone = await assign({ userId: ids['sro.gone@isd.test'], schoolId: north.id, kind: 'feeder', startsOn: '2026-08-01' });
    expect(gone.body.error).toMatchObject({ code: 'validation_failed', field: 'userId' });
  });

  it('refuses an end before the start (400 naming endsOn), unknown fields and bad dates', async () => {
    const backwards = await assign({ userId: ids['sro.two@isd.test'], schoolId: east.id, kind: 'feeder', startsOn: '2026-08-01', endsOn: '2026-07-31' });
    expect(backwards.body.error).toMatchObject({ code: 'validation_failed', field: 'endsOn' });
    const unknown = await assign({ userId: ids['sro.two@isd.test'], schoolId: east.id, kind: 'feeder', startsOn: '2026-08-01', room: '101' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('room');
    const badDate = await assign({ userId: ids['sro.two@isd.test'], schoolId: east.id, kind: 'feeder', startsOn: '08/01/2026' });
    expect(badDate.body.error.field).toBe('startsOn');
  });

  it('answers 404 for a school of another district', async () => {
    expect((await assign({ userId: ids['sro.two@isd.test'], schoolId: foreign.id, kind: 'feeder', startsOn: '2026-08-01' })).status).toBe(404);
  });

  it('refuses assignments to a school administrator (403)', async () => {
    const principal = await signedIn(t, 'principal.north@isd.test');
    const res = await principal.request('POST', '/api/assignments', { userId: ids['sro.two@isd.test'], schoolId: north.id, kind: 'feeder', startsOn: '2028-01-01' });
    expect(res.status).toBe(403);
  });
});

describe('listing and ending assignments', () => {
  it('shows a principal only the assignments at their school', async () => {
    const principal = await signedIn(t, 'principal.east@isd.test');
    const res = await principal.request('GET', '/api/assignments');
    expect(res.status).toBe(200);
    expect(new Set(res.body.items.map((a: { schoolId: string }) => a.schoolId))).toEqual(new Set([east.id]));
    expect((await principal.request('GET', `/api/assignments?schoolId=${north.id}`)).body.items).toEqual([]);
  });

  it('marks which assignments run today and filters on it', async () => {
    const all = (await supervisor.request('GET', `/api/assignments?userId=${ids['sro.one@isd.test']}`)).body.items;
    expect(all.map((a: { startsOn: string; current: boolean }) => [a.startsOn, a.current]).sort()).toEqual([
      ['2025-01-01', false], ['2026-08-01', true], ['2026-09-01', true],
    ]);
    const current = (await supervisor.request('GET', `/api/assignments?userId=${ids['sro.one@isd.test']}&current=true`)).body.items;
    expect(current).toHaveLength(2);
    const past = (await supervisor.request('GET', `/api/assignments?userId=${ids['sro.one@isd.test']}&current=false`)).body.items;
    expect(past.map((a: { startsOn: string }) => a.startsOn)).toEqual(['2025-01-01']);
  });

  it('ends an assignment by setting endsOn, audits the change, and it stops being current when the day passes', async () => {
    const [assignment] = (await supervisor.request('GET', `/api/assignments?userId=${ids['sro.one@isd.test']}&schoolId=${north.id}`)).body.items;
    const res = await supervisor.request('PATCH', `/api/assignments/${assignment.id}`, { endsOn: '2026-11-02', notes: 'Transferred' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ endsOn: '2026-11-02', notes: 'Transferred', current: true });
    const [event] = await auditOf(t.db, 'assignment.updated', assignment.id);
    expect(event!.detail).toMatchObject({ changed: ['endsOn', 'notes'], endsOn: '2026-11-02' });
    t.clock.advance(24 * 60 * 60 * 1000);
    supervisor = await signedIn(t, 'sergeant@isd.test');
    const later = (await supervisor.request('GET', `/api/assignments?userId=${ids['sro.one@isd.test']}&schoolId=${north.id}`)).body.items[0];
    expect(later.current).toBe(false);
  });

  it('applies the overlap rules to changes as well', async () => {
    const items = (await supervisor.request('GET', `/api/assignments?userId=${ids['sro.two@isd.test']}`)).body.items;
    const southPrimary = items.find((a: { schoolId: string }) => a.schoolId === south.id);
    const reopen = await supervisor.request('PATCH', `/api/assignments/${southPrimary.id}`, { endsOn: null });
    expect(reopen.body.error).toMatchObject({ code: 'conflict', field: 'kind' });
    const backwards = await supervisor.request('PATCH', `/api/assignments/${southPrimary.id}`, { endsOn: '2026-07-01' });
    expect(backwards.body.error.field).toBe('endsOn');
    expect((await supervisor.request('PATCH', `/api/assignments/${southPrimary.id}`, { kind: 'feeder', endsOn: null })).status).toBe(200);
  });

  it('answers 404 to a school-scoped supervisor for assignments and schools outside their scope', async () => {
    const [atEast] = (await supervisor.request('GET', `/api/assignments?schoolId=${east.id}`)).body.items;
    const local = await signedIn(t, 'sergeant.north@isd.test');
    expect((await local.request('PATCH', `/api/assignments/${atEast.id}`, { notes: 'x' })).status).toBe(404);
    const atSouth = await local.request('POST', '/api/assignments', { userId: ids['sro.one@isd.test'], schoolId: south.id, kind: 'feeder', startsOn: '2028-01-01' });
    expect(atSouth.status).toBe(404);
    expect((await supervisor.request('PATCH', '/api/assignments/00000000-0000-4000-8000-000000000000', { notes: 'x' })).status).toBe(404);
  });
});

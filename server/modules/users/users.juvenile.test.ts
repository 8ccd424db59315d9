import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client} from './users.test-support.js';
import { auditOf, createDistrict, createSchool, createUser, signedIn, startApp, type TestApp } from './users.test-support.js';

// The per-person juvenile-records grant: only the district-wide administrator gives or takes it back, audited.
let t: TestApp;
const ids: Record<string, string> = {};
let admin: Client;

beforeAll(async () => {
  t = await startApp();
  const district = await createDistrict(t.db);
  const other = await createDistrict(t.db, 'Other ISD');
  const north = await createSchool(t.db, district.id, 'North High');
  const people: [string, Parameters<typeof createUser>[3]][] = [
    ['admin@isd.test', [{ role: 'sysadmin', schoolId: null }]],
    ['itlead@isd.test', [{ role: 'sysadmin', schoolId: north.id }]],
    ['director@isd.test', [{ role: 'director', schoolId: null }]],
    ['principal@isd.test', [{ role: 'school_admin', schoolId: north.id }]],
    ['counselor@isd.test', [{ role: 'counselor', schoolId: north.id }]],
    ['sro@isd.test', [{ role: 'sro', schoolId: north.id }]],
  ];
  for (const [email, grants] of people) ids[email] = (await createUser(t.db, district.id, email, grants)).id;
  ids.foreign = (await createUser(t.db, other.id, 'sro@other.test', [{ role: 'sro', schoolId: null }])).id;
  admin = await signedIn(t, 'admin@isd.test');
}, 60_000);
afterAll(async () => t?.close());

const access = (client: Client, id: string, granted: boolean) => client.request('PUT', `/api/users/${id}/juvenile-access`, { granted });
const permissions = async (client: Client) => (await client.request('GET', '/api/auth/session')).body.permissions as string[];

describe('juvenile-records access: a per-person grant', () => {
  it('an officer holds no juvenile access by role; the administrator grants it, audited, and it applies at once', async () => {
    const sro = await signedIn(t, 'sro@isd.test');
    expect(await permissions(sro)).not.toContain('incident.juvenile.read');
    const res = await access(admin, ids['sro@isd.test']!, true);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.juvenileAccessAt).toEqual(expect.any(String));
    expect((await auditOf(t.db, 'juvenile_access.granted', ids['sro@isd.test'])).length).toBe(1);
    expect(await permissions(sro)).toContain('incident.juvenile.read');
    const listed = (await admin.request('GET', '/api/users')).body.items.find((u: { id: string }) => u.id === ids['sro@isd.test']);
    expect(listed.juvenileAccessAt).not.toBeNull();
  });

  it('only the administrator sees who holds it', async () => {
    const principal = await signedIn(t, 'principal@isd.test');
    const listed = (await principal.request('GET', '/api/users')).body.items.find((u: { id: string }) => u.id === ids['sro@isd.test']);
    expect(listed.juvenileAccessAt).toBeNull();
  });

  it('a second grant changes nothing; refuses a grant to a role that reads no incidents, and to another district\'s user', async () => {
    expect((await access(admin, ids['sro@isd.test']!, true)).status).toBe(200);
    expect((await auditOf(t.db, 'juvenile_access.granted', ids['sro@isd.test'])).length).toBe(1);
    const counselor = await access(admin, ids['counselor@isd.test']!, true);
    expect(counselor.status).toBe(400);
    expect(counselor.body.error).toMatchObject({ code: 'validation_failed', field: 'granted' });
    expect((await access(admin, ids.foreign!, true)).status).toBe(404);
    expect((await access(admin, ids['sro@isd.test']!, 'yes' as unknown as boolean)).status).toBe(400);
  });

  it('role by role: a school-scoped administrator, the director and a principal may not grant it', async () => {
    expect((await access(await signedIn(t, 'itlead@isd.test'), ids['sro@isd.test']!, false)).status).toBe(403);
    expect((await access(await signedIn(t, 'director@isd.test'), ids['director@isd.test']!, true)).status).toBe(403);
    expect((await access(await signedIn(t, 'principal@isd.test'), ids['sro@isd.test']!, false)).status).toBe(403);
    expect((await auditOf(t.db, 'juvenile_access.revoked')).length).toBe(0);
  });

  it('the administrator takes it back, audited, and the officer loses it at once', async () => {
    const sro = await signedIn(t, 'sro@isd.test');
    const res = await access(admin, ids['sro@isd.test']!, false);
    expect(res.status).toBe(200);
    expect(res.body.juvenileAccessAt).toBeNull();
    expect((await auditOf(t.db, 'juvenile_access.revoked', ids['sro@isd.test'])).length).toBe(1);
    expect(await permissions(sro)).not.toContain('incident.juvenile.read');
  });
});

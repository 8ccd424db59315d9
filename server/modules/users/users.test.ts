import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema/index.js';
import {
  auditOf, Client, createDistrict, createSchool, createUser, sessionCount, signedIn, startApp, type TestApp,
} from './users.test-support.js';

let t: TestApp;
let north: { id: string };
let south: { id: string };
let otherSchool: { id: string };
const ids: Record<string, string> = {};
let admin: Client;

beforeAll(async () => {
  t = await startApp();
  const district = await createDistrict(t.db);
  const other = await createDistrict(t.db, 'Other ISD');
  north = await createSchool(t.db, district.id, 'North High');
  south = await createSchool(t.db, district.id, 'South High');
  otherSchool = await createSchool(t.db, other.id, 'Elsewhere High');
  const people: [string, Parameters<typeof createUser>[3], string?][] = [
    ['admin@isd.test', [{ role: 'sysadmin', schoolId: null }]],
    ['director@isd.test', [{ role: 'director', schoolId: null }]],
    ['principal.north@isd.test', [{ role: 'school_admin', schoolId: north.id }], 'Nora North'],
    ['principal.south@isd.test', [{ role: 'school_admin', schoolId: south.id }]],
    ['counselor.north@isd.test', [{ role: 'counselor', schoolId: north.id }]],
    ['sro.north@isd.test', [{ role: 'sro', schoolId: north.id }], 'Officer Sam Reyes'],
    ['teacher.south@isd.test', [{ role: 'staff', schoolId: south.id }]],
    ['itlead.south@isd.test', [{ role: 'sysadmin', schoolId: south.id }]],
  ];
  for (const [email, grants, name] of people) ids[email] = (await createUser(t.db, district.id, email, grants, { name })).id;
  ids.outsider = (await createUser(t.db, other.id, 'outsider@other.test', [{ role: 'sysadmin', schoolId: null }])).id;
  admin = await signedIn(t, 'admin@isd.test');
}, 60_000);

afterAll(async () => t?.close());

const emails = (body: { items: { email: string }[] }) => body.items.map((u) => u.email).sort();

describe('listing and reading users', () => {
  it('shows a district-wide reader every user of the district and nobody of another district', async () => {
    const director = await signedIn(t, 'director@isd.test');
    const res = await director.request('GET', '/api/users');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(8);
    expect(emails(res.body)).not.toContain('outsider@other.test');
  });

  it('shows a school administrator only the users of their school and the district-wide ones', async () => {
    const principal = await signedIn(t, 'principal.north@isd.test');
    const res = await principal.request('GET', '/api/users');
    expect(emails(res.body)).toEqual([
      'admin@isd.test', 'counselor.north@isd.test', 'director@isd.test', 'principal.north@isd.test', 'sro.north@isd.test',
    ]);
    const sro = res.body.items.find((u: { email: string }) => u.email === 'sro.north@isd.test');
    expect(sro.grants).toEqual([{ id: expect.any(String), role: 'sro', schoolId: north.id, schoolName: 'North High' }]);
  });

  it('never answers password hashes or two-step secrets', async () => {
    const res = await admin.request('GET', `/api/users/${ids['sro.north@isd.test']}`);
    expect(Object.keys(res.body).sort()).toEqual([
      'active', 'badgeNumber', 'canHoldJuvenileAccess', 'email', 'grants', 'id', 'juvenileAccessAt', 'lastSignInAt', 'mfaEnabled', 'name', 'phone', 'title',
    ]);
  });

  it('searches name or e-mail, filters by role and school, and pages', async () => {
    expect(emails((await admin.request('GET', '/api/users?q=REYES')).body)).toEqual(['sro.north@isd.test']);
    expect(emails((await admin.request('GET', '/api/users?q=principal.s')).body)).toEqual(['principal.south@isd.test']);
    expect(emails((await admin.request('GET', `/api/users?role=sysadmin&schoolId=${south.id}`)).body)).toEqual(['itlead.south@isd.test']);
    expect(emails((await admin.request('GET', `/api/users?schoolId=${north.id}`)).body)).toHaveLength(3);
    const page = await admin.request('GET', '/api/users?pageSize=3&page=3');
    expect(page.body).toMatchObject({ total: 8 });
    expect(page.body.items).toHaveLength(2);
    expect((await admin.request('GET', '/api/users?pageSize=201')).status).toBe(400);
  });

  it('answers 404 to a principal of another school asking for a user', async () => {
    const principal = await signedIn(t, 'principal.south@isd.test');
    expect((await principal.request('GET', `/api/users/${ids['counselor.north@isd.test']}`)).status).toBe(404);
    expect((await principal.request('GET', `/api/users/${ids['teacher.south@isd.test']}`)).status).toBe(200);
    expect((await admin.request('GET', `/api/users/${ids.outsider}`)).status).toBe(404);
  });

  it('refuses the directory to a teacher (403)', async () => {
    const teacher = await signedIn(t, 'teacher.south@isd.test');
    expect((await teacher.request('GET', '/api/users')).status).toBe(403);
  });
});

describe('creating users', () => {
  it('creates a user with a temporary password that must be replaced at the first sign-in, and audits it', async () => {
    const res = await admin.request('POST', '/api/users', {
      email: 'New.Officer@ISD.test', name: 'New Officer', badgeNumber: '4411',
      grants: [{ role: 'sro', schoolId: south.id }, { role: 'staff', schoolId: north.id }],
    });
    expect(res.status).toBe(201);
    expect(res.body.emailed).toBe(false);
    expect(res.body.temporaryPassword.length).toBeGreaterThanOrEqual(16);
    expect(res.body.user).toMatchObject({ email: 'new.officer@isd.test', badgeNumber: '4411', active: true });
    expect(res.body.user.grants.map((g: { schoolName: string }) => g.schoolName).sort()).toEqual(['North High', 'South High']);
    const id = res.body.user.id;
    expect(await auditOf(t.db, 'user.created', id)).toHaveLength(1);
    expect((await auditOf(t.db, 'role.granted', id)).map((e) => e.schoolId).sort()).toEqual([north.id, south.id].sort());

    const newcomer = new Client(t.app);
    const signIn = await newcomer.signIn('new.officer@isd.test', res.body.temporaryPassword);
    expect(signIn.body.user.mustChangePassword).toBe(true);
    expect((await newcomer.request('GET', '/api/users')).status).toBe(403);
  });

  it('answers 409 naming email for a duplicate e-mail, and writes nothing (no audit event)', async () => {
    const before = { users: (await auditOf(t.db, 'user.created')).length, grants: (await auditOf(t.db, 'role.granted')).length };
    const res = await admin.request('POST', '/api/users', {
      email: 'SRO.north@isd.test', name: 'Twin', grants: [{ role: 'staff', schoolId: north.id }],
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'conflict', field: 'email' });
    expect(await auditOf(t.db, 'user.created')).toHaveLength(before.users);
    expect(await auditOf(t.db, 'role.granted')).toHaveLength(before.grants);
    expect(await t.db.select().from(users).where(eq(users.name, 'Twin'))).toHaveLength(0);
  });

  it('refuses a grant at a school of another district, naming the grant', async () => {
    const res = await admin.request('POST', '/api/users', {
      email: 'x@isd.test', name: 'X Person', grants: [{ role: 'staff', schoolId: north.id }, { role: 'staff', schoolId: otherSchool.id }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('grants.1.schoolId');
  });

  it('lets a school-scoped administrator create users only at their school', async () => {
    const itLead = await signedIn(t, 'itlead.south@isd.test');
    const atNorth = await itLead.request('POST', '/api/users', { email: 'y@isd.test', name: 'Y Person', grants: [{ role: 'staff', schoolId: north.id }] });
    expect(atNorth.body.error.field).toBe('grants.0.schoolId');
    const districtWide = await itLead.request('POST', '/api/users', { email: 'y@isd.test', name: 'Y Person', grants: [{ role: 'director', schoolId: null }] });
    expect(districtWide.status).toBe(403);
    const atSouth = await itLead.request('POST', '/api/users', { email: 'y@isd.test', name: 'Y Person', grants: [{ role: 'staff', schoolId: south.id }] });
    expect(atSouth.status).toBe(201);
  });

  it('refuses user creation to a counselor (403)', async () => {
    const counselor = await signedIn(t, 'counselor.north@isd.test');
    const res = await counselor.request('POST', '/api/users', { email: 'z@isd.test', name: 'Z Person', grants: [{ role: 'staff', schoolId: north.id }] });
    expect(res.status).toBe(403);
  });

  it('rejects unknown fields and a user without roles with 400 naming the field', async () => {
    const unknown = await admin.request('POST', '/api/users', { email: 'w@isd.test', name: 'W Person', grants: [{ role: 'staff', schoolId: north.id }], isRoot: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('isRoot');
    const noRoles = await admin.request('POST', '/api/users', { email: 'w@isd.test', name: 'W Person', grants: [] });
    expect(noRoles.body.error.field).toBe('grants');
  });
});

describe('changing, deactivating and resetting users', () => {
  it('changes profile fields and audits the names of the changed fields', async () => {
    const id = ids['teacher.south@isd.test']!;
    const res = await admin.request('PATCH', `/api/users/${id}`, { title: 'Science teacher', phone: '512-555-0199', name: 'teacher.south' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: 'Science teacher', phone: '512-555-0199' });
    const [event] = await auditOf(t.db, 'user.updated', id);
    expect(event!.detail).toEqual({ changed: ['title', 'phone'] });
  });

  it('ends every session of a deactivated user, and refuses deactivating oneself (409)', async () => {
    const id = ids['counselor.north@isd.test']!;
    const counselor = await signedIn(t, 'counselor.north@isd.test');
    expect((await counselor.request('GET', '/api/users')).status).toBe(200);
    expect((await admin.request('PATCH', `/api/users/${id}`, { active: false })).body.active).toBe(false);
    expect(await sessionCount(t.db, id)).toBe(0);
    expect((await counselor.request('GET', '/api/users')).status).toBe(401);
    expect((await new Client(t.app).signIn('counselor.north@isd.test')).status).toBe(401);
    const self = await admin.request('PATCH', `/api/users/${ids['admin@isd.test']}`, { active: false });
    expect(self.status).toBe(409);
    expect(self.body.error.field).toBe('active');
  });

  it('keeps school-scoped administrators away from users who also work elsewhere (404)', async () => {
    const itLead = await signedIn(t, 'itlead.south@isd.test');
    expect((await itLead.request('PATCH', `/api/users/${ids['director@isd.test']}`, { title: 'x' })).status).toBe(404);
    expect((await itLead.request('PATCH', `/api/users/${ids['principal.north@isd.test']}`, { title: 'x' })).status).toBe(404);
    expect((await itLead.request('PATCH', `/api/users/${ids['principal.south@isd.test']}`, { title: 'AP' })).status).toBe(200);
  });

  it('resets a password: a new temporary one works, the old one does not, and the sessions end', async () => {
    const id = ids['principal.south@isd.test']!;
    const principal = await signedIn(t, 'principal.south@isd.test');
    const res = await admin.request('POST', `/api/users/${id}/reset-password`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ temporaryPassword: expect.any(String), emailed: false });
    expect(await sessionCount(t.db, id)).toBe(0);
    expect((await principal.request('GET', '/api/users')).status).toBe(401);
    expect((await new Client(t.app).signIn('principal.south@isd.test')).status).toBe(401);
    const again = new Client(t.app);
    expect((await again.signIn('principal.south@isd.test', res.body.temporaryPassword)).body.user.mustChangePassword).toBe(true);
    expect(await auditOf(t.db, 'auth.password_reset', id)).toHaveLength(1);
    const [row] = await t.db.select({ must: users.mustChangePassword }).from(users).where(eq(users.id, id));
    expect(row!.must).toBe(true);
  });
});

describe('granting and revoking roles', () => {
  it('grants a role (201), refuses the same grant twice (409), and audits', async () => {
    const id = ids['sro.north@isd.test']!;
    const res = await admin.request('POST', `/api/users/${id}/grants`, { role: 'sro', schoolId: south.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ role: 'sro', schoolId: south.id, schoolName: 'South High' });
    expect((await admin.request('POST', `/api/users/${id}/grants`, { role: 'sro', schoolId: south.id })).status).toBe(409);
    expect((await auditOf(t.db, 'role.granted', id)).at(-1)!.detail).toMatchObject({ role: 'sro', grantId: res.body.id });

    const revoked = await admin.request('DELETE', `/api/users/${id}/grants/${res.body.id}`);
    expect(revoked.status).toBe(204);
    expect(await auditOf(t.db, 'role.revoked', id)).toHaveLength(1);
    expect((await admin.request('DELETE', `/api/users/${id}/grants/${res.body.id}`)).status).toBe(404);
  });

  it('gives a granted role at once to the user\'s open session', async () => {
    const sro = await signedIn(t, 'sro.north@isd.test');
    expect((await sro.request('GET', `/api/users/${ids['teacher.south@isd.test']}`)).status).toBe(404);
    await admin.request('POST', `/api/users/${ids['sro.north@isd.test']}/grants`, { role: 'sro', schoolId: south.id });
    expect((await sro.request('GET', `/api/users/${ids['teacher.south@isd.test']}`)).status).toBe(200);
  });

  it('refuses removing the last district-wide system administrator (409)', async () => {
    const me = await admin.request('GET', `/api/users/${ids['admin@isd.test']}`);
    const grant = me.body.grants.find((g: { role: string }) => g.role === 'sysadmin');
    expect((await admin.request('DELETE', `/api/users/${ids['admin@isd.test']}/grants/${grant.id}`)).status).toBe(409);
    expect(await auditOf(t.db, 'role.revoked', ids['admin@isd.test'])).toHaveLength(0);
  });

  it('does not let a school-scoped administrator grant district-wide or at other schools', async () => {
    const itLead = await signedIn(t, 'itlead.south@isd.test');
    const teacher = ids['teacher.south@isd.test'];
    expect((await itLead.request('POST', `/api/users/${teacher}/grants`, { role: 'sysadmin', schoolId: null })).status).toBe(403);
    const elsewhere = await itLead.request('POST', `/api/users/${teacher}/grants`, { role: 'staff', schoolId: north.id });
    expect(elsewhere.body.error).toMatchObject({ code: 'validation_failed', field: 'schoolId' });
    const principal = await signedIn(t, 'principal.north@isd.test');
    expect((await principal.request('POST', `/api/users/${teacher}/grants`, { role: 'staff', schoolId: north.id })).status).toBe(403);
  });
});

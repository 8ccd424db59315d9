import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, districts, students } from '../../db/schema/index.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { createDistrict, createSchool, createUser } from '../../test/fixtures.js';
import { isIanaZone } from './district.schemas.js';

let t: TestApp;
let districtId: string;
let demoId: string;
let north: { id: string };
const as: Record<string, TestClient> = {};

async function client(email: string): Promise<TestClient> {
  const c = t.client();
  await c.signIn(email);
  return c;
}

async function lastUpdate(id: string) {
  const rows = await t.db.select().from(auditEvents)
    .where(and(eq(auditEvents.eventType, 'district.updated'), eq(auditEvents.districtId, id))).orderBy(auditEvents.id);
  return rows.at(-1);
}

beforeAll(async () => {
  t = await createTestApp();
  const district = await createDistrict(t.database, { name: 'Riverside ISD', ncesId: '4812345', lawEnforcementAgency: 'Riverside PD' });
  districtId = district.id;
  north = await createSchool(t.database, { districtId, name: 'North High' });
  const closed = await createSchool(t.database, { districtId, name: 'Old High', active: false });
  await t.db.insert(students).values([
    { districtId, schoolId: north.id, studentNumber: 'A1', firstName: 'A', lastName: 'B', grade: 9, dateOfBirth: '2011-01-01', sex: 'male', raceEthnicity: 'asian' },
    { districtId, schoolId: closed.id, studentNumber: 'A2', firstName: 'C', lastName: 'D', grade: 9, dateOfBirth: '2011-01-01', sex: 'male', raceEthnicity: 'asian', active: false },
  ]);
  const people: [string, { role: 'staff' | 'sysadmin' | 'director' | 'counselor'; schoolId: string | null }[]][] = [
    ['teacher@isd.test', [{ role: 'staff', schoolId: north.id }]],
    ['it.north@isd.test', [{ role: 'sysadmin', schoolId: north.id }]],
    ['director@isd.test', [{ role: 'director', schoolId: null }]],
    ['counselor@isd.test', [{ role: 'counselor', schoolId: north.id }]],
  ];
  for (const [email, grants] of people) await createUser(t.database, { email, grants, districtId });
  await createUser(t.database, { email: 'gone@isd.test', grants: [], districtId, active: false });
  for (const [email] of people) as[email.split('@')[0]!] = await client(email);
  demoId = (await createDistrict(t.database, { name: 'Riverbend ISD', isDemo: true })).id;
  await createUser(t.database, { email: 'sysadmin@demo.test', grants: [{ role: 'sysadmin', schoolId: null }], districtId: demoId });
  as.demo = await client('sysadmin@demo.test');
}, 60_000);

afterAll(async () => t?.close());

describe('reading the district', () => {
  it('every signed-in role reads its district with settings and counts of open schools, active users and enrolled students', async () => {
    const res = await as.teacher!.get('/api/district');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: districtId, name: 'Riverside ISD', ncesId: '4812345', state: 'TX', timezone: 'America/Chicago',
      lawEnforcementAgency: 'Riverside PD', nibrsOri: null, mfaRequiredRoles: [], isDemo: false, counts: { schools: 1, users: 4, students: 1 },
    });
  });

  it('the demo district (isDemo) says so, and the flag cannot be changed through the API (400)', async () => {
    expect((await as.demo!.get('/api/district')).body).toMatchObject({ id: demoId, isDemo: true, counts: { users: 1 } });
    const res = await as.demo!.patch('/api/district', { isDemo: false });
    expect(res.status).toBe(400);
    const [row] = await t.db.select().from(districts).where(eq(districts.id, demoId));
    expect(row!.isDemo).toBe(true);
  });
});

describe('changing district settings', () => {
  it('a staff member cannot change the district (403), nor can a system administrator of one school', async () => {
    expect((await as.teacher!.patch('/api/district', { name: 'Mine ISD' })).status).toBe(403);
    const scoped = await as['it.north']!.patch('/api/district', { name: 'Mine ISD' });
    expect(scoped.status).toBe(403);
    expect((await as.teacher!.get('/api/district')).body.name).toBe('Riverside ISD');
  });

  it('changes name, time zone and agency, auditing the names of the changed fields', async () => {
    const res = await as.director!.patch('/api/district', { name: 'Riverside CISD', timezone: 'America/Denver', lawEnforcementAgency: '' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Riverside CISD', timezone: 'America/Denver', lawEnforcementAgency: null });
    const event = await lastUpdate(districtId);
    expect(event).toMatchObject({ actorLabel: 'director@isd.test', subjectType: 'district', subjectId: districtId });
    expect((event!.detail.changed as string[]).sort()).toEqual(['lawEnforcementAgency', 'name', 'timezone']);
    expect(event!.detail).not.toHaveProperty('mfaRequiredRoles');
  });

  it('validates the time zone as an IANA zone and the MFA roles as unique known roles (400 naming the field)', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ timezone: 'Mars/Olympus_Mons' }, 'timezone'],
      [{ timezone: '+01:00' }, 'timezone'],
      [{ mfaRequiredRoles: ['sro', 'sro'] }, 'mfaRequiredRoles'],
      [{ mfaRequiredRoles: ['janitor'] }, 'mfaRequiredRoles.0'],
      [{ name: 'X' }, 'name'],
    ];
    for (const [body, field] of cases) {
      const res = await as.director!.patch('/api/district', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field, JSON.stringify(body)).toBe(field);
    }
    expect(isIanaZone('America/Chicago') && isIanaZone('UTC') && isIanaZone('Pacific/Honolulu')).toBe(true);
  });

  it('writes nothing when nothing changes (same roles in another order)', async () => {
    await as.director!.patch('/api/district', { mfaRequiredRoles: ['sro', 'supervisor'] });
    const before = await lastUpdate(districtId);
    const res = await as.director!.patch('/api/district', { mfaRequiredRoles: ['supervisor', 'sro'], name: 'Riverside CISD' });
    expect(res.status).toBe(200);
    expect((await lastUpdate(districtId))!.id).toBe(before!.id);
  });

  it('changing mfaRequiredRoles makes a user without MFA land in mfa_enrolment_required at next request, and is audited old and new', async () => {
    expect((await as.counselor!.get('/api/auth/session')).body.state).toBe('signed_in');
    expect((await as.counselor!.get('/api/students')).status).toBe(200);
    const res = await as.director!.patch('/api/district', { mfaRequiredRoles: ['sro', 'supervisor', 'counselor'] });
    expect(res.status).toBe(200);
    expect(res.body.mfaRequiredRoles).toEqual(['sro', 'supervisor', 'counselor']);
    expect((await as.counselor!.get('/api/auth/session')).body.state).toBe('mfa_enrolment_required');
    const blocked = await as.counselor!.get('/api/students');
    expect(blocked.status).toBe(401);
    expect(blocked.body.error.code).toBe('mfa_required');
    expect((await lastUpdate(districtId))!.detail).toEqual({
      changed: ['mfaRequiredRoles'], mfaRequiredRoles: { from: ['sro', 'supervisor'], to: ['sro', 'supervisor', 'counselor'] },
    });
    // The policy binds only the roles it names, in this district only.
    expect((await as.director!.get('/api/auth/session')).body.state).toBe('signed_in');
    expect((await as.demo!.get('/api/auth/session')).body.state).toBe('signed_in');
  });
});

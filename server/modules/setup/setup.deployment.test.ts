import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, districts, roleGrants, users } from '../../db/schema/index.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { createDistrict, createSchool, createUser } from '../../test/fixtures.js';

// Several districts in one deployment: only the operator (a district-wide sysadmin flagged deployment_admin)
// lists and creates districts; each new district gets a first administrator who enrols TOTP at first sign-in.
let t: TestApp;
let homeId: string;
const as: Record<string, TestClient> = {};

const body = {
  districtName: 'Lakeshore Schools', state: 'MI', timezone: 'America/Detroit', leaid: '2600001',
  adminName: 'Lou Lakeshore', adminEmail: 'lou@lakeshore.example', adminPassword: 'lakeshore-passphrase',
};

async function districtCount() {
  const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(districts);
  return Number(row!.n);
}

beforeAll(async () => {
  t = await createTestApp();
  homeId = (await createDistrict(t.database, { name: 'Home County', ncesId: '4800001' })).id;
  const school = await createSchool(t.database, { districtId: homeId });
  const operator = await createUser(t.database, { email: 'op@home.test', districtId: homeId, grants: [{ role: 'sysadmin', schoolId: null }] });
  await t.db.update(users).set({ deploymentAdmin: true }).where(eq(users.id, operator.id));
  const flaggedAtSchool = await createUser(t.database, { email: 'op.school@home.test', districtId: homeId, grants: [{ role: 'sysadmin', schoolId: school.id }] });
  await t.db.update(users).set({ deploymentAdmin: true }).where(eq(users.id, flaggedAtSchool.id));
  await createUser(t.database, { email: 'sys@home.test', districtId: homeId, grants: [{ role: 'sysadmin', schoolId: null }] });
  await createUser(t.database, { email: 'director@home.test', districtId: homeId, grants: [{ role: 'director', schoolId: null }] });
  for (const [who, email] of [['operator', 'op@home.test'], ['schoolSysadmin', 'op.school@home.test'], ['sysadmin', 'sys@home.test'], ['director', 'director@home.test']]) {
    as[who!] = t.client();
    await as[who!]!.signIn(email!);
  }
}, 60_000);

afterAll(async () => t?.close());

describe('who may manage the districts of the deployment', () => {
  it('a director lacks the permission: 403', async () => {
    for (const res of [await as.director!.get('/api/deployment/districts'), await as.director!.post('/api/deployment/districts', body)]) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
  });

  it.each(['sysadmin', 'schoolSysadmin'])('a %s who is not the district-wide operator reads the routes as absent and writes nothing', async (who) => {
    const list = await as[who]!.get('/api/deployment/districts');
    expect(list.status).toBe(404);
    expect(list.body.error.code).toBe('not_found');
    const create = await as[who]!.post('/api/deployment/districts', body);
    expect(create.status).toBe(404);
    expect(create.body.error.code).toBe('not_found');
    expect(await districtCount()).toBe(1);
  });
});

describe('creating a district', () => {
  it('refuses invalid fields with 400 naming the field', async () => {
    for (const [change, field] of [[{ timezone: 'Europe/Nowhere' }, 'timezone'], [{ state: 'WA' }, 'state'], [{ adminPassword: 'x' }, 'adminPassword'], [{ leaid: 'abc' }, 'leaid']] as const) {
      const res = await as.operator!.post('/api/deployment/districts', { ...body, ...change });
      expect(res.status, field).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'validation_failed', field });
    }
    expect(await districtCount()).toBe(1);
  });

  it('refuses a taken LEAID or e-mail with 409 naming the field, and writes nothing', async () => {
    const leaid = await as.operator!.post('/api/deployment/districts', { ...body, leaid: '4800001' });
    expect(leaid.status).toBe(409);
    expect(leaid.body.error).toMatchObject({ code: 'conflict', field: 'leaid' });
    const email = await as.operator!.post('/api/deployment/districts', { ...body, adminEmail: 'SYS@home.test' });
    expect(email.status).toBe(409);
    expect(email.body.error).toMatchObject({ code: 'conflict', field: 'adminEmail' });
    expect(await districtCount()).toBe(1);
  });

  it('creates the district with its state rules and an administrator who must enrol two-step sign-in', async () => {
    const res = await as.operator!.post('/api/deployment/districts', body);
    expect(res.status).toBe(201);
    const [created] = await t.db.select().from(districts).where(eq(districts.id, res.body.districtId));
    expect(created).toMatchObject({ name: 'Lakeshore Schools', state: 'MI', timezone: 'America/Detroit', ncesId: '2600001' });
    const [admin] = await t.db.select().from(users).where(eq(users.id, res.body.adminUserId));
    expect(admin).toMatchObject({ districtId: created!.id, mfaEnabled: false, deploymentAdmin: false, email: 'lou@lakeshore.example' });
    const grants = await t.db.select().from(roleGrants).where(eq(roleGrants.userId, admin!.id));
    expect(grants.map((g) => [g.role, g.schoolId])).toEqual([['sysadmin', null]]);
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.eventType, 'district.created'));
    expect(events.map((e) => [e.districtId, e.actorLabel]).sort()).toEqual([[created!.id, 'deployment operator'], [homeId, 'op@home.test']].sort());

    const list = await as.operator!.get('/api/deployment/districts');
    expect(list.status).toBe(200);
    expect(list.body.items.map((d: { name: string }) => d.name)).toEqual(['Home County', 'Lakeshore Schools']);

    const lou = t.client();
    const signIn = await lou.post('/api/auth/sign-in', { email: body.adminEmail, password: body.adminPassword });
    expect(signIn.body.state).toBe('mfa_enrolment_required');
    const blocked = await lou.get('/api/district');
    expect(blocked.status).toBe(401);
    expect(blocked.body.error.code).toBe('mfa_required');
  });
});

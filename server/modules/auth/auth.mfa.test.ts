import { and, eq } from 'drizzle-orm';
import { TOTP, URI } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, districts, users } from '../../db/schema/index.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { createDistrict, createSchool, createUser, TEST_PASSWORD } from '../../test/fixtures.js';

// Two-step sign-in (TOTP): enrolment, sign-in with a code, lockout on wrong codes, district policy.
let t: TestApp;
let districtId: string;
let schoolId: string;
const MINUTE = 60 * 1000;

/** The code an authenticator app shows for the set-up's otpauth:// URL at the test clock's time, `steps` periods away. */
function codeFor(otpauthUrl: string, steps = 0): string {
  const otp = URI.parse(otpauthUrl);
  if (!(otp instanceof TOTP)) throw new Error('expected a TOTP URL');
  return otp.generate({ timestamp: t.clock.now().getTime() + steps * 30_000 });
}

/** Signs a new user in and enrols them; answers the client and the otpauth URL. */
async function enrolled(email: string, role: 'sro' | 'staff' = 'sro') {
  const user = await createUser(t.database, { email, districtId, grants: [{ role, schoolId }] });
  const client = t.client();
  await client.signIn(email);
  const setup = await client.post('/api/auth/mfa/setup');
  expect(setup.status).toBe(200);
  const enable = await client.post('/api/auth/mfa/enable', { code: codeFor(setup.body.otpauthUrl) });
  expect(enable.status).toBe(200);
  // The enrolment code is spent: sign-ins in a test use the codes of the following minutes.
  t.clock.advance(2 * MINUTE);
  return { user, client, url: setup.body.otpauthUrl as string };
}

async function audit(type: string, userId: string) {
  return t.db.select().from(auditEvents).where(and(eq(auditEvents.eventType, type), eq(auditEvents.subjectId, userId)));
}

beforeAll(async () => {
  t = await createTestApp();
  districtId = (await createDistrict(t.database)).id;
  schoolId = (await createSchool(t.database, { districtId })).id;
}, 60_000);

afterAll(async () => t?.close());

describe('enrolling in two-step sign-in', () => {
  it('hands out a secret, its otpauth URL and a QR code; the secret is stored sealed and off until confirmed', async () => {
    const user = await createUser(t.database, { email: 'amy@isd.test', districtId, grants: [{ role: 'sro', schoolId }] });
    const client = t.client();
    await client.signIn('amy@isd.test');
    const setup = await client.post('/api/auth/mfa/setup');
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/SRO%20Desk:amy%40isd\.test\?/);
    expect(setup.body.otpauthUrl).toContain(`secret=${setup.body.secret}`);
    expect(setup.body.qrSvg).toMatch(/^<svg/);
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.mfaEnabled).toBe(false);
    expect(row!.mfaSecret).toBeTruthy();
    expect(row!.mfaSecret).not.toContain(setup.body.secret);

    const wrong = await client.post('/api/auth/mfa/enable', { code: codeFor(setup.body.otpauthUrl, 3) });
    expect(wrong.body.error).toMatchObject({ code: 'validation_failed', field: 'code' });
    const malformed = await client.post('/api/auth/mfa/enable', { code: '12ab56' });
    expect(malformed.body.error).toMatchObject({ code: 'validation_failed', field: 'code' });
    const ok = await client.post('/api/auth/mfa/enable', { code: codeFor(setup.body.otpauthUrl) });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ state: 'signed_in', user: { mfaEnabled: true } });
    expect(await audit('auth.mfa_enrolled', user.id)).toHaveLength(1);
  });

  it('refuses to enable without a set-up first', async () => {
    await createUser(t.database, { email: 'ben@isd.test', districtId, grants: [{ role: 'sro', schoolId }] });
    const client = t.client();
    await client.signIn('ben@isd.test');
    expect((await client.post('/api/auth/mfa/enable', { code: '123456' })).status).toBe(409);
  });

  it('does not let a new set-up silently turn off an enrolled authenticator (turning off needs the password)', async () => {
    const { user, client } = await enrolled('cat@isd.test');
    const again = await client.post('/api/auth/mfa/setup');
    expect(again.status).toBe(409);
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.mfaEnabled).toBe(true);
  });
});

describe('signing in with two-step sign-in', () => {
  it('asks for the code after the password; the pending session reaches nothing else', async () => {
    const { user, url } = await enrolled('dan@isd.test');
    const client = t.client();
    const first = await client.signIn('dan@isd.test');
    expect(first.body).toMatchObject({ state: 'mfa_pending', grants: [], permissions: [], schools: [] });
    const pendingToken = client.cookies.get('sro_session')!;
    const blocked = await client.get('/api/schools');
    expect(blocked.status).toBe(401);
    expect(blocked.body.error.code).toBe('mfa_required');
    expect((await client.post('/api/auth/mfa/setup')).status).toBe(401);

    const wrong = await client.post('/api/auth/mfa/verify', { code: codeFor(url, 4) });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatchObject({ code: 'unauthenticated', field: 'code' });
    expect(await audit('auth.mfa_failed', user.id)).toHaveLength(1);

    const ok = await client.post('/api/auth/mfa/verify', { code: codeFor(url) });
    expect(ok.status).toBe(200);
    expect(ok.body.state).toBe('signed_in');
    expect(client.cookies.get('sro_session')).not.toBe(pendingToken);
    expect((await client.get('/api/schools')).status).toBe(200);

    const stale = t.client();
    stale.cookies.set('sro_session', pendingToken);
    expect((await stale.get('/api/auth/session')).body.state).toBe('anonymous');
    expect((await client.post('/api/auth/mfa/verify', { code: codeFor(url) })).status).toBe(400);
  });

  it('accepts the code of the neighbouring 30-second step, not older ones', async () => {
    const { url } = await enrolled('eve@isd.test');
    const client = t.client();
    await client.signIn('eve@isd.test');
    expect((await client.post('/api/auth/mfa/verify', { code: codeFor(url, -3) })).status).toBe(401);
    expect((await client.post('/api/auth/mfa/verify', { code: codeFor(url, -1) })).status).toBe(200);
  });

  it('refuses a code that was already used, even within its 30 seconds, and counts it as a wrong one', async () => {
    const { user, url } = await enrolled('fay@isd.test');
    const first = t.client();
    await first.signIn('fay@isd.test');
    const code = codeFor(url);
    expect((await first.post('/api/auth/mfa/verify', { code })).status).toBe(200);
    const second = t.client();
    await second.signIn('fay@isd.test');
    const replay = await second.post('/api/auth/mfa/verify', { code });
    expect(replay.status).toBe(401);
    expect(replay.body.error).toMatchObject({ code: 'unauthenticated', field: 'code' });
    expect(await audit('auth.mfa_failed', user.id)).toHaveLength(1);
    t.clock.advance(30_000);
    expect((await second.post('/api/auth/mfa/verify', { code: codeFor(url) })).status).toBe(200);
  });

  it('locks the account after 5 wrong codes and ends the pending session', async () => {
    const { url } = await enrolled('fin@isd.test');
    const client = t.client();
    await client.signIn('fin@isd.test');
    for (let i = 1; i <= 4; i++) expect((await client.post('/api/auth/mfa/verify', { code: codeFor(url, 5 + i) })).status).toBe(401);
    const fifth = await client.post('/api/auth/mfa/verify', { code: codeFor(url, 10) });
    expect(fifth.status).toBe(429);
    expect(fifth.body.error.retryAfterSeconds).toBe(600);
    expect((await client.post('/api/auth/mfa/verify', { code: codeFor(url) })).status).toBe(401);
    expect((await t.client().post('/api/auth/sign-in', { email: 'fin@isd.test', password: TEST_PASSWORD })).status).toBe(429);
    t.clock.advance(10 * MINUTE);
    expect((await t.client().post('/api/auth/sign-in', { email: 'fin@isd.test', password: TEST_PASSWORD })).body.state).toBe('mfa_pending');
  });

  it('turns off with the password only, and audits it', async () => {
    const { user, client } = await enrolled('gil@isd.test');
    const wrong = await client.post('/api/auth/mfa/disable', { password: 'not-it' });
    expect(wrong.body.error).toMatchObject({ code: 'validation_failed', field: 'password' });
    expect((await client.post('/api/auth/mfa/disable', { password: TEST_PASSWORD })).status).toBe(204);
    expect(await audit('auth.mfa_disabled', user.id)).toHaveLength(1);
    expect((await t.client().signIn('gil@isd.test')).body.state).toBe('signed_in');
  });
});

describe('district policy requiring two-step sign-in', () => {
  let policyDistrict: string;
  let policySchool: string;
  beforeAll(async () => {
    policyDistrict = (await createDistrict(t.database, { mfaRequiredRoles: ['sro', 'director'] })).id;
    policySchool = (await createSchool(t.database, { districtId: policyDistrict })).id;
  });

  it('sends a user of a required role to enrolment, answering mfa_required elsewhere until enrolled', async () => {
    await createUser(t.database, { email: 'hana@isd.test', districtId: policyDistrict, grants: [{ role: 'sro', schoolId: policySchool }] });
    const client: TestClient = t.client();
    const res = await client.signIn('hana@isd.test');
    expect(res.body).toMatchObject({ state: 'mfa_enrolment_required', permissions: [] });
    const blocked = await client.get('/api/schools');
    expect(blocked.status).toBe(401);
    expect(blocked.body.error).toMatchObject({ code: 'mfa_required', message: expect.stringMatching(/requires two-step/) });
    const setup = await client.post('/api/auth/mfa/setup');
    const enable = await client.post('/api/auth/mfa/enable', { code: codeFor(setup.body.otpauthUrl) });
    expect(enable.body.state).toBe('signed_in');
    expect((await client.get('/api/schools')).status).toBe(200);
    const off = await client.post('/api/auth/mfa/disable', { password: TEST_PASSWORD });
    expect(off.status).toBe(409);
  });

  it('leaves roles outside the policy free to sign in with a password', async () => {
    await createUser(t.database, { email: 'ian@isd.test', districtId: policyDistrict, grants: [{ role: 'staff', schoolId: policySchool }] });
    expect((await t.client().signIn('ian@isd.test')).body.state).toBe('signed_in');
  });

  it('applies a new policy to open sessions at their next request', async () => {
    await createUser(t.database, { email: 'jun@isd.test', districtId: policyDistrict, grants: [{ role: 'counselor', schoolId: policySchool }] });
    await createUser(t.database, { email: 'boss@isd.test', districtId: policyDistrict, grants: [{ role: 'sysadmin', schoolId: null }] });
    const counselor = t.client();
    await counselor.signIn('jun@isd.test');
    expect((await counselor.get('/api/schools')).status).toBe(200);
    const boss = t.client();
    await boss.signIn('boss@isd.test');
    const changed = await boss.patch('/api/district', { mfaRequiredRoles: ['sro', 'director', 'counselor'] });
    expect(changed.status).toBe(200);
    expect((await counselor.get('/api/schools')).body.error.code).toBe('mfa_required');
    const [row] = await t.db.select().from(districts).where(eq(districts.id, policyDistrict));
    expect(row!.mfaRequiredRoles).toContain('counselor');
  });
});

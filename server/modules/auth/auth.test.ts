import { hash } from '@node-rs/argon2';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, sessions, users } from '../../db/schema/index.js';
import { hashToken } from '../../lib/ids.js';
import { PASSWORD_HASH_OPTIONS, passwordHashOptions, verifyPassword } from '../../auth/passwords.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { createDistrict, createSchool, createUser, TEST_PASSWORD } from '../../test/fixtures.js';

// Sign-in, lockout, sessions and their expiry, sign-out, CSRF and password changes. MFA: auth.mfa.test.ts.
let t: TestApp;
let districtId: string;
let schoolId: string;
const MINUTE = 60 * 1000;
const WRONG = { error: { code: 'unauthenticated', message: 'E-mail or password is wrong' } };

async function person(email: string, extra: { mustChangePassword?: boolean; active?: boolean } = {}) {
  return createUser(t.database, { email, districtId, grants: [{ role: 'sro', schoolId }], ...extra });
}

async function audit(type: string, actorLabel: string) {
  return t.db.select().from(auditEvents)
    .where(and(eq(auditEvents.eventType, type), eq(auditEvents.actorLabel, actorLabel))).orderBy(auditEvents.id);
}

const signIn = (client: TestClient, email: string, password: string) => client.post('/api/auth/sign-in', { email, password });

beforeAll(async () => {
  t = await createTestApp();
  districtId = (await createDistrict(t.database)).id;
  schoolId = (await createSchool(t.database, { districtId, name: 'North High' })).id;
}, 60_000);

afterAll(async () => t?.close());

describe('signing in', () => {
  it('signs in with e-mail (any case) and password, answering the session, and audits it', async () => {
    const user = await person('ana@isd.test');
    const client = t.client();
    const res = await signIn(client, 'ANA@isd.test', TEST_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      state: 'signed_in', user: { id: user.id, email: 'ana@isd.test', mfaEnabled: false, mustChangePassword: false },
      grants: [{ role: 'sro', schoolId }], schools: [{ id: schoolId, name: 'North High' }],
    });
    expect(res.body.permissions).toContain('school.read');
    expect((await client.get('/api/schools')).status).toBe(200);
    const [event] = await audit('auth.sign_in', 'ana@isd.test');
    expect(event).toMatchObject({ actorUserId: user.id, districtId, subjectId: user.id, detail: { mfaPending: false } });
    expect(event!.requestId).toBe(res.headers['x-request-id']);
  });

  it('keeps passwords as argon2id hashes, at OWASP\'s minimum cost outside the test runner', async () => {
    const user = await person('hash@isd.test');
    const [row] = await t.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(row!.hash).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    expect(passwordHashOptions({})).toEqual({ algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
    expect(passwordHashOptions({ VITEST: 'true', NODE_ENV: 'production' })).toBe(PASSWORD_HASH_OPTIONS);
    // A hash made at the production cost still verifies (the parameters travel in the hash).
    const strong = await hash('correct horse battery', PASSWORD_HASH_OPTIONS);
    expect(strong).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(strong, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(strong, 'wrong horse battery')).toBe(false);
  });

  it('gives the same answer for an unknown e-mail, a wrong password and a deactivated account, and audits each', async () => {
    await person('bo@isd.test');
    await person('gone@isd.test', { active: false });
    const unknown = await signIn(t.client(), 'nobody@isd.test', TEST_PASSWORD);
    const wrong = await signIn(t.client(), 'bo@isd.test', 'not-the-password');
    const inactive = await signIn(t.client(), 'gone@isd.test', TEST_PASSWORD);
    for (const res of [unknown, wrong, inactive]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual(WRONG);
      expect(res.headers['set-cookie']?.toString() ?? '').not.toContain('sro_session');
    }
    expect((await audit('auth.sign_in_failed', 'nobody@isd.test'))[0]).toMatchObject({ actorUserId: null, detail: { reason: 'unknown_email', attempt: 1 } });
    expect((await audit('auth.sign_in_failed', 'bo@isd.test'))[0]).toMatchObject({ actorUserId: null, detail: { reason: 'wrong_password', attempt: 1 } });
    expect((await audit('auth.sign_in_failed', 'gone@isd.test'))[0]).toMatchObject({ detail: { reason: 'inactive' } });
  });

  it('refuses a malformed sign-in body naming the field', async () => {
    const res = await t.client().post('/api/auth/sign-in', { email: 'not-an-email', password: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', field: 'email' });
  });
});

describe('lockout', () => {
  it('locks an account for 10 minutes after 5 failures, answering 429 with the time left, then lets it in again', async () => {
    await person('cy@isd.test');
    const client = t.client();
    for (let i = 1; i <= 4; i++) expect((await signIn(client, 'cy@isd.test', `wrong-${i}`)).status).toBe(401);
    const fifth = await signIn(client, 'cy@isd.test', 'wrong-5');
    expect(fifth.status).toBe(429);
    expect(fifth.body.error).toMatchObject({ code: 'locked_out', retryAfterSeconds: 600 });
    expect(fifth.body.error.message).toContain('10 minutes');
    expect(await audit('auth.locked_out', 'cy@isd.test')).toHaveLength(1);

    t.clock.advance(4 * MINUTE);
    const right = await signIn(client, 'cy@isd.test', TEST_PASSWORD);
    expect(right.status).toBe(429);
    expect(right.body.error.retryAfterSeconds).toBe(360);
    expect(right.headers['retry-after']).toBe('360');
    expect(client.cookies.has('sro_session')).toBe(false);

    t.clock.advance(6 * MINUTE);
    expect((await signIn(client, 'cy@isd.test', TEST_PASSWORD)).status).toBe(200);
  });

  it('locks an unknown e-mail just the same, so lockout does not tell which accounts exist', async () => {
    const client = t.client();
    for (let i = 1; i <= 4; i++) expect((await signIn(client, 'ghost@isd.test', `wrong-${i}`)).body).toEqual(WRONG);
    const fifth = await signIn(client, 'ghost@isd.test', 'wrong-5');
    expect(fifth.status).toBe(429);
    expect(fifth.body.error.retryAfterSeconds).toBe(600);
  });

  it('counts failures in a row: a success starts the count again', async () => {
    await person('di@isd.test');
    const client = t.client();
    for (let i = 1; i <= 4; i++) await signIn(client, 'di@isd.test', `wrong-${i}`);
    expect((await signIn(client, 'di@isd.test', TEST_PASSWORD)).status).toBe(200);
    for (let i = 1; i <= 4; i++) expect((await signIn(t.client(), 'di@isd.test', `wrong-${i}`)).status).toBe(401);
  });
});

describe('sessions', () => {
  it('sets an HttpOnly SameSite session cookie whose token is stored only as a hash', async () => {
    const user = await person('ed@isd.test');
    const client = t.client();
    const res = await signIn(client, 'ed@isd.test', TEST_PASSWORD);
    const cookie = [res.headers['set-cookie']].flat().find((c) => String(c).startsWith('sro_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=(Lax|Strict)/i);
    expect(cookie).toMatch(/Path=\//);
    const token = client.cookies.get('sro_session')!;
    const rows = await t.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows.map((r) => r.tokenHash)).toEqual([hashToken(token)]);
    expect(rows[0]!.tokenHash).not.toBe(token);
  });

  it('ends a session idle for more than 30 minutes; activity keeps it alive', async () => {
    await person('fay@isd.test');
    const client = t.client();
    await client.signIn('fay@isd.test');
    for (let i = 0; i < 3; i++) {
      t.clock.advance(29 * MINUTE);
      expect((await client.get('/api/schools')).status).toBe(200);
    }
    t.clock.advance(31 * MINUTE);
    const res = await client.get('/api/schools');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
    expect(client.cookies.has('sro_session')).toBe(false);
    expect((await client.get('/api/auth/session')).body.state).toBe('anonymous');
  });

  it('ends a session 12 hours after sign-in however busy it is', async () => {
    await person('gus@isd.test');
    const client = t.client();
    await client.signIn('gus@isd.test');
    for (let elapsed = 0; elapsed < 12 * 60 - 20; elapsed += 20) {
      t.clock.advance(20 * MINUTE);
      expect((await client.get('/api/schools')).status).toBe(200);
    }
    t.clock.advance(20 * MINUTE);
    expect((await client.get('/api/schools')).status).toBe(401);
  });

  it('signs out: the cookie is cleared, the token is dead everywhere, and the sign-out is audited', async () => {
    const user = await person('hal@isd.test');
    const client = t.client();
    await client.signIn('hal@isd.test');
    const token = client.cookies.get('sro_session')!;
    const res = await client.post('/api/auth/sign-out');
    expect(res.status).toBe(204);
    expect(client.cookies.has('sro_session')).toBe(false);
    const replay = t.client();
    replay.cookies.set('sro_session', token);
    expect((await replay.get('/api/schools')).status).toBe(401);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    expect(await audit('auth.sign_out', 'hal@isd.test')).toMatchObject([{ actorUserId: user.id, subjectId: user.id }]);
    expect((await client.post('/api/auth/sign-out')).status).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses every state-changing request without the header, with a wrong one or with a forged cookie', async () => {
    await person('ivy@isd.test');
    const client = t.client();
    await client.signIn('ivy@isd.test');
    const csrf = client.cookies.get('sro_csrf')!;
    const cookie = `sro_session=${client.cookies.get('sro_session')}; sro_csrf=${csrf}`;
    const requests: [string, string, unknown][] = [
      ['POST', '/api/auth/sign-in', { email: 'ivy@isd.test', password: TEST_PASSWORD }],
      ['POST', '/api/auth/sign-out', undefined],
      ['POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-password' }],
      ['POST', '/api/schools', {}],
      ['PATCH', `/api/schools/${schoolId}`, { name: 'Renamed High' }],
      ['DELETE', `/api/schools/${schoolId}/feeders/${schoolId}`, undefined],
      ['PUT', '/api/anything', {}],
    ];
    const forged = `${csrf.split('.')[0]}.AAAA`;
    const variants: Record<string, string>[] = [
      { cookie }, { cookie, 'x-csrf-token': 'forged' }, { cookie: cookie.replace(csrf, forged), 'x-csrf-token': forged },
    ];
    for (const [method, url, body] of requests) {
      for (const headers of variants) {
        const res = await t.app.inject({ method: method as 'POST', url, headers, ...(body ? { payload: body as object } : {}) });
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json().error.code).toBe('csrf_failed');
      }
    }
    const [school] = await t.db.query.schools.findMany({ where: (s, { eq: is }) => is(s.id, schoolId) });
    expect(school!.name).toBe('North High');
    expect((await client.get('/api/schools')).status).toBe(200);
  });
});

describe('changing the password', () => {
  it('checks the current password and the new one, naming the field', async () => {
    await person('jo@isd.test');
    const client = t.client();
    await client.signIn('jo@isd.test');
    const wrong = await client.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'a-brand-new-password' });
    expect(wrong.body.error).toMatchObject({ code: 'validation_failed', field: 'currentPassword' });
    const short = await client.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(short.body.error).toMatchObject({ code: 'validation_failed', field: 'newPassword' });
    const same = await client.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD });
    expect(same.body.error).toMatchObject({ code: 'validation_failed', field: 'newPassword' });
    expect(await audit('auth.password_changed', 'jo@isd.test')).toHaveLength(0);
  });

  it('changes it, keeps this session, ends the others, and audits it', async () => {
    const user = await person('kay@isd.test');
    const [here, there] = [t.client(), t.client()];
    await here.signIn('kay@isd.test');
    await there.signIn('kay@isd.test');
    const res = await here.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-brand-new-password' });
    expect(res.status).toBe(204);
    expect((await here.get('/api/schools')).status).toBe(200);
    expect((await there.get('/api/schools')).status).toBe(401);
    expect((await signIn(t.client(), 'kay@isd.test', TEST_PASSWORD)).status).toBe(401);
    expect((await signIn(t.client(), 'kay@isd.test', 'a-brand-new-password')).status).toBe(200);
    expect(await audit('auth.password_changed', 'kay@isd.test')).toMatchObject([{ actorUserId: user.id, subjectId: user.id }]);
  });

  it('makes a user with a temporary password choose a new one before anything else', async () => {
    await person('lee@isd.test', { mustChangePassword: true });
    const client = t.client();
    const res = await client.signIn('lee@isd.test');
    expect(res.body.user.mustChangePassword).toBe(true);
    const blocked = await client.get('/api/schools');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.message).toMatch(/new password/);
    expect((await client.get('/api/auth/session')).status).toBe(200);
    expect((await client.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'my-own-password-now' })).status).toBe(204);
    expect((await client.get('/api/schools')).status).toBe(200);
    expect((await client.get('/api/auth/session')).body.user.mustChangePassword).toBe(false);
  });
});

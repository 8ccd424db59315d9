import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { newTotpSecret } from '../../auth/totp.js';
import type { Database } from '../../db/connection.js';
import { auditEvents, users } from '../../db/schema/index.js';
import { createTestApp, TestClient, testConfig, type TestApp, type TestResponse } from '../../test/app.js';
import { connectAgain } from '../../test/database.js';
import { createDistrict, createSchool, createUser, TEST_PASSWORD } from '../../test/fixtures.js';
import { MAX_FAILED_SIGN_INS } from './auth.policy.js';

// The lockout under concurrency: each password or code check is reserved in one statement before the hash, so a
// burst of parallel guesses (on one process, or on two sharing PostgreSQL) gets at most 5 checks per 10 minutes.
let t: TestApp;
/** On PostgreSQL a second app on its own connection pool, as a second server process has; on PGlite the same app. */
let other: { app: TestApp['app']; database: Database | null };
let districtId: string;
let schoolId: string;
const MINUTE = 60 * 1000;

beforeAll(async () => {
  t = await createTestApp();
  districtId = (await createDistrict(t.database)).id;
  schoolId = (await createSchool(t.database, { districtId })).id;
  const second = connectAgain(t.database);
  if (second) {
    const app = await buildApp({ config: testConfig(), database: second, clock: t.clock, logger: false });
    await app.ready();
    other = { app, database: second };
  } else {
    other = { app: t.app, database: null };
  }
}, 180_000);

afterAll(async () => {
  if (other?.database) {
    await other.app.close();
    await other.database.close();
  }
  await t?.close();
});

async function auditsOf(types: string[], where: { label?: string; subjectId?: string }) {
  const condition = where.label ? eq(auditEvents.actorLabel, where.label) : eq(auditEvents.subjectId, where.subjectId!);
  return t.db.select().from(auditEvents).where(and(inArray(auditEvents.eventType, types), condition));
}

/** Sends all requests at once, alternating between the two apps. */
async function burst(count: number, send: (client: TestClient, i: number) => Promise<TestResponse>): Promise<TestResponse[]> {
  const clients = await Promise.all(Array.from({ length: count }, async (_, i) => {
    const client = new TestClient(i % 2 === 0 ? t.app : other.app);
    await client.get('/api/health');
    return client;
  }));
  return Promise.all(clients.map((client, i) => send(client, i)));
}

describe('parallel password guessing', () => {
  it('checks at most 5 of 40 simultaneous sign-ins (39 wrong, 1 right); the rest answer 429 with Retry-After', async () => {
    await createUser(t.database, { email: 'target@lockout.test', districtId, grants: [{ role: 'sro', schoolId }] });
    const answers = await burst(40, (client, i) =>
      client.post('/api/auth/sign-in', { email: 'target@lockout.test', password: i === 17 ? TEST_PASSWORD : `guess-${i}` }));
    const failed = await auditsOf(['auth.sign_in_failed'], { label: 'target@lockout.test' });
    const signedIn = answers.filter((a) => a.status === 200);
    expect(failed.length + signedIn.length).toBeLessThanOrEqual(MAX_FAILED_SIGN_INS);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(40 - MAX_FAILED_SIGN_INS);
    for (const answer of refused) {
      expect(answer.body.error.code).toBe('locked_out');
      expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(answers.filter((a) => a.status !== 200 && a.status !== 401 && a.status !== 429)).toEqual([]);
  });

  it('checks at most 5 two-step codes of a burst of 20 wrong ones', async () => {
    const user = await createUser(t.database, { email: 'coded@lockout.test', districtId, grants: [{ role: 'sro', schoolId }] });
    await t.db.update(users).set({ mfaEnabled: true, mfaSecret: t.app.deps.box.seal(newTotpSecret()) }).where(eq(users.id, user.id));
    // Each guesser holds a pending session of its own (a password thief can open many).
    const answers = await burst(20, async (client) => {
      const signIn = await client.post('/api/auth/sign-in', { email: 'coded@lockout.test', password: TEST_PASSWORD });
      if (signIn.status !== 200) return signIn;
      return client.post('/api/auth/mfa/verify', { code: '000000' });
    });
    const failed = await auditsOf(['auth.mfa_failed'], { subjectId: user.id });
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThanOrEqual(MAX_FAILED_SIGN_INS);
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(20 - MAX_FAILED_SIGN_INS);
    // A right password does not buy more code guesses while the code budget is spent.
    const again = await t.client().post('/api/auth/sign-in', { email: 'coded@lockout.test', password: TEST_PASSWORD });
    expect(again.status).toBe(429);
    expect(again.body.error.code).toBe('locked_out');
  });

  it('checks at most 5 current passwords of a burst of 20 password changes on one session', async () => {
    await createUser(t.database, { email: 'changer@lockout.test', districtId, grants: [{ role: 'sro', schoolId }] });
    const session = new TestClient(t.app);
    await session.signIn('changer@lockout.test');
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      session.post('/api/auth/password', { currentPassword: `not-it-${i}`, newPassword: 'a-brand-new-password-1' })));
    const wrong = answers.filter((a) => a.status === 400);
    const refused = answers.filter((a) => a.status === 429);
    expect(wrong.length).toBe(MAX_FAILED_SIGN_INS - 1);
    expect(refused.length).toBe(20 - (MAX_FAILED_SIGN_INS - 1));
    for (const answer of wrong) expect(answer.body.error).toMatchObject({ code: 'validation_failed', field: 'currentPassword' });
  });
});

describe('after a lockout ends', () => {
  it('one wrong password answers 401, not a new lock; the budget is 5 again', async () => {
    await createUser(t.database, { email: 'again@lockout.test', districtId, grants: [{ role: 'sro', schoolId }] });
    const client = t.client();
    for (let i = 1; i <= 4; i++) expect((await client.post('/api/auth/sign-in', { email: 'again@lockout.test', password: `w${i}` })).status).toBe(401);
    expect((await client.post('/api/auth/sign-in', { email: 'again@lockout.test', password: 'w5' })).status).toBe(429);
    t.clock.advance(10 * MINUTE + 1000);
    const first = await client.post('/api/auth/sign-in', { email: 'again@lockout.test', password: 'w6' });
    expect(first.status).toBe(401);
    expect(first.body.error.code).toBe('unauthenticated');
    for (let i = 7; i <= 9; i++) expect((await client.post('/api/auth/sign-in', { email: 'again@lockout.test', password: `w${i}` })).status).toBe(401);
    expect((await client.post('/api/auth/sign-in', { email: 'again@lockout.test', password: 'w10' })).status).toBe(429);
    t.clock.advance(10 * MINUTE + 1000);
    expect((await client.post('/api/auth/sign-in', { email: 'again@lockout.test', password: TEST_PASSWORD })).status).toBe(200);
  });
});

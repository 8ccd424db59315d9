import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.js';
import { sessions } from '../db/schema/index.js';
import { hashToken } from '../lib/ids.js';
import { createTestApp, TestClient, type TestApp } from '../test/app.js';
import { connectAgain } from '../test/database.js';
import { createDistrict, createSchool, createUser } from '../test/fixtures.js';
import { CSRF_COOKIE, CSRF_HEADER } from './csrf.js';
import { SESSION_COOKIE } from './plugin.js';
import { announceRevocation } from './sessions.js';

// Session hygiene and the headers of every answer: a new sign-in ends the browser's earlier session, the CSRF
// token is bound to its session, security headers everywhere, and a sign-out on another process is heard at once.
let t: TestApp;
let https: TestApp;
let districtId: string;
let schoolId: string;

beforeAll(async () => {
  t = await createTestApp();
  https = await createTestApp({ database: t.database, env: { PUBLIC_URL: 'https://sro.example.test' } });
  districtId = (await createDistrict(t.database)).id;
  schoolId = (await createSchool(t.database, { districtId })).id;
  for (const name of ['ann', 'ben', 'cal', 'dee', 'eve']) {
    await createUser(t.database, { email: `${name}@sessions.test`, districtId, grants: [{ role: 'sro', schoolId }] });
  }
}, 180_000);

afterAll(async () => {
  await https?.close();
  await t?.close();
});

describe('signing in again in the same browser', () => {
  it('ends the earlier session: its token no longer works anywhere', async () => {
    const browser = t.client();
    await browser.signIn('ann@sessions.test');
    const first = browser.cookies.get(SESSION_COOKIE)!;
    await browser.signIn('ben@sessions.test');
    expect(browser.cookies.get(SESSION_COOKIE)).not.toBe(first);
    expect(await t.db.select().from(sessions).where(eq(sessions.tokenHash, hashToken(first)))).toHaveLength(0);
    const stale = t.client();
    stale.cookies.set(SESSION_COOKIE, first);
    const res = await stale.get('/api/schools');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });
});

describe('CSRF tokens bound to the session', () => {
  it('a token issued before sign-in, or for another session, is refused after sign-in', async () => {
    const browser = t.client();
    await browser.get('/api/health');
    const anonymousToken = browser.cookies.get(CSRF_COOKIE)!;
    await browser.signIn('cal@sessions.test');
    const sessionToken = browser.cookies.get(CSRF_COOKIE)!;
    expect(sessionToken).not.toBe(anonymousToken);
    const cookie = `${SESSION_COOKIE}=${browser.cookies.get(SESSION_COOKIE)}; ${CSRF_COOKIE}=${anonymousToken}`;
    const old = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie, [CSRF_HEADER]: anonymousToken } });
    expect(old.statusCode).toBe(403);
    expect(old.json().error.code).toBe('csrf_failed');

    const other = t.client();
    await other.signIn('dee@sessions.test');
    const foreign = other.cookies.get(CSRF_COOKIE)!;
    const crossed = `${SESSION_COOKIE}=${browser.cookies.get(SESSION_COOKIE)}; ${CSRF_COOKIE}=${foreign}`;
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie: crossed, [CSRF_HEADER]: foreign } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
    // The session's own token works.
    expect((await browser.post('/api/auth/sign-out')).status).toBe(204);
  });

  it('signing out hands out a token without a session, so signing in again works without a reload', async () => {
    const browser = t.client();
    await browser.signIn('eve@sessions.test');
    expect((await browser.post('/api/auth/sign-out')).status).toBe(204);
    expect(browser.cookies.has(SESSION_COOKIE)).toBe(false);
    expect((await browser.post('/api/auth/sign-in', { email: 'eve@sessions.test', password: 'correct-horse-battery' })).status).toBe(200);
  });
});

describe('security headers', () => {
  const expectHeaders = (headers: Record<string, unknown>) => {
    const csp = String(headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline\' ; script');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('same-origin');
    expect(String(headers['permissions-policy'])).toContain('camera=()');
  };

  it('are on every kind of answer: JSON, errors, unknown routes, validation failures and CSRF refusals', async () => {
    const client = t.client();
    const answers = [
      await client.get('/api/health'),
      await client.get('/api/schools'),
      await client.get('/api/no-such-route'),
      await client.post('/api/auth/sign-in', { email: 'not-an-email', password: 'x' }),
      await new TestClient(t.app).request('POST', '/api/auth/sign-in', { email: 'a@b.test', password: 'x' }, { [CSRF_HEADER]: 'forged' }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 401, 404, 400, 403]);
    for (const answer of answers) expectHeaders(answer.headers);
    expect(answers[0]!.headers['strict-transport-security']).toBeUndefined();
  });

  it('add HSTS when the public address is https', async () => {
    const res = await https.client().get('/api/health');
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expectHeaders(res.headers);
  });

  it('keep script inline-free in the policy of the API explorer as well', async () => {
    const res = await t.client().get('/api/docs/');
    expect(String(res.headers['content-security-policy'])).toMatch(/script-src 'self';/);
  });
});

describe('sign-out on another process', () => {
  it('is heard through LISTEN/NOTIFY: the token fails at once here, though this process had it cached', async (context) => {
    const second: Database | null = connectAgain(t.database);
    if (!second) {
      // PGlite is one process: there is no other process to hear from.
      context.skip();
      return;
    }
    try {
      const browser = t.client();
      await browser.signIn('ann@sessions.test');
      expect((await browser.get('/api/schools')).status).toBe(200);
      const tokenHash = hashToken(browser.cookies.get(SESSION_COOKIE)!);
      // What the other process's sign-out does, on its own connection: delete, then NOTIFY at commit.
      await second.db.transaction(async (tx) => {
        await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
        await announceRevocation(tx, `t:${tokenHash}`);
      });
      // The test clock stands still, so without the notice the cached session would answer for ever.
      let status = 200;
      for (let i = 0; i < 50 && status === 200; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        status = (await browser.get('/api/schools')).status;
      }
      expect(status).toBe(401);
    } finally {
      await second.close();
    }
  });
});

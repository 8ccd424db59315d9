import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_COOKIE, CSRF_HEADER } from '../auth/csrf.js';
import { createTestApp, type TestApp } from '../test/app.js';
import { BUCKETS, RateLimiter } from './rate-limit.js';

// Budgets on public routes and sign-in (server/lib/rate-limit.ts), at their real size (RATE_LIMIT_SCALE=1).
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_SCALE: '1' } });
}, 180_000);

afterAll(async () => t?.close());

/** A request from `address`, with a CSRF pair of its own (the limiter is checked before CSRF anyway). */
async function from(address: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const csrf = (await t.app.inject({ method: 'GET', url: '/api/health', remoteAddress: address })).cookies.find((c) => c.name === CSRF_COOKIE)!.value;
  return t.app.inject({
    method, url, remoteAddress: address, ...(payload === undefined ? {} : { payload: payload as object }),
    headers: { cookie: `${CSRF_COOKIE}=${csrf}`, [CSRF_HEADER]: csrf },
  });
}

describe('per-client budgets', () => {
  it('sign-in: the 21st attempt of one address within a minute is a 429 with Retry-After; another address still gets in', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < BUCKETS['sign-in'].perClient.limit; i++) {
      statuses.push((await from('10.1.0.1', 'POST', '/api/auth/sign-in', { email: `nobody${i}@limits.test`, password: 'x' })).statusCode);
    }
    expect(new Set(statuses)).toEqual(new Set([401]));
    const refused = await from('10.1.0.1', 'POST', '/api/auth/sign-in', { email: 'nobody-more@limits.test', password: 'x' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect((await from('10.1.0.2', 'POST', '/api/auth/sign-in', { email: 'nobody@limits.test', password: 'x' })).statusCode).toBe(401);
  });

  it('tips: one address files at most 10 in 10 minutes, whatever it sends', async () => {
    for (let i = 0; i < BUCKETS['tip-submit'].perClient.limit; i++) {
      expect((await from('10.2.0.1', 'POST', '/api/public/tips', {})).statusCode).toBe(400);
    }
    const refused = await from('10.2.0.1', 'POST', '/api/public/tips', {});
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(500);
  });

  it('every other public route has a budget too (routes added later included)', async () => {
    let last = 0;
    for (let i = 0; i <= BUCKETS.public.perClient.limit; i++) last = (await from('10.3.0.1', 'GET', '/api/public/tips/schools?q=Hi')).statusCode;
    expect(last).toBe(429);
  });
});

describe('global budgets', () => {
  it('replies to tips from many addresses stop at the line-wide budget per minute', async () => {
    const statuses: number[] = [];
    const perClient = BUCKETS['tip-write'].perClient.limit;
    const clients = Math.ceil(BUCKETS['tip-write'].global.limit / perClient) + 1;
    for (let c = 0; c < clients; c++) {
      for (let i = 0; i < perClient; i++) statuses.push((await from(`10.4.${c}.1`, 'POST', '/api/public/tips/messages', {})).statusCode);
    }
    expect(statuses.filter((s) => s === 400).length).toBeLessThanOrEqual(BUCKETS['tip-write'].global.limit);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  });

  it('a flood of tips that are refused (no token, no work) never spends the line-wide tip budget: only per-client budgets answer 429', async () => {
    const perClient = BUCKETS['tip-submit'].perClient.limit;
    const clients = Math.ceil(BUCKETS['tip-submit'].global.limit / perClient) + 1;
    const statuses: number[] = [];
    for (let c = 0; c < clients; c++) {
      for (let i = 0; i < perClient; i++) statuses.push((await from(`10.5.${c}.1`, 'POST', '/api/public/tips', {})).statusCode);
    }
    expect(new Set(statuses)).toEqual(new Set([400]));
    // Free-token tips do spend it, and tips with verified work do not: server/modules/tips/tips.pow.test.ts.
  });
});

describe('what the limiter keeps', () => {
  it('never the address: clients are keyed by an HMAC under a key of the day, and the key changes daily', () => {
    let now = Date.UTC(2026, 9, 1, 12);
    const limiter = new RateLimiter(1, () => now);
    limiter.take('tip-submit', '203.0.113.7');
    const keys = [...(limiter as unknown as { clients: Map<string, unknown> }).clients.keys()];
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toContain('203.0.113.7');
    for (let i = 1; i < BUCKETS['tip-submit'].perClient.limit; i++) limiter.take('tip-submit', '203.0.113.7');
    expect(limiter.take('tip-submit', '203.0.113.7')).toBeGreaterThan(0);
    now += 24 * 3600 * 1000;
    expect(limiter.take('tip-submit', '203.0.113.7')).toBe(0);
    const next = [...(limiter as unknown as { clients: Map<string, unknown> }).clients.keys()];
    expect(next).toHaveLength(1);
    expect(next[0]).not.toBe(keys[0]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_COOKIE, CSRF_HEADER } from '../../auth/csrf.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { createDistrict, createSchool } from '../../test/fixtures.js';
import { TIP_LIMITS } from '../../../common/tip-constants.js';
import { BUCKETS } from '../../lib/rate-limit.js';
import { FLOOD_DIFFICULTY, FLOOD_TOKENS_PER_MINUTE, FloodGate, HashQueue, HEAVY_FLOOD_DIFFICULTY, workOf } from './tips.pow.js';

// The tip line's flood gate: free tokens at a normal rate, a proof of work per token under a flood.
const SCALE = 0.05;
let t: TestApp;
let schoolId: string;
let address = 0;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_SCALE: String(SCALE) } });
  const districtId = (await createDistrict(t.database)).id;
  schoolId = (await createSchool(t.database, { districtId })).id;
}, 180_000);

afterAll(async () => t?.close());

/** A request from a new address each time (as a flood of many clients, or many reporters, would be), to `on` (default: the file's app). */
async function fresh(method: 'GET' | 'POST', url: string, payload?: unknown, on: TestApp = t) {
  const remoteAddress = `10.9.${Math.floor(address / 250)}.${(address++ % 250) + 1}`;
  const csrf = (await on.app.inject({ method: 'GET', url: '/api/health', remoteAddress })).cookies.find((c) => c.name === CSRF_COOKIE)!.value;
  return on.app.inject({ method, url, remoteAddress, ...(payload === undefined ? {} : { payload: payload as object }), headers: { cookie: `${CSRF_COOKIE}=${csrf}`, [CSRF_HEADER]: csrf } });
}

function solve(token: string, difficulty: number): string {
  for (let i = 0; ; i++) if (workOf(token, String(i)) >= difficulty) return String(i);
}

describe('the flood gate', () => {
  it('asks for no work at a normal rate, then for a proof of work per token; a tip without it is a 400 on proof', async () => {
    const threshold = Math.ceil(FLOOD_TOKENS_PER_MINUTE * SCALE);
    const normal = await fresh('GET', '/api/public/tips/token');
    expect(normal.json().pow).toBeNull();
    let flooded = normal;
    for (let i = 0; i < threshold; i++) flooded = await fresh('GET', '/api/public/tips/token');
    expect(flooded.json().pow).toEqual({ difficulty: FLOOD_DIFFICULTY });
    const token = flooded.json().token as string;
    const tip = { token, schoolId, category: 'bullying', description: 'Someone is pushed around at lunch every day' };
    const without = await fresh('POST', '/api/public/tips', tip);
    expect(without.statusCode).toBe(400);
    expect(without.json().error).toMatchObject({ code: 'validation_failed', field: 'proof' });
    const weak = await fresh('POST', '/api/public/tips', { ...tip, proof: 'not-enough-work' });
    expect(weak.statusCode).toBe(400);
    const solved = await fresh('POST', '/api/public/tips', { ...tip, proof: solve(token, FLOOD_DIFFICULTY) });
    expect(solved.statusCode).toBe(201);
    // The token issued at a normal rate still needs nothing.
    const plain = await fresh('POST', '/api/public/tips', { ...tip, token: normal.json().token });
    expect(plain.statusCode).toBe(201);
  });

  it('counts leading zero bits of SHA-256(token:proof) and starts each minute afresh', () => {
    let now = Date.UTC(2026, 9, 1, 12);
    const gate = new FloodGate(() => now, 1);
    for (let i = 0; i < FLOOD_TOKENS_PER_MINUTE; i++) expect(gate.difficultyForNewToken()).toBe(0);
    expect(gate.difficultyForNewToken()).toBe(FLOOD_DIFFICULTY);
    now += 60_000;
    expect(gate.difficultyForNewToken()).toBe(0);
    const proof = solve('tok', 8);
    expect(workOf('tok', proof)).toBeGreaterThanOrEqual(8);
  });
});

describe('the line-wide tip budget under a flood', () => {
  let u: TestApp;
  beforeAll(async () => {
    u = await createTestApp({ env: { RATE_LIMIT_SCALE: String(SCALE) } });
  }, 180_000);
  afterAll(async () => u?.close());

  it('is spent by tips sent with free tokens (then 429), never by a tip whose proof of work was verified; tokens past the line-wide budget ask for the heavy work instead of a 429', async () => {
    const districtId = (await createDistrict(u.database)).id;
    const school = (await createSchool(u.database, { districtId })).id;
    const freeTips = Math.ceil(BUCKETS['tip-submit'].global.limit * SCALE);
    const tip = (token: string, proof?: string) => ({ token, ...(proof ? { proof } : {}), schoolId: school, category: 'bullying', description: 'Someone is pushed around at lunch every day' });
    // Free tokens (the first of the minute), each good for TIP_LIMITS.tipsPerToken tips.
    const free: string[] = [];
    for (let i = 0; i * TIP_LIMITS.tipsPerToken <= freeTips; i++) {
      const res = await fresh('GET', '/api/public/tips/token', undefined, u);
      expect(res.json().pow).toBeNull();
      free.push(res.json().token);
    }
    const statuses: number[] = [];
    for (let i = 0; i <= freeTips; i++) statuses.push((await fresh('POST', '/api/public/tips', tip(free[Math.floor(i / TIP_LIMITS.tipsPerToken)]!), u)).statusCode);
    expect(statuses).toEqual([...Array.from({ length: freeTips }, () => 201), 429]);
    // The flood goes on: tokens come with work, then (line-wide token budget spent) with the heavy work, never a 429.
    let issued = await fresh('GET', '/api/public/tips/token', undefined, u);
    for (let i = 0; i < 4 * Math.ceil(BUCKETS['tip-token'].global.limit * SCALE) && issued.json().pow?.difficulty !== HEAVY_FLOOD_DIFFICULTY; i++) {
      issued = await fresh('GET', '/api/public/tips/token', undefined, u);
      expect(issued.statusCode).toBe(200);
    }
    expect(issued.json().pow).toEqual({ difficulty: HEAVY_FLOOD_DIFFICULTY });
    const { token } = issued.json() as { token: string };
    const worked = await fresh('POST', '/api/public/tips', tip(token, solve(token, HEAVY_FLOOD_DIFFICULTY)), u);
    expect(worked.statusCode).toBe(201);
  }, 120_000);
});

describe('the hash queue', () => {
  it('hashes at most `slots` at a time and serves tips with verified work before free-token tips that waited longer', async () => {
    const queue = new HashQueue(1);
    const order: string[] = [];
    let release!: () => void;
    const first = queue.run(false, () => new Promise<void>((r) => (release = r)).then(() => void order.push('first')));
    const flood = [1, 2, 3].map((n) => queue.run(false, async () => void order.push(`free ${n}`)));
    const reporter = queue.run(true, async () => void order.push('worked'));
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual([]);
    release();
    await Promise.all([first, ...flood, reporter]);
    expect(order).toEqual(['first', 'worked', 'free 1', 'free 2', 'free 3']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_COOKIE, CSRF_HEADER } from '../../auth/csrf.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { createDistrict, createSchool } from '../../test/fixtures.js';
import { FLOOD_DIFFICULTY, FLOOD_TOKENS_PER_MINUTE, FloodGate, workOf } from './tips.pow.js';

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

/** A request from a new address each time (as a flood of many clients, or many reporters, would be). */
async function fresh(method: 'GET' | 'POST', url: string, payload?: unknown) {
  const remoteAddress = `10.9.${Math.floor(address / 250)}.${(address++ % 250) + 1}`;
  const csrf = (await t.app.inject({ method: 'GET', url: '/api/health', remoteAddress })).cookies.find((c) => c.name === CSRF_COOKIE)!.value;
  return t.app.inject({ method, url, remoteAddress, ...(payload === undefined ? {} : { payload: payload as object }), headers: { cookie: `${CSRF_COOKIE}=${csrf}`, [CSRF_HEADER]: csrf } });
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

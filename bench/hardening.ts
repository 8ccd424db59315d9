// (a) Sign-in with the atomic lockout (POST /api/auth/sign-in: the check reserved in one upsert before the hash)
// against the path it replaced (read the throttle row, hash, then write), both with correct passwords, same
// database, same concurrency, rounds interleaved. Goal: atomic/plain >= 0.9.
// (b) The tip line under a flood (bench/support/tip-flood.ts): 1,000 requests/s from 50 clients while 10 real
// reporters submit. Goals: every reporter's tip accepted within 10 s; staff GET /api/tips p99 < 300 ms.
// `--only signin` or `--only flood` runs one half.
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.js';
import { verifyPassword } from '../server/auth/passwords.js';
import { createSession } from '../server/auth/sessions.js';
import { openPglite, openPostgres, type Database } from '../server/db/connection.js';
import { writeAudit } from '../server/audit/audit.js';
import * as repo from '../server/modules/auth/auth.repository.js';
import * as service from '../server/modules/auth/auth.service.js';
import { testConfig } from '../server/test/app.js';
import { TEST_TMP } from '../server/test/database.js';
import { createDistrict, createUser, TEST_PASSWORD } from '../server/test/fixtures.js';
import { isQuick, median, printFigures, round } from './support/stats.js';
import { measureTipFlood, prepareTipFlood } from './support/tip-flood.js';

const quick = isQuick();
const CONCURRENCY = 4;
const ROUNDS = quick ? 2 : 4;
const ROUND_MS = quick ? 2000 : 5000;
const GOAL = 0.9;
const USERS = 8;
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/**
 * The sign-in path before the atomic lockout (the service as it was: lock read before the hash, row cleared
 * after), with the same audit, session and answer, served by the same app's dependencies.
 */
function plainApp(full: FastifyInstance): FastifyInstance {
  const deps = full.deps;
  const app = Fastify({ logger: false });
  app.post<{ Body: { email: string; password: string } }>('/sign-in', async (request, reply) => {
    const { db } = deps.database;
    const now = new Date();
    const email = request.body.email.toLowerCase();
    const throttle = await repo.findThrottle(db, email);
    if (throttle?.lockedUntil && throttle.lockedUntil > now) return reply.code(429).send();
    const user = await repo.findUserByEmail(db, email);
    if (!user || !(await verifyPassword(user.passwordHash, request.body.password))) return reply.code(401).send();
    const token = await db.transaction(async (tx) => {
      await repo.clearThrottle(tx, email);
      await repo.updateUser(tx, user.id, { lastSignInAt: now });
      const created = await createSession(tx, user.id, false, now);
      await writeAudit(tx, { actor: { userId: user.id, districtId: user.districtId, email: user.email }, requestId: request.id, at: now }, {
        type: 'auth.sign_in', subjectType: 'user', subjectId: user.id, detail: { mfaPending: false },
      });
      return created;
    });
    return service.sessionView(deps, await service.sessionForToken(deps, token));
  });
  return app;
}

/** Signs in as fast as CONCURRENCY loops can for `ms`; answers per second. */
async function load(send: (i: number) => Promise<Response>, ms: number): Promise<number> {
  let count = 0;
  const until = Date.now() + ms;
  await Promise.all(Array.from({ length: CONCURRENCY }, async (_, worker) => {
    for (let i = worker; Date.now() < until; i += CONCURRENCY) {
      const res = await send(i);
      if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
      count++;
    }
  }));
  return count / (ms / 1000);
}

async function measure(database: Database) {
  const district = await createDistrict(database);
  const emails = Array.from({ length: USERS }, (_, i) => `bench-${process.pid}-${i}@hardening.test`);
  for (const email of emails) await createUser(database, { email, districtId: district.id, grants: [{ role: 'sro', schoolId: null }] });
  const app = await buildApp({ config: testConfig(), database, logger: false });
  const plain = plainApp(app);
  try {
    const atomicBase = await listen(app);
    const plainBase = await listen(plain);
    const health = await fetch(`${atomicBase}/api/health`);
    const csrf = health.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('sro_csrf='))!;
    const body = (i: number) => JSON.stringify({ email: emails[i % USERS], password: TEST_PASSWORD });
    const atomic = (i: number) => fetch(`${atomicBase}/api/auth/sign-in`, {
      method: 'POST', body: body(i), headers: { 'content-type': 'application/json', cookie: csrf, 'x-csrf-token': csrf.slice('sro_csrf='.length) },
    });
    const old = (i: number) => fetch(`${plainBase}/sign-in`, { method: 'POST', body: body(i), headers: { 'content-type': 'application/json' } });
    await load(atomic, 500);
    await load(old, 500);
    const ratios: number[] = [];
    const atomicRps: number[] = [];
    const plainRps: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const first = r % 2 === 0;
      const a1 = first ? await load(atomic, ROUND_MS) : 0;
      const p = await load(old, ROUND_MS);
      const a = first ? a1 : await load(atomic, ROUND_MS);
      atomicRps.push(a);
      plainRps.push(p);
      ratios.push(a / p);
      console.log(`  round ${r + 1}: atomic ${a.toFixed(1)} sign-ins/s, plain ${p.toFixed(1)} sign-ins/s`);
    }
    return { atomicRps: round(median(atomicRps)), plainRps: round(median(plainRps)), ratio: round(median(ratios), 3) };
  } finally {
    await plain.close();
    await app.close();
  }
}

/** The sign-in half on each engine. */
async function signInHalf(engines: [string, () => Promise<Database>][]): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const [name, open] of engines) {
    const database = await open();
    try {
      await database.migrate();
      console.log(`${name}:`);
      results[name] = await measure(database);
    } finally {
      await database.close();
    }
  }
  return results;
}

/** The tip-flood half on each engine: prepared here, served by a child process on the same data. */
async function floodHalf(dir: string, pgUrl: string | undefined): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  const targets: [string, string, () => Promise<Database>][] = [['pglite', `${dir}-flood`, async () => openPglite({ dataDir: `${dir}-flood` })]];
  if (pgUrl) targets.push(['postgres', pgUrl, async () => openPostgres(pgUrl)]);
  for (const [name, target, open] of targets) {
    const database = await open();
    let prepared;
    try {
      await database.migrate();
      prepared = await prepareTipFlood(database);
    } finally {
      await database.close();
    }
    console.log(`${name} tip flood:`);
    results[name] = await measureTipFlood(name, target, prepared, quick);
  }
  return results;
}

async function main(): Promise<void> {
  console.log(`hardening${quick ? ' (quick)' : ''}: sign-in, atomic lockout vs the plain path, ${CONCURRENCY} at a time, ${ROUNDS} rounds of ${ROUND_MS} ms; the tip line under a flood`);
  const dir = path.join(TEST_TMP, `bench-hardening-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  const engines: [string, () => Promise<Database>][] = [['pglite', async () => openPglite({ dataDir: dir })]];
  const pgUrl = process.env.DATABASE_URL;
  if (pgUrl) engines.push(['postgres', async () => openPostgres(pgUrl)]);
  const signIn: Record<string, unknown> = only === 'flood' ? {} : await signInHalf(engines);
  if (!pgUrl) signIn.postgres = { skipped: 'set DATABASE_URL to a scratch PostgreSQL database to measure it' };
  const flood = only === 'signin' ? {} : await floodHalf(dir, pgUrl);
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}-flood`, { recursive: true, force: true });
  const ratios = Object.values(signIn).flatMap((r) => ('ratio' in (r as object) ? [(r as { ratio: number }).ratio] : []));
  const floodMet = Object.values(flood).every((r) => (r as { goal: { met: boolean } }).goal.met);
  printFigures({
    bench: 'hardening', quick, concurrency: CONCURRENCY, ...signIn, tipFlood: flood,
    goal: { ratio: GOAL, met: ratios.every((r) => r >= GOAL), tipFloodMet: only === 'signin' ? null : floodMet },
  });
}

await main();

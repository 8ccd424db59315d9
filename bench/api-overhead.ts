// What the whole stack costs on a read: GET /api/schools/:id (session, permission, validation, serialization,
// audit of the read) against a bare Fastify route doing the same primary-key select with the same driver on
// the same database handle, at the same concurrency, rounds interleaved. Goal: full/bare >= 0.5.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import postgres from 'postgres';
import { buildApp } from '../server/app.js';
import { openPglite, openPostgres, type Database } from '../server/db/connection.js';
import { schools } from '../server/db/schema/index.js';
import { testConfig } from '../server/test/app.js';
import { TEST_TMP } from '../server/test/database.js';
import { createDistrict, createSchool, createUser, TEST_PASSWORD } from '../server/test/fixtures.js';
import { runLoad, type LoadResult } from './support/load.js';
import { isQuick, median, printFigures, round } from './support/stats.js';

const quick = isQuick();
const CONNECTIONS = 10;
const ROUNDS = quick ? 3 : 5;
const ROUND_MS = quick ? 1000 : 3000;
const WARMUP_MS = quick ? 300 : 1000;
const GOAL = 0.5;

interface Engine {
  database: Database;
  label: string;
  dispose(): Promise<void>;
}

/** The embedded engine as the server runs it: a data folder on disk. */
async function pgliteEngine(): Promise<Engine> {
  const dir = path.join(TEST_TMP, `bench-api-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  const database = await openPglite({ dataDir: dir });
  await database.migrate();
  return {
    database, label: 'PGlite (data folder on disk)',
    dispose: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A scratch database on the PostgreSQL server of `url`, dropped afterwards. */
async function postgresEngine(url: string): Promise<Engine> {
  const name = `srodesk_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${name}"`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = openPostgres(target.toString());
  await database.migrate();
  return {
    database, label: `PostgreSQL (${target.host})`,
    dispose: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** Cookie header of a signed-in session: sign in through the app as the web app would. */
async function signIn(base: string, email: string): Promise<string> {
  const health = await fetch(`${base}/api/health`);
  const csrf = health.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('sro_csrf='))!;
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: csrf, 'x-csrf-token': csrf.slice('sro_csrf='.length) },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('sro_session='));
  return `${csrf}; ${session}`;
}

async function measureEngine(engine: Engine) {
  const { database } = engine;
  const district = await createDistrict(database);
  const school = await createSchool(database, { districtId: district.id, name: 'Benchmark High' });
  const email = `bench-${process.pid}@district.test`;
  await createUser(database, { email, districtId: district.id, grants: [{ role: 'sysadmin', schoolId: null }] });

  const app = await buildApp({ config: testConfig(), database, logger: false });
  const bare = Fastify({ logger: false });
  bare.get<{ Params: { id: string } }>('/schools/:id', async (request, reply) => {
    const [row] = await database.db.select().from(schools).where(eq(schools.id, request.params.id));
    return row ?? reply.code(404).send();
  });
  try {
    const fullBase = await listen(app);
    const bareBase = await listen(bare);
    const cookie = await signIn(fullBase, email);
    const full = { url: `${fullBase}/api/schools/${school.id}`, headers: { cookie } };
    const probe = await fetch(full.url, { headers: full.headers });
    if (probe.status !== 200) throw new Error(`GET /api/schools/:id answered ${probe.status}: ${await probe.text()}`);
    const bareTarget = { url: `${bareBase}/schools/${school.id}`, headers: {} };

    const fullRounds: LoadResult[] = [];
    const bareRounds: LoadResult[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Interleaved, and the order flips each round, so drift of a noisy machine hits both alike.
      const order = round % 2 ? (['bare', 'full'] as const) : (['full', 'bare'] as const);
      for (const which of order) {
        const target = which === 'full' ? full : bareTarget;
        const result = await runLoad({ ...target, connections: CONNECTIONS, durationMs: ROUND_MS, warmupMs: WARMUP_MS });
        if (result.failures > 0) throw new Error(`${which}: ${result.failures} failed requests ${JSON.stringify(result.statuses)}`);
        (which === 'full' ? fullRounds : bareRounds).push(result);
        console.log(`  round ${round + 1} ${which.padEnd(4)} ${round1(result.rps)} req/s  p50 ${result.p50.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms`);
      }
    }
    const fullRps = median(fullRounds.map((r) => r.rps));
    const bareRps = median(bareRounds.map((r) => r.rps));
    const perRound = fullRounds.map((r, i) => r.rps / bareRounds[i]!.rps);
    return {
      fullRps: round(fullRps), bareRps: round(bareRps),
      // The two rounds of a pair ran back to back, so their ratio cancels most of the machine's drift;
      // the median of those ratios is the figure, the ratio of the medians is kept for comparison.
      ratio: round(median(perRound), 3), ratioOfMedians: round(fullRps / bareRps, 3),
      fullP50Ms: round(median(fullRounds.map((r) => r.p50)), 2), bareP50Ms: round(median(bareRounds.map((r) => r.p50)), 2),
      fullP99Ms: round(median(fullRounds.map((r) => r.p99)), 2), bareP99Ms: round(median(bareRounds.map((r) => r.p99)), 2),
      ratioPerRound: perRound.map((r) => round(r, 3)),
    };
  } finally {
    await bare.close();
    await app.close();
  }
}

const round1 = (n: number) => String(Math.round(n)).padStart(6);

async function main(): Promise<void> {
  console.log(`api-overhead${quick ? ' (quick)' : ''}: GET /api/schools/:id vs a bare Fastify route, ${CONNECTIONS} connections, ` +
    `${ROUNDS} rounds of ${ROUND_MS} ms each`);
  const results: Record<string, unknown> = {};
  const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const engines: [string, () => Promise<Engine>][] = [['pglite', pgliteEngine]];
  if (pgUrl) engines.push(['postgres', () => postgresEngine(pgUrl)]);
  else results.postgres = { skipped: 'set TEST_DATABASE_URL (or DATABASE_URL) to a PostgreSQL server to measure it' };

  for (const [name, open] of engines) {
    const engine = await open();
    try {
      console.log(`${engine.label}:`);
      const figures = await measureEngine(engine);
      results[name] = figures;
      console.log(`  median: full ${figures.fullRps} req/s, bare ${figures.bareRps} req/s, ratio ${figures.ratio} (per-round median) ` +
        `(goal >= ${GOAL}); p50 full ${figures.fullP50Ms} ms, bare ${figures.bareP50Ms} ms`);
    } finally {
      await engine.dispose();
    }
  }
  if (results.postgres && 'skipped' in (results.postgres as object)) console.log(`PostgreSQL: skipped (${(results.postgres as { skipped: string }).skipped})`);
  const ratios = Object.values(results).flatMap((r) => ('ratio' in (r as object) ? [(r as { ratio: number }).ratio] : []));
  printFigures({
    bench: 'api-overhead', quick, connections: CONNECTIONS, rounds: ROUNDS, roundMs: ROUND_MS, route: 'GET /api/schools/:id',
    ...results, goal: { ratio: GOAL, met: ratios.every((r) => r >= GOAL) },
  });
}

await main();

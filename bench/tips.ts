// Anonymous tips under load, and the life-safety notice.
// (a) Public submissions: N concurrent clients over real HTTP, each doing what the tip page does (GET a fresh
//     abuse-control token, then POST /api/public/tips), against a bare Fastify route writing the same tip row
//     (argon2id passphrase hash, SHA-256 code hash) with the same driver on the same database handle, rounds
//     interleaved. Figures: submissions per second and p99, app/bare ratio.
// (b) Life-safety notice: time from sending a life-safety tip (category weapon) to the arrival of
//     `tip.life_safety` on 50 open Server-Sent Events connections of team members (signed-in users holding
//     tip.read at the school), median and p99. Goal: p99 < 1 s.
// The server runs in a child process; the clients run here. PGlite always; PostgreSQL too when
// BENCH_DATABASE_URL or TEST_DATABASE_URL is set.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { createSession } from '../server/auth/sessions.js';
import { openPglite, openPostgres, type Database } from '../server/db/connection.js';
import { roleGrants, users } from '../server/db/schema/index.js';
import { TEST_TMP } from '../server/test/database.js';
import { createDistrict, createSchool } from '../server/test/fixtures.js';
import { isQuick, median, percentile, printFigures, round } from './support/stats.js';

const quick = isQuick();
const CONNECTIONS = 10;
const ROUNDS = quick ? 2 : 5;
const ROUND_MS = quick ? 1500 : 5000;
const WARMUP_MS = quick ? 500 : 1000;
const TEAM = 50;
const NOTICES = quick ? 10 : 40;
const GOAL_NOTICE_P99_MS = 1000;
const HERE = path.dirname(fileURLToPath(import.meta.url));
const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS * 2 });

interface Prepared { districtId: string; schoolId: string; cookies: string[] }

/** A district with one school and a tip team of TEAM users (SROs, administrators, counselors) with sessions. */
async function prepare(database: Database): Promise<Prepared> {
  const { db } = database;
  const district = await createDistrict(database);
  const school = await createSchool(database, { districtId: district.id, name: 'Benchmark High' });
  const tag = randomBytes(4).toString('hex');
  const inserted = await db.insert(users).values(Array.from({ length: TEAM }, (_, i) => ({
    districtId: district.id, email: `bench-${tag}-${i}@tips.test`, name: `Team ${i}`, passwordHash: 'not-used',
  }))).returning({ id: users.id });
  const roles = ['sro', 'school_admin', 'counselor'] as const;
  await db.insert(roleGrants).values(inserted.map((u, i) => ({ userId: u.id, role: roles[i % roles.length]!, schoolId: school.id })));
  const cookies: string[] = [];
  for (const u of inserted) cookies.push(`sro_session=${await createSession(db, u.id, false, new Date())}`);
  return { districtId: district.id, schoolId: school.id, cookies };
}

/** One HTTP request on the keep-alive agent; answers status, body and set-cookie headers. */
function request(url: string, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string; cookies: string[] }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent, method, headers: body ? { ...headers, 'content-type': 'application/json' } : headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8'), cookies: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A client of the public tip page: its CSRF cookie, then per tip a fresh token and the POST. */
async function tipClient(base: string) {
  const csrf = (await request(`${base}/api/health`, 'GET', {})).cookies.find((c) => c.startsWith('sro_csrf='))!;
  const headers = { cookie: csrf, 'x-csrf-token': csrf.slice('sro_csrf='.length) };
  return async (schoolId: string, category: string, onPost?: () => void) => {
    const token = JSON.parse((await request(`${base}/api/public/tips/token`, 'GET', headers)).body).token as string;
    onPost?.();
    const res = await request(`${base}/api/public/tips`, 'POST', headers, JSON.stringify({ token, schoolId, category, description: 'Someone keeps pushing a sixth grader into the lockers before first period.' }));
    if (res.status !== 201) throw new Error(`POST /api/public/tips answered ${res.status}: ${res.body}`);
  };
}


/** One load round: CONNECTIONS loops submitting back to back; counts what was sent and answered in the window. */
async function loadRound(which: 'app' | 'bare', base: string, schoolId: string) {
  const submitBare = async () => {
    const res = await request(`${base}/tips`, 'POST', {}, JSON.stringify({ schoolId, category: 'bullying', description: 'Someone keeps pushing a sixth grader into the lockers before first period.' }));
    if (res.status !== 201) throw new Error(`bare POST /tips answered ${res.status}: ${res.body}`);
  };
  const clients = which === 'app' ? await Promise.all(Array.from({ length: CONNECTIONS }, () => tipClient(base))) : [];
  const start = performance.now();
  const from = start + WARMUP_MS;
  const end = from + ROUND_MS;
  const latencies: number[] = [];
  await Promise.all(Array.from({ length: CONNECTIONS }, async (_, i) => {
    while (performance.now() < end) {
      const sent = performance.now();
      await (which === 'app' ? clients[i]!(schoolId, 'bullying') : submitBare());
      const done = performance.now();
      if (sent >= from && done <= end) latencies.push(done - sent);
    }
  }));
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / (ROUND_MS / 1000), p50: median(latencies), p99: percentile(latencies, 0.99) };
}

/** Opens TEAM live connections; each records when every `tip.life_safety` event arrives. */
async function openTeam(base: string, cookies: string[]) {
  const arrivals: number[][] = [];
  const requests: http.ClientRequest[] = [];
  await Promise.all(cookies.map((cookie, i) => new Promise<void>((resolve, reject) => {
    arrivals[i] = [];
    const req = http.request(`${base}/api/live`, { agent: false, headers: { cookie, accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`GET /api/live answered ${res.statusCode}`));
      res.setEncoding('utf8');
      let buffer = '';
      let ready = false;
      res.on('data', (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          if (block.includes('event: tip.life_safety')) arrivals[i]!.push(at);
          else if (!ready && block.includes('event: snapshot')) { ready = true; resolve(); }
        }
      });
    });
    req.on('error', reject);
    req.end();
    requests.push(req);
  })));
  return { arrivals, close: () => { for (const r of requests) r.destroy(); } };
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 2));
  }
  return true;
}

function once<T>(proc: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    proc.on('message', (msg: { type: string }) => { if (msg.type === type) resolve(msg as T); });
    proc.once('exit', (code) => reject(new Error(`server exited (${code}) while waiting for ${type}`)));
  });
}

/** Both measurements on one engine (`target` a PGlite folder or a PostgreSQL URL). */
async function scenario(label: string, target: string, prepared: Prepared) {
  const proc = fork(path.join(HERE, 'support/tips-server.ts'), [target, prepared.districtId], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ports = await once<{ app: number; bare: number }>(proc, 'listening');
  const bases = { app: `http://127.0.0.1:${ports.app}`, bare: `http://127.0.0.1:${ports.bare}` };
  try {
    const rounds = { app: [] as Awaited<ReturnType<typeof loadRound>>[], bare: [] as Awaited<ReturnType<typeof loadRound>>[] };
    for (let r = 0; r < ROUNDS; r++) {
      for (const which of r % 2 ? (['bare', 'app'] as const) : (['app', 'bare'] as const)) {
        const result = await loadRound(which, bases[which], prepared.schoolId);
        rounds[which].push(result);
        console.log(`  ${label} round ${r + 1} ${which.padEnd(4)} ${result.rps.toFixed(1)} tips/s  p50 ${result.p50.toFixed(1)} ms  p99 ${result.p99.toFixed(1)} ms`);
      }
    }
    const perRound = rounds.app.map((a, i) => a.rps / rounds.bare[i]!.rps);
    const submissions = {
      connections: CONNECTIONS,
      appTipsPerSecond: round(median(rounds.app.map((x) => x.rps))), bareTipsPerSecond: round(median(rounds.bare.map((x) => x.rps))),
      ratio: round(median(perRound), 3),
      appP50Ms: round(median(rounds.app.map((x) => x.p50))), appP99Ms: round(median(rounds.app.map((x) => x.p99))),
      bareP50Ms: round(median(rounds.bare.map((x) => x.p50))), bareP99Ms: round(median(rounds.bare.map((x) => x.p99))),
    };
    console.log(`  ${label} submissions: app ${submissions.appTipsPerSecond} tips/s p99 ${submissions.appP99Ms} ms (token + POST); bare ${submissions.bareTipsPerSecond} tips/s p99 ${submissions.bareP99Ms} ms; ratio ${submissions.ratio}`);

    const team = await openTeam(bases.app, prepared.cookies);
    const submit = await tipClient(bases.app);
    const latencies: number[] = [];
    let missing = 0;
    try {
      // Notice 0 warms the path up and is not counted.
      for (let n = 0; n <= NOTICES; n++) {
        let sentAt = 0;
        await submit(prepared.schoolId, 'weapon', () => { sentAt = performance.now(); });
        await waitFor(() => team.arrivals.every((a) => a.length > n), 10_000);
        for (const a of team.arrivals) {
          if (a[n] === undefined) missing++;
          else if (n > 0) latencies.push(a[n]! - sentAt);
        }
      }
    } finally {
      team.close();
    }
    latencies.sort((a, b) => a - b);
    const notice = {
      connections: TEAM, notices: NOTICES, missing,
      medianMs: round(median(latencies)), p99Ms: round(percentile(latencies, 0.99)), maxMs: round(latencies.at(-1) ?? 0),
    };
    console.log(`  ${label} life-safety notice on ${TEAM} team connections: median ${notice.medianMs} ms, p99 ${notice.p99Ms} ms, max ${notice.maxMs} ms (goal p99 < ${GOAL_NOTICE_P99_MS} ms), ${missing} missing`);
    return { submissions, notice };
  } finally {
    if (proc.exitCode === null) {
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      proc.send({ type: 'close' });
      await exited;
    }
  }
}

async function main(): Promise<void> {
  console.log(`tips${quick ? ' (quick)' : ''}: ${CONNECTIONS} reporters submitting (token + POST) vs a bare route writing the same row, ${ROUNDS} rounds of ${ROUND_MS} ms; ` +
    `life-safety notice on ${TEAM} live connections, ${NOTICES} tips`);
  const results: Record<string, unknown> = {};
  const dir = path.join(TEST_TMP, `bench-tips-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  try {
    const pglite = await openPglite({ dataDir: dir });
    await pglite.migrate();
    const prepared = await prepare(pglite);
    await pglite.close();
    console.log('PGlite (data folder on disk):');
    results.pglite = await scenario('pglite', dir, prepared);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!pgUrl) results.postgres = { skipped: 'set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server to measure it' };
  else {
    const name = `srodesk_bench_tips_${process.pid}`;
    const admin = postgres(pgUrl, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database "${name}"`);
    const target = new URL(pgUrl);
    target.pathname = `/${name}`;
    try {
      const database = openPostgres(target.toString());
      await database.migrate();
      const prepared = await prepare(database);
      await database.close();
      console.log('PostgreSQL:');
      results.postgres = await scenario('postgres', target.toString(), prepared);
    } finally {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    }
  }
  agent.destroy();
  const measured = Object.values(results).filter((r): r is { notice: { p99Ms: number; missing: number } } => 'notice' in (r as object));
  printFigures({
    bench: 'tips', quick, ...results,
    goal: { noticeP99Ms: GOAL_NOTICE_P99_MS, met: measured.every((r) => r.notice.p99Ms < GOAL_NOTICE_P99_MS && r.notice.missing === 0) },
  });
}

await main();

// Alert delivery: N concurrent Server-Sent Events connections (2,000; on PostgreSQL also 1,000 on each of two
// app processes). Time from sending the raising request (POST /api/alerts, cancel window 0) to the arrival of
// `alert.announced` at every client, median and p99, against a bare Node.js http broadcaster writing the same
// message to the same number of connections when POSTed to, measured in the same run with rounds interleaved.
// Servers and clients run in child processes (the clients in one, as a browser fleet would be elsewhere).
// Goals: p99 < 250 ms, and app/bare within 2x. Needs about 4 file descriptors per connection across the
// processes: raise `ulimit -n` (e.g. `ulimit -n 20000`) if connections fail to open.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { createSession } from '../server/auth/sessions.js';
import { openPglite, openPostgres, type Database } from '../server/db/connection.js';
import { alertSettings, roleGrants, users } from '../server/db/schema/index.js';
import { TEST_TMP } from '../server/test/database.js';
import { createDistrict, createSchool } from '../server/test/fixtures.js';
import { isQuick, median, percentile, printFigures, round } from './support/stats.js';

const quick = isQuick();
const N = quick ? 400 : 2000;
const ROUNDS = quick ? 3 : 6;
const GOAL_P99_MS = 250;
const GOAL_RATIO = 2;
const HERE = path.dirname(fileURLToPath(import.meta.url));
const now = () => performance.timeOrigin + performance.now();

interface Prepared { cookies: string[]; raiserCookie: string; schoolId: string }

/** A district with one school, N staff with sessions, an SRO who raises, and a zero cancel window. */
async function prepare(database: Database, count: number): Promise<Prepared> {
  const { db } = database;
  const district = await createDistrict(database);
  const school = await createSchool(database, { districtId: district.id, name: 'Benchmark High' });
  await db.insert(alertSettings).values({ districtId: district.id, cancelWindowSeconds: 0 });
  const tag = randomBytes(4).toString('hex');
  const rows = Array.from({ length: count + 1 }, (_, i) => ({
    districtId: district.id, email: `bench-${tag}-${i}@alerts.test`, name: `Staff ${i}`, passwordHash: 'not-used',
  }));
  const inserted: { id: string }[] = [];
  for (let i = 0; i < rows.length; i += 500) inserted.push(...await db.insert(users).values(rows.slice(i, i + 500)).returning({ id: users.id }));
  const grants = inserted.map((u, i) => ({ userId: u.id, role: i === 0 ? ('sro' as const) : ('staff' as const), schoolId: school.id }));
  for (let i = 0; i < grants.length; i += 500) await db.insert(roleGrants).values(grants.slice(i, i + 500));
  const tokens: string[] = [];
  for (const u of inserted) tokens.push(await createSession(db, u.id, false, new Date()));
  return { cookies: tokens.slice(1).map((t) => `sro_session=${t}`), raiserCookie: `sro_session=${tokens[0]}`, schoolId: school.id };
}

function child(file: string, args: string[], tsx: boolean): ChildProcess {
  return fork(path.join(HERE, file), args, { execArgv: tsx ? ['--import', 'tsx'] : [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}
function once<T>(proc: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (msg: { type: string }) => {
      if (msg.type !== type) return;
      proc.off('message', onMessage);
      resolve(msg as T);
    };
    proc.on('message', onMessage);
    proc.once('exit', (code) => reject(new Error(`child exited (${code}) while waiting for ${type}`)));
  });
}
async function server(mode: 'app' | 'bare', target = ''): Promise<{ proc: ChildProcess; base: string }> {
  const proc = child('support/alerts-server.ts', [mode, target], true);
  const { port } = await once<{ port: number }>(proc, 'listening');
  return { proc, base: `http://127.0.0.1:${port}` };
}
async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.send({ type: 'close' });
  await exited;
}


/** One scenario: app servers (one per target) against a bare broadcaster, N connections each side. */
async function scenario(label: string, targets: string[], prepared: Prepared) {
  const apps = await Promise.all(targets.map((t) => server('app', t)));
  const bare = await server('bare');
  const appClients = child('support/sse-clients.mjs', [], false);
  const bareClients = child('support/sse-clients.mjs', [], false);
  try {
    const per = N / apps.length;
    for (const [i, app] of apps.entries()) {
      appClients.send({ type: 'open', url: `${app.base}/api/live`, cookies: prepared.cookies.slice(i * per, (i + 1) * per), count: per });
      const ready = await once<{ open: number; failed: number }>(appClients, 'ready');
      if (ready.failed > 0) throw new Error(`${ready.failed} app connections failed to open (raise ulimit -n?)`);
    }
    bareClients.send({ type: 'open', url: `${bare.base}/live`, cookies: [], count: N });
    const bareReady = await once<{ failed: number }>(bareClients, 'ready');
    if (bareReady.failed > 0) throw new Error(`${bareReady.failed} bare connections failed to open (raise ulimit -n?)`);

    const health = await fetch(`${apps[0]!.base}/api/health`);
    const csrf = health.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('sro_csrf='))!;
    const headers = { 'content-type': 'application/json', cookie: `${csrf}; ${prepared.raiserCookie}`, 'x-csrf-token': csrf.slice(9) };
    let sample: unknown = null;
    const rounds = { app: [] as number[][], bare: [] as number[][] };
    let missing = 0;
    // Round 0 warms both paths up (and yields the alert the bare side sends); it is not counted.
    for (let r = 0; r <= ROUNDS; r++) {
      for (const which of r % 2 ? (['bare', 'app'] as const) : (['app', 'bare'] as const)) {
        // Round 0 runs app first, so the bare side has the app's alert to send; each side's r-th event is round r.
        const clients = which === 'app' ? appClients : bareClients;
        const result = once<{ times: (number | null)[] }>(clients, 'round');
        clients.send({ type: 'expect', round: r, timeoutMs: 15_000 });
        const t0 = now();
        const res = which === 'app'
          ? await fetch(`${apps[0]!.base}/api/alerts`, { method: 'POST', headers, body: JSON.stringify({ action: 'lockdown', schoolIds: [prepared.schoolId], drill: true }) })
          : await fetch(`${bare.base}/broadcast`, { method: 'POST', body: JSON.stringify({ alert: sample }) });
        if (which === 'app') {
          if (res.status !== 201) throw new Error(`raising answered ${res.status}: ${await res.text()}`);
          sample ??= await res.json();
        } else await res.arrayBuffer();
        const { times } = await result;
        missing += times.filter((t) => t === null).length;
        const latencies = times.filter((t): t is number => t !== null).map((t) => t - t0);
        if (r > 0) rounds[which].push(latencies);
        const sorted = [...latencies].sort((a, b) => a - b);
        console.log(`  ${label} round ${r}${r === 0 ? ' (warm-up)' : ''} ${which.padEnd(4)} median ${median(sorted).toFixed(1)} ms  p99 ${percentile(sorted, 0.99).toFixed(1)} ms  max ${sorted.at(-1)!.toFixed(1)} ms`);
      }
    }
    const all = (which: 'app' | 'bare') => rounds[which].flat().sort((a, b) => a - b);
    const appAll = all('app');
    const bareAll = all('bare');
    const figures = {
      processes: apps.length, connections: N, rounds: ROUNDS, missing,
      appMedianMs: round(median(appAll), 1), appP99Ms: round(percentile(appAll, 0.99), 1), appMaxMs: round(appAll.at(-1)!, 1),
      bareMedianMs: round(median(bareAll), 1), bareP99Ms: round(percentile(bareAll, 0.99), 1),
      ratioMedian: round(median(appAll) / median(bareAll), 2), ratioP99: round(percentile(appAll, 0.99) / percentile(bareAll, 0.99), 2),
    };
    console.log(`  ${label}: app median ${figures.appMedianMs} ms p99 ${figures.appP99Ms} ms; bare median ${figures.bareMedianMs} ms p99 ${figures.bareP99Ms} ms; ratio p99 ${figures.ratioP99}`);
    return figures;
  } finally {
    for (const c of [appClients, bareClients]) if (c.exitCode === null) c.send({ type: 'close' });
    await Promise.all([...apps.map((a) => stop(a.proc)), stop(bare.proc)]);
  }
}

async function main(): Promise<void> {
  console.log(`alerts${quick ? ' (quick)' : ''}: ${N} live connections, ${ROUNDS} rounds; raise → receipt at every client vs a bare broadcaster`);
  const results: Record<string, unknown> = {};

  const dir = path.join(TEST_TMP, `bench-alerts-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  const pglite = await openPglite({ dataDir: dir });
  await pglite.migrate();
  const prepared = await prepare(pglite, N);
  await pglite.close();
  try {
    console.log('PGlite (data folder on disk), one process:');
    results.pglite = await scenario('pglite', [dir], prepared);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!pgUrl) results.postgres = { skipped: 'set TEST_DATABASE_URL (or DATABASE_URL) to a PostgreSQL server to measure it' };
  else {
    const name = `srodesk_bench_alerts_${process.pid}`;
    const admin = postgres(pgUrl, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database "${name}"`);
    const target = new URL(pgUrl);
    target.pathname = `/${name}`;
    try {
      const database = openPostgres(target.toString());
      await database.migrate();
      const pgPrepared = await prepare(database, N);
      await database.close();
      console.log('PostgreSQL, one process:');
      results.postgres = await scenario('postgres', [target.toString()], pgPrepared);
      console.log('PostgreSQL, two processes (LISTEN/NOTIFY between them), half the connections on each:');
      results.postgresTwoProcesses = await scenario('postgres x2', [target.toString(), target.toString()], pgPrepared);
    } finally {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    }
  }
  const measured = Object.values(results).filter((r): r is { appP99Ms: number; ratioP99: number; ratioMedian: number } => 'appP99Ms' in (r as object));
  printFigures({
    bench: 'alerts', quick, connections: N, rounds: ROUNDS, ...results,
    goal: {
      p99Ms: GOAL_P99_MS, ratio: GOAL_RATIO,
      met: measured.every((r) => r.appP99Ms < GOAL_P99_MS && r.ratioP99 <= GOAL_RATIO),
    },
  });
}

await main();

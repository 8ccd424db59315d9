// The tip-flood half of `npm run bench -- hardening`: the whole app in a child process (bench/support/tips-server.ts,
// real budgets: RATE_LIMIT_SCALE=1) on one engine; a flood of token issues and tip submissions from FLOOD_CLIENTS
// loopback addresses at FLOOD_RPS (worker threads, bench/support/flood-worker.mjs); REPORTERS real reporters
// following the tip page (proof of work solved when asked, Retry-After honoured), a worker each; and a
// signed-in staff member reading the tip queue (GET /api/tips) every PROBE_GAP_MS from this thread, before the
// flood (the baseline, same run) and during it. On a 2-core machine the generator competes with the server for
// CPU: the achieved rate is reported next to the target.
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createSession } from '../../server/auth/sessions.js';
import type { Database } from '../../server/db/connection.js';
import { createDistrict, createSchool, createUser } from '../../server/test/fixtures.js';
import { median, percentile, round } from './stats.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FLOOD_RPS = 1000;
const FLOOD_CLIENTS = 50;
const FLOOD_WORKERS = 2;
const REPORTERS = 10;
const ACCEPT_WITHIN_MS = 10_000;
const GOAL_STAFF_P99_MS = 300;
const PROBE_GAP_MS = 50;

/** Lengths of the phases: the flood outlasts the last reporter's 10 s window. */
function phases(quick: boolean) {
  return quick
    ? { baselineMs: 3000, floodMs: 16_000, reportersFromMs: 2000, spacingMs: 300 }
    : { baselineMs: 6000, floodMs: 30_000, reportersFromMs: 5000, spacingMs: 1000 };
}

/** A district with one school and a school administrator (tip.read) with a session. */
export async function prepareTipFlood(database: Database): Promise<{ districtId: string; schoolId: string; cookie: string }> {
  const district = await createDistrict(database);
  const school = await createSchool(database, { districtId: district.id, name: 'Flood High' });
  const staff = await createUser(database, { email: `flood-${district.id.slice(0, 8)}@hardening.test`, districtId: district.id, grants: [{ role: 'school_admin', schoolId: school.id }] });
  return { districtId: district.id, schoolId: school.id, cookie: `sro_session=${await createSession(database.db, staff.id, false, new Date())}` };
}

function worker<T>(data: Record<string, unknown>): Promise<T> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./flood-worker.mjs', import.meta.url), { workerData: data, execArgv: [] });
    w.once('message', (result: T) => {
      resolve(result);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

/** GET `url` with the staff cookie every PROBE_GAP_MS until `until`; latencies (ms) of 200 answers, others counted. */
async function probe(url: string, cookie: string, until: number): Promise<{ latencies: number[]; failed: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1, localAddress: '127.0.3.1' });
  const latencies: number[] = [];
  let failed = 0;
  while (performance.now() < until) {
    const sent = performance.now();
    const status = await new Promise<number>((resolve) => {
      const req = http.get(url, { agent, headers: { cookie } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', () => resolve(0));
    });
    if (status === 200) latencies.push(performance.now() - sent);
    else failed++;
    await new Promise((r) => setTimeout(r, Math.max(0, PROBE_GAP_MS - (performance.now() - sent))));
  }
  agent.destroy();
  return { latencies: latencies.sort((a, b) => a - b), failed };
}

interface FloodResult { sent: number; answered: number; skipped: number; seconds: number; statuses: { token: Record<string, number>; submit: Record<string, number> } }
interface ReporterResult { acceptedMs: number | null; tries: number; refused: Record<string, number>; powBits: number[]; solveMs: number }

function add(into: Record<string, number>, from: Record<string, number>): Record<string, number> {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
  return into;
}

function once<T>(proc: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    proc.on('message', (msg: { type: string }) => { if (msg.type === type) resolve(msg as T); });
    proc.once('exit', (code) => reject(new Error(`server exited (${code}) while waiting for ${type}`)));
  });
}

/** Runs the flood on the engine of `target` (a PGlite folder, closed by the caller, or a PostgreSQL URL). */
export async function measureTipFlood(label: string, target: string, prepared: { districtId: string; schoolId: string; cookie: string }, quick: boolean) {
  const p = phases(quick);
  const proc = fork(path.join(HERE, 'tips-server.ts'), [target, prepared.districtId], {
    execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, RATE_LIMIT_SCALE: '1' },
  });
  try {
    const { app } = await once<{ app: number }>(proc, 'listening');
    const base = `http://127.0.0.1:${app}`;
    const queue = `${base}/api/tips?limit=50`;
    const baseline = await probe(queue, prepared.cookie, performance.now() + p.baselineMs);
    const floodStart = performance.now();
    const floods = Array.from({ length: FLOOD_WORKERS }, (_, w) => worker<FloodResult>({
      mode: 'flood', base, schoolId: prepared.schoolId, firstAddress: `127.0.${10 + w}`, clients: FLOOD_CLIENTS / FLOOD_WORKERS,
      rate: FLOOD_RPS / FLOOD_WORKERS, durationMs: p.floodMs, maxInFlight: 8,
    }));
    const reporters = Promise.all(Array.from({ length: REPORTERS }, (_, index) => worker<ReporterResult>({
      mode: 'reporter', base, schoolId: prepared.schoolId, firstAddress: '127.0.2', index, delayMs: p.reportersFromMs + index * p.spacingMs, giveUpMs: 3 * ACCEPT_WITHIN_MS,
    })));
    // The first second of the flood fills its budgets; staff latency is measured from then to its end.
    await new Promise((r) => setTimeout(r, 1000));
    const during = await probe(queue, prepared.cookie, floodStart + p.floodMs);
    const flooded = await Promise.all(floods);
    const people = await reporters;
    const sent = flooded.reduce((n, f) => n + f.sent, 0);
    const answered = flooded.reduce((n, f) => n + f.answered, 0);
    const seconds = p.floodMs / 1000;
    const accepted = people.filter((r) => r.acceptedMs !== null && r.acceptedMs <= ACCEPT_WITHIN_MS).length;
    const times = people.flatMap((r) => (r.acceptedMs === null ? [] : [r.acceptedMs])).sort((a, b) => a - b);
    // The server's share of a reporter's wait: the wall time less their own solving (a phone's CPU, not the server's).
    const serverTimes = people.flatMap((r) => (r.acceptedMs === null ? [] : [r.acceptedMs - r.solveMs])).sort((a, b) => a - b);
    const acceptedServer = people.filter((r) => r.acceptedMs !== null && r.acceptedMs - r.solveMs <= ACCEPT_WITHIN_MS).length;
    const result = {
      flood: {
        clients: FLOOD_CLIENTS, targetRps: FLOOD_RPS, sentRps: round(sent / seconds), answeredRps: round(answered / seconds),
        skippedForInFlightCap: flooded.reduce((n, f) => n + f.skipped, 0),
        token: flooded.reduce((m, f) => add(m, f.statuses.token), {}), submit: flooded.reduce((m, f) => add(m, f.statuses.submit), {}),
      },
      reporters: {
        count: REPORTERS, acceptedWithin10s: accepted, share: round(accepted / REPORTERS, 2),
        medianMs: round(median(times)), maxMs: round(times.at(-1) ?? 0), neverAccepted: people.filter((r) => r.acceptedMs === null).length,
        solveMedianMs: round(median(people.map((r) => r.solveMs))), acceptedWithin10sLessSolving: acceptedServer,
        serverMedianMs: round(median(serverTimes)), serverMaxMs: round(serverTimes.at(-1) ?? 0),
        powBits: [...new Set(people.flatMap((r) => r.powBits))].sort(), refused: people.reduce((m, r) => add(m, r.refused), {}),
      },
      staff: {
        baselineRequests: baseline.latencies.length, baselineP50Ms: round(median(baseline.latencies)), baselineP99Ms: round(percentile(baseline.latencies, 0.99)),
        floodRequests: during.latencies.length, floodFailed: during.failed,
        floodP50Ms: round(median(during.latencies)), floodP99Ms: round(percentile(during.latencies, 0.99)),
        p99Ratio: baseline.latencies.length && during.latencies.length ? round(percentile(during.latencies, 0.99) / percentile(baseline.latencies, 0.99), 2) : 0,
      },
    };
    console.log(`  ${label} flood: sent ${result.flood.sentRps}/s, answered ${result.flood.answeredRps}/s of ${FLOOD_RPS}/s asked; token ${JSON.stringify(result.flood.token)} submit ${JSON.stringify(result.flood.submit)}`);
    console.log(`  ${label} reporters: ${accepted}/${REPORTERS} accepted within 10 s (median ${result.reporters.medianMs} ms, max ${result.reporters.maxMs} ms; solving the work took a median ${result.reporters.solveMedianMs} ms, without it ${acceptedServer}/${REPORTERS} within 10 s), refused ${JSON.stringify(result.reporters.refused)}`);
    console.log(`  ${label} staff GET /api/tips: p99 ${result.staff.floodP99Ms} ms during the flood (${result.staff.floodRequests} requests, ${during.failed} failed), ${result.staff.baselineP99Ms} ms before`);
    const staffMet = during.latencies.length > 0 && during.failed === 0 && result.staff.floodP99Ms < GOAL_STAFF_P99_MS;
    return {
      ...result,
      goal: { reportersAccepted: REPORTERS, staffP99Ms: GOAL_STAFF_P99_MS, met: accepted === REPORTERS && staffMet, reportersMetLessSolving: acceptedServer === REPORTERS },
    };
  } finally {
    proc.send({ type: 'close' });
    await new Promise((r) => proc.once('exit', r));
  }
}

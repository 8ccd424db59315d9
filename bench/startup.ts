// How fast the server answers after `node` starts on an existing embedded data folder, and how much memory
// it holds then. Baseline in the same run: a bare node:http server. Goals: < 3 s and < 400 MB.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isQuick, median, printFigures, round } from './support/stats.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quick = isQuick();
const RUNS = quick ? 3 : 7;
const GOAL = { startupMs: 3000, rssMb: 400 };
// Seeding the demo district is a one-off of the first start and takes long; --quick measures on a migrated,
// unseeded folder to stay within its time budget.
const SEED = !quick;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full));
    else if (!entry.name.endsWith('.test.ts')) latest = Math.max(latest, statSync(full).mtimeMs);
  }
  return latest;
}

/** The server entry: the build when present (what `npm start` runs), else the sources through tsx. */
function serverEntry(): { args: string[]; label: string; stale: boolean } {
  for (const built of ['dist/server/main.js', 'dist/server/server/main.js']) {
    const file = path.join(ROOT, built);
    if (existsSync(file)) {
      return { args: [file], label: `node ${built}`, stale: statSync(file).mtimeMs < newest(path.join(ROOT, 'server')) };
    }
  }
  return { args: ['--import', 'tsx', 'server/main.ts'], label: 'node --import tsx server/main.ts', stale: false };
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? NaN) / 1024;
}

interface Run {
  ms: number;
  rssMb: number;
  exitCode: number | null;
}

/** Spawns `node args`, polls `path` every 25 ms until 200, samples RSS, stops it with SIGTERM. */
async function timeStart(args: string[], env: NodeJS.ProcessEnv, port: number, probe: string): Promise<Run> {
  let output = '';
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let ms = NaN;
  while (performance.now() - started < 180_000) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before answering:\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}${probe}`);
      await res.arrayBuffer();
      if (res.status === 200) {
        ms = performance.now() - started;
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  if (Number.isNaN(ms)) {
    child.kill('SIGKILL');
    throw new Error(`no 200 from ${probe} within 180 s:\n${output}`);
  }
  const rss = rssMb(child.pid!);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const exitCode = await exit;
  clearTimeout(timer);
  return { ms, rssMb: rss, exitCode };
}

async function main(): Promise<void> {
  const entry = serverEntry();
  const dataDir = path.join(ROOT, '.test-tmp', `bench-startup-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: String(SEED) };
  delete env.DATABASE_URL;
  delete env.PUBLIC_URL;
  console.log(`startup${quick ? ' (quick)' : ''}: ${entry.label}${entry.stale ? ' (WARNING: the build is older than server/; run npm run build)' : ''}`);
  try {
    const prepPort = await freePort();
    const prep = await timeStart(entry.args, { ...env, PORT: String(prepPort) }, prepPort, '/api/health');
    console.log(`  prepared ${SEED ? 'a seeded' : 'a migrated (not seeded)'} data folder: first start ${round(prep.ms / 1000, 2)} s`);

    const server: Run[] = [];
    const bare: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      const port = await freePort();
      const run = await timeStart(entry.args, { ...env, PORT: String(port) }, port, '/api/health');
      server.push(run);
      const barePort = await freePort();
      const bareRun = await timeStart(
        ['-e', `require('http').createServer((q,s)=>s.end('ok')).listen(${barePort}, '127.0.0.1')`], process.env, barePort, '/',
      );
      bare.push(bareRun);
      console.log(`  run ${i + 1}: server ${Math.round(run.ms)} ms, ${run.rssMb.toFixed(0)} MB, exit ${run.exitCode}; ` +
        `bare node ${Math.round(bareRun.ms)} ms, ${bareRun.rssMb.toFixed(0)} MB`);
    }
    const startupMs = median(server.map((r) => r.ms));
    const rss = median(server.map((r) => r.rssMb));
    const bareMs = median(bare.map((r) => r.ms));
    const cleanExits = server.every((r) => r.exitCode === 0);
    console.log(`  median: server ${Math.round(startupMs)} ms (goal < ${GOAL.startupMs}), ${rss.toFixed(0)} MB (goal < ${GOAL.rssMb}); ` +
      `bare node ${Math.round(bareMs)} ms; ratio ${round(startupMs / bareMs, 1)}x; SIGTERM exits ${cleanExits ? 'all 0' : 'NOT all 0'}`);
    printFigures({
      bench: 'startup', quick, entry: entry.label, buildStale: entry.stale, seeded: SEED, runs: RUNS,
      startupMs: Math.round(startupMs), rssMb: round(rss), bareNodeMs: Math.round(bareMs), bareNodeRssMb: round(median(bare.map((r) => r.rssMb))),
      ratioToBare: round(startupMs / bareMs, 2), firstStartMs: Math.round(prep.ms), cleanExits,
      goal: { ...GOAL, met: startupMs < GOAL.startupMs && rss < GOAL.rssMb },
    });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

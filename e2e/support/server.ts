import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TEST_TMP = path.join(ROOT, '.test-tmp');

/** A port nobody listens on right now (the kernel's pick, released before use). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Newest modification time under `dirs` (tests and build output excluded), to tell a stale build. */
function newestSource(dirs: string[]): number {
  let newest = 0;
  const visit = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!['node_modules', 'dist', 'test'].includes(entry.name)) visit(full);
      } else if (!/\.(test|spec)\.tsx?$/.test(entry.name)) {
        newest = Math.max(newest, statSync(full).mtimeMs);
      }
    }
  };
  for (const dir of dirs) visit(path.join(ROOT, dir));
  return newest;
}

function mtime(file: string): number {
  return existsSync(file) ? statSync(file).mtimeMs : -1;
}

/** Builds with `npm run build` when the web app is missing or older than its sources. */
export function ensureBuilt(): void {
  const index = path.join(ROOT, 'dist/web/index.html');
  if (mtime(index) >= newestSource(['web', 'common'])) return;
  process.stderr.write('[e2e] building the web app: npm run build\n');
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build; build what ships.
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0 || !existsSync(index)) {
    throw new Error(`npm run build did not produce dist/web/index.html (exit ${result.status}); the browser tier needs the web app`);
  }
}

/** How to run the server: the build when it is up to date, else the TypeScript sources through tsx. */
export function serverCommand(): { args: string[]; label: string } {
  const sources = newestSource(['server', 'common']);
  for (const built of ['dist/server/main.js', 'dist/server/server/main.js']) {
    const file = path.join(ROOT, built);
    if (mtime(file) >= sources) return { args: [file], label: built };
  }
  return { args: ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], label: 'server/main.ts (tsx)' };
}

/** A running server process. */
export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Everything the process printed, for failure messages. */
  output(): string;
  /** SIGTERM, wait for the exit (SIGKILL after 10 s), remove the data folder (unless started with `keepDataDir`). */
  stop(): Promise<void>;
}

/** Polls GET /api/health until it answers 200; rejects when the process exits or the deadline passes. */
export async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before answering:\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not answer /api/health within ${timeoutMs} ms:\n${output()}`);
}

/** Removes data folders of runs whose process is gone (a killed run cannot clean up after itself). */
function removeOrphanDataDirs(): void {
  if (!existsSync(TEST_TMP)) return;
  for (const name of readdirSync(TEST_TMP)) {
    const pid = Number(/^e2e-(\d+)-\d+$/.exec(name)?.[1]);
    if (!pid) continue;
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') rmSync(path.join(TEST_TMP, name), { recursive: true, force: true });
    }
  }
}

/**
 * Starts the real server on a free port with a fresh data folder under .test-tmp, so the demo district
 * is seeded (that takes a while: the default wait is 3 minutes). `env` adds to the environment. `dataDir` starts it
 * on a given folder as it is (a restart, a restore) and `keepDataDir` leaves the folder in place when it stops.
 */
export async function startServer(
  options: { env?: Record<string, string>; timeoutMs?: number; dataDir?: string; keepDataDir?: boolean } = {},
): Promise<RunningServer> {
  removeOrphanDataDirs();
  const port = await freePort();
  const dataDir = options.dataDir ?? path.join(TEST_TMP, `e2e-${process.pid}-${port}`);
  if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const { args, label } = serverCommand();
  const env: NodeJS.ProcessEnv = {
    ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'true', LOG_LEVEL: 'warn',
    // Every spec signs in and files tips from this one address; the per-client budgets are proven by the server tests.
    RATE_LIMIT_SCALE: '1000',
    ...options.env,
  };
  // The browser tier runs the embedded engine even when the shell has a DATABASE_URL.
  if (!options.env?.DATABASE_URL) delete env.DATABASE_URL;
  delete env.PUBLIC_URL;
  let output = `[e2e] ${label} on port ${port}\n`;
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (!options.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child, options.timeoutMs ?? 180_000, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, dataDir, child, output: () => output, stop };
}

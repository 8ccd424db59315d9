#!/usr/bin/env node
// Builds SRO Desk: the web app (Vite → dist/web) and the server (tsc → dist/server, dist/common).
// `node scripts/build.mjs [web|server]` builds one part; no argument builds both.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whatever the current directory. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const require = createRequire(import.meta.url);

/** Absolute path of a package's command-line entry, so we run it with this very Node binary. */
function binOf(pkg, name) {
  const manifestPath = require.resolve(`${pkg}/package.json`);
  const manifest = require(manifestPath);
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[name];
  return path.join(path.dirname(manifestPath), bin);
}

/** Runs `node <args>` in the repository root with inherited output; rejects on a non-zero exit. */
export function runNode(args, label) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${label} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

/** Builds the single-page app into dist/web. */
export async function buildWeb() {
  const started = Date.now();
  process.stdout.write('Building the web app (vite)...\n');
  await runNode(
    [binOf('vite', 'vite'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    'vite build',
  );
  process.stdout.write(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

/** Compiles the server and the shared code into dist/server and dist/common. */
export async function buildServer() {
  const started = Date.now();
  process.stdout.write('Compiling the server (tsc)...\n');
  // Start clean so files deleted from the sources do not linger in dist.
  for (const dir of ['server', 'common'])
    rmSync(path.join(ROOT, 'dist', dir), { recursive: true, force: true });
  await runNode([binOf('typescript', 'tsc'), '-p', 'tsconfig.build.json'], 'tsc');
  process.stdout.write(`Server compiled in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

async function main() {
  const what = process.argv[2] ?? 'all';
  if (!['all', 'web', 'server'].includes(what)) {
    process.stderr.write(`Unknown part "${what}": use web, server or nothing for both.\n`);
    process.exit(2);
  }
  // The two builds are independent; run them side by side to save time.
  const jobs = [];
  if (what !== 'server') jobs.push(buildWeb());
  if (what !== 'web') jobs.push(buildServer());
  const results = await Promise.allSettled(jobs);
  const failed = results.filter((r) => r.status === 'rejected');
  for (const f of failed)
    process.stderr.write(`${f.reason instanceof Error ? f.reason.message : String(f.reason)}\n`);
  process.exit(failed.length ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();

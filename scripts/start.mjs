#!/usr/bin/env node
// `npm start`: builds only what is missing or older than its sources, then runs the server.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildServer, buildWeb, ROOT } from './build.mjs';

const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', 'test']);

/** Newest modification time (ms) of the source files under the given folders; tests do not count. */
function newestSource(dirs) {
  let newest = 0;
  const visit = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) visit(full);
      } else if (!/\.test\.tsx?$/.test(entry.name)) {
        newest = Math.max(newest, statSync(full).mtimeMs);
      }
    }
  };
  for (const dir of dirs) visit(path.join(ROOT, dir));
  return newest;
}

/** Modification time of a file (ms), or -1 when it does not exist. */
function mtimeOf(relative) {
  const full = path.join(ROOT, relative);
  return existsSync(full) ? statSync(full).mtimeMs : -1;
}

const webOutput = 'dist/web/index.html';
const serverOutput = 'dist/server/main.js';
const jobs = [];
if (mtimeOf(webOutput) < newestSource(['web', 'common'])) jobs.push(buildWeb());
if (mtimeOf(serverOutput) < newestSource(['server', 'common'])) jobs.push(buildServer());
if (jobs.length) {
  const results = await Promise.allSettled(jobs);
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length) {
    for (const f of failed)
      process.stderr.write(`${f.reason instanceof Error ? f.reason.message : String(f.reason)}\n`);
    process.stderr.write('SRO Desk was not started because the build failed.\n');
    process.exit(1);
  }
}

const server = spawn(process.execPath, [path.join(ROOT, serverOutput)], {
  cwd: process.cwd(),
  stdio: 'inherit',
});
// Pass the stop request on and let the server finish in-flight requests; exit with its code.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (server.exitCode === null) server.kill(signal);
  });
}
server.on('exit', (code, signal) =>
  process.exit(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 1)),
);

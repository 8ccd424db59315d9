#!/usr/bin/env node
// `npm run dev`: the server under `node --watch` (tsx) and the Vite dev server with hot reload.
// Open the Vite address; it proxies /api to the server.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from './build.mjs';

const require = createRequire(import.meta.url);
const viteBin = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');

const children = [
  spawn(process.execPath, ['--watch', '--import', 'tsx', 'server/main.ts'], { cwd: ROOT, stdio: 'inherit' }),
  spawn(process.execPath, [viteBin, '--config', 'web/vite.config.ts'], { cwd: ROOT, stdio: 'inherit' }),
];

let stopping = false;
/** Stops both processes; the first one to end takes the other with it. */
function stopAll(signal, exitCode) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  let open = children.filter((c) => c.exitCode === null && c.signalCode === null).length;
  if (open === 0) process.exit(exitCode);
  for (const child of children) {
    child.once('exit', () => {
      open -= 1;
      if (open <= 0) process.exit(exitCode);
    });
  }
  setTimeout(() => process.exit(exitCode), 12_000).unref();
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(signal, 0));
for (const child of children) child.on('exit', (code) => stopAll('SIGTERM', code ?? 1));

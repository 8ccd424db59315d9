#!/usr/bin/env node
// `npm run bench -- <name> [--quick]`: runs bench/<name>.ts with tsx. Each benchmark prints human lines
// and, last, one JSON line with its figures. Without a name, lists the benchmarks.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = path.join(ROOT, 'bench');
const available = readdirSync(BENCH).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();
const [name, ...rest] = process.argv.slice(2);

if (!name || name.startsWith('-')) {
  process.stdout.write(`usage: npm run bench -- <name> [--quick]\nbenchmarks: ${available.join(', ')}\n`);
  process.exit(name ? 2 : 0);
}
const file = path.join(BENCH, `${name}.ts`);
if (!existsSync(file)) {
  process.stderr.write(`no benchmark "${name}"; there are: ${available.join(', ')}\n`);
  process.exit(2);
}

// Benchmarks keep their data folders under .test-tmp, which a fresh clone does not have yet.
mkdirSync(path.join(ROOT, '.test-tmp'), { recursive: true });
const child = spawn(process.execPath, ['--import', 'tsx', file, ...rest], { cwd: ROOT, stdio: 'inherit' });
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

#!/usr/bin/env node
// `npm test`: the test tiers in order, then a summary table.
//   1. unit + API on PGlite                    vitest run                (TEST_DB=pglite)
//   2. API on PostgreSQL                       vitest run                (TEST_DB=postgres; needs TEST_DATABASE_URL)
//   3. clock: time-sensitive files under TZ=UTC, America/Chicago, Pacific/Auckland (PGlite)
//   4. browser                                 vitest run -c e2e/...     (needs Chromium)
// Extra arguments (`npm test -- server/modules/auth -t sign-in`) go to vitest in tiers 1 and 2; the browser
// tier is left out of such a filtered run. TEST_TIERS=pglite,postgres,browser picks tiers.
// Under CI=true a tier that cannot run is a failure: CI must prove every tier.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const VITEST = path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
const CI = process.env.CI === 'true' || process.env.CI === '1';
const extraArgs = process.argv.slice(2);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const selected = process.env.TEST_TIERS ? new Set(process.env.TEST_TIERS.split(',').map((t) => t.trim())) : null;
const resultsDir = path.join(ROOT, '.test-tmp', `results-${process.pid}`);

/** Runs vitest with inherited output; resolves with its exit code and the counts of its JSON report. */
function vitest(args, env, reportName) {
  mkdirSync(resultsDir, { recursive: true });
  const report = path.join(resultsDir, `${reportName}.json`);
  const argv = [VITEST, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args];
  // The tiers choose the engine themselves; a DATABASE_URL of the shell must not leak into server processes.
  const childEnv = { ...process.env, ...env };
  delete childEnv.DATABASE_URL;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, argv, { cwd: ROOT, env: childEnv, stdio: 'inherit' });
    // Ctrl-C reaches vitest from the terminal already; this process only waits for it to finish.
    const ignore = () => undefined;
    const forward = () => child.kill('SIGTERM');
    process.on('SIGINT', ignore);
    process.on('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', forward);
      resolve({ code: code ?? (signal ? 1 : 0), counts: countsOf(report), files: fileTimesOf(report, reportName) });
    });
  });
}

function countsOf(report) {
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    if (!json.numTotalTests) return 'no tests ran (see the output above)';
    const parts = [`${json.numPassedTests}/${json.numTotalTests} tests passed`];
    if (json.numFailedTests) parts.push(`${json.numFailedTests} failed`);
    if (json.numPendingTests + json.numTodoTests) parts.push(`${json.numPendingTests + json.numTodoTests} skipped`);
    return `${parts.join(', ')} in ${json.testResults.length} files`;
  } catch {
    // No report: vitest stopped before running anything (its output says why).
    return 'no report (see the output above)';
  }
}

/** Seconds per test file of a tier's JSON report (empty when vitest wrote none). */
function fileTimesOf(report, tier) {
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    return json.testResults.map((r) => ({ tier, file: path.relative(ROOT, r.name), seconds: (r.endTime - r.startTime) / 1000 }));
  } catch {
    return [];
  }
}
/** The zones of the clock tier and the files it runs (tests that pin the district clock at 23:30 and 00:30). */
const CLOCK_ZONES = ['UTC', 'America/Chicago', 'Pacific/Auckland'];
const CLOCK_FILES = ['server/lib/district-time.test.ts', 'server/modules/drills/drills.clock.test.ts'];

const tiers = [
  {
    id: 'pglite',
    name: 'unit + API on PGlite',
    why: () => null,
    run: () => vitest(extraArgs, { TEST_DB: 'pglite' }, 'pglite'),
  },
  {
    id: 'postgres',
    name: 'API on PostgreSQL',
    why: () => (process.env.TEST_DATABASE_URL ? null : 'set TEST_DATABASE_URL=postgres://user@127.0.0.1:5432/db (an admin connection) to run'),
    run: () => vitest(extraArgs, { TEST_DB: 'postgres' }, 'postgres'),
  },
  {
    // The time-sensitive files again, with the process in three zones; each pins the clock at 23:30 and
    // 00:30 district time itself. A few files only, so CI time stays small.
    id: 'clock',
    name: 'clock (TZ UTC, America/Chicago, Pacific/Auckland)',
    why: () => (extraArgs.length > 0 ? 'filtered run: the extra arguments select server tests' : null),
    run: async () => {
      let code = 0;
      const notes = [];
      const files = [];
      for (const tz of CLOCK_ZONES) {
        process.stdout.write(`\n--- TZ=${tz} ---\n`);
        const r = await vitest(CLOCK_FILES, { TEST_DB: 'pglite', TZ: tz }, `clock-${tz.replace('/', '-')}`);
        code ||= r.code;
        notes.push(`${tz}: ${r.counts}`);
        files.push(...r.files);
      }
      return { code, counts: notes.join('; '), files };
    },
  },
  {
    id: 'browser',
    name: 'browser (Chromium)',
    why: () => {
      if (!existsSync(chromium)) return `no Chromium at ${chromium}: apt-get install -y chromium, or set CHROMIUM_PATH`;
      if (extraArgs.length > 0) return 'filtered run: the extra arguments select server tests';
      return null;
    },
    run: () => vitest(['-c', 'e2e/vitest.config.ts'], {}, 'browser'),
  },
];

const results = [];
const fileTimes = [];
for (const tier of tiers) {
  const reason = selected && !selected.has(tier.id) ? `not in TEST_TIERS=${process.env.TEST_TIERS}` : tier.why();
  if (reason) {
    results.push({ tier, status: 'SKIPPED', seconds: 0, note: reason });
    continue;
  }
  process.stdout.write(`\n=== ${tier.name} ===\n`);
  const started = Date.now();
  const { code, counts, files } = await tier.run();
  fileTimes.push(...(files ?? []));
  results.push({ tier, status: code === 0 ? 'PASSED' : 'FAILED', seconds: (Date.now() - started) / 1000, note: counts });
}
rmSync(resultsDir, { recursive: true, force: true });

const rows = results.map((r) => [r.tier.name, r.status, r.status === 'SKIPPED' ? '' : `${r.seconds.toFixed(1)} s`, r.note]);
const header = ['tier', 'result', 'time', 'notes'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
process.stdout.write(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);

// Where the time goes: the ten slowest files over all tiers.
const slowest = fileTimes.sort((a, b) => b.seconds - a.seconds).slice(0, 10);
if (slowest.length) {
  process.stdout.write(`\nslowest files\n${slowest.map((f) => `${f.seconds.toFixed(1).padStart(7)} s  ${f.tier.padEnd(8)}  ${f.file}`).join('\n')}\n`);
}

const failed = results.filter((r) => r.status === 'FAILED');
const skipped = results.filter((r) => r.status === 'SKIPPED');
if (failed.length) process.stdout.write(`\nFAILED: ${failed.map((r) => r.tier.name).join(', ')}\n`);
if (CI && skipped.length) {
  process.stdout.write(`\nCI=true: every tier must run, but ${skipped.map((r) => `${r.tier.name} was skipped (${r.note})`).join('; ')}\n`);
}
process.exit(failed.length || (CI && skipped.length) ? 1 : 0);

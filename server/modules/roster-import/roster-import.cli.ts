/* eslint-disable no-console */
/**
 * `npm run import:roster -- <package.zip | folder | file.csv...> [--district <id>] [--confirm]`: syncs a OneRoster 1.1
 * or 1.2 CSV package into the configured database (the server must not hold an embedded database's folder at the same time),
 * printing progress while it runs and the rejected rows at the end.
 */
import { readFile, stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../../config.js';
import type { Db } from '../../db/connection.js';
import { DataDirLockedError } from '../../db/lock.js';
import { openConfiguredDatabase } from '../../db/open.js';
import { districts } from '../../db/schema/index.js';
import { systemClock } from '../../lib/clock.js';
import { StructuralError } from './csv-stream.js';
import { filesPackage, folderPackage, zipPackage, type RosterPackage } from './package-source.js';
import { checkPackage } from './roster-import.check.js';
import * as repo from './roster-import.repository.js';
import type { ImportProgress } from './roster-import.runner.js';
import { ConfirmationNeeded } from './roster-import.runner.js';
import { runJob } from './roster-import.service.js';

const USAGE = `Usage: npm run import:roster -- <package.zip | folder | manifest.csv orgs.csv users.csv ...> [--district <id>] [--confirm]

  A OneRoster 1.1 or 1.2 CSV package: a zip, a folder, or the CSV files themselves.
  --district <id>  the district to import into (needed only when the database holds several)
  --confirm        go on with a sync that matched no school or inactivates more than the district's threshold
`;

async function openPackage(paths: string[]): Promise<RosterPackage> {
  if (paths.length === 1) {
    const info = await stat(paths[0]!);
    if (info.isDirectory()) return folderPackage(paths[0]!);
    if (paths[0]!.toLowerCase().endsWith('.zip')) return zipPackage(paths[0]!, await readFile(paths[0]!));
  }
  return filesPackage(paths.join(' '), paths);
}

async function districtOf(db: Db, wanted: string | undefined): Promise<string> {
  const all = await db.select({ id: districts.id, name: districts.name }).from(districts)
    .where(wanted ? eq(districts.id, wanted) : undefined);
  if (all.length === 1) return all[0]!.id;
  throw new Error(all.length === 0 ? 'No such district in the database' : `Several districts: pass --district <id> (${all.map((d) => `${d.id} ${d.name}`).join('; ')})`);
}

function progressLine(p: ImportProgress, started: number): string {
  const pct = p.total > 0 ? Math.floor((100 * p.processed) / p.total) : 0;
  const mb = (process.memoryUsage().rss / 1048576).toFixed(0);
  return `  ${p.phase.padEnd(12)} ${String(pct).padStart(3)}%  ${p.rows} rows  ${p.counts.studentsCreated} new, ${p.counts.studentsUpdated} updated, `
    + `${p.counts.enrollments} enrollments, ${p.counts.rejected} rejected  ${((performance.now() - started) / 1000).toFixed(1)} s  ${mb} MB`;
}

/** The options and the package paths of the command line (`--district <id>`, `--confirm`, the rest are paths). */
function parseArgs(argv: string[]): { wanted: string | undefined; confirmed: boolean; paths: string[]; districtMissing: boolean } {
  const at = argv.indexOf('--district');
  const wanted = at >= 0 ? argv[at + 1] : undefined;
  // Without --district, at is -1: filtering on at + 1 would drop the first path.
  const taken = new Set(at >= 0 ? [at, at + 1] : []);
  const paths = argv.filter((arg, i) => !taken.has(i) && arg !== '--confirm');
  return { wanted, confirmed: argv.includes('--confirm'), paths, districtMissing: at >= 0 && (!wanted || wanted.startsWith('--')) };
}

async function main(argv: string[]): Promise<number> {
  const { wanted, confirmed, paths, districtMissing } = parseArgs(argv);
  if (paths.length === 0 || paths.includes('--help') || districtMissing) {
    console.log(USAGE);
    return paths.includes('--help') ? 0 : 64;
  }
  const started = performance.now();
  const pkg = await openPackage(paths);
  let plan;
  try {
    plan = await checkPackage(pkg);
  } catch (error) {
    if (!(error instanceof StructuralError)) throw error;
    console.error(`The package cannot be imported; nothing was written.\n  ${error.message}`);
    return 65;
  }
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    const districtId = await districtOf(database.db, wanted);
    const job = await repo.insertJob(database.db, {
      districtId, fileName: pkg.name, status: 'running', phase: 'checking', total: plan.total, counts: repo.emptyCounts(),
      startedAt: systemClock.now(),
    });
    console.log(`Importing ${pkg.name} (${(plan.total / 1048576).toFixed(1)} MB of CSV) as job ${job.id}`);
    let lastPhase = '';
    let lastPrint = 0;
    const onProgress = (p: ImportProgress) => {
      const now = performance.now();
      if (p.phase === lastPhase && now - lastPrint < 1000) return;
      [lastPhase, lastPrint] = [p.phase, now];
      console.log(progressLine(p, started));
    };
    try {
      const who = { label: 'import:roster (command line)', districtId };
      const result = await runJob(database.db, job.id, pkg, plan, { districtId, confirmed, publicUrl: config.publicUrl, clock: systemClock, who, onProgress });
      console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(result.counts)}`);
      for (const r of result.rejections.slice(0, 50)) console.log(`  rejected ${r.file} line ${r.line}${r.sourcedId ? ` (${r.sourcedId})` : ''}: ${r.reason}`);
      if (result.counts.rejected > 50) console.log(`  ... ${result.counts.rejected - 50} more rejected rows: see the import's report (job ${job.id})`);
      return 0;
    } catch (error) {
      if (error instanceof ConfirmationNeeded) {
        const c = error.confirmation;
        console.error(`The sync stopped before writing anything:${c.reasons.includes('no_school_matched') ? '\n  no org of the package matched a school of the district (NCES id or sourcedId)' : ''}`
          + `\n  it would mark ${c.studentsToInactivate} of ${c.activeStudents} active students inactive (threshold ${c.thresholdPct}%)`
          + '\n  Check the package; to go on anyway, run the same command with --confirm.');
        return 3;
      }
      console.error(`The import failed and wrote nothing: ${(error as Error).message}`);
      return error instanceof StructuralError ? 65 : 1;
    }
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof DataDirLockedError ? `\n${error.message}\n` : `Import failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(error instanceof DataDirLockedError ? 2 : 1);
  },
);

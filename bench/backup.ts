// Backup and restore of a large PostgreSQL database with its stored files (`npm run bench -- backup [--quick]`).
// Baseline, same run: `pg_dump --format=custom` + `tar -cf` of the files, then `pg_restore --single-transaction`
// into a new database + `tar -xf`. Ours: `createBackup` (pg_dump inside, AES-256-GCM, SHA-256 per part) and
// `restoreBackup` (reads the archive twice: verify everything, then apply; counts compared). Goal: each <= 1.5x.
// Full size: a ~1 GB database and 2 GB of files; --quick: ~60 MB and 150 MB. The logical export is timed too.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { openPostgres } from '../server/db/connection.js';
import { createBackup } from '../server/modules/backup/backup.create.js';
import { libpqEnv } from '../server/modules/backup/backup.postgres.js';
import { restoreBackup } from '../server/modules/backup/backup.restore.js';
import { TEST_TMP } from '../server/test/database.js';
import { isQuick, printFigures, round } from './support/stats.js';

const quick = isQuick();
const DB_MB = quick ? 60 : 1000;
const FILES = quick ? 30 : 200;
const FILE_MB = quick ? 5 : 10;
const GOAL = 1.5;
const PASSPHRASE = 'benchmark passphrase for backups';

const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!url) {
  process.stdout.write('set TEST_DATABASE_URL (or DATABASE_URL) to a PostgreSQL server\n');
  printFigures({ bench: 'backup', skipped: 'no PostgreSQL server' });
  process.exit(0);
}
const admin = postgres(url, { max: 1, onnotice: () => undefined });
const urlOf = (name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};
const tag = `${process.pid}_${randomBytes(3).toString('hex')}`;
const made: string[] = [];
async function newDatabase(label: string): Promise<string> {
  const name = `srodesk_bench_bk_${label}_${tag}`;
  await admin.unsafe(`create database "${name}"`);
  made.push(name);
  return urlOf(name);
}
const root = path.join(TEST_TMP, `bench-backup-${tag}`);
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
let peakRss = 0;
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 50);

async function main(): Promise<void> {
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const sourceUrl = await newDatabase('src');
  const source = openPostgres(sourceUrl, { max: 2 });
  await source.migrate();
  await source.close();
  const sql = postgres(sourceUrl, { max: 1, onnotice: () => undefined });
  // The audit log is the biggest table of a real deployment: rows of ~250 bytes with a JSON detail.
  const rowsWanted = Math.round((DB_MB * 1024 * 1024) / 330);
  for (let done = 0; done < rowsWanted; done += 200_000) {
    await sql.unsafe(`insert into audit_events (actor_label, event_type, subject_type, subject_id, detail)
      select 'user' || g || '@district.test', 'incident.viewed', 'incident', md5(g::text),
        jsonb_build_object('a', md5(g::text || 'a'), 'b', md5(g::text || 'b'), 'c', md5(g::text || 'c'), 'n', g)
      from generate_series(${done + 1}, ${Math.min(done + 200_000, rowsWanted)}) g`);
  }
  const [size] = await sql<{ bytes: string }[]>`select pg_database_size(current_database())::text as bytes`;
  await sql.end();
  const dataDir = path.join(root, 'data');
  mkdirSync(path.join(dataDir, 'evidence', 'd'), { recursive: true });
  for (let i = 0; i < FILES; i++) writeFileSync(path.join(dataDir, 'evidence', 'd', `f${i}`), randomBytes(FILE_MB * 1024 * 1024));
  const fileBytes = FILES * FILE_MB * 1024 * 1024;
  log(`database ${round(Number(size!.bytes) / 1e6)} MB, files ${round(fileBytes / 1e6)} MB (${FILES} files)`);

  // Baseline: the tools alone.
  const dump = path.join(root, 'base.dump');
  const tarFile = path.join(root, 'base.tar');
  let t = process.hrtime.bigint();
  execFileSync('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '-f', dump], { env: libpqEnv(sourceUrl) });
  execFileSync('tar', ['-cf', tarFile, '-C', dataDir, 'evidence']);
  const baseBackup = seconds(t);
  const baseTarget = await newDatabase('base');
  const baseDir = path.join(root, 'base-restore');
  mkdirSync(baseDir, { recursive: true });
  t = process.hrtime.bigint();
  const restored = spawnSync('pg_restore', ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', `--dbname=${libpqEnv(baseTarget).PGDATABASE}`, dump], { env: libpqEnv(baseTarget) });
  if (restored.status !== 0) throw new Error(`pg_restore: ${restored.stderr.toString()}`);
  execFileSync('tar', ['-xf', tarFile, '-C', baseDir]);
  const baseRestore = seconds(t);
  log(`baseline: pg_dump + tar ${round(baseBackup, 2)} s, pg_restore + tar -x ${round(baseRestore, 2)} s`);

  // Ours, pg_dump inside.
  const archive = path.join(root, 'ours.srodesk-backup');
  peakRss = process.memoryUsage().rss;
  const rssBefore = peakRss;
  t = process.hrtime.bigint();
  await createBackup({ source: { kind: 'postgres', url: sourceUrl, format: 'pg_dump' }, dataDir, out: archive, passphrase: PASSPHRASE });
  const oursBackup = seconds(t);
  const target = await newDatabase('ours');
  t = process.hrtime.bigint();
  await restoreBackup({ file: archive, passphrase: PASSPHRASE, target: { kind: 'postgres', url: target, dataDir: path.join(root, 'ours-restore') } });
  const oursRestore = seconds(t);
  const rssGrowthMb = (peakRss - rssBefore) / 1e6;
  log(`ours (pg_dump): backup ${round(oursBackup, 2)} s (${round(oursBackup / baseBackup, 2)}x), restore ${round(oursRestore, 2)} s (${round(oursRestore / baseRestore, 2)}x), archive ${round(statSync(archive).size / 1e6)} MB, peak RSS growth ${round(rssGrowthMb)} MB`);

  // Ours, the logical export (for servers without a matching pg_dump).
  const logical = path.join(root, 'logical.srodesk-backup');
  t = process.hrtime.bigint();
  await createBackup({ source: { kind: 'postgres', url: sourceUrl, format: 'logical' }, dataDir, out: logical, passphrase: PASSPHRASE });
  const logicalBackup = seconds(t);
  const logicalTarget = await newDatabase('logical');
  t = process.hrtime.bigint();
  await restoreBackup({ file: logical, passphrase: PASSPHRASE, target: { kind: 'postgres', url: logicalTarget, dataDir: path.join(root, 'logical-restore') } });
  const logicalRestore = seconds(t);
  log(`ours (logical): backup ${round(logicalBackup, 2)} s (${round(logicalBackup / baseBackup, 2)}x), restore ${round(logicalRestore, 2)} s (${round(logicalRestore / baseRestore, 2)}x), archive ${round(statSync(logical).size / 1e6)} MB`);

  const backupRatio = oursBackup / baseBackup;
  const restoreRatio = oursRestore / baseRestore;
  log(`goal <= ${GOAL}x: backup ${backupRatio <= GOAL ? 'met' : 'NOT met'}, restore ${restoreRatio <= GOAL ? 'met' : 'NOT met'}`);
  printFigures({
    bench: 'backup', quick, databaseMb: round(Number(size!.bytes) / 1e6), filesMb: round(fileBytes / 1e6),
    baseline: { backupS: round(baseBackup, 2), restoreS: round(baseRestore, 2) },
    pgDump: { backupS: round(oursBackup, 2), restoreS: round(oursRestore, 2), backupRatio: round(backupRatio, 2), restoreRatio: round(restoreRatio, 2) },
    logical: { backupS: round(logicalBackup, 2), restoreS: round(logicalRestore, 2), backupRatio: round(logicalBackup / baseBackup, 2), restoreRatio: round(logicalRestore / baseRestore, 2) },
    peakRssGrowthMb: round(rssGrowthMb), goal: GOAL, met: backupRatio <= GOAL && restoreRatio <= GOAL,
  });
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(async () => {
    clearInterval(sampler);
    for (const name of made) await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => undefined);
    await admin.end({ timeout: 5 });
    rmSync(root, { recursive: true, force: true });
  });

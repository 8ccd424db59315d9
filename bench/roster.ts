// OneRoster import at district scale: a generated OneRoster 1.1 package (50,000 students, 200,000 enrollments;
// --quick: 5,000 and 20,000) zipped to disk, imported through the import service as the upload does (checked,
// streamed, matched, written in batches in one transaction), then imported again (every row unchanged). Baseline in
// the same run: a plain batched INSERT of the same student and enrollment rows into another district, no parsing,
// no matching. Reports rows/s, times, their ratio and the peak RSS (sampled every 20 ms).
// Goal: the import within 3x of the bulk insert and under 500 MB: the process's peak RSS on PostgreSQL; on PGlite,
// whose engine lives in the process and holds 500+ MB before any import, the RSS the import adds on top of it.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { strToU8, Zip, ZipDeflate } from 'fflate';
import postgres from 'postgres';
import { openPglite, openPostgres, type Database } from '../server/db/connection.js';
import { studentEnrollments, students } from '../server/db/schema/index.js';
import { systemClock } from '../server/lib/clock.js';
import { zipPackage } from '../server/modules/roster-import/package-source.js';
import { checkPackage } from '../server/modules/roster-import/roster-import.check.js';
import * as repo from '../server/modules/roster-import/roster-import.repository.js';
import { runJob } from '../server/modules/roster-import/roster-import.service.js';
import { TEST_TMP } from '../server/test/database.js';
import { createDistrict } from '../server/test/fixtures.js';
import { isQuick, printFigures, round } from './support/stats.js';

const quick = isQuick();
const STUDENTS = quick ? 5_000 : 50_000;
const PER_STUDENT = 4;
const SCHOOLS = 40;
const GOAL_RATIO = 3;
const GOAL_MB = 500;
const FIRST = ['Ana', 'Ben', 'Cara', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivan', 'Jada', 'Kai', 'Lena', 'Mateo', 'Nia', 'Omar', 'Priya'];
const LAST = ['Lopez', 'Smith', 'Nguyen', 'Patel', 'Johnson', 'Garcia', 'Kim', 'Brown', 'Okafor', 'Silva', 'Haddad', 'Muller'];
const RACES = ['americanIndianOrAlaskaNative', 'asian', 'blackOrAfricanAmerican', 'nativeHawaiianOrOtherPacificIslander', 'white'];
const RACE_VALUES = ['american_indian_alaska_native', 'asian', 'black', 'native_hawaiian_pacific_islander', 'white'] as const;

interface Engine { database: Database; label: string; dispose(): Promise<void> }

/** Student i of the generated district: deterministic, so the package and the baseline hold the same rows. */
function student(i: number) {
  const school = i % SCHOOLS;
  const grade = 1 + (i % 12);
  return {
    sourcedId: `stu-${i}`, number: `S${String(i).padStart(7, '0')}`, school, grade, first: FIRST[i % FIRST.length]!,
    last: LAST[(i * 7) % LAST.length]!, birth: `${2020 - grade}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    sex: i % 2 ? 'male' : 'female', hispanic: i % 5 === 0, race: i % RACES.length,
  };
}

/** Writes the package as a zip, one CSV file at a time through a streaming deflate (never whole in memory). */
async function writePackage(file: string, ncesIds: string[]): Promise<void> {
  const out = createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => { out.on('finish', resolve); out.on('error', reject); });
  const zip = new Zip((error, data, final) => { if (error) throw error; out.write(data); if (final) out.end(); });
  const entry = (name: string, lines: (push: (line: string) => void) => void) => {
    const deflate = new ZipDeflate(name, { level: 6 });
    zip.add(deflate);
    let buffer = '';
    lines((line) => {
      buffer += `${line}\r\n`;
      if (buffer.length > 1 << 16) { deflate.push(strToU8(buffer)); buffer = ''; }
    });
    deflate.push(strToU8(buffer), true);
  };
  entry('manifest.csv', (push) => {
    push('propertyName,value');
    for (const [k, v] of [['manifest.version', '1.0'], ['oneroster.version', '1.1'], ['file.orgs', 'bulk'], ['file.users', 'bulk'],
      ['file.enrollments', 'bulk'], ['file.demographics', 'bulk'], ['file.classes', 'absent'], ['file.courses', 'absent']]) push(`${k},${v}`);
  });
  entry('orgs.csv', (push) => {
    push('sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId');
    push('district,active,,Bench ISD,district,,');
    ncesIds.forEach((nces, s) => push(`org-${s},active,,"School ${s}, Bench ISD",school,${nces},district`));
  });
  entry('demographics.csv', (push) => {
    push(`sourcedId,status,dateLastModified,birthDate,sex,${RACES.join(',')},demographicRaceTwoOrMoreRaces,hispanicOrLatinoEthnicity`);
    for (let i = 0; i < STUDENTS; i++) {
      const s = student(i);
      push(`${s.sourcedId},active,,${s.birth},${s.sex},${RACES.map((_, r) => r === s.race).join(',')},false,${s.hispanic}`);
    }
  });
  entry('users.csv', (push) => {
    push('sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password');
    for (let i = 0; i < STUDENTS; i++) {
      const s = student(i);
      push(`${s.sourcedId},active,,true,"district,org-${s.school}",student,${s.sourcedId},,${s.first},${s.last},,${s.number},,,,,${String(s.grade).padStart(2, '0')},`);
    }
  });
  entry('enrollments.csv', (push) => {
    push('sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate');
    for (let i = 0; i < STUDENTS; i++) {
      const s = student(i);
      for (let c = 0; c < PER_STUDENT; c++) push(`enr-${i}-${c},active,,cls-${s.school}-${(i + c) % 30},org-${s.school},${s.sourcedId},student,false,2026-08-15,2027-05-28`);
    }
  });
  zip.end();
  await done;
}

/** Schools of a new district (grades 1-12, so every generated student fits), answering the district and NCES ids. */
async function district(database: Database) {
  const d = await createDistrict(database, { name: `Bench ISD ${randomBytes(3).toString('hex')}` });
  const base = 100_000_000_000 + Math.floor(Math.random() * 800_000_000_000);
  await database.db.execute(sql`
    insert into schools (district_id, nces_id, name, level, grade_low, grade_high, street, city, state, zip, phone)
    select ${d.id}::uuid, (${base}::bigint + g)::text, 'School ' || g, 'high', 1, 12, '1 Main St', 'Austin', 'TX', '78701', '512-555-0100'
    from generate_series(0, ${SCHOOLS - 1}::int) g`);
  const ids = await database.db.execute<{ id: string; nces_id: string }>(sql`select id, nces_id from schools where district_id = ${d.id} order by nces_id`);
  const list = (Array.isArray(ids) ? ids : (ids as unknown as { rows: { id: string; nces_id: string }[] }).rows);
  return { districtId: d.id, schoolIds: list.map((r) => r.id), ncesIds: list.map((r) => r.nces_id) };
}

/** Runs `work`, sampling RSS every 20 ms: answers its time and the peak. */
async function sampled<T>(work: () => Promise<T>): Promise<{ ms: number; peakMb: number; result: T }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  const started = performance.now();
  try {
    const result = await work();
    return { ms: performance.now() - started, peakMb: round(Math.max(peak, process.memoryUsage().rss) / 1048576, 0), result };
  } finally {
    clearInterval(timer);
  }
}

async function importOnce(database: Database, districtId: string, zipFile: string) {
  const started = performance.now();
  const pkg = zipPackage(path.basename(zipFile), readFileSync(zipFile));
  const plan = await checkPackage(pkg);
  const job = await repo.insertJob(database.db, {
    districtId, fileName: pkg.name, status: 'running', phase: 'checking', total: plan.total, counts: repo.emptyCounts(), startedAt: new Date(),
  });
  let last = 0;
  return runJob(database.db, job.id, pkg, plan, {
    districtId, confirmed: true, publicUrl: 'http://localhost:3000', clock: systemClock, who: { label: 'bench', districtId },
    onProgress: (p) => {
      if (performance.now() - last < 1000 && p.phase !== 'done') return;
      last = performance.now();
      console.log(`    ${p.phase.padEnd(12)} ${String(Math.floor((100 * p.processed) / Math.max(1, p.total))).padStart(3)}%  ${p.rows} rows  ${((last - started) / 1000).toFixed(1)} s  rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
    },
  });
}

/** The same student and enrollment rows as the package holds, built in memory (not timed). */
function baselineRows(districtId: string, schoolIds: string[]) {
  const now = new Date();
  const studentRows: repo.StudentRow[] = [];
  const enrollmentRows: repo.EnrollmentRow[] = [];
  for (let i = 0; i < STUDENTS; i++) {
    const s = student(i);
    const id = randomUUID();
    studentRows.push({
      id, districtId, schoolId: schoolIds[s.school]!, sourcedId: s.sourcedId, studentNumber: s.number, firstName: s.first, lastName: s.last,
      middleName: null, grade: s.grade, dateOfBirth: s.birth, sex: s.sex as 'male' | 'female',
      raceEthnicity: s.hispanic ? 'hispanic_latino' : RACE_VALUES[s.race]!, active: true, createdAt: now, updatedAt: now,
    });
    for (let c = 0; c < PER_STUDENT; c++) {
      enrollmentRows.push({ districtId, sourcedId: `enr-${i}-${c}`, studentId: id, schoolId: schoolIds[s.school]!, classSourcedId: `cls-${s.school}-${(i + c) % 30}`, primary: false, beginDate: '2026-08-15', endDate: '2027-05-28' });
    }
  }
  return { studentRows, enrollmentRows };
}

/**
 * Baselines: the rows as plain batched INSERTs in one transaction, either as VALUES lists (Drizzle's insert) or as
 * one JSON parameter per batch (the statements the import itself writes with), with no parsing or matching.
 */
async function bulkInsert(database: Database, rowsOf: ReturnType<typeof baselineRows>, how: 'values' | 'json') {
  const { studentRows, enrollmentRows } = rowsOf;
  await database.db.transaction(async (tx) => {
    for (let i = 0; i < studentRows.length; i += 2000) {
      const batch = studentRows.slice(i, i + 2000);
      if (how === 'json') await repo.upsertStudents(tx, batch);
      else for (let j = 0; j < batch.length; j += 1000) await tx.insert(students).values(batch.slice(j, j + 1000));
    }
    for (let i = 0; i < enrollmentRows.length; i += 5000) {
      const batch = enrollmentRows.slice(i, i + 5000);
      if (how === 'json') await repo.upsertEnrollments(tx, batch);
      else for (let j = 0; j < batch.length; j += 2500) await tx.insert(studentEnrollments).values(batch.slice(j, j + 2500));
    }
  });
}

async function measure(engine: Engine, dir: string) {
  const { database } = engine;
  const target = await district(database);
  const zipFile = path.join(dir, 'oneroster.zip');
  await writePackage(zipFile, target.ncesIds);
  console.log(`  package: ${STUDENTS} students, ${STUDENTS * PER_STUDENT} enrollments, zip ${(statSync(zipFile).size / 1048576).toFixed(1)} MB`);
  const rowsWritten = STUDENTS * (1 + PER_STUDENT);
  const before = round(process.memoryUsage().rss / 1048576, 0);
  console.log(`  import (new roster), RSS before ${before} MB:`);
  const first = await sampled(() => importOnce(database, target.districtId, zipFile));
  console.log(`  import: ${round(first.ms / 1000, 2)} s, peak RSS ${first.peakMb} MB, ${JSON.stringify(first.result.counts)}`);
  console.log('  re-import (every row unchanged):');
  const again = await sampled(() => importOnce(database, target.districtId, zipFile));
  console.log(`  re-import: ${round(again.ms / 1000, 2)} s, peak RSS ${again.peakMb} MB`);
  const baselines: Record<'values' | 'json', { ms: number; peakMb: number }> = { values: { ms: 0, peakMb: 0 }, json: { ms: 0, peakMb: 0 } };
  for (const how of ['values', 'json'] as const) {
    const other = await district(database);
    const rowsOf = baselineRows(other.districtId, other.schoolIds);
    baselines[how] = await sampled(() => bulkInsert(database, rowsOf, how));
    console.log(`  bulk insert baseline (${how === 'json' ? 'one JSON parameter per batch, as the import writes' : 'VALUES lists'}): ${round(baselines[how].ms / 1000, 2)} s, peak RSS ${baselines[how].peakMb} MB`);
  }
  const bulk = baselines.json.ms < baselines.values.ms ? baselines.json : baselines.values;
  const result = {
    students: STUDENTS, enrollments: STUDENTS * PER_STUDENT, importMs: round(first.ms, 0), reimportMs: round(again.ms, 0), bulkValuesMs: round(baselines.values.ms, 0), bulkJsonMs: round(baselines.json.ms, 0),
    importRowsPerS: round(rowsWritten / (first.ms / 1000), 0), bulkRowsPerS: round(rowsWritten / (bulk.ms / 1000), 0),
    ratio: round(first.ms / bulk.ms, 2), ratioToValues: round(first.ms / baselines.values.ms, 2), importPeakRssMb: first.peakMb,
    reimportPeakRssMb: again.peakMb, rssBeforeImportMb: before, importRssGrowthMb: round(first.peakMb - before, 0),
    counts: first.result.counts,
  };
  console.log(`  ${result.importRowsPerS} rows/s imported vs ${result.bulkRowsPerS} rows/s fastest bulk insert: ratio ${result.ratio} (${result.ratioToValues} to VALUES inserts)`);
  return result;
}

async function pgliteEngine(dir: string): Promise<Engine> {
  const database = await openPglite({ dataDir: path.join(dir, 'pglite') });
  await database.migrate();
  return { database, label: 'PGlite (data folder on disk, in this process)', dispose: () => database.close() };
}

async function postgresEngine(url: string): Promise<Engine> {
  const name = `srodesk_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${name}"`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = openPostgres(target.toString());
  await database.migrate();
  return {
    database, label: `PostgreSQL (${target.host})`,
    dispose: async () => { await database.close(); await admin.unsafe(`drop database if exists "${name}" with (force)`); await admin.end({ timeout: 5 }); },
  };
}

/** Measures one engine in this process and prints its figures as a `RESULT` line for the parent. */
async function measureEngine(name: string, open: (dir: string) => Promise<Engine>): Promise<void> {
  const dir = path.join(TEST_TMP, `bench-roster-${process.pid}-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const engine = await open(dir);
  try {
    console.log(`${engine.label}:`);
    console.log(`RESULT ${JSON.stringify(await measure(engine, dir))}`);
  } finally {
    await engine.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs one engine in a child process, so each peak RSS is the import's own and not the other engine's leftovers. */
function runChild(name: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const args = ['--import', 'tsx', fileURLToPath(import.meta.url), '--engine', name, ...(quick ? ['--quick'] : [])];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let result: unknown = { failed: 'no result' };
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('RESULT ')) result = JSON.parse(line.slice(7));
      else console.log(line);
    });
    child.on('error', reject);
    child.on('exit', () => resolve(result));
  });
}

async function main(): Promise<void> {
  const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const engines: Record<string, (dir: string) => Promise<Engine>> = { pglite: pgliteEngine };
  if (pgUrl) engines.postgres = () => postgresEngine(pgUrl);
  const at = process.argv.indexOf('--engine');
  if (at >= 0) return measureEngine(process.argv[at + 1]!, engines[process.argv[at + 1]!]!);
  console.log(`roster${quick ? ' (quick)' : ''}: OneRoster import of ${STUDENTS} students and ${STUDENTS * PER_STUDENT} enrollments vs a plain bulk insert (each engine in its own process)`);
  const results: Record<string, unknown> = {};
  const only = process.argv.includes('--postgres-only') ? 'postgres' : process.argv.includes('--pglite-only') ? 'pglite' : null;
  if (!pgUrl) results.postgres = { skipped: 'set TEST_DATABASE_URL (or DATABASE_URL) to a PostgreSQL server to measure it' };
  for (const name of Object.keys(engines).filter((n) => !only || n === only)) results[name] = await runChild(name);
  type Figures = { ratio: number; importRssGrowthMb: number; importPeakRssMb: number };
  const memoryOk = (name: string, r: Figures) => (name === 'pglite' ? r.importRssGrowthMb : r.importPeakRssMb) < GOAL_MB;
  const measured = Object.entries(results).filter((e): e is [string, Figures] => 'ratio' in (e[1] as object));
  printFigures({
    bench: 'roster', quick, ...results,
    goal: { ratio: GOAL_RATIO, memoryMb: GOAL_MB, met: measured.length > 0 && measured.every(([name, r]) => r.ratio <= GOAL_RATIO && memoryOk(name, r)) },
  });
}

await main();

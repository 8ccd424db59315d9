// Go-live roster sync of a large district: a generated OneRoster 1.2 package (60,000 students, 6,000 staff, 80,000
// guardians, 12,000 classes, 300,000 student enrollments plus one teacher per class; --quick: a tenth) synced through
// the import service (one transaction: users, roles, classes, guardians, staff accounts with invitations queued,
// enrollments, the undo log), then re-synced with 2% of the students renamed. Baseline in the same run: the fastest
// bulk insert of the same student, enrollment, guardian and account rows (one JSON parameter per batch, no parsing,
// no matching). Goals: import <= 3x the baseline, re-sync <= 20% of the import, peak RSS < 500 MB (on PGlite the
// growth over the engine's own memory). One engine per run: PostgreSQL with TEST_DATABASE_URL, else PGlite.
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { strToU8, Zip, ZipDeflate } from 'fflate';
import postgres from 'postgres';
import { openPglite, openPostgres, type Database } from '../server/db/connection.js';
import { systemClock } from '../server/lib/clock.js';
import { zipPackage } from '../server/modules/roster-import/package-source.js';
import { checkPackage } from '../server/modules/roster-import/roster-import.check.js';
import * as repo from '../server/modules/roster-import/roster-import.repository.js';
import { runJob } from '../server/modules/roster-import/roster-import.service.js';
import { upsertGuardians } from '../server/modules/roster-import/roster-guardians.repository.js';
import { insertAccounts } from '../server/modules/roster-import/roster-staff.repository.js';
import { TEST_TMP } from '../server/test/database.js';
import { createDistrict } from '../server/test/fixtures.js';
import { isQuick, printFigures, round } from './support/stats.js';

const quick = isQuick();
const SCALE = quick ? 10 : 1;
const STUDENTS = 60_000 / SCALE;
const STAFF = 6_000 / SCALE;
const GUARDIANS = 80_000 / SCALE;
const CLASSES = 12_000 / SCALE;
const PER_STUDENT = 5; // 300,000 enrollments
const SCHOOLS = 40;
const CHANGED = 0.02;

function studentRow(i: number, renamed: boolean) {
  const grade = 1 + (i % 12);
  return `stu-${i},active,,true,stu${i},,${renamed && i % Math.round(1 / CHANGED) === 0 ? 'Renamed' : `Given${i % 97}`},Family${i % 331},,S${i},,,,gua-${i % GUARDIANS},${String(grade).padStart(2, '0')},,,,,,,org-${i % SCHOOLS},`;
}

/** The package as a zip written one CSV at a time through a streaming deflate; `renamed`: 2% of the students renamed. */
async function writePackage(file: string, ncesIds: string[], renamed: boolean): Promise<void> {
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
    for (const f of ['orgs', 'users', 'roles', 'classes', 'enrollments']) push(`file.${f},bulk`);
    push('oneroster.version,1.2');
  });
  entry('orgs.csv', (push) => {
    push('sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId');
    ncesIds.forEach((nces, s) => push(`org-${s},active,,School ${s},school,${nces},`));
  });
  entry('users.csv', (push) => {
    push('sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns');
    for (let i = 0; i < STUDENTS; i++) push(studentRow(i, renamed));
    for (let i = 0; i < STAFF; i++) push(`stf-${i},active,,true,stf${i},,Staff${i},Member,,E${i},staff${i}@bench.test,,,,,,,,,,,org-${i % SCHOOLS},`);
    for (let i = 0; i < GUARDIANS; i++) push(`gua-${i},active,,true,gua${i},,Parent${i},Family${i % 331},,,parent${i}@mail.test,,512-555-${String(i % 10000).padStart(4, '0')},,,,,,,,,org-${i % SCHOOLS},`);
  });
  entry('roles.csv', (push) => {
    push('sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId');
    for (let i = 0; i < STUDENTS; i++) push(`r-s${i},active,,stu-${i},primary,student,,,org-${i % SCHOOLS},`);
    for (let i = 0; i < STAFF; i++) push(`r-t${i},active,,stf-${i},primary,${i % 10 === 0 ? 'administrator' : 'teacher'},,,org-${i % SCHOOLS},`);
    for (let i = 0; i < GUARDIANS; i++) push(`r-g${i},active,,gua-${i},primary,guardian,,,org-${i % SCHOOLS},`);
  });
  entry('classes.csv', (push) => {
    push('sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods');
    for (let c = 0; c < CLASSES; c++) push(`cls-${c},active,,Class ${c},,,C${c},scheduled,,org-${c % SCHOOLS},,,,${1 + (c % 7)}`);
  });
  entry('enrollments.csv', (push) => {
    push('sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate');
    const perSchool = CLASSES / SCHOOLS;
    for (let i = 0; i < STUDENTS; i++) {
      const school = i % SCHOOLS;
      for (let k = 0; k < PER_STUDENT; k++) push(`e-${i}-${k},active,,cls-${school + SCHOOLS * ((i + k * 7) % perSchool)},org-${school},stu-${i},student,false,,`);
    }
    for (let c = 0; c < CLASSES; c++) push(`e-t${c},active,,cls-${c},org-${c % SCHOOLS},stf-${(c % SCHOOLS) + SCHOOLS * (c % (STAFF / SCHOOLS))},teacher,true,,`);
  });
  zip.end();
  await done;
}

async function district(database: Database) {
  const d = await createDistrict(database, { name: `Go-live ISD ${randomBytes(3).toString('hex')}` });
  const base = 100_000_000_000 + Math.floor(Math.random() * 800_000_000_000);
  await database.db.execute(sql`
    insert into schools (district_id, nces_id, name, level, grade_low, grade_high, street, city, state, zip, phone)
    select ${d.id}::uuid, (${base}::bigint + g)::text, 'School ' || g, 'k12', 0, 12, '1 Main St', 'Austin', 'TX', '78701', '512-555-0100'
    from generate_series(0, ${SCHOOLS - 1}::int) g`);
  const result = await database.db.execute(sql`select id, nces_id from schools where district_id = ${d.id} order by nces_id`);
  const list = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as { id: string; nces_id: string }[];
  return { districtId: d.id, schoolIds: list.map((r) => r.id), ncesIds: list.map((r) => r.nces_id) };
}

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

async function sync(database: Database, districtId: string, zipFile: string) {
  const pkg = zipPackage(path.basename(zipFile), readFileSync(zipFile));
  const plan = await checkPackage(pkg);
  const job = await repo.insertJob(database.db, {
    districtId, fileName: pkg.name, status: 'running', phase: 'checking', total: plan.total, counts: repo.emptyCounts(), startedAt: new Date(),
  });
  const started = performance.now();
  let phase = '';
  return runJob(database.db, job.id, pkg, plan, {
    districtId, confirmed: true, publicUrl: 'http://localhost:3000', clock: systemClock, who: { label: 'bench', districtId },
    onProgress: (p) => {
      if (p.phase === phase) return;
      phase = p.phase;
      console.log(`    ${p.phase.padEnd(12)} at ${((performance.now() - started) / 1000).toFixed(1)} s`);
    },
  });
}

/** The baseline: the same students, enrollments, guardians and accounts inserted as plain batches, nothing else. */
async function bulkInsert(database: Database, districtId: string, schoolIds: string[]) {
  const now = new Date();
  const ids: string[] = [];
  const students: repo.StudentRow[] = [];
  for (let i = 0; i < STUDENTS; i++) {
    const id = randomUUID();
    ids.push(id);
    students.push({
      id, districtId, schoolId: schoolIds[i % SCHOOLS]!, sourcedId: `stu-${i}`, studentNumber: `S${i}`, firstName: `Given${i % 97}`,
      lastName: `Family${i % 331}`, middleName: null, preferredName: null, grade: 1 + (i % 12), dateOfBirth: null, sex: null, raceEthnicity: null,
      active: true, createdAt: now, updatedAt: now,
    });
  }
  await database.db.transaction(async (tx) => {
    for (let i = 0; i < students.length; i += 2000) await repo.upsertStudents(tx, students.slice(i, i + 2000));
    for (let i = 0; i < STUDENTS; i += 1000) {
      const batch: repo.EnrollmentRow[] = [];
      for (let s = i; s < Math.min(STUDENTS, i + 1000); s++) {
        for (let k = 0; k < PER_STUDENT; k++) batch.push({ districtId, sourcedId: `e-${s}-${k}`, studentId: ids[s]!, schoolId: schoolIds[s % SCHOOLS]!, classSourcedId: `cls-${k}`, primary: false, beginDate: null, endDate: null });
      }
      await repo.upsertEnrollments(tx, batch);
    }
    for (let i = 0; i < GUARDIANS; i += 5000) {
      const batch = [];
      for (let g = i; g < Math.min(GUARDIANS, i + 5000); g++) batch.push({ id: randomUUID(), districtId, firstName: `Parent${g}`, lastName: 'Family', email: `p${g}@mail.test`, phone: null, at: now.toISOString() });
      await upsertGuardians(tx, batch);
    }
    const tag = randomBytes(3).toString('hex');
    for (let i = 0; i < STAFF; i += 2000) {
      const batch = [];
      for (let s = i; s < Math.min(STAFF, i + 2000); s++) batch.push({ id: randomUUID(), districtId, email: `b${tag}-${s}@bench.test`, name: `Staff ${s}`, at: now.toISOString() });
      await insertAccounts(tx, batch);
    }
  });
}

async function main(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  const dir = path.join(TEST_TMP, `bench-go-live-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let database: Database;
  let dispose: () => Promise<void>;
  let label: string;
  if (url) {
    const name = `srodesk_golive_${process.pid}`;
    const admin = postgres(url, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database "${name}"`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    database = openPostgres(target.toString());
    label = 'postgres';
    dispose = async () => { await database.close(); await admin.unsafe(`drop database if exists "${name}" with (force)`); await admin.end({ timeout: 5 }); };
  } else {
    database = await openPglite({ dataDir: path.join(dir, 'pglite') });
    label = 'pglite';
    dispose = () => database.close();
  }
  try {
    await database.migrate();
    const target = await district(database);
    const first = path.join(dir, 'full.zip');
    const second = path.join(dir, 'changed.zip');
    await writePackage(first, target.ncesIds, false);
    await writePackage(second, target.ncesIds, true);
    console.log(`go-live-import${quick ? ' (quick)' : ''} on ${label}: ${STUDENTS} students, ${STAFF} staff, ${GUARDIANS} guardians, ${CLASSES} classes, ${STUDENTS * PER_STUDENT} enrollments; zip ${(statSync(first).size / 1048576).toFixed(1)} MB`);
    const rssBefore = round(process.memoryUsage().rss / 1048576, 0);
    const full = await sampled(() => sync(database, target.districtId, first));
    console.log(`  full import ${round(full.ms / 1000, 1)} s, peak ${full.peakMb} MB: ${JSON.stringify(full.result.counts)}`);
    const resync = await sampled(() => sync(database, target.districtId, second));
    console.log(`  re-sync (2% renamed) ${round(resync.ms / 1000, 1)} s, peak ${resync.peakMb} MB: updated ${resync.result.counts.studentsUpdated}`);
    const other = await district(database);
    const bulk = await sampled(() => bulkInsert(database, other.districtId, other.schoolIds));
    console.log(`  bulk insert of the same rows ${round(bulk.ms / 1000, 1)} s`);
    const importRatio = round(full.ms / bulk.ms, 2);
    const resyncShare = round(resync.ms / full.ms, 2);
    const memory = label === 'pglite' ? full.peakMb - rssBefore : full.peakMb;
    printFigures({
      bench: 'go-live-import', quick, engine: label, students: STUDENTS, staff: STAFF, guardians: GUARDIANS, classes: CLASSES,
      enrollments: STUDENTS * PER_STUDENT, importMs: round(full.ms, 0), resyncMs: round(resync.ms, 0), bulkMs: round(bulk.ms, 0),
      importRatio, resyncShare, peakRssMb: full.peakMb, rssBeforeMb: rssBefore,
      goal: { importRatio: 3, resyncShare: 0.2, memoryMb: 500, met: importRatio <= 3 && resyncShare <= 0.2 && memory < 500 },
    });
  } finally {
    await dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

// Education and mentoring at district scale: 500 schools, a school year of delivered classes (60 a school), outreach
// (10 a school) and mentoring contacts (600 a school, 300,000 in all), generated in SQL. Measures what the pages ask:
// the hours report per topic, school and month for the whole district and for one school, the first page of a
// school's contacts and of the district's contacts (with their totals), and a school's classes; the district hours
// against one raw SQL sum of the same minutes, interleaved. Goal: every read under 500 ms.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openPglite, openPostgres, rows, type Database } from '../server/db/connection.js';
import { findClasses } from '../server/modules/education/education.repository.js';
import { hoursByTopic } from '../server/modules/education/outreach.repository.js';
import { findContacts } from '../server/modules/mentoring/mentoring.repository.js';
import { TEST_TMP } from '../server/test/database.js';
import { createDistrict, createUser } from '../server/test/fixtures.js';
import { isQuick, median, printFigures, round } from './support/stats.js';

const quick = isQuick();
const SCHOOLS = 500;
const CLASSES = 60;
const OUTREACH = 10;
const CONTACTS = 600;
const ROUNDS = quick ? 5 : 15;
const GOAL_MS = 500;
const FROM = '2025-08-01';
const TO = '2026-06-30';
const TZ = 'America/Chicago';

interface Engine { database: Database; label: string; dispose(): Promise<void> }

async function pgliteEngine(): Promise<Engine> {
  const dir = path.join(TEST_TMP, `bench-education-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  const database = await openPglite({ dataDir: dir });
  await database.migrate();
  return { database, label: 'PGlite (data folder on disk)', dispose: async () => { await database.close(); rmSync(dir, { recursive: true, force: true }); } };
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
    dispose: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/** The district: schools, one student and one teacher request stream per school, classes, outreach and contacts. */
async function build(database: Database) {
  const { db } = database;
  const district = await createDistrict(database, { name: `Bench ISD ${process.pid}` });
  const sro = await createUser(database, { email: `bench-${process.pid}-${randomBytes(3).toString('hex')}@bench.test`, districtId: district.id, grants: [{ role: 'sro', schoolId: null }] });
  const d = district.id;
  const base = 100_000_000_000 + Math.floor(Math.random() * 800_000_000_000);
  await db.execute(sql`
    insert into schools (district_id, nces_id, name, level, grade_low, grade_high, street, city, state, zip, phone)
    select ${d}::uuid, (${base}::bigint + g)::text, 'School ' || lpad(g::text, 3, '0'), 'high', 9, 12, '1 Main St', 'Austin', 'TX', '78701', '512-555-0100'
    from generate_series(1, ${SCHOOLS}::int) g`);
  await db.execute(sql`
    insert into students (district_id, school_id, student_number, first_name, last_name, grade, date_of_birth, sex, race_ethnicity)
    select ${d}::uuid, s.id, 'B' || s.nces_id || '-' || g, 'Student', 'Number ' || g, 9 + g % 4, '2010-01-01', 'female', 'white'
    from schools s cross join generate_series(1, 20) g where s.district_id = ${d}::uuid`);
  const topics = sql`(array['bullying_prevention','drug_awareness','cyber_safety','personal_safety','conflict_resolution','law_related_education','college_career_readiness','digital_citizenship'])`;
  await db.execute(sql`
    insert into education_classes (district_id, school_id, year, number, topic, status, requested_by, preferred_dates, grade_level, class_size,
      instructor_id, scheduled_date, start_time, starts_at, duration_minutes, attendance, grade_levels, delivered_at)
    select ${d}::uuid, s.id, 2025, row_number() over (), ${topics}[1 + i % 8], 'delivered', ${sro.id}::uuid, '[]'::jsonb, 10, 30, ${sro.id}::uuid,
      date '2025-08-20' + (i * 4), '10:00', (date '2025-08-20' + (i * 4)) + time '15:00', 45 + (i % 3) * 15, 20 + i % 10, '[10]'::jsonb, now()
    from schools s cross join generate_series(0, ${CLASSES - 1}::int) i where s.district_id = ${d}::uuid`);
  await db.execute(sql`
    insert into outreach_events (district_id, school_id, title, audience, topic, occurred_at, duration_minutes, people_reached, recorded_by)
    select ${d}::uuid, s.id, 'Parent night', 'parents', ${topics}[1 + i % 8], timestamptz '2025-09-01 23:00Z' + (i * 20) * interval '1 day', 60, 40, ${sro.id}::uuid
    from schools s cross join generate_series(0, ${OUTREACH - 1}::int) i where s.district_id = ${d}::uuid`);
  await db.execute(sql`
    insert into mentoring_contacts (district_id, school_id, student_id, author_id, kind, occurred_at, duration_minutes, topic, note)
    select ${d}::uuid, st.school_id, st.id, ${sro.id}::uuid, 'mentoring', timestamptz '2025-08-20 14:00Z' + (i * 7) * interval '1 hour', 15, 'academics', 'Private note'
    from students st cross join generate_series(0, ${CONTACTS / 20 - 1}::int) i where st.district_id = ${d}::uuid`);
  await db.execute(sql`analyze`);
  const count = async (table: string) => Number(rows<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n);
  const [school] = rows<{ id: string }>(await db.execute(sql`select id from schools where district_id = ${d} order by name limit 1`));
  return { districtId: d, schoolId: school!.id, classes: await count('education_classes'), outreach: await count('outreach_events'), contacts: await count('mentoring_contacts') };
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function measure(engine: Engine) {
  const { db } = engine.database;
  const world = await build(engine.database);
  console.log(`  ${SCHOOLS} schools, ${world.classes} delivered classes, ${world.outreach} outreach events, ${world.contacts} mentoring contacts`);
  const all = { all: true } as const;
  const one = { all: false as const, schoolIds: [world.schoolId] };
  const work = {
    hoursDistrict: async () => JSON.stringify(await hoursByTopic(db, world.districtId, all, { from: FROM, to: TO, timezone: TZ, withCommunity: true })).length,
    hoursSchool: async () => (await hoursByTopic(db, world.districtId, one, { from: FROM, to: TO, timezone: TZ, withCommunity: false })).length,
    rawMinutes: async () => rows(await db.execute(sql`select sum(duration_minutes) from education_classes where district_id = ${world.districtId} and status = 'delivered' and scheduled_date between ${FROM}::date and ${TO}::date`)).length,
    contactsSchool: async () => (await findContacts(db, world.districtId, one, { limit: 50, offset: 0, timezone: TZ })).total,
    contactsDistrict: async () => (await findContacts(db, world.districtId, all, { limit: 50, offset: 0, timezone: TZ })).total,
    classesSchool: async () => (await findClasses(db, world.districtId, one, { limit: 50, offset: 0 })).total,
  };
  const names = Object.keys(work) as (keyof typeof work)[];
  for (const name of names) await work[name]();
  const took = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<keyof typeof work, number[]>;
  for (let r = 0; r < ROUNDS; r++) {
    for (const name of r % 2 ? [...names].reverse() : names) took[name].push(await time(work[name]));
  }
  const result = { ...world, ...Object.fromEntries(names.map((n) => [`${n}MedianMs`, round(median(took[n]), 1)])) } as Record<string, number | string>;
  console.log(`  ${names.map((n) => `${n} ${result[`${n}MedianMs`]} ms`).join(', ')} (median of ${ROUNDS} rounds)`);
  return result;
}

async function main(): Promise<void> {
  console.log(`education${quick ? ' (quick)' : ''}: hours report, contacts and classes pages at district scale`);
  const results: Record<string, unknown> = {};
  const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const engines: [string, () => Promise<Engine>][] = [['pglite', pgliteEngine]];
  if (pgUrl) engines.push(['postgres', () => postgresEngine(pgUrl)]);
  else results.postgres = { skipped: 'set TEST_DATABASE_URL (or DATABASE_URL) to a PostgreSQL server to measure it' };
  for (const [name, open] of engines) {
    const engine = await open();
    try {
      console.log(`${engine.label}:`);
      results[name] = await measure(engine);
    } finally {
      await engine.dispose();
    }
  }
  const measured = Object.values(results).filter((r): r is Record<string, number> => typeof r === 'object' && r !== null && 'hoursDistrictMedianMs' in r);
  const reads = ['hoursDistrictMedianMs', 'hoursSchoolMedianMs', 'contactsSchoolMedianMs', 'contactsDistrictMedianMs', 'classesSchoolMedianMs'];
  printFigures({ bench: 'education', quick, rounds: ROUNDS, ...results, goal: { readMs: GOAL_MS, met: measured.every((r) => reads.every((k) => r[k]! < GOAL_MS)) } });
}

await main();

// Drill compliance at district scale: 500 schools, 5 school years of generated drills (SQL generate_series),
// Texas rules and a district calendar per year. Measures the district overview (every rule of every school,
// as GET /api/compliance/overview computes it) and one school's compliance, against the same counts as one
// raw SQL aggregate (completed drills per school and type in the year), in the same run, interleaved.
// Goal: the overview under 500 ms and within 3x of the raw aggregate.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openPglite, openPostgres, rows, type Database } from '../server/db/connection.js';
import { drillRules, drillRuleSettings, schoolCalendars } from '../server/db/schema/index.js';
import { demoCalendar } from '../server/db/seed/preparedness.js';
import { computeYear, toOverview, toSchoolCompliance } from '../server/modules/compliance/compliance.compute.js';
import { findCompletedDrills } from '../server/modules/compliance/compliance.repository.js';
import { STATE_TEMPLATES } from '../server/modules/drill-rules/drill-rules.templates.js';
import { TEST_TMP } from '../server/test/database.js';
import { createDistrict, createUser } from '../server/test/fixtures.js';
import { isQuick, median, printFigures, round } from './support/stats.js';

const quick = isQuick();
const SCHOOLS = 500;
const YEARS = [2021, 2022, 2023, 2024, 2025];
const YEAR = 2025;
const TODAY = '2026-03-20';
const DRILLS_PER_YEAR = 28;
const ROUNDS = quick ? 5 : 15;
const GOAL_MS = 500;
const GOAL_RATIO = 3;

interface Engine { database: Database; label: string; dispose(): Promise<void> }

async function pgliteEngine(): Promise<Engine> {
  const dir = path.join(TEST_TMP, `bench-compliance-${process.pid}`);
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

/** The district: schools, calendars, Texas rules and drills, all generated in SQL. */
async function build(database: Database) {
  const { db } = database;
  const district = await createDistrict(database, { name: `Bench ISD ${process.pid}` });
  const recorder = await createUser(database, { email: `bench-${process.pid}-${randomBytes(3).toString('hex')}@bench.test`, districtId: district.id, grants: [{ role: 'director', schoolId: null }] });
  const base = 100_000_000_000 + Math.floor(Math.random() * 800_000_000_000);
  await db.execute(sql`
    insert into schools (district_id, nces_id, name, level, grade_low, grade_high, street, city, state, zip, phone)
    select ${district.id}::uuid, (${base}::bigint + g)::text, 'School ' || lpad(g::text, 3, '0'),
      (array['elementary', 'middle', 'high'])[1 + g % 3]::school_level, 0, 12, '1 Main St', 'Austin', 'TX', '78701', '512-555-0100'
    from generate_series(1, ${SCHOOLS}::int) g`);
  await db.insert(drillRuleSettings).values({ districtId: district.id, state: 'TX' });
  await db.insert(drillRules).values(STATE_TEMPLATES.TX.rules.map((r, i) => ({ ...r, districtId: district.id, schoolId: null, position: i })));
  for (const y of YEARS) await db.insert(schoolCalendars).values({ districtId: district.id, schoolId: null, schoolYear: y, ...demoCalendar(y) });
  // Per school and year: 28 completed drills every 9 days from the third week of August, types cycling; one
  // school in seven skips every fifth drill, so statuses vary.
  await db.execute(sql`
    insert into drills (district_id, school_id, type, status, date, duration_minutes, observers, recorded_by, completed_at)
    select ${district.id}::uuid, s.id,
      (array['fire_evacuation', 'lockdown', 'fire_evacuation', 'secure', 'shelter_severe_weather', 'fire_evacuation', 'shelter_hazmat'])[1 + i % 7],
      'completed', make_date(y, 8, 20) + i * 9, 10,
      case when i % 5 = 0 then '[{"kind":"fire_department"}]'::jsonb else '[]'::jsonb end,
      ${recorder.id}::uuid, now()
    from schools s cross join generate_series(${YEARS[0]!}::int, ${YEARS.at(-1)!}::int) y cross join generate_series(0, ${DRILLS_PER_YEAR - 1}::int) i
    where s.district_id = ${district.id}::uuid and not (abs(hashtext(s.id::text)) % 7 = 0 and i % 5 = 4)`);
  await db.execute(sql`analyze`);
  const [{ n }] = rows<{ n: number }>(await db.execute(sql`select count(*)::int as n from drills where district_id = ${district.id}`)) as [{ n: number }];
  const [school] = rows<{ id: string }>(await db.execute(sql`select id from schools where district_id = ${district.id} order by name limit 1`));
  return { districtId: district.id, drills: Number(n), schoolId: school!.id };
}

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

async function measure(engine: Engine) {
  const { database } = engine;
  const world = await build(database);
  console.log(`  ${SCHOOLS} schools, ${world.drills} drills over ${YEARS.length} school years`);
  const all = { all: true } as const;
  // What GET /api/compliance/overview does, including the JSON it answers.
  const overview = async () => JSON.stringify(toOverview(await computeYear(database.db, world.districtId, all, YEAR, TODAY))).length;
  const school = async () => {
    const result = await computeYear(database.db, world.districtId, all, YEAR, TODAY, world.schoolId);
    return JSON.stringify(toSchoolCompliance(result, result.schools[0]!)).length;
  };
  // The same counts the engine works from, as one aggregate with no rules or windows applied.
  const raw = async () => rows(await database.db.execute(sql`
    select school_id, type, count(*)::int as n from drills
    where district_id = ${world.districtId} and status = 'completed' and date between ${`${YEAR}-07-01`} and ${`${YEAR + 1}-08-31`}
    group by school_id, type`)).length;
  // The overview's drill query alone: what is left is rules, calendars and the engine in memory.
  const fetch = async () => (await findCompletedDrills(database.db, world.districtId, `${YEAR}-07-01`, `${YEAR + 1}-08-31`, null, { ids: false, observers: [], egress: false })).size;
  for (const work of [overview, school, raw, fetch]) await work();
  const figures = { overview: [] as number[], school: [] as number[], raw: [] as number[], fetch: [] as number[], ratios: [] as number[] };
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 ? (['raw', 'overview', 'school', 'fetch'] as const) : (['overview', 'raw', 'school', 'fetch'] as const);
    const work = { overview, school, raw, fetch };
    const took: Record<string, number> = {};
    for (const which of order) [took[which]] = await time(work[which]);
    figures.fetch.push(took.fetch!);
    figures.overview.push(took.overview!);
    figures.school.push(took.school!);
    figures.raw.push(took.raw!);
    figures.ratios.push(took.overview! / took.raw!);
  }
  const summary = await computeYear(database.db, world.districtId, all, YEAR, TODAY);
  const totals = toOverview(summary).totals;
  const result = {
    schools: SCHOOLS, drills: world.drills, rulesEvaluated: summary.schools.reduce((n, s) => n + s.rules.length, 0), statuses: totals,
    overviewMedianMs: round(median(figures.overview), 1), schoolMedianMs: round(median(figures.school), 2), rawAggregateMedianMs: round(median(figures.raw), 2), overviewDrillQueryMedianMs: round(median(figures.fetch), 2),
    ratio: round(median(figures.ratios), 2),
  };
  console.log(`  overview ${result.overviewMedianMs} ms (its drill query ${result.overviewDrillQueryMedianMs} ms), one school ${result.schoolMedianMs} ms, raw aggregate ${result.rawAggregateMedianMs} ms, ratio ${result.ratio} (median of ${ROUNDS} rounds)`);
  return result;
}

async function main(): Promise<void> {
  console.log(`compliance${quick ? ' (quick)' : ''}: district overview and one school vs one raw SQL aggregate, school year ${YEAR}, today ${TODAY}`);
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
  const measured = Object.values(results).filter((r): r is { overviewMedianMs: number; ratio: number } => 'ratio' in (r as object));
  printFigures({
    bench: 'compliance', quick, rounds: ROUNDS, schoolYear: YEAR, today: TODAY, ...results,
    goal: { overviewMs: GOAL_MS, ratio: GOAL_RATIO, met: measured.every((r) => r.overviewMedianMs < GOAL_MS && r.ratio <= GOAL_RATIO) },
  });
}

await main();

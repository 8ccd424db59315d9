// Safety equipment at district scale: 500 schools, 200,000 items and 5 years of inspections (generated in SQL).
// Measures the district "due and overdue" view (GET /api/equipment/district-due: the service, including the JSON
// it answers) against one raw SQL query of the same result, in the same run, interleaved.
// Goal: the view under 300 ms and within 3x of the raw query.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { INSPECTION_INTERVAL_DAYS } from '../common/equipment.js';
import { openPglite, openPostgres, rows, type Database } from '../server/db/connection.js';
import { ManualClock } from '../server/lib/clock.js';
import { addDays } from '../server/modules/calendars/calendars.days.js';
import { refreshDueDays } from '../server/modules/equipment/equipment.repository.js';
import { findDistrictDue } from '../server/modules/equipment/equipment.service.js';
import { TEST_TMP } from '../server/test/database.js';
import { createDistrict, createUser } from '../server/test/fixtures.js';
import { isQuick, median, printFigures, round } from './support/stats.js';

const quick = isQuick();
const SCHOOLS = quick ? 100 : 500;
const ITEMS_PER_SCHOOL = 400;
const YEARS = quick ? 2 : 5;
/** Days between the generated inspections of an item (the schedule of the busiest types is shorter; volume is what counts here). */
const INSPECTION_EVERY = 91;
const TODAY = '2026-03-20';
const ROUNDS = quick ? 7 : 15;
const GOAL_MS = 300;
const GOAL_RATIO = 3;

interface Engine { database: Database; label: string; dispose(): Promise<void> }

async function pgliteEngine(): Promise<Engine> {
  const dir = path.join(TEST_TMP, `bench-equipment-${process.pid}`);
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

const TYPES = Object.keys(INSPECTION_INTERVAL_DAYS);
const intervals = sql.raw(`array[${TYPES.map((t) => INSPECTION_INTERVAL_DAYS[t as keyof typeof INSPECTION_INTERVAL_DAYS]).join(',')}]`);
const types = sql.raw(`array[${TYPES.map((t) => `'${t}'`).join(',')}]`);

/** The district: schools, items of every type with part expiries, and inspections every quarter, all in SQL. */
async function build(database: Database) {
  const { db } = database;
  const district = await createDistrict(database, { name: `Bench ISD ${process.pid}` });
  const user = await createUser(database, { email: `bench-${process.pid}-${randomBytes(3).toString('hex')}@bench.test`, districtId: district.id, grants: [{ role: 'director', schoolId: null }] });
  const base = 100_000_000_000 + Math.floor(Math.random() * 800_000_000_000);
  await db.execute(sql`
    insert into schools (district_id, nces_id, name, level, grade_low, grade_high, street, city, state, zip, phone)
    select ${district.id}::uuid, (${base}::bigint + g)::text, 'School ' || lpad(g::text, 3, '0'),
      (array['elementary', 'middle', 'high'])[1 + g % 3]::school_level, 0, 12, '1 Main St', 'Austin', 'TX', '78701', '512-555-0100'
    from generate_series(1, ${SCHOOLS}::int) g`);
  // Item i of a school: type cycling, last inspected 0-199 days ago, parts expiring between a year ago and three years ahead.
  await db.execute(sql`
    insert into equipment_items (district_id, school_id, type, name, purchased_on, pads_expire_on, battery_expires_on, expires_on,
      condition, retired, last_inspected_on, last_inspection_passed, next_inspection_on, created_by)
    select ${district.id}::uuid, s.id, t.type, t.type || ' ' || i, ${TODAY}::date - 2000,
      case when t.type = 'aed' then ${TODAY}::date - 365 + (i * 37) % 1460 end,
      case when t.type = 'aed' then ${TODAY}::date + (i * 53) % 1460 end,
      case when t.type in ('naloxone', 'bleeding_control_kit', 'first_aid_kit') then ${TODAY}::date - 365 + (i * 41) % 1460 end,
      case when i % 97 = 0 then 'out_of_service' else 'good' end, i % 50 = 0,
      ${TODAY}::date - (i * 7) % 200, true, ${TODAY}::date - (i * 7) % 200 + t.interval_days, ${user.id}::uuid
    from schools s cross join generate_series(1, ${ITEMS_PER_SCHOOL}::int) i
    cross join lateral (select (${types})[1 + i % ${TYPES.length}] as type, (${intervals})[1 + i % ${TYPES.length}] as interval_days) t
    where s.district_id = ${district.id}::uuid`);
  await db.execute(sql`
    insert into equipment_inspections (district_id, school_id, equipment_id, inspected_on, passed, results, inspector_id, created_at)
    select e.district_id, e.school_id, e.id, e.last_inspected_on - k * ${INSPECTION_EVERY}, k % 23 <> 5,
      '[{"key":"present","passed":true,"note":null},{"key":"working","passed":true,"note":null}]'::jsonb, ${user.id}::uuid, now()
    from equipment_items e cross join generate_series(0, ${Math.floor((YEARS * 365) / INSPECTION_EVERY) - 1}::int) k
    where e.district_id = ${district.id}::uuid`);
  // The due-view summary, as the daily sweep builds it for the whole district.
  const started = performance.now();
  await db.transaction((tx) => refreshDueDays(tx, district.id, null, TODAY));
  const refreshMs = performance.now() - started;
  await db.execute(sql`vacuum analyze equipment_items`);
  await db.execute(sql`analyze equipment_due_days`);
  await db.execute(sql`analyze equipment_inspections`);
  const count = async (table: string) => Number(rows<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n);
  return { districtId: district.id, user, refreshMs, items: await count('equipment_items'), inspections: await count('equipment_inspections'), summaryRows: await count('equipment_due_days') };
}

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

async function measure(engine: Engine) {
  const { database } = engine;
  const world = await build(database);
  console.log(`  ${SCHOOLS} schools, ${world.items} items, ${world.inspections} inspections over ${YEARS} years; summary ${world.summaryRows} rows rebuilt in ${round(world.refreshMs)} ms`);
  const ctx = {
    db: database.db, requestId: 'bench', clock: new ManualClock(new Date(`${TODAY}T15:00:00Z`)),
    actor: { userId: world.user.id, districtId: world.districtId, name: 'Bench', email: world.user.email, grants: [{ role: 'director' as const, schoolId: null }], timeZone: 'America/Chicago', organizationId: null },
  };
  // What GET /api/equipment/district-due does, including the JSON it answers.
  const view = async () => JSON.stringify(await findDistrictDue(ctx, false)).length;
  const in30 = addDays(TODAY, 30);
  const in60 = addDays(TODAY, 60);
  // The same result as one hand-written query.
  const rawRows = async () => rows<Record<string, number | string>>(await database.db.execute(sql`
    select * from (select s.id, s.name, count(e.id)::int as items,
      count(*) filter (where e.next_inspection_on < ${TODAY}::date)::int as overdue,
      count(*) filter (where e.next_inspection_on between ${TODAY}::date and ${in30}::date)::int as due30,
      count(*) filter (where least(e.pads_expire_on, e.battery_expires_on, e.expires_on) < ${TODAY}::date)::int as expired,
      count(*) filter (where least(e.pads_expire_on, e.battery_expires_on, e.expires_on) between ${TODAY}::date and ${in30}::date)::int as expiring30,
      count(*) filter (where least(e.pads_expire_on, e.battery_expires_on, e.expires_on) > ${in30}::date
        and least(e.pads_expire_on, e.battery_expires_on, e.expires_on) <= ${in60}::date)::int as expiring60,
      count(*) filter (where e.condition = 'out_of_service')::int as out_of_service
    from schools s join equipment_items e on e.school_id = s.id and not e.retired
    where s.district_id = ${world.districtId}::uuid and s.active
    group by s.id, s.name) x order by overdue + expired desc, name`));
  const raw = async () => (await rawRows()).length;
  for (const work of [view, raw]) await work();
  // The summary must answer exactly what the items say.
  const byId = new Map((await rawRows()).map((r) => [String(r.id), r]));
  for (const row of (await findDistrictDue(ctx, true)).schools) {
    const r = byId.get(row.school.id);
    const want = r ? [r.items, r.overdue, r.due30, r.expired, r.expiring30, r.expiring60, r.out_of_service].map(Number) : [0, 0, 0, 0, 0, 0, 0];
    const got = [row.items, row.inspectionsOverdue, row.inspectionsDue30, row.expired, row.expiring30, row.expiring60, row.outOfService];
    if (want.join() !== got.join()) throw new Error(`${row.school.name}: view ${got.join()} but items say ${want.join()}`);
  }
  const figures = { view: [] as number[], raw: [] as number[], ratios: [] as number[] };
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 ? (['raw', 'view'] as const) : (['view', 'raw'] as const);
    const work = { view, raw };
    const took: Record<string, number> = {};
    for (const which of order) [took[which]] = await time(work[which]);
    figures.view.push(took.view!);
    figures.raw.push(took.raw!);
    figures.ratios.push(took.view! / took.raw!);
  }
  const result = await findDistrictDue(ctx, false);
  const sum = (k: 'inspectionsOverdue' | 'expired' | 'expiring30') => result.schools.reduce((n, s) => n + s[k], 0);
  const out = {
    schools: SCHOOLS, items: world.items, inspections: world.inspections, summaryRows: world.summaryRows, summaryRebuildMs: round(world.refreshMs), schoolsListed: result.schools.length,
    totals: { inspectionsOverdue: sum('inspectionsOverdue'), expired: sum('expired'), expiring30: sum('expiring30') },
    viewMedianMs: round(median(figures.view), 1), rawMedianMs: round(median(figures.raw), 1), ratio: round(median(figures.ratios), 2),
  };
  console.log(`  district due view ${out.viewMedianMs} ms, raw query ${out.rawMedianMs} ms, ratio ${out.ratio} (median of ${ROUNDS} rounds)`);
  return out;
}

async function main(): Promise<void> {
  console.log(`equipment${quick ? ' (quick)' : ''}: district due/overdue view vs one raw SQL query, today ${TODAY}`);
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
  const measured = Object.values(results).filter((r): r is { viewMedianMs: number; ratio: number } => 'ratio' in (r as object));
  printFigures({
    bench: 'equipment', quick, rounds: ROUNDS, today: TODAY, ...results,
    goal: { viewMs: GOAL_MS, ratio: GOAL_RATIO, met: measured.every((r) => r.viewMedianMs < GOAL_MS && r.ratio <= GOAL_RATIO) },
  });
}

await main();

// The monthly SRO activity report at program scale: 50 SROs at 50 schools with a year of activity generated in SQL
// (patrols, classes, mentoring, events, drills, calls with their log entries, incidents with offenses and actions).
// Measures the report of one SRO and the supervisor's side-by-side report of all 50 through the service (what
// GET /api/activity/reports/monthly and .../monthly/team answer, JSON included), each against the same aggregate as
// one raw SQL query, in the same run, interleaved. Goal: each under 1 s and within 3x of its raw query.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import type { Actor } from '../server/auth/access.js';
import { openPglite, openPostgres, rows, type Database } from '../server/db/connection.js';
import type { ServiceContext } from '../server/lib/context.js';
import { ManualClock } from '../server/lib/clock.js';
import { monthlyReport, teamReport } from '../server/modules/activity/report.service.js';
import { TEST_TMP } from '../server/test/database.js';
import { createDistrict, createUser } from '../server/test/fixtures.js';
import { isQuick, median, printFigures, round } from './support/stats.js';

const quick = isQuick();
const SROS = 50;
const FROM = '2025-08-01';
const DAYS = 365;
const MONTH = '2026-02';
const ROUNDS = quick ? 5 : 15;
const GOAL_MS = 1000;
const GOAL_RATIO = 3;

interface Engine { database: Database; label: string; dispose(): Promise<void> }

async function pgliteEngine(): Promise<Engine> {
  const dir = path.join(TEST_TMP, `bench-operations-${process.pid}`);
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

/** The district, its 50 SROs (one school each) and a year of their work, all generated in SQL. */
async function build(database: Database) {
  const { db } = database;
  const tag = `${process.pid}-${randomBytes(3).toString('hex')}`;
  const district = await createDistrict(database, { name: `Bench ISD ${tag}`, timezone: 'America/Chicago' });
  const base = 100_000_000_000 + Math.floor(Math.random() * 800_000_000_000);
  await db.execute(sql`
    insert into schools (district_id, nces_id, name, level, grade_low, grade_high, street, city, state, zip, phone)
    select ${district.id}::uuid, (${base}::bigint + g)::text, 'School ' || lpad(g::text, 2, '0'), 'high', 9, 12, '1 Main St', 'Austin', 'TX', '78701', '512-555-0100'
    from generate_series(1, ${SROS}::int) g`);
  const schools = rows<{ id: string }>(await db.execute(sql`select id from schools where district_id = ${district.id} order by name`));
  const sros: string[] = [];
  for (const [i, s] of schools.entries()) {
    sros.push((await createUser(database, { email: `sro${i}-${tag}@bench.test`, name: `SRO ${String(i).padStart(2, '0')}`, districtId: district.id, grants: [{ role: 'sro', schoolId: s.id }] })).id);
  }
  const supervisor = await createUser(database, { email: `sgt-${tag}@bench.test`, name: 'Sergeant', districtId: district.id, grants: [{ role: 'supervisor', schoolId: null }] });
  const pairs = sql`(select u.user_id, u.school_id from role_grants u where u.role = 'sro' and u.school_id in (select id from schools where district_id = ${district.id}))`;
  const days = sql`(select d, (${FROM}::date + d) as day from generate_series(0, ${DAYS - 1}::int) d where extract(isodow from ${FROM}::date + d) < 6)`;
  // Eight log entries a school day per SRO: patrols, visibility, a class (with students), mentoring, an event on Fridays.
  await db.execute(sql`
    insert into activity_entries (district_id, school_id, user_id, kind, triad_role, started_at, duration_minutes, title, participants, created_by)
    select ${district.id}::uuid, p.school_id, p.user_id, k.kind, k.role,
      (days.day + make_interval(hours => 13 + k.slot)) at time zone 'UTC', 20 + (days.d * 7 + k.slot * 11) % 70, k.kind, k.participants, p.user_id
    from ${pairs} p cross join ${days} days
    cross join (values ('patrol', 'law_enforcement', 0, null::int), ('visibility', 'law_enforcement', 1, null), ('patrol', 'law_enforcement', 2, null),
      ('class', 'education', 3, 25), ('mentoring', 'mentoring', 4, null), ('mentoring', 'mentoring', 5, null), ('meeting', 'law_enforcement', 6, null),
      ('event', 'law_enforcement', 9, null)) as k(kind, role, slot, participants)
    where k.kind <> 'event' or extract(isodow from days.day) = 5`);
  // Two calls a day per SRO, cleared, each with its log entry; an incident every other day with an offense and actions.
  await db.execute(sql`
    insert into calls (district_id, school_id, number, source, priority, summary, received_at, arrived_at, cleared_at, disposition, assigned_user_id, taken_by_id)
    select ${district.id}::uuid, p.school_id, 'C-' || p.user_id || '-' || days.d || '-' || c, (array['staff', 'dispatch', 'tip', 'self_initiated'])[1 + (days.d + c) % 4]::call_source,
      'routine', 'Call', (days.day + make_interval(hours => 14 + c)) at time zone 'UTC', (days.day + make_interval(hours => 14 + c, mins => 5)) at time zone 'UTC',
      (days.day + make_interval(hours => 14 + c, mins => 40)) at time zone 'UTC', 'resolved', p.user_id, p.user_id
    from ${pairs} p cross join ${days} days cross join generate_series(0, 1) c`);
  await db.execute(sql`
    insert into activity_entries (district_id, school_id, user_id, kind, triad_role, started_at, duration_minutes, title, source_type, source_id, created_by)
    select district_id, school_id, assigned_user_id, 'call', 'law_enforcement', arrived_at, 35, 'Call', 'call', id, assigned_user_id
    from calls where district_id = ${district.id}`);
  await db.execute(sql`
    insert into incidents (district_id, school_id, number, location_code, occurred_at, author_id, status)
    select ${district.id}::uuid, p.school_id, 'I-' || p.user_id || '-' || days.d, '53', (days.day + interval '15 hours') at time zone 'UTC', p.user_id, 'approved'
    from ${pairs} p cross join ${days} days where days.d % 2 = 0`);
  await db.execute(sql`
    insert into incident_offenses (incident_id, position, kind, category)
    select id, 0, 'school', (array['fight', 'vaping', 'theft', 'bullying', 'trespass'])[1 + abs(hashtext(id::text)) % 5]::school_safety_category
    from incidents where district_id = ${district.id}`);
  await db.execute(sql`
    insert into incident_actions (incident_id, kind, at)
    select i.id, (array['arrest', 'citation', 'referral_administration', 'referral_counseling', 'warning'])[1 + (abs(hashtext(i.id::text)) + a) % 5]::action_kind,
      i.occurred_at + interval '1 hour'
    from incidents i cross join generate_series(0, 1) a where i.district_id = ${district.id}`);
  await db.execute(sql`
    insert into drills (district_id, school_id, type, status, date, recorded_by)
    select ${district.id}::uuid, p.school_id, 'fire_evacuation', 'completed', ${FROM}::date + d * 12, p.user_id
    from ${pairs} p cross join generate_series(0, 29) d`);
  await db.execute(sql`analyze`);
  const [{ n }] = rows<{ n: number }>(await db.execute(sql`select count(*)::int as n from activity_entries where district_id = ${district.id}`)) as [{ n: number }];
  return { districtId: district.id, supervisor: supervisor.id, sros, entries: Number(n) };
}

/**
 * The report's figures for some SROs as one raw query: minutes per school and role with the counted kinds, calls by
 * source, incidents by offense, actions by kind and drills, in one statement and without labels, sorting or JSON.
 */
function rawReport(database: Database, districtId: string, userIds: string[]) {
  const ids = sql`array[${sql.join(userIds.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;
  const from = sql`('${sql.raw(MONTH)}-01'::timestamp at time zone 'America/Chicago')`;
  const next = sql`(('${sql.raw(MONTH)}-01'::date + interval '1 month')::timestamp at time zone 'America/Chicago')`;
  return database.db.execute(sql`
    select a.user_id, 'activity' as section, a.school_id::text || a.triad_role as key, sum(a.duration_minutes)::int as n,
      (count(*) filter (where a.kind = 'class') + count(*) filter (where a.kind = 'mentoring') + count(*) filter (where a.kind = 'event'))::int as m,
      coalesce(sum(a.participants) filter (where a.kind = 'class'), 0)::int as p
    from activity_entries a where a.district_id = ${districtId} and a.user_id = any(${ids}) and a.started_at >= ${from} and a.started_at < ${next}
    group by a.user_id, a.school_id, a.triad_role
    union all
    select c.assigned_user_id, 'call', c.source::text, count(*)::int, 0, 0 from calls c
    where c.district_id = ${districtId} and c.assigned_user_id = any(${ids}) and c.cleared_at is not null and c.received_at >= ${from} and c.received_at < ${next}
    group by c.assigned_user_id, c.source
    union all
    select i.author_id, 'incident', coalesce(o.nibrs_code, o.category::text), count(distinct i.id)::int, 0, 0
    from incidents i left join incident_offenses o on o.incident_id = i.id
    where i.district_id = ${districtId} and i.author_id = any(${ids}) and i.sealed_at is null and i.occurred_at >= ${from} and i.occurred_at < ${next}
    group by grouping sets ((i.author_id, coalesce(o.nibrs_code, o.category::text)), (i.author_id))
    union all
    select i.author_id, 'action', x.kind::text, count(*)::int, 0, 0 from incident_actions x join incidents i on i.id = x.incident_id
    where i.district_id = ${districtId} and i.author_id = any(${ids}) and i.sealed_at is null and x.at >= ${from} and x.at < ${next}
    group by i.author_id, x.kind
    union all
    select d.user_id, 'drill', null, count(*)::int, 0, 0 from (
      select dr.recorded_by as user_id, dr.id from drills dr
      where dr.district_id = ${districtId} and dr.recorded_by = any(${ids}) and dr.status = 'completed'
        and dr.date >= '${sql.raw(MONTH)}-01'::date and dr.date < '${sql.raw(MONTH)}-01'::date + interval '1 month'
      union
      select a.user_id, coalesce(a.source_id, a.id) from activity_entries a
      where a.district_id = ${districtId} and a.user_id = any(${ids}) and a.kind = 'drill' and a.started_at >= ${from} and a.started_at < ${next}
    ) d group by d.user_id`);
}

async function time<T>(work: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function measure(engine: Engine) {
  const { database } = engine;
  const world = await build(database);
  console.log(`  ${SROS} SROs, ${world.entries} activity entries over ${DAYS} days`);
  const actor: Actor = { userId: world.supervisor, districtId: world.districtId, name: 'Sergeant', email: 'sgt@bench.test', grants: [{ role: 'supervisor', schoolId: null }], timeZone: 'America/Chicago', organizationId: null };
  const ctx: ServiceContext = { db: database.db, actor, requestId: 'bench', clock: new ManualClock(new Date('2026-03-05T15:00:00Z')) };
  const one = async () => JSON.stringify(await monthlyReport(ctx, { userId: world.sros[0]!, month: MONTH })).length;
  const team = async () => JSON.stringify(await teamReport(ctx, { month: MONTH })).length;
  const rawOne = async () => rows(await rawReport(database, world.districtId, [world.sros[0]!])).length;
  const rawTeam = async () => rows(await rawReport(database, world.districtId, world.sros)).length;
  const work = { one, team, rawOne, rawTeam };
  for (const w of Object.values(work)) await w();
  const took: Record<keyof typeof work, number[]> = { one: [], team: [], rawOne: [], rawTeam: [] };
  const ratios = { one: [] as number[], team: [] as number[] };
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 ? (['rawOne', 'one', 'rawTeam', 'team'] as const) : (['one', 'rawOne', 'team', 'rawTeam'] as const);
    const round1: Partial<Record<keyof typeof work, number>> = {};
    for (const which of order) round1[which] = await time(work[which]);
    for (const k of order) took[k].push(round1[k]!);
    ratios.one.push(round1.one! / round1.rawOne!);
    ratios.team.push(round1.team! / round1.rawTeam!);
  }
  const report = await monthlyReport(ctx, { userId: world.sros[0]!, month: MONTH });
  const result = {
    sros: SROS, activityEntries: world.entries, month: MONTH,
    sample: { totalMinutes: report.totalMinutes, calls: report.calls.total, incidents: report.incidents.total, arrests: report.arrests, classes: report.classesTaught, drills: report.drillsAttended },
    oneSroMedianMs: round(median(took.one), 2), oneSroRawMedianMs: round(median(took.rawOne), 2), oneSroRatio: round(median(ratios.one), 2),
    teamMedianMs: round(median(took.team), 2), teamRawMedianMs: round(median(took.rawTeam), 2), teamRatio: round(median(ratios.team), 2),
  };
  console.log(`  one SRO ${result.oneSroMedianMs} ms (raw ${result.oneSroRawMedianMs} ms, ratio ${result.oneSroRatio}); ${SROS} side by side ${result.teamMedianMs} ms (raw ${result.teamRawMedianMs} ms, ratio ${result.teamRatio}) (median of ${ROUNDS} rounds)`);
  return result;
}

async function main(): Promise<void> {
  console.log(`operations-report${quick ? ' (quick)' : ''}: monthly SRO activity report (${MONTH}) for one SRO and ${SROS} side by side vs one raw SQL aggregate`);
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
  type Measured = { oneSroMedianMs: number; oneSroRatio: number; teamMedianMs: number; teamRatio: number };
  const measured = Object.values(results).filter((r): r is Measured => 'teamRatio' in (r as object));
  printFigures({
    bench: 'operations-report', quick, rounds: ROUNDS, ...results,
    goal: {
      ms: GOAL_MS, ratio: GOAL_RATIO,
      met: measured.every((r) => r.oneSroMedianMs < GOAL_MS && r.teamMedianMs < GOAL_MS && r.oneSroRatio <= GOAL_RATIO && r.teamRatio <= GOAL_RATIO),
    },
  });
}

await main();

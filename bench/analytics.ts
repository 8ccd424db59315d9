// The district dashboard at scale (issue 18): 500 schools, 1,000,000 incidents, 5,000,000 SRO activity entries,
// 100,000 tips, 20,000 alerts (and 100,000 calls) over two school years, generated in SQL
// (bench/support/analytics-data.ts). Measured in interleaved rounds: the whole dashboard through the service
// (getDashboard, as GET /api/analytics/dashboard, JSON included) against one hand-written SQL aggregate per panel
// computing the same numbers (their times summed, run one after another); the equity table (getEquity) against
// one raw aggregate of its counts; and, twice, the CSV of the incident list through a real HTTP server
// (GET /api/incidents?format=csv, the shared list-CSV mechanism) signed in as a director, streamed and counted,
// with the process RSS sampled during the download (the server runs in this process).
// Sizes: PostgreSQL full; PGlite a tenth (100,000 incidents, 500,000 entries: the full load in the embedded
// engine takes too long and too much memory for a benchmark run); --quick a hundredth on both.
// Goals (PostgreSQL): dashboard < 300 ms median and <= 3x the raw aggregates; equity < 200 ms; CSV >= 50,000
// rows/s with < 100 MB RSS growth. The window is the school year 2025-26 (the dashboard compares 2024-25).
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import postgres from 'postgres';
import { NIBRS_OFFENSES } from '../common/nibrs.js';
import { SCHOOL_SAFETY_CATEGORIES } from '../common/incidents.js';
import type { Actor } from '../server/auth/access.js';
import { buildApp } from '../server/app.js';
import { openPglite, openPostgres, type Database } from '../server/db/connection.js';
import { ManualClock } from '../server/lib/clock.js';
import type { ServiceContext } from '../server/lib/context.js';
import { offenseGroup } from '../server/modules/analytics/analytics.policy.js';
import { getDashboard } from '../server/modules/analytics/analytics.service.js';
import { getEquity } from '../server/modules/analytics/crdc.service.js';
import { RECEIVING_ROLES } from '../server/modules/alerts/alerts.repository.js';
import { testConfig } from '../server/test/app.js';
import { TEST_TMP } from '../server/test/database.js';
import { generate, scaled, TIMEZONE, type World } from './support/analytics-data.js';
import { signIn } from './support/http.js';
import { isQuick, median, printFigures, round } from './support/stats.js';

const quick = isQuick();
/** `--scale=0.1` overrides both engines' sizes; `--only=postgres` (or pglite) measures one engine (a long run is shorter). */
const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const scaleOption = option('scale') ? Number(option('scale')) : null;
const only = option('only');
const SCALE = { postgres: scaleOption ?? (quick ? 0.01 : 1), pglite: scaleOption ?? (quick ? 0.01 : 0.1) };
const ROUNDS = quick ? 5 : 9;
const FROM = '2025-07-01';
const TO = '2026-06-30';
const NOW = new Date('2026-06-30T20:00:00Z');
const GOALS = { dashboardMs: 300, ratio: 3, equityMs: 200, csvRowsPerSecond: 50_000, csvGrowthMb: 100 };

interface Engine { database: Database; label: string; kind: 'pglite' | 'postgres'; dispose(): Promise<void> }

async function pgliteEngine(): Promise<Engine> {
  const dir = path.join(TEST_TMP, `bench-analytics-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  const database = await openPglite({ dataDir: dir });
  await database.migrate();
  return { database, kind: 'pglite', label: 'PGlite (data folder on disk)', dispose: async () => { await database.close(); rmSync(dir, { recursive: true, force: true }); } };
}

async function postgresEngine(url: string): Promise<Engine> {
  const name = `srodesk_bench_an_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${name}"`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = openPostgres(target.toString());
  await database.migrate();
  return {
    database, kind: 'postgres', label: `PostgreSQL (${target.host})`,
    dispose: async () => { await database.close(); await admin.unsafe(`drop database if exists "${name}" with (force)`); await admin.end({ timeout: 5 }); },
  };
}

/** One hand-written aggregate per dashboard panel, over the same window (district-wide: the director's scope). */
function rawPanels(w: World): [string, SQL][] {
  const start = (day: string) => sql`((${day}::date)::timestamp at time zone ${TIMEZONE})`;
  const end = (day: string) => sql`((${day}::date + 1)::timestamp at time zone ${TIMEZONE})`;
  const inWindow = (c: SQL) => sql`${c} >= ${start(FROM)} and ${c} < ${end(TO)}`;
  const counted = sql`i.district_id = ${w.districtId} and i.status <> 'draft' and i.sealed_at is null and ${inWindow(sql`i.occurred_at`)}`;
  const local = sql`i.occurred_at at time zone ${TIMEZONE}`;
  const groups = [...NIBRS_OFFENSES.map((o) => sql`(${o.code}, ${offenseGroup(o.code, null)})`), ...SCHOOL_SAFETY_CATEGORIES.map((c) => sql`(${c}, ${offenseGroup(null, c)})`)];
  const minutes = (a: SQL, b: SQL) => sql`extract(epoch from (${b} - ${a})) / 60.0`;
  const roles = sql.join(RECEIVING_ROLES.map((r) => sql`${r}`), sql`, `);
  return [
    ['incidents by school', sql`select school_id, count(*) from incidents i where ${counted} group by 1`],
    ['incidents by offense group', sql`with g(key, grp) as (values ${sql.join(groups, sql`, `)})
      select g.grp, count(distinct i.id) from incidents i join incident_offenses o on o.incident_id = i.id
      join g on g.key = coalesce(o.nibrs_code, o.category::text) where ${counted} group by 1`],
    ['incidents by place', sql`select a.name, i.location_code, i.on_campus, count(*) from incidents i left join campus_areas a on a.id = i.area_id where ${counted} group by 1, 2, 3`],
    ['incidents by hour', sql`select extract(isodow from ${local}), extract(hour from ${local}), count(*) from incidents i where ${counted} group by 1, 2`],
    ['incidents by month, both years', sql`select to_char(${local}, 'YYYY-MM'), count(*) from incidents i where i.district_id = ${w.districtId} and i.status <> 'draft'
      and i.sealed_at is null and i.occurred_at >= ${start('2024-07-01')} and i.occurred_at < ${end(TO)} group by 1`],
    ['enforcement by month', sql`select to_char(${local}, 'YYYY-MM'), a.kind, count(distinct (a.incident_id, coalesce(a.person_id, a.id)))
      from incident_actions a join incidents i on i.id = a.incident_id where ${counted} and a.kind in ('arrest', 'citation', 'referral_law_enforcement') group by 1, 2`],
    ['calls by kind', sql`select source, priority, count(*), percentile_cont(array[0.5, 0.9]) within group (order by ${minutes(sql`received_at`, sql`arrived_at`)})
      from calls where district_id = ${w.districtId} and ${inWindow(sql`received_at`)} group by 1, 2`],
    ['SRO time (officer, school, role)', sql`select u.name, e.school_id, e.triad_role, sum(e.duration_minutes) from activity_entries e join users u on u.id = e.user_id
      where e.district_id = ${w.districtId} and ${inWindow(sql`e.started_at`)} group by e.user_id, u.name, e.school_id, e.triad_role`],
    ['tips by category', sql`select category, count(*), count(*) filter (where life_safety), count(*) filter (where closed_at is null),
      percentile_cont(0.5) within group (order by ${minutes(sql`created_at`, sql`acknowledged_at`)}), percentile_cont(0.5) within group (order by ${minutes(sql`created_at`, sql`closed_at`)}) / 60
      from tips where district_id = ${w.districtId} and ${inWindow(sql`created_at`)} group by 1`],
    ['alerts by type', sql`with a as (select id, action, drill, status, coalesce(announced_at, raised_at) as started, cleared_at from alerts
        where district_id = ${w.districtId} and ${inWindow(sql`raised_at`)}),
      e as (select s.alert_id, count(distinct g.user_id) as n from alert_schools s join a on a.id = s.alert_id
        join role_grants g on g.school_id = s.school_id and g.role::text in (${roles}) join users u on u.id = g.user_id and u.active group by 1),
      c as (select c.alert_id, count(*) as n, array_agg(c.checked_in_at order by c.checked_in_at) as at from alert_check_ins c join a on a.id = c.alert_id group by 1)
      select a.action, a.drill, count(*), count(*) filter (where a.status = 'cancelled'),
        percentile_cont(0.5) within group (order by ${minutes(sql`a.started`, sql`a.cleared_at`)}) filter (where a.status not in ('cancelled', 'pending')),
        avg(least(1.0, coalesce(c.n, 0)::float8 / e.n)) filter (where a.status not in ('cancelled', 'pending') and e.n > 0),
        percentile_cont(0.5) within group (order by ${minutes(sql`a.started`, sql`c.at[ceil(0.9 * e.n)::int]`)}) filter (where a.status not in ('cancelled', 'pending') and e.n > 0)
      from a left join e on e.alert_id = a.id left join c on c.alert_id = a.id group by 1, 2`],
    ['referrals by school', sql`select school_id, count(*), count(closed_at), percentile_cont(0.5) within group (order by ${minutes(sql`created_at`, sql`closed_at`)}) / 1440
      from support_referrals where district_id = ${w.districtId} and ${inWindow(sql`created_at`)} group by 1`],
    ['upkeep overdue', sql`select school_id, 'work_order', count(*)::int from work_orders where district_id = ${w.districtId} and closed_at is null and due_on < ${TO}::date group by 1
      union all select d.school_id, d.kind, sum(d.n)::int from equipment_due_days d join schools s on s.id = d.school_id
      where s.district_id = ${w.districtId} and d.day < ${TO}::date group by 1, 2`],
    ['drill compliance (drills per school and type)', sql`select school_id, type, count(*) from drills where district_id = ${w.districtId} and status = 'completed'
      and date between '2025-07-01' and '2026-08-31' group by 1, 2`],
  ];
}

/** The equity counts as one raw statement: students referred, arrested, cited per demographic cell, and enrolment. */
function rawEquity(w: World): SQL {
  const cell = sql`s.race_ethnicity, s.sex, s.idea, s.section_504, s.english_learner`;
  return sql`with st as (select p.student_id, bool_or(a.kind = 'arrest') as arrested, bool_or(a.kind = 'citation') as cited
      from incident_actions a join incident_persons p on p.id = a.person_id and p.student_id is not null join incidents i on i.id = a.incident_id
      where i.district_id = ${w.districtId} and i.status = 'approved' and i.sealed_at is null and i.on_campus
        and i.occurred_at >= ((${FROM}::date)::timestamp at time zone ${TIMEZONE}) and i.occurred_at < ((${TO}::date + 1)::timestamp at time zone ${TIMEZONE})
        and a.kind in ('arrest', 'citation', 'referral_law_enforcement') group by 1)
    select 'events', ${cell}, count(*), count(*) filter (where arrested), count(*) filter (where cited) from st join students s on s.id = st.student_id group by ${cell}
    union all select 'enrolled', ${cell}, count(*), 0, 0 from students s where s.district_id = ${w.districtId} and s.active group by ${cell}`;
}

/** Streams the incident list as CSV, counting rows (CRLF lines less the header) and sampling RSS every 50 ms. */
async function downloadCsv(base: string, cookie: string) {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
  const started = performance.now();
  let lines = 0;
  let bytes = 0;
  try {
    const res = await fetch(`${base}/api/incidents?format=csv`, { headers: { cookie } });
    if (res.status !== 200 || !res.body) throw new Error(`CSV answered ${res.status}: ${await res.text()}`);
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
    }
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  peak = Math.max(peak, process.memoryUsage().rss);
  return { rows: lines - 1, seconds: round(seconds, 2), rowsPerSecond: Math.round((lines - 1) / seconds), megabytes: round(bytes / 1e6, 1), rssGrowthMb: round((peak - before) / 1e6, 1), peakRssMb: round(peak / 1e6) };
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function measure(engine: Engine) {
  const { database } = engine;
  const world = await generate(database, scaled(SCALE[engine.kind]), engine.kind === 'postgres' ? 250_000 : 50_000);
  const s = world.sizes;
  console.log(`  generated in ${round(world.seconds, 1)} s: ${s.incidents.toLocaleString('en-US')} incidents, ${s.activity.toLocaleString('en-US')} activity entries, ` +
    `${s.tips.toLocaleString('en-US')} tips, ${s.alerts.toLocaleString('en-US')} alerts, ${s.calls.toLocaleString('en-US')} calls, ${world.students.toLocaleString('en-US')} students, 500 schools`);
  const actor: Actor = { userId: world.directorId, districtId: world.districtId, name: 'Director', email: world.directorEmail, organizationId: null, grants: [{ role: 'director', schoolId: null }], timeZone: TIMEZONE };
  const ctx: ServiceContext = { db: database.db, actor, requestId: 'bench', clock: new ManualClock(NOW) };
  const query = { from: FROM, to: TO };
  const panels = rawPanels(world);
  const dashboard = async () => JSON.stringify(await getDashboard(ctx, query)).length;
  const equity = async () => JSON.stringify(await getEquity(ctx, query)).length;
  const rawPanel = panels.map(() => [] as number[]);
  const raw = async () => {
    for (const [i, [, statement]] of panels.entries()) rawPanel[i]!.push(await time(() => database.db.execute(statement)));
  };
  const equityRaw = async () => database.db.execute(rawEquity(world));
  for (const work of [dashboard, equity, equityRaw]) await work();
  await raw();
  rawPanel.forEach((p) => p.splice(0));

  const app = await buildApp({ config: testConfig({ LOG_LEVEL: 'silent' }), database, clock: new ManualClock(NOW), logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const f = { dashboard: [] as number[], raw: [] as number[], ratios: [] as number[], equity: [] as number[], equityRaw: [] as number[], csv: [] as Awaited<ReturnType<typeof downloadCsv>>[] };
  try {
    const cookie = await signIn(base, world.directorEmail);
    for (let r = 0; r < ROUNDS; r++) {
      const before = rawPanel.map((p) => p.length);
      const took: Record<string, number> = {};
      const order = r % 2 ? (['raw', 'dashboard', 'equityRaw', 'equity'] as const) : (['dashboard', 'raw', 'equity', 'equityRaw'] as const);
      const work = { dashboard, raw, equity, equityRaw };
      for (const which of order) took[which] = await time(work[which]);
      const rawSum = rawPanel.reduce((n, p, i) => n + (p.length > before[i]! ? p.at(-1)! : 0), 0);
      f.dashboard.push(took.dashboard!);
      f.raw.push(rawSum);
      f.ratios.push(took.dashboard! / rawSum);
      f.equity.push(took.equity!);
      f.equityRaw.push(took.equityRaw!);
      if (r === 0 || r === ROUNDS - 1) f.csv.push(await downloadCsv(base, cookie));
    }
  } finally {
    await app.close();
  }
  const csv = [...f.csv].sort((a, b) => a.rowsPerSecond - b.rowsPerSecond)[0]!;
  const result = {
    sizes: { ...s, students: world.students, schools: 500 }, generateSeconds: round(world.seconds, 1),
    dashboardMedianMs: round(median(f.dashboard)), rawPanelsMedianMs: round(median(f.raw)), ratio: round(median(f.ratios), 2),
    rawPanelMedianMs: Object.fromEntries(panels.map(([name], i) => [name, round(median(rawPanel[i]!), 1)])),
    equityMedianMs: round(median(f.equity)), equityRawMedianMs: round(median(f.equityRaw)), equityRatio: round(median(f.equity) / median(f.equityRaw), 2),
    csv: { runs: f.csv, slowest: csv },
  };
  console.log(`  dashboard ${result.dashboardMedianMs} ms vs ${panels.length} raw aggregates ${result.rawPanelsMedianMs} ms (summed), ratio ${result.ratio}; ` +
    `equity ${result.equityMedianMs} ms (raw ${result.equityRawMedianMs} ms) (medians of ${ROUNDS} rounds)`);
  console.log(`  raw per panel: ${Object.entries(result.rawPanelMedianMs).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  for (const c of f.csv) console.log(`  CSV: ${c.rows.toLocaleString('en-US')} rows (${c.megabytes} MB) in ${c.seconds} s = ${c.rowsPerSecond.toLocaleString('en-US')} rows/s, RSS growth ${c.rssGrowthMb} MB (peak ${c.peakRssMb} MB)`);
  return result;
}

async function main() {
  console.log(`analytics${quick ? ' (quick)' : ''}: district dashboard, equity and incident CSV, window ${FROM}..${TO}; load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const results: Record<string, unknown> = {};
  const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const engines: [string, () => Promise<Engine>][] = only === 'postgres' ? [] : [['pglite', pgliteEngine]];
  if (pgUrl && only !== 'pglite') engines.push(['postgres', () => postgresEngine(pgUrl)]);
  else results.postgres = { skipped: 'set TEST_DATABASE_URL (or DATABASE_URL) to a PostgreSQL server to measure it' };
  for (const [name, open] of engines) {
    const engine = await open();
    try {
      console.log(`${engine.label}, scale ${SCALE[engine.kind]}:`);
      results[name] = await measure(engine);
    } finally {
      await engine.dispose();
    }
  }
  const pg = (results.postgres ?? { skipped: 'not measured (--only)' }) as Awaited<ReturnType<typeof measure>> | { skipped: string };
  const met = 'skipped' in pg ? null : {
    dashboard: pg.dashboardMedianMs < GOALS.dashboardMs, ratio: pg.ratio <= GOALS.ratio, equity: pg.equityMedianMs < GOALS.equityMs,
    csvRate: pg.csv.slowest.rowsPerSecond >= GOALS.csvRowsPerSecond, csvMemory: pg.csv.runs.every((c) => c.rssGrowthMb < GOALS.csvGrowthMb),
  };
  const { loadavg } = await import('node:os');
  printFigures({ bench: 'analytics', quick, rounds: ROUNDS, window: { from: FROM, to: TO }, scale: SCALE, loadAverageAtEnd: loadavg().map((l) => round(l, 2)), ...results, goals: { ...GOALS, measuredOn: 'postgres', met } });
}

await main();

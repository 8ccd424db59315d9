// The "today" home (GET /api/home) of an SRO and of the director, over a district of 500 schools with a year of
// data (bench/support/analytics-data.ts: incidents, calls, tips, alerts; then the home's own tables here: incident
// tasks, events, drills, compliance reminders, support referrals, presence notices, certifications, assignments).
// Baseline, measured in the same run with rounds interleaved: the SQL the home's contributors run for that user,
// captured from the service once and then issued raw on the same connection pool, concurrently as the service
// issues it. Figures per user: median and p99 of the home over HTTP (session, permissions, ordering, JSON) and of
// the raw queries, and the ratio of the medians. Goals on PostgreSQL: median < 150 ms, ratio <= 3.
// PostgreSQL only (TEST_DATABASE_URL or DATABASE_URL); the home's goal is stated for it.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres, { type Sql } from 'postgres';
import { buildApp } from '../server/app.js';
import { loadSession } from '../server/auth/sessions.js';
import { openPostgres, rows, type Database, type Db } from '../server/db/connection.js';
import * as schema from '../server/db/schema/index.js';
import { ManualClock } from '../server/lib/clock.js';
import type { ServiceContext } from '../server/lib/context.js';
import { findNeeds } from '../server/modules/home/home.service.js';
import { testConfig } from '../server/test/app.js';
import { FULL, generate, TIMEZONE, type World } from './support/analytics-data.js';
import { signIn } from './support/http.js';
import { isQuick, median, percentile, printFigures, round } from './support/stats.js';

const quick = isQuick();
const ROUNDS = quick ? 15 : 60;
// A year of the generator's two: half its full size (a tenth with --quick); no activity log (the home never reads it).
const FACTOR = quick ? 0.1 : 0.5;
const SIZES = { incidents: FULL.incidents * FACTOR, activity: 1, tips: FULL.tips * FACTOR, alerts: FULL.alerts * FACTOR, calls: FULL.calls * FACTOR, studentsPerSchool: 40 };
// A Tuesday morning in the district (09:00 in Chicago) inside the generated school year.
const NOW = new Date('2026-03-10T15:00:00Z');
const TODAY = '2026-03-10';
const GOALS = { medianMs: 150, ratio: 3 };

/** The home's own tables, in bulk SQL relative to NOW: each of the 500 SROs has a school, tasks, events, drills… */
async function homeData(database: Database, w: World): Promise<Record<string, number>> {
  const { db } = database;
  const d = w.districtId;
  const now = NOW.toISOString();
  const run = async (label: string, statement: ReturnType<typeof sql>) => {
    const result = await db.execute(statement);
    return [label, (result as unknown as { count?: number }).count ?? rows(result).length] as const;
  };
  const sros = sql`(select g.user_id, g.school_id, row_number() over (order by g.school_id) as n from role_grants g join users u on u.id = g.user_id
    where u.district_id = ${d} and g.role = 'sro')`;
  const done: (readonly [string, number])[] = [];
  done.push(await run('sro_assignments', sql`insert into sro_assignments (user_id, school_id, kind, starts_on) select user_id, school_id, 'primary', '2025-08-01' from ${sros} s`));
  // Calls are assigned to the officer who took them; all cleared but 1 in 40.
  done.push(await run('calls (assigned)', sql`update calls set assigned_user_id = taken_by_id,
    cleared_at = case when hashtext(id::text) % 40 <> 0 then received_at + interval '40 minutes' end,
    disposition = case when hashtext(id::text) % 40 <> 0 then 'resolved'::call_disposition end where district_id = ${d}`));
  // A task for 1 in 4 incidents, owned by its author, due a day later; done unless due within the last 3 days or later.
  done.push(await run('incident_tasks', sql`insert into incident_tasks (incident_id, kind, title, owner_id, due_at, done_at, created_by_id, created_at)
    select id, case when hashtext(id::text) % 3 = 0 then 'notification' else 'follow_up' end::task_kind, 'Bench task', author_id, occurred_at + interval '1 day',
      case when occurred_at + interval '1 day' < ${now}::timestamptz - interval '3 days' then occurred_at + interval '20 hours' end, author_id, occurred_at
    from incidents where district_id = ${d} and hashtext(id::text) % 4 = 0`));
  // 60 events a school over the year around NOW, two hours each; 85% covered by the school's SRO, 5% cancelled.
  done.push(await run('school_events', sql`insert into school_events (district_id, school_id, kind, title, starts_at, ends_at, cancelled, cover_sro_id, created_by)
    select ${d}::uuid, s.school_id, (array['game','dance','graduation','meeting','assembly','other'])[1 + e % 6], 'Bench event ' || e, t, t + interval '2 hours', e % 20 = 0,
      case when e % 7 <> 0 then s.user_id end, s.user_id
    from ${sros} s, generate_series(1, 60) e, lateral (select ${now}::timestamptz - interval '300 days' + make_interval(hours => ((hashtext(s.school_id::text || e) & 2147483647) % (360 * 24))) as t) x`));
  // 24 drills a school over the year, completed before today, scheduled after.
  done.push(await run('drills', sql`insert into drills (district_id, school_id, type, status, date, recorded_by, completed_at)
    select ${d}::uuid, s.school_id, (array['fire_evacuation','lockdown','secure','hold','shelter_severe_weather'])[1 + k % 5], case when day < ${TODAY}::date then 'completed' else 'scheduled' end,
      day, s.user_id, case when day < ${TODAY}::date then day::timestamp at time zone ${TIMEZONE} end
    from ${sros} s, generate_series(1, 24) k, lateral (select ${TODAY}::date - 330 + k * 15 + (s.n % 7)::int as day) x`));
  // Six drill requirements a school with windows around today; a third behind.
  done.push(await run('drill_reminders', sql`insert into drill_reminders (district_id, school_id, rule_id, rule_title, period_key, window_end, required, counted)
    select ${d}::uuid, s.school_id, md5('rule' || k)::uuid, 'Rule ' || k, '2025-26', ${TODAY}::date - 30 + k * 15, 2, (s.n + k) % 3
    from ${sros} s, generate_series(1, 6) k`));
  // 40 support referrals a school made by its SRO over the year; open ones recent.
  done.push(await run('support_referrals', sql`insert into support_referrals (district_id, school_id, student_id, referred_by, receiver_kind, reason, details, urgency, consent, status, accept_by, due_on, created_at, updated_at)
    select ${d}::uuid, s.school_id, st.id, s.user_id, 'counselor', 'behavior', 'Bench referral', (array['routine','routine','urgent','emergency'])[1 + k % 4], 'obtained',
      case when k > 36 then (array['pending','accepted','scheduled'])[1 + k % 3] else 'closed' end, ${TODAY}::date - 360 + k * 9 + 3, ${TODAY}::date - 360 + k * 9 + 14,
      (${TODAY}::date - 360 + k * 9)::timestamp at time zone ${TIMEZONE}, (${TODAY}::date - 360 + k * 9)::timestamp at time zone ${TIMEZONE}
    from ${sros} s, generate_series(1, 40) k, lateral (select id from students where school_id = s.school_id order by id limit 1) st`));
  // 60 leaving notices an SRO over the year, back two hours later; ten away right now.
  done.push(await run('presence_notices', sql`insert into presence_notices (district_id, school_id, sro_id, reason, left_at, expected_return_at, backup_contact, returned_at, recipients, created_at, updated_at)
    select ${d}::uuid, s.school_id, s.user_id, 'Call for service', t, t + interval '2 hours', 'Dispatch', case when not (k = 60 and s.n <= 10) then t + interval '2 hours' end, 120, t, t
    from ${sros} s, generate_series(1, 60) k, lateral (select case when k = 60 and s.n <= 10 then ${now}::timestamptz - interval '1 hour'
      else ${now}::timestamptz - make_interval(hours => 24 * 330 - k * 24 * 5) end as t) x`));
  // Four certifications an SRO, expiries spread around today.
  done.push(await run('sro_certifications', sql`insert into sro_certifications (district_id, user_id, kind, name, issued_on, expires_on, created_by)
    select ${d}::uuid, s.user_id, 'training', 'Bench certification ' || k, ${TODAY}::date - 700, ${TODAY}::date - 200 + ((s.n * 7 + k * 90) % 900)::int, s.user_id
    from ${sros} s, generate_series(1, 4) k`));
  await db.execute(sql`analyze`);
  return Object.fromEntries(done);
}

/** The statements the home's contributors run for this session's user, captured by a logging Drizzle on the same pool. */
async function captureQueries(client: Sql, database: Database, cookie: string, clock: ManualClock): Promise<{ query: string; params: unknown[] }[]> {
  const token = decodeURIComponent(/sro_session=([^;]+)/.exec(cookie)![1]!);
  const session = await loadSession(database.db, token, clock.now());
  if (!session) throw new Error('no session to capture the home with');
  const captured: { query: string; params: unknown[] }[] = [];
  const logging = drizzle(client, { schema, logger: { logQuery: (query, params) => captured.push({ query, params }) } }) as unknown as Db;
  await findNeeds({ db: logging, actor: session.actor, clock, requestId: 'bench' } as unknown as ServiceContext);
  return captured;
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

async function main(): Promise<void> {
  const { loadavg } = await import('node:os');
  console.log(`home${quick ? ' (quick)' : ''}: an SRO's and the director's home, 500 schools, ${ROUNDS} rounds; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!pgUrl) {
    printFigures({ bench: 'home', quick, postgres: { skipped: 'set TEST_DATABASE_URL (or DATABASE_URL) to a PostgreSQL server to measure it' } });
    return;
  }
  const name = `srodesk_bench_home_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(pgUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database "${name}"`);
  const target = new URL(pgUrl);
  target.pathname = `/${name}`;
  const database = openPostgres(target.toString());
  try {
    await database.migrate();
    const started = performance.now();
    const world = await generate(database, SIZES, quick ? 50_000 : 100_000);
    const extra = await homeData(database, world);
    const generateSeconds = round((performance.now() - started) / 1000, 1);
    console.log(`  generated in ${generateSeconds} s: ${JSON.stringify({ ...world.sizes, ...extra })}`);
    // The SRO of the busiest school (the generator gives low school numbers the most records) signs in as people do.
    const [sro] = rows<{ email: string }>(await database.db.execute(sql`update users set password_hash = (select password_hash from users where id = ${world.directorId})
      where id = (select user_id from role_grants where role = 'sro' and school_id = ${world.schoolIds[0]}) returning email`));
    const clock = new ManualClock(NOW);
    const app = await buildApp({ config: testConfig({ LOG_LEVEL: 'silent' }), database, clock, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const client = (database.db as unknown as { $client: Sql }).$client;
    const results: Record<string, unknown> = {};
    try {
      for (const [who, email] of [['sro', sro!.email], ['director', world.directorEmail]] as const) {
        const cookie = await signIn(base, email);
        const queries = await captureQueries(client, database, cookie, clock);
        const home = async () => {
          const res = await fetch(`${base}/api/home`, { headers: { cookie } });
          if (res.status !== 200) throw new Error(`home of the ${who} answered ${res.status}: ${await res.text()}`);
          return (await res.json()) as { items: { key: string; count: number }[] };
        };
        const raw = () => Promise.all(queries.map((q) => client.unsafe(q.query, q.params as never[])));
        const page = await home();
        await raw();
        const t = { home: [] as number[], raw: [] as number[] };
        for (let r = 0; r < ROUNDS; r++) {
          for (const which of r % 2 ? (['raw', 'home'] as const) : (['home', 'raw'] as const)) t[which].push(await time(which === 'home' ? home : raw));
        }
        const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
        // Each contributor alone (median of 5), so a slow one is named: the first words of its SQL and its time.
        const each: [string, number][] = [];
        for (const q of queries) {
          const times: number[] = [];
          for (let i = 0; i < 5; i++) times.push(await time(() => client.unsafe(q.query, q.params as never[])));
          each.push([q.query.replace(/\s+/g, ' ').slice(0, 120), round(median(times), 1)]);
        }
        const slowest = each.sort((a, b) => b[1] - a[1]).slice(0, 3);
        const figures = {
          slowestQueries: slowest.map(([query, ms]) => ({ ms, query })),
          queries: queries.length, items: page.items.map((i) => `${i.key}:${i.count}`),
          homeMedianMs: round(median(t.home), 1), homeP99Ms: round(percentile(sorted(t.home), 0.99), 1),
          rawMedianMs: round(median(t.raw), 1), rawP99Ms: round(percentile(sorted(t.raw), 0.99), 1),
          ratio: round(median(t.home) / median(t.raw), 2),
        };
        console.log(`  ${who}: home median ${figures.homeMedianMs} ms (p99 ${figures.homeP99Ms}); its ${queries.length} queries raw ${figures.rawMedianMs} ms (p99 ${figures.rawP99Ms}); ratio ${figures.ratio}`);
        console.log(`    items: ${figures.items.join(', ') || 'none'}`);
        for (const [query, ms] of slowest) console.log(`    ${ms} ms alone: ${query}`);
        results[who] = figures;
      }
    } finally {
      await app.close();
    }
    const measured = Object.values(results) as { homeMedianMs: number; ratio: number }[];
    printFigures({
      bench: 'home', quick, rounds: ROUNDS, schools: world.schoolIds.length, sizes: { ...world.sizes, ...extra }, generateSeconds,
      loadAverageAtEnd: loadavg().map((l) => round(l, 2)), postgres: results,
      goals: { ...GOALS, met: measured.every((m) => m.homeMedianMs < GOALS.medianMs && m.ratio <= GOALS.ratio) },
    });
  } finally {
    await database.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
  }
}

await main();

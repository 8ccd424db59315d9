// Data of the analytics benchmark, generated in SQL with generate_series: a district of 500 schools over two school
// years (2024-25 and 2025-26, weekdays of 38 school weeks each, local hours 7 to 16 peaking late morning) with
// incidents (one offense each: school-safety categories and NIBRS codes; a student involved in 3 of 10, a juvenile
// in 2 of 10; arrests, citations and law-enforcement referrals of those students), calls for service, SRO activity,
// anonymous tips, alerts with check-ins, and the roster with demographics for the equity rates. Schools get
// unequal shares (a power law). Ids of incidents, persons and students are derived from their sequence number, so
// related rows are written by separate statements without reading anything back. Foreign-key triggers are off
// during the load (`session_replication_role = replica`, rows are consistent by construction) and the tables'
// secondary indexes are dropped first and rebuilt after, as a bulk load would; then the summary tables are rebuilt.
import { sql, type SQL } from 'drizzle-orm';
import { rows, type Database } from '../../server/db/connection.js';
import { createDistrict, createUser } from '../../server/test/fixtures.js';

export const SCHOOLS = 500;
export const TIMEZONE = 'America/Chicago';
/** Full size; a benchmark scales these down (students are per school and never fewer than 40). */
export const FULL = { incidents: 1_000_000, activity: 5_000_000, tips: 100_000, alerts: 20_000, calls: 100_000, studentsPerSchool: 400 };
export type Sizes = typeof FULL;

export function scaled(factor: number): Sizes {
  const n = (v: number) => Math.max(1, Math.round(v * factor));
  return { incidents: n(FULL.incidents), activity: n(FULL.activity), tips: n(FULL.tips), alerts: n(FULL.alerts), calls: n(FULL.calls), studentsPerSchool: Math.max(40, n(FULL.studentsPerSchool)) };
}

const TABLES = ['incidents', 'incident_offenses', 'incident_persons', 'incident_actions', 'activity_entries', 'tips', 'calls', 'alerts', 'alert_schools', 'alert_check_ins', 'students'];
const CATEGORIES = ['fight', 'bullying', 'harassment', 'threat', 'weapon', 'drugs', 'vaping', 'alcohol', 'trespass', 'vandalism', 'theft', 'medical', 'mental_health_crisis'];
const NIBRS = ['13B', '13A', '13C', '23H', '23C', '290', '35A', '520', '120', '11D'];
const LOCATIONS = ['53', '53', '53', '53', '18', '13', '20', '25'];
const RACES = ['hispanic_latino', 'hispanic_latino', 'white', 'white', 'black', 'asian', 'two_or_more', 'american_indian_alaska_native', 'native_hawaiian_pacific_islander', 'white'];
const TIP_CATEGORIES = ['bullying', 'bullying', 'drugs', 'other', 'threat_of_violence', 'self_harm', 'weapon', 'abuse'];
const KINDS: [string, string][] = [['patrol', 'law_enforcement'], ['incident_response', 'law_enforcement'], ['mentoring', 'mentoring'], ['class', 'education'], ['meeting', 'education'], ['patrol', 'law_enforcement']];

const texts = (values: string[]) => sql.raw(`array[${values.map((v) => `'${v}'`).join(',')}]::text[]`);
const uuids = (values: string[]) => sql.raw(`array[${values.map((v) => `'${v}'::uuid`).join(',')}]`);
/** A uuid derived from the district, a tag and a number (the same one in every statement). */
const idOf = (district: string, tag: string, g: SQL) => sql`overlay(overlay(md5(${district}::text || ${tag} || ${g}) placing '4' from 13) placing '8' from 17)::uuid`;
/** A number in [0, 1) that looks random, from g and a salt. */
const hash = (g: SQL, salt: number) => sql`((hashint8((${g})::bigint * 100 + ${sql.raw(String(salt))})::bigint + 2147483648) / 4294967296.0)`;
/** A school index 0..499 with unequal shares: a few large schools get many records. */
const schoolIndex = (g: SQL, salt: number) => sql`least(${SCHOOLS - 1}, floor(${SCHOOLS} * power(${hash(g, salt)}, 1.6)))::int`;
/** A local time on a weekday of the two school years: 38 weeks from 2024-08-19 and from 2025-08-18. */
const schoolTime = (g: SQL, tz: string) => sql`((case when ${hash(g, 3)} < 0.5 then date '2024-08-19' else date '2025-08-18' end
  + (floor(${hash(g, 5)} * 38) * 7 + floor(${hash(g, 7)} * 5))::int)::timestamp
  + make_interval(hours => 7 + floor(${hash(g, 11)} * 5 + ${hash(g, 13)} * 5)::int, mins => floor(${hash(g, 17)} * 60)::int)) at time zone ${tz}`;

export interface World { districtId: string; directorEmail: string; directorId: string; schoolIds: string[]; sizes: Sizes; students: number; seconds: number }

export async function generate(database: Database, sizes: Sizes, chunk: number): Promise<World> {
  const started = performance.now();
  const { db } = database;
  const tag = `${process.pid}${Math.floor(Math.random() * 1e6)}`;
  const district = await createDistrict(database, { name: `Bench ISD ${tag}`, timezone: TIMEZONE });
  const d = district.id;
  const directorEmail = `director-${tag}@bench.test`;
  const director = await createUser(database, { email: directorEmail, districtId: d, grants: [{ role: 'director', schoolId: null }] });
  const base = 100_000_000_000 + Math.floor(Math.random() * 800_000_000_000);
  const schoolIds = rows<{ id: string }>(await db.execute(sql`
    insert into schools (district_id, nces_id, name, level, grade_low, grade_high, street, city, state, zip, phone)
    select ${d}::uuid, (${base}::bigint + g)::text, 'School ' || lpad(g::text, 3, '0'), (array['elementary', 'middle', 'high'])[1 + g % 3]::school_level,
      0, 12, '1 Main St', 'Austin', 'TX', '78701', '512-555-0100' from generate_series(1, ${SCHOOLS}::int) g order by g returning id`)).map((r) => r.id);
  // One SRO per school (its activity, calls and check-ins), granted at the school so alerts expect their check-in.
  const sroIds = rows<{ id: string }>(await db.execute(sql`
    insert into users (district_id, email, name, password_hash) select ${d}::uuid, 'sro-' || g || '-' || ${tag} || '@bench.test', 'Officer ' || lpad(g::text, 3, '0'), 'x'
    from generate_series(1, ${SCHOOLS}::int) g order by g returning id`)).map((r) => r.id);
  await db.execute(sql`insert into role_grants (user_id, role, school_id) select (${uuids(sroIds)})[g], 'sro', (${uuids(schoolIds)})[g] from generate_series(1, ${SCHOOLS}::int) g`);
  const school = (i: SQL) => sql`(${uuids(schoolIds)})[1 + ${i}]`;
  const sro = (i: SQL) => sql`(${uuids(sroIds)})[1 + ${i}]`;

  const indexes = rows<{ indexname: string; indexdef: string }>(await db.execute(sql`select indexname, indexdef from pg_indexes
    where schemaname = 'public' and tablename in (${sql.join(TABLES.map((t) => sql`${t}`), sql`, `)}) and indexdef not like 'CREATE UNIQUE%'`));
  for (const i of indexes) await db.execute(sql.raw(`drop index if exists "${i.indexname}"`));
  const load = async (n: number, statement: (from: number, to: number) => SQL) => {
    for (let from = 0; from < n; from += chunk) {
      const to = Math.min(n, from + chunk) - 1;
      await db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(statement(from, to));
      });
    }
  };
  const g = sql`g`;
  const per = sizes.studentsPerSchool;
  const students = SCHOOLS * per;
  // Student k attends school k % 500.
  await load(students, (from, to) => sql`insert into students (id, district_id, school_id, student_number, first_name, last_name, grade, date_of_birth, sex, race_ethnicity, idea, section_504, english_learner)
    select ${idOf(d, 's', g)}, ${d}::uuid, ${school(sql`g % ${SCHOOLS}`)}, 'S' || g, 'Student', 'Number ' || g, 6 + g % 7, date '2010-01-01' + (g % 2500),
      (array['male', 'female', 'male', 'female', 'nonbinary'])[1 + (g / 7) % 5]::student_sex, (${texts(RACES)})[1 + (g / 11) % 10]::race_ethnicity,
      ${hash(g, 19)} < 0.13, ${hash(g, 23)} < 0.05, ${hash(g, 29)} < 0.1
    from generate_series(${from}::int, ${to}::int) g`);
  // Incidents: 80% approved, 8% submitted, 2% returned, 10% drafts; 1% sealed; 9 in 10 on campus.
  await load(sizes.incidents, (from, to) => sql`insert into incidents (id, district_id, school_id, number, on_campus, location_code, occurred_at, summary, status, has_juvenile, offense_keys, author_id, sealed_at, sealed_reason)
    select ${idOf(d, 'i', g)}, ${d}::uuid, ${school(schoolIndex(g, 1))}, 'B-' || g, g % 10 <> 9, (${texts(LOCATIONS)})[1 + (g / 3) % ${LOCATIONS.length}], ${schoolTime(g, TIMEZONE)},
      'Bench incident ' || g, (array['approved','approved','approved','approved','approved','approved','approved','approved','submitted','draft'])[1 + (g / 13) % 10]::incident_status,
      g % 10 < 2, array[case when g % 10 < 7 then 'school:' || (${texts(CATEGORIES)})[1 + (g / 10) % ${CATEGORIES.length}] else (${texts(NIBRS)})[1 + (g / 10) % ${NIBRS.length}] end],
      ${sro(schoolIndex(g, 1))}, case when g % 100 = 42 then now() end, case when g % 100 = 42 then 'bench' end
    from generate_series(${from}::int, ${to}::int) g`);
  await load(sizes.incidents, (from, to) => sql`insert into incident_offenses (incident_id, position, kind, nibrs_code, category, weapon_force)
    select ${idOf(d, 'i', g)}, 0, case when g % 10 < 7 then 'school' else 'nibrs' end::offense_kind,
      case when g % 10 >= 7 then (${texts(NIBRS)})[1 + (g / 10) % ${NIBRS.length}] end,
      case when g % 10 < 7 then (${texts(CATEGORIES)})[1 + (g / 10) % ${CATEGORIES.length}]::school_safety_category end,
      case when g % 37 = 0 then array['12'] when g % 11 = 0 then array['20'] else array['40'] end
    from generate_series(${from}::int, ${to}::int) g`);
  // A student of the incident's school in 3 of 10 incidents (juvenile in 2 of 10), an adult visitor in the others.
  await load(sizes.incidents, (from, to) => sql`insert into incident_persons (id, incident_id, position, kind, role, student_id, first_name, last_name, juvenile)
    select ${idOf(d, 'p', g)}, ${idOf(d, 'i', g)}, 0, case when g % 10 < 3 then 'student' else 'visitor' end::person_kind, 'suspect',
      case when g % 10 < 3 then ${idOf(d, 's', sql`(${schoolIndex(g, 1)} + ${SCHOOLS} * floor(${hash(g, 31)} * ${per})::int)`)} end, 'Person', 'Number ' || g, g % 10 < 2
    from generate_series(${from}::int, ${to}::int) g`);
  // Of the students: arrests, citations and law-enforcement referrals on some, warnings on others.
  await load(sizes.incidents, (from, to) => sql`insert into incident_actions (incident_id, person_id, kind, at)
    select ${idOf(d, 'i', g)}, ${idOf(d, 'p', g)}, (array['arrest','citation','referral_law_enforcement','referral_law_enforcement','warning','warning','warning'])[1 + (g / 10) % 20]::action_kind, now()
    from generate_series(${from}::int, ${to}::int) g where g % 10 < 3 and (g / 10) % 20 < 7`);
  await load(sizes.calls, (from, to) => sql`insert into calls (district_id, school_id, number, source, priority, summary, received_at, arrived_at, taken_by_id)
    select ${d}::uuid, ${school(schoolIndex(g, 41))}, 'C-' || g, (array['staff','dispatch','tip','self_initiated'])[1 + g % 4]::call_source,
      (array['emergency','urgent','routine','routine'])[1 + (g / 4) % 4]::call_priority, 'Bench call', ${schoolTime(sql`g + 7777777`, TIMEZONE)},
      case when g % 20 <> 0 then ${schoolTime(sql`g + 7777777`, TIMEZONE)} + make_interval(mins => 1 + (g % 17)) end, ${sro(schoolIndex(g, 41))}
    from generate_series(${from}::int, ${to}::int) g`);
  await load(sizes.activity, (from, to) => sql`insert into activity_entries (district_id, school_id, user_id, kind, triad_role, started_at, duration_minutes, title, created_by)
    select ${d}::uuid, ${school(sql`g % ${SCHOOLS}`)}, ${sro(sql`g % ${SCHOOLS}`)}, (${texts(KINDS.map((k) => k[0]))})[1 + (g / ${SCHOOLS}) % ${KINDS.length}],
      (${texts(KINDS.map((k) => k[1]))})[1 + (g / ${SCHOOLS}) % ${KINDS.length}], ${schoolTime(sql`g + 99999999`, TIMEZONE)}, 15 + (g % 8) * 15, 'Bench activity', ${sro(sql`g % ${SCHOOLS}`)}
    from generate_series(${from}::int, ${to}::int) g`);
  // Tips at any hour of any day; life-safety by category; acknowledged within minutes to hours, 90% closed.
  await load(sizes.tips, (from, to) => sql`insert into tips (district_id, school_id, number, code_hash, passphrase_hash, category, description, status, life_safety, life_safety_by, created_at, acknowledged_at, closed_at, updated_at)
    select ${d}::uuid, ${school(schoolIndex(g, 43))}, 'T-' || g, md5(${d}::text || 't' || g), 'x', c, 'Bench tip', case when g % 10 = 0 then 'new' else 'closed' end,
      c in ('threat_of_violence', 'weapon', 'self_harm'), case when c in ('threat_of_violence', 'weapon', 'self_harm') then 'category' end, t,
      case when g % 50 <> 0 then t + make_interval(mins => 2 + (g % 180)) end, case when g % 10 <> 0 then t + make_interval(hours => 1 + (g % 96)) end, t
    from generate_series(${from}::int, ${to}::int) g, lateral (select (${texts(TIP_CATEGORIES)})[1 + (g / 3) % ${TIP_CATEGORIES.length}] as c,
      timestamptz '2024-08-19 00:00:00+00' + make_interval(secs => ${hash(g, 47)} * 86400 * 660) as t) x`);
  // Alerts: 85% drills; 10% cancelled in the window, the rest cleared after 10 to 60 minutes; the SRO checks in.
  await load(sizes.alerts, (from, to) => sql`insert into alerts (id, district_id, action, drill, status, raised_by, raised_at, announce_at, announced_at, cancelled_at, cleared_at)
    select ${idOf(d, 'a', g)}, ${d}::uuid, (array['hold','secure','lockdown','evacuate','shelter'])[1 + g % 5]::srp_action, g % 20 >= 3,
      case when g % 10 = 0 then 'cancelled' else 'cleared' end::alert_status, ${sro(sql`g % ${SCHOOLS}`)}, t, t + interval '5 seconds',
      case when g % 10 <> 0 then t + interval '5 seconds' end, case when g % 10 = 0 then t + interval '3 seconds' end,
      case when g % 10 <> 0 then t + make_interval(mins => 10 + g % 50) end
    from generate_series(${from}::int, ${to}::int) g, lateral (select ${schoolTime(sql`g + 5555555`, TIMEZONE)} as t) x`);
  await load(sizes.alerts, (from, to) => sql`insert into alert_schools (alert_id, school_id) select ${idOf(d, 'a', g)}, ${school(sql`g % ${SCHOOLS}`)} from generate_series(${from}::int, ${to}::int) g`);
  await load(sizes.alerts, (from, to) => sql`insert into alert_check_ins (alert_id, school_id, user_id, status, location, students_with_me, checked_in_at)
    select ${idOf(d, 'a', g)}, ${school(sql`g % ${SCHOOLS}`)}, ${sro(sql`g % ${SCHOOLS}`)}, 'safe', 'Room ' || g % 40, 20 + g % 10, ${schoolTime(sql`g + 5555555`, TIMEZONE)} + make_interval(secs => 30 + g % 300)
    from generate_series(${from}::int, ${to}::int) g where g % 10 <> 0`);
  for (const i of indexes) await db.execute(sql.raw(i.indexdef));
  // The dashboard's summary tables (ADR 0004): the load ran with triggers off, so they are rebuilt once, as
  // `npm run analytics:rebuild` does after a bulk load.
  await db.execute(sql`select analytics_rebuild(${d}::uuid)`);
  await db.execute(sql`analyze`);
  return { districtId: d, directorEmail, directorId: director.id, schoolIds, sizes, students, seconds: (performance.now() - started) / 1000 };
}

import { sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../../db/connection.js';
import { addDays } from '../../lib/district-time.js';
import type { Window } from './analytics.repository.js';
import { demographics, type DemographicCount } from './crdc.repository.js';

// The dashboard's incident and activity panels read the summary tables (ADR 0004) that triggers keep in the
// writing transaction: whole months of the window from the month rows, the days at either end from the day rows.
// Panels over many schools read the district rows less the schools left out (inactive, out of scope or filtered
// away), so a director's dashboard reads a few thousand rows whatever the number of incidents. The answers have
// the shapes of the raw aggregates in analytics.repository.ts, which the tests compare them with.

const NONE = '00000000-0000-0000-0000-000000000000';
const uuidList = (ids: string[]) => sql.join((ids.length ? ids : [NONE]).map((id) => sql`${id}::uuid`), sql`, `);

/** The whole months inside from..to: [first day of the first, first day after the last), empty when none. */
export function wholeMonths(from: string, to: string): { start: string; end: string } {
  const start = from.endsWith('-01') ? from : firstOfNextMonth(from);
  const after = addDays(to, 1);
  const end = after.endsWith('-01') ? after : `${to.slice(0, 7)}-01`;
  return start < end ? { start, end } : { start: from, end: from };
}

function firstOfNextMonth(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * Rows of table alias `r` covering the window exactly once: month rows of whole months, day rows of the days
 * before and after them. Each part is a plain range of the (grain, day) index, so no row outside is read.
 */
function period(w: Window): SQL {
  const { start, end } = wholeMonths(w.from, w.to);
  const parts: SQL[] = [];
  if (start < end) parts.push(sql`(r.grain = 'month' and r.day >= ${start}::date and r.day < ${end}::date)`);
  if (w.from < start) parts.push(sql`(r.grain = 'day' and r.day >= ${w.from}::date and r.day < ${start}::date)`);
  const tail = start < end ? end : w.from;
  if (tail <= w.to) parts.push(sql`(r.grain = 'day' and r.day >= ${tail}::date and r.day <= ${w.to}::date)`);
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/**
 * `select <keys>, n` over the window's schools for one dimension: the chosen schools' rows, or, when fewer
 * schools are left out than chosen, the district rows less the rows of the schools left out.
 */
function incidentRows(w: Window, dim: string, keys: SQL): SQL {
  const others = w.otherSchoolIds ?? null;
  const base = sql`from analytics_incident_rollup r where r.district_id = ${w.districtId} and r.dim = ${dim} and ${period(w)}`;
  if (others && others.length < w.schoolIds.length) {
    const district = sql`select ${keys}, r.n ${base} and r.school_id is null`;
    return others.length ? sql`${district} union all select ${keys}, -r.n ${base} and r.school_id in (${uuidList(others)})` : district;
  }
  return sql`select ${keys}, r.n ${base} and r.school_id in (${uuidList(w.schoolIds)})`;
}

/** Incidents per school. */
export async function incidentsBySchool(db: Db, w: Window) {
  return rows<{ schoolId: string; n: number }>(await db.execute(sql`select r.school_id as "schoolId", sum(r.n)::int as n
    from analytics_incident_rollup r where r.district_id = ${w.districtId} and r.dim = 'all' and ${period(w)}
      and r.school_id in (${uuidList(w.schoolIds)}) group by r.school_id`));
}

/** Incidents per offense key (an incident once per key). */
export async function incidentsByOffense(db: Db, w: Window) {
  return rows<{ code: string | null; category: string | null; n: number }>(await db.execute(sql`
    select x.code, x.category, sum(x.n)::int as n from (${incidentRows(w, 'offense', sql`r.k1 as code, r.k2 as category`)}) x
    group by 1, 2 having sum(x.n) <> 0`));
}

/** Incidents per campus area (named as it is now) and NIBRS location. */
export async function incidentsByPlace(db: Db, w: Window) {
  return rows<{ areaName: string | null; locationCode: string; onCampus: boolean; n: number }>(await db.execute(sql`
    select a.name as "areaName", x.location as "locationCode", x.on_campus::boolean as "onCampus", sum(x.n)::int as n
    from (${incidentRows(w, 'place', sql`r.k1 as area, r.k2 as location, r.k3 as on_campus`)}) x
    left join campus_areas a on a.id = x.area::uuid
    group by a.name, x.location, x.on_campus having sum(x.n) <> 0 order by n desc`));
}

/** Incidents per local weekday (1 Monday .. 7 Sunday) and hour. */
export async function incidentsByHour(db: Db, w: Window) {
  return rows<{ dow: number; hour: number; n: number }>(await db.execute(sql`
    select x.dow::int as dow, x.hour::int as hour, sum(x.n)::int as n from (${incidentRows(w, 'hour', sql`r.k1 as dow, r.k2 as hour`)}) x
    group by 1, 2 having sum(x.n) <> 0`));
}

/** Incidents per local month (YYYY-MM). */
export async function incidentsByMonth(db: Db, w: Window) {
  return rows<{ month: string; n: number }>(await db.execute(sql`
    select x.month, sum(x.n)::int as n from (${incidentRows(w, 'all', sql`to_char(r.day, 'YYYY-MM') as month`)}) x
    group by 1 having sum(x.n) <> 0`));
}

/** Persons per incident with an arrest, citation or law-enforcement referral, per local month and kind. */
export async function enforcementByMonth(db: Db, w: Window) {
  return rows<{ month: string; kind: string; n: number }>(await db.execute(sql`
    select x.month, x.kind, sum(x.n)::int as n from (${incidentRows(w, 'enforcement', sql`to_char(r.day, 'YYYY-MM') as month, r.k1 as kind`)}) x
    group by 1, 2 having sum(x.n) <> 0`));
}

/** Minutes of SRO activity per officer (named as now), school and triad role. */
export async function activityMinutes(db: Db, w: Window) {
  return rows<{ userId: string; officer: string; schoolId: string; triadRole: string; minutes: number }>(await db.execute(sql`
    select r.user_id as "userId", u.name as officer, r.school_id as "schoolId", r.triad_role as "triadRole", sum(r.minutes)::int as minutes
    from analytics_activity_rollup r join users u on u.id = r.user_id
    where r.district_id = ${w.districtId} and ${period(w)} and r.school_id in (${uuidList(w.schoolIds)})
    group by 1, 2, 3, 4`));
}

/** Students referred, arrested and cited per demographic cell over the window's schools (a student once). */
export async function equityStudents(db: Db, w: Window) {
  return rows<DemographicCount & { referred: number; arrested: number; cited: number }>(await db.execute(sql`
    with st as (
      select r.student_id, bool_or(r.arrested) as arrested, bool_or(r.cited) as cited from analytics_student_events r
      where r.district_id = ${w.districtId} and r.day between ${w.from}::date and ${w.to}::date and r.school_id in (${uuidList(w.schoolIds)})
      group by r.student_id
    )
    select ${demographics}, count(*)::int as referred, count(*) filter (where st.arrested)::int as arrested,
      count(*) filter (where st.cited)::int as cited
    from st join students s on s.id = st.student_id
    group by 1, 2, 3, 4`));
}

/** Recomputes every summary row of a district from its records (`npm run analytics:rebuild`). */
export async function rebuild(db: Db, districtId: string): Promise<void> {
  await db.transaction(async (tx) => { await tx.execute(sql`select analytics_rebuild(${districtId}::uuid)`); });
}

/** Every district, for a rebuild of all. */
export async function districtIds(db: Db): Promise<string[]> {
  return rows<{ id: string }>(await db.execute(sql`select id from districts order by id`)).map((r) => r.id);
}

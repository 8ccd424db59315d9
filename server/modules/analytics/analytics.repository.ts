import { sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../../db/connection.js';

// Aggregates of the district dashboard. Each query is one grouped statement over the indexes its module already
// keeps (district + time for incidents, calls, alerts, activity, tips), filtered to the schools of the request,
// which the service has already cut to the user's scope. Local days and hours are the district's. The incident
// and activity panels are served from summary tables (rollup.repository.ts, ADR 0004); their raw aggregates here
// stay as the reference the summary tables are tested and benchmarked against.

/** The window of a request: local days of the district, `to` inclusive, and the schools to count. */
export interface Window {
  districtId: string;
  timezone: string;
  from: string;
  to: string;
  schoolIds: string[];
  /** The district's other schools (inactive, outside the scope or filtered away), when known. */
  otherSchoolIds?: string[];
}

const NONE = '00000000-0000-0000-0000-000000000000';

/** `column in (schools)`; never true for an empty list. */
function inSchools(column: SQL, ids: string[]): SQL {
  const list = ids.length ? ids : [NONE];
  return sql`${column} in (${sql.join(list.map((id) => sql`${id}::uuid`), sql`, `)})`;
}
/** The first instant of the local day `day`. */
const startOf = (day: string, tz: string) => sql`((${day}::date)::timestamp at time zone ${tz})`;
/** The first instant after the local day `day`. */
const endOf = (day: string, tz: string) => sql`((${day}::date + 1)::timestamp at time zone ${tz})`;
const between = (column: SQL, w: Window) => sql`${column} >= ${startOf(w.from, w.timezone)} and ${column} < ${endOf(w.to, w.timezone)}`;
/** Incidents that count: reported (not drafts), not sealed, in the window and schools. */
const countedIncident = (w: Window) => sql`i.district_id = ${w.districtId} and i.status <> 'draft' and i.sealed_at is null
  and ${between(sql`i.occurred_at`, w)} and ${inSchools(sql`i.school_id`, w.schoolIds)}`;

const median = (expr: SQL) => sql`percentile_cont(0.5) within group (order by ${expr})`;
const minutesBetween = (a: SQL, b: SQL) => sql`extract(epoch from (${b} - ${a})) / 60.0`;

/** Incidents per school. */
export async function incidentsBySchool(db: Db, w: Window) {
  return rows<{ schoolId: string; n: number }>(await db.execute(sql`select i.school_id as "schoolId", count(*)::int as n
    from incidents i where ${countedIncident(w)} group by i.school_id`));
}

/** Incidents per offense (NIBRS code or school-safety category); an incident counts once per offense key. */
export async function incidentsByOffense(db: Db, w: Window) {
  return rows<{ code: string | null; category: string | null; n: number }>(await db.execute(sql`
    select o.nibrs_code as code, o.category::text as category, count(distinct i.id)::int as n
    from incidents i join incident_offenses o on o.incident_id = i.id
    where ${countedIncident(w)} group by o.nibrs_code, o.category`));
}

/** Incidents per campus area (or NIBRS location where no area was chosen). */
export async function incidentsByPlace(db: Db, w: Window) {
  return rows<{ areaName: string | null; locationCode: string; onCampus: boolean; n: number }>(await db.execute(sql`
    select a.name as "areaName", i.location_code as "locationCode", i.on_campus as "onCampus", count(*)::int as n
    from incidents i left join campus_areas a on a.id = i.area_id
    where ${countedIncident(w)} group by a.name, i.location_code, i.on_campus order by n desc`));
}

/** Incidents per local weekday (1 Monday .. 7 Sunday) and hour. */
export async function incidentsByHour(db: Db, w: Window) {
  return rows<{ dow: number; hour: number; n: number }>(await db.execute(sql`
    select extract(isodow from i.occurred_at at time zone ${w.timezone})::int as dow,
      extract(hour from i.occurred_at at time zone ${w.timezone})::int as hour, count(*)::int as n
    from incidents i where ${countedIncident(w)} group by 1, 2`));
}

/** Incidents per local month (YYYY-MM). */
export async function incidentsByMonth(db: Db, w: Window) {
  return rows<{ month: string; n: number }>(await db.execute(sql`
    select to_char(i.occurred_at at time zone ${w.timezone}, 'YYYY-MM') as month, count(*)::int as n
    from incidents i where ${countedIncident(w)} group by 1`));
}

/** Law-enforcement actions per local month and kind: each person of an incident counted once per kind. */
export async function enforcementByMonth(db: Db, w: Window) {
  return rows<{ month: string; kind: string; n: number }>(await db.execute(sql`
    select to_char(i.occurred_at at time zone ${w.timezone}, 'YYYY-MM') as month, a.kind::text as kind,
      count(distinct (a.incident_id, coalesce(a.person_id, a.id)))::int as n
    from incident_actions a join incidents i on i.id = a.incident_id
    where ${countedIncident(w)} and a.kind in ('arrest', 'citation', 'referral_law_enforcement')
    group by 1, 2`));
}

/** Calls for service per source and priority, with response times (received to arrived) in minutes. */
export async function callsByKind(db: Db, w: Window) {
  return rows<{ source: string; priority: string; n: number; answered: number; medianMinutes: number | null; p90Minutes: number | null }>(await db.execute(sql`
    select c.source::text as source, c.priority::text as priority, count(*)::int as n, count(c.arrived_at)::int as answered,
      ${median(minutesBetween(sql`c.received_at`, sql`c.arrived_at`))}::float8 as "medianMinutes",
      percentile_cont(0.9) within group (order by ${minutesBetween(sql`c.received_at`, sql`c.arrived_at`)})::float8 as "p90Minutes"
    from calls c where c.district_id = ${w.districtId} and ${between(sql`c.received_at`, w)} and ${inSchools(sql`c.school_id`, w.schoolIds)}
    group by 1, 2`));
}

/** Minutes of SRO activity per officer, school and triad role. */
export async function activityMinutes(db: Db, w: Window) {
  return rows<{ userId: string; officer: string; schoolId: string; triadRole: string; minutes: number }>(await db.execute(sql`
    select e.user_id as "userId", u.name as officer, e.school_id as "schoolId", e.triad_role as "triadRole", sum(e.duration_minutes)::int as minutes
    from activity_entries e join users u on u.id = e.user_id
    where e.district_id = ${w.districtId} and ${between(sql`e.started_at`, w)} and ${inSchools(sql`e.school_id`, w.schoolIds)}
    group by 1, 2, 3, 4`));
}

/** Tips per category: how many, life-safety ones, minutes to acknowledge and hours to close (medians). */
export async function tipsByCategory(db: Db, w: Window) {
  return rows<{ category: string; n: number; lifeSafety: number; ackMinutes: number | null; closeHours: number | null; open: number }>(await db.execute(sql`
    select t.category, count(*)::int as n, count(*) filter (where t.life_safety)::int as "lifeSafety",
      ${median(minutesBetween(sql`t.created_at`, sql`t.acknowledged_at`))}::float8 as "ackMinutes",
      (${median(minutesBetween(sql`t.created_at`, sql`t.closed_at`))} / 60.0)::float8 as "closeHours",
      count(*) filter (where t.closed_at is null)::int as open
    from tips t where t.district_id = ${w.districtId} and ${between(sql`t.created_at`, w)} and ${inSchools(sql`t.school_id`, w.schoolIds)}
    group by 1`));
}

/**
 * Alerts touching the schools, one row each: action, drill or real, status, minutes to All Clear, and staff
 * accountability (school-level staff expected to check in, those who did, minutes until 90% had).
 */
export async function alertsWithAccountability(db: Db, w: Window, receivingRoles: readonly string[]) {
  const roles = sql.join(receivingRoles.map((r) => sql`${r}`), sql`, `);
  return rows<{
    action: string; drill: boolean; status: string; clearMinutes: number | null; expected: number; checkedIn: number; to90Minutes: number | null;
  }>(await db.execute(sql`
    with a as (
      select al.id, al.action::text as action, al.drill, al.status::text as status, coalesce(al.announced_at, al.raised_at) as started,
        al.cleared_at
      from alerts al where al.district_id = ${w.districtId} and ${between(sql`al.raised_at`, w)}
        and exists (select 1 from alert_schools s where s.alert_id = al.id and ${inSchools(sql`s.school_id`, w.schoolIds)})
    ), expected as (
      select a.id, count(distinct g.user_id)::int as n from a
      join alert_schools s on s.alert_id = a.id
      join role_grants g on g.school_id = s.school_id and g.role::text in (${roles})
      join users u on u.id = g.user_id and u.active
      group by a.id
    ), ranked as (
      select c.alert_id, c.checked_in_at, row_number() over (partition by c.alert_id order by c.checked_in_at) as k
      from alert_check_ins c join a on a.id = c.alert_id
    )
    select a.action, a.drill, a.status, ${minutesBetween(sql`a.started`, sql`a.cleared_at`)}::float8 as "clearMinutes",
      coalesce(e.n, 0) as expected,
      (select count(*)::int from ranked r where r.alert_id = a.id) as "checkedIn",
      (select ${minutesBetween(sql`a.started`, sql`min(r.checked_in_at)`)}::float8 from ranked r
        where r.alert_id = a.id and e.n > 0 and r.k >= ceil(0.9 * e.n)) as "to90Minutes"
    from a left join expected e on e.id = a.id`));
}

/** Support referrals made in the window per school: opened, closed, median days to close. */
export async function referralsBySchool(db: Db, w: Window) {
  return rows<{ schoolId: string; opened: number; closed: number; closeDays: number | null }>(await db.execute(sql`
    select r.school_id as "schoolId", count(*)::int as opened, count(r.closed_at)::int as closed,
      (${median(minutesBetween(sql`r.created_at`, sql`r.closed_at`))} / 1440.0)::float8 as "closeDays"
    from support_referrals r where r.district_id = ${w.districtId} and ${between(sql`r.created_at`, w)}
      and ${inSchools(sql`r.school_id`, w.schoolIds)}
    group by 1`));
}

/** Open work orders past their due day, and equipment inspections overdue or parts expired, per school, as of `today`. */
export async function upkeepBySchool(db: Db, w: Window, today: string) {
  return rows<{ schoolId: string; workOrdersOverdue: number; inspectionsOverdue: number; expired: number }>(await db.execute(sql`
    select s.id as "schoolId",
      (select count(*)::int from work_orders o where o.school_id = s.id and o.closed_at is null and o.due_on < ${today}::date) as "workOrdersOverdue",
      (select coalesce(sum(d.n), 0)::int from equipment_due_days d where d.school_id = s.id and d.kind = 'inspection' and d.day < ${today}::date) as "inspectionsOverdue",
      (select coalesce(sum(d.n), 0)::int from equipment_due_days d where d.school_id = s.id and d.kind = 'expiry' and d.day < ${today}::date) as expired
    from schools s where s.district_id = ${w.districtId} and ${inSchools(sql`s.id`, w.schoolIds)}`));
}

import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../db/connection.js';

// The monthly SRO activity report, aggregated in SQL for any number of SROs at once: one query for the hours
// and counted activities, one for everything counted elsewhere (calls, incidents, actions, drills).

/** Which SROs and which local month. */
export interface ReportRange { districtId: string; userIds: string[]; from: string; next: string; timeZone: string }

const idList = (ids: string[]) => sql`array[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;

/** Minutes per SRO, school and triad role, with the counted kinds of entries. */
export async function sumActivity(db: Db, r: ReportRange) {
  if (r.userIds.length === 0) return [];
  return rows<{
    user_id: string; school_id: string | null; school_name: string | null; triad_role: string; minutes: number;
    classes: number; students: number; mentoring: number; events: number;
  }>(await db.execute(sql`
    select a.user_id, a.school_id, s.name as school_name, a.triad_role, sum(a.duration_minutes)::int as minutes,
      (count(*) filter (where a.kind = 'class'))::int as classes,
      coalesce(sum(a.participants) filter (where a.kind = 'class'), 0)::int as students,
      (count(*) filter (where a.kind = 'mentoring'))::int as mentoring,
      (count(*) filter (where a.kind = 'event'))::int as events
    from activity_entries a left join schools s on s.id = a.school_id
    where a.district_id = ${r.districtId} and a.user_id = any(${idList(r.userIds)})
      and a.started_at >= (${r.from}::timestamp at time zone ${r.timeZone}) and a.started_at < (${r.next}::timestamp at time zone ${r.timeZone})
    group by a.user_id, a.school_id, s.name, a.triad_role`));
}

/**
 * Counts per SRO in one pass of four sources, as (user, section, key, n) rows:
 * - call/<source>: calls assigned to the SRO, received this month and cleared (the district's received-time index);
 * - incident/<offense> (or none) and incident/null (the total): incidents the SRO wrote that occurred this month, not sealed;
 * - action/<kind>: actions taken this month on those SROs' incidents (not sealed);
 * - drill/*: completed drills the SRO recorded this month, and drill entries of their log (each drill once).
 */
export async function countRecords(db: Db, r: ReportRange) {
  if (r.userIds.length === 0) return [];
  const from = sql`(${r.from}::timestamp at time zone ${r.timeZone})`;
  const next = sql`(${r.next}::timestamp at time zone ${r.timeZone})`;
  const ids = idList(r.userIds);
  return rows<{ user_id: string; section: 'call' | 'incident' | 'action' | 'drill'; key: string | null; n: number }>(await db.execute(sql`
    with inc as (
      select i.id, i.author_id from incidents i
      where i.district_id = ${r.districtId} and i.author_id = any(${ids}) and i.sealed_at is null
        and i.occurred_at >= ${from} and i.occurred_at < ${next}
    )
    select c.assigned_user_id as user_id, 'call' as section, c.source::text as key, count(*)::int as n
    from calls c
    where c.district_id = ${r.districtId} and c.assigned_user_id = any(${ids}) and c.cleared_at is not null
      and c.received_at >= ${from} and c.received_at < ${next}
    group by c.assigned_user_id, c.source
    union all
    select inc.author_id, 'incident', coalesce(o.nibrs_code, 'school:' || o.category::text, 'none'), count(distinct inc.id)::int
    from inc left join incident_offenses o on o.incident_id = inc.id
    group by grouping sets ((inc.author_id, coalesce(o.nibrs_code, 'school:' || o.category::text, 'none')), (inc.author_id))
    union all
    select i.author_id, 'action', x.kind::text, count(*)::int
    from incident_actions x join incidents i on i.id = x.incident_id
    where i.district_id = ${r.districtId} and i.author_id = any(${ids}) and i.sealed_at is null
      and x.at >= ${from} and x.at < ${next}
    group by i.author_id, x.kind
    union all
    select d.user_id, 'drill', '*', count(*)::int from (
      select dr.recorded_by as user_id, dr.id from drills dr
      where dr.district_id = ${r.districtId} and dr.recorded_by = any(${ids}) and dr.status = 'completed'
        and dr.date >= ${r.from}::date and dr.date < ${r.next}::date
      union
      select a.user_id, coalesce(a.source_id, a.id) from activity_entries a
      where a.district_id = ${r.districtId} and a.user_id = any(${ids}) and a.kind = 'drill'
        and a.started_at >= ${from} and a.started_at < ${next}
    ) d group by d.user_id`));
}

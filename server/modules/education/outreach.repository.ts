import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Scope } from '../../auth/access.js';
import { rows, type Db } from '../../db/connection.js';
import { outreachEvents, schools, users } from '../../db/schema/index.js';
import { inScopeOrDistrict } from '../drills/drills.scope.js';

// Community outreach events and the hours report over classes and outreach.

const columns = { o: outreachEvents, schoolName: schools.name, recorderName: users.name };
/** An outreach event with its school and recorder names. */
export type OutreachRow = Awaited<ReturnType<typeof findOutreach>>['rows'][number];

/** Outreach of the scope's schools and the district's community events, newest first, with the total. */
export async function findOutreach(db: Db, districtId: string, scope: Scope, filter: {
  id?: string; schoolId?: string; from?: string; to?: string; timezone: string; limit: number; offset: number;
}) {
  const where = and(
    eq(outreachEvents.districtId, districtId), inScopeOrDistrict(outreachEvents.schoolId, scope),
    filter.id ? eq(outreachEvents.id, filter.id) : undefined,
    filter.schoolId ? eq(outreachEvents.schoolId, filter.schoolId) : undefined,
    filter.from ? gte(outreachEvents.occurredAt, sql`(${filter.from}::date)::timestamp at time zone ${filter.timezone}`) : undefined,
    filter.to ? lt(outreachEvents.occurredAt, sql`(${filter.to}::date + 1)::timestamp at time zone ${filter.timezone}`) : undefined,
  );
  const [found, [count]] = await Promise.all([
    db.select(columns).from(outreachEvents).leftJoin(schools, eq(schools.id, outreachEvents.schoolId))
      .innerJoin(users, eq(users.id, outreachEvents.recordedBy))
      .where(where).orderBy(desc(outreachEvents.occurredAt), desc(outreachEvents.id)).limit(filter.limit).offset(filter.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(outreachEvents).where(where),
  ]);
  return { rows: found, total: Number(count!.n) };
}

/** Inserts an outreach event; answers its id. */
export async function insertOutreach(db: Db, values: typeof outreachEvents.$inferInsert) {
  const [row] = await db.insert(outreachEvents).values(values).returning({ id: outreachEvents.id });
  return row!.id;
}

/** Changes an outreach event. */
export async function updateOutreach(db: Db, id: string, values: Partial<typeof outreachEvents.$inferInsert>) {
  await db.update(outreachEvents).set({ ...values, updatedAt: new Date() }).where(eq(outreachEvents.id, id));
}

/** Deletes an outreach event. */
export async function deleteOutreach(db: Db, id: string) {
  await db.delete(outreachEvents).where(eq(outreachEvents.id, id));
}

/** One row of the hours aggregate. */
export interface HoursAggregate {
  month: string; school_id: string | null; school_name: string | null; topic: string | null;
  classes: number; outreach_events: number; minutes: number; reached: number;
}

const NO_SCHOOL = '00000000-0000-0000-0000-000000000000';

/**
 * Delivered classes (by their day) and outreach events (by their day in the district's time zone) between two days,
 * summed by month, school and topic in one statement. Outreach for the wider community (no school) is counted only
 * when `withCommunity`.
 */
export async function hoursByTopic(db: Db, districtId: string, scope: Scope, filter: {
  from: string; to: string; schoolId?: string; timezone: string; withCommunity: boolean;
}): Promise<HoursAggregate[]> {
  const classSchools: SQL[] = [];
  const outreachSchools: SQL[] = [];
  if (!scope.all) {
    const ids = scope.schoolIds.length ? scope.schoolIds : [NO_SCHOOL];
    classSchools.push(sql`and c.school_id in ${ids}`);
    outreachSchools.push(filter.withCommunity ? sql`and (o.school_id is null or o.school_id in ${ids})` : sql`and o.school_id in ${ids}`);
  } else if (!filter.withCommunity) {
    outreachSchools.push(sql`and o.school_id is not null`);
  }
  if (filter.schoolId) {
    classSchools.push(sql`and c.school_id = ${filter.schoolId}`);
    outreachSchools.push(sql`and o.school_id = ${filter.schoolId}`);
  }
  // Summed by month, school and topic first; school names are joined to the (far fewer) sums, not to every item.
  const result = await db.execute(sql`
    with items as (
      select date_trunc('month', c.scheduled_date)::date as month, c.school_id, c.topic, 1 as classes, 0 as outreach_events,
        c.duration_minutes as minutes, coalesce(c.attendance, 0) as reached
      from education_classes c
      where c.district_id = ${districtId} and c.status = 'delivered' and c.scheduled_date between ${filter.from}::date and ${filter.to}::date
        ${sql.join(classSchools, sql` `)}
      union all
      select date_trunc('month', o.occurred_at at time zone ${filter.timezone})::date, o.school_id, o.topic, 0, 1, o.duration_minutes, o.people_reached
      from outreach_events o
      where o.district_id = ${districtId}
        and o.occurred_at >= (${filter.from}::date)::timestamp at time zone ${filter.timezone}
        and o.occurred_at < (${filter.to}::date + 1)::timestamp at time zone ${filter.timezone}
        ${sql.join(outreachSchools, sql` `)}
    ),
    sums as (
      select month, school_id, topic, sum(classes)::int as classes, sum(outreach_events)::int as outreach_events,
        sum(minutes)::int as minutes, sum(reached)::int as reached
      from items group by month, school_id, topic
    )
    select to_char(m.month, 'YYYY-MM') as month, m.school_id, s.name as school_name, m.topic, m.classes, m.outreach_events, m.minutes, m.reached
    from sums m left join schools s on s.id = m.school_id
    order by m.month, s.name nulls last, m.topic nulls last`);
  return rows<HoursAggregate>(result).map((r) => ({
    ...r, classes: Number(r.classes), outreach_events: Number(r.outreach_events), minutes: Number(r.minutes), reached: Number(r.reached),
  }));
}

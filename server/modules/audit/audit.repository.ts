import { and, desc, eq, gte, ilike, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { auditEvents, districts, schools } from '../../db/schema/index.js';
import { inScope } from '../schools/schools.repository.js';

/** Filters of the audit log with times resolved to instants; `to` is exclusive when a whole day was asked for. */
export interface AuditFilter {
  actorId?: string;
  schoolId?: string;
  eventType?: string;
  from?: Date;
  to?: { at: Date; inclusive: boolean };
  q?: string;
}

/** The time zone of the district, or undefined when there is no such district. */
export async function findDistrictTimezone(db: Db, districtId: string) {
  const [row] = await db.select({ timezone: districts.timezone }).from(districts).where(eq(districts.id, districtId));
  return row?.timezone;
}

/**
 * Events of the district within a scope, newest first, older than `before` (keyset on the id, so a page
 * costs the same however deep). A school scope never includes district-level events (no school).
 */
export async function findEvents(db: Db, districtId: string, scope: Scope, filter: AuditFilter, page: { before?: number; limit: number }) {
  const conditions: (SQL | undefined)[] = [eq(auditEvents.districtId, districtId), inScope(auditEvents.schoolId, scope)];
  if (filter.actorId) conditions.push(eq(auditEvents.actorUserId, filter.actorId));
  if (filter.schoolId) conditions.push(eq(auditEvents.schoolId, filter.schoolId));
  if (filter.eventType) conditions.push(eq(auditEvents.eventType, filter.eventType));
  if (filter.from) conditions.push(gte(auditEvents.at, filter.from));
  if (filter.to) conditions.push(filter.to.inclusive ? lte(auditEvents.at, filter.to.at) : lt(auditEvents.at, filter.to.at));
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(
      ilike(auditEvents.actorLabel, like), sql`${auditEvents.detail}::text ilike ${like}`,
      eq(auditEvents.subjectId, filter.q), eq(auditEvents.requestId, filter.q), sql`${auditEvents.actorUserId}::text = ${filter.q}`,
    ));
  }
  if (page.before !== undefined) conditions.push(lt(auditEvents.id, page.before));
  // A sealed incident is treated as never having existed: of its events only the sealing itself stays visible.
  conditions.push(or(eq(auditEvents.eventType, 'incident.sealed'), sql`not exists (select 1 from incidents i
    where i.id = case when ${auditEvents.subjectType} = 'incident' then ${auditEvents.subjectId}::uuid end and i.sealed_at is not null)`));
  return db.select({
    id: auditEvents.id,
    at: auditEvents.at,
    actorUserId: auditEvents.actorUserId,
    actorLabel: auditEvents.actorLabel,
    eventType: auditEvents.eventType,
    schoolId: auditEvents.schoolId,
    schoolName: schools.name,
    subjectType: auditEvents.subjectType,
    subjectId: auditEvents.subjectId,
    requestId: auditEvents.requestId,
    detail: auditEvents.detail,
  }).from(auditEvents)
    .leftJoin(schools, and(eq(schools.id, auditEvents.schoolId), eq(schools.districtId, districtId)))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(page.limit);
}

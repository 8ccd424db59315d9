import { and, asc, eq, exists, gte, inArray, isNull, lt, lte, ne, notExists, or, sql, type Column, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import {
  alerts, alertSchools, calls, drillReminders, drills, equipmentDueDays, incidentReferrals, incidents, incidentTasks,
  planAcknowledgements, planReminders, presenceNotices, roleGrants, safetyPlans, safetyPlanVersions, schoolEvents, sroCertifications,
  supportReferrals, threatTasks, tips, users, workOrders,
} from '../../db/schema/index.js';
import { inScope, inScopeOrDistrict } from '../drills/drills.scope.js';
import { PLAN_READER_ROLES } from '../plans/plans.policy.js';
import { outsiderCut } from '../../auth/holders.js';

// The queries behind the "today" home: each a count and the oldest (or soonest) time, scoped by the district
// and the schools of the permission that scopes the module's own list.

/** How many rows match, and the smallest value of `at` among them. */
export interface CountAt { n: number; at: string | null }

/** The earliest instant as ISO 8601 text (UTC), whatever the driver does with timestamps. */
function isoMin(at: Column | SQL): SQL<string | null> {
  return sql<string | null>`to_char(min(${at}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

async function countAt(db: Db, table: PgTable, at: Column | SQL, where: SQL | undefined, day = false): Promise<CountAt> {
  const first = day ? sql<string | null>`min(${at})::text` : isoMin(at);
  const [row] = await db.select({ n: sql<number>`count(*)::int`, at: first }).from(table).where(where);
  return { n: Number(row?.n ?? 0), at: row?.at ?? null };
}

/** Open calls assigned to the user (not cleared). */
export function openCallsOf(db: Db, districtId: string, userId: string) {
  return countAt(db, calls, calls.receivedAt, and(eq(calls.districtId, districtId), eq(calls.assignedUserId, userId), isNull(calls.clearedAt)));
}

/** The user's incidents of one status (returned or draft), sealed ones left out. */
export function ownIncidents(db: Db, districtId: string, userId: string, status: 'returned' | 'draft') {
  return countAt(db, incidents, incidents.updatedAt, and(
    eq(incidents.districtId, districtId), eq(incidents.authorId, userId), eq(incidents.status, status), isNull(incidents.sealedAt)));
}

/** Submitted reports waiting for review at the scope's schools. */
export function reviewQueue(db: Db, districtId: string, scope: Scope) {
  return countAt(db, incidents, incidents.submittedAt, and(
    eq(incidents.districtId, districtId), eq(incidents.status, 'submitted'), isNull(incidents.sealedAt), inScope(incidents.schoolId, scope)));
}

/** The user's open incident tasks (notification deadlines, follow-ups) due before `until`. */
export function incidentTasksDue(db: Db, districtId: string, userId: string, until: Date) {
  return countAt(db, incidentTasks, incidentTasks.dueAt, and(
    eq(incidentTasks.ownerId, userId), isNull(incidentTasks.doneAt), lte(incidentTasks.dueAt, until),
    exists(db.select({ one: sql`1` }).from(incidents).where(and(eq(incidents.id, incidentTasks.incidentId), eq(incidents.districtId, districtId), isNull(incidents.sealedAt))))));
}

/** Events the user covers between two instants, not cancelled. */
export function coveredEvents(db: Db, districtId: string, userId: string, from: Date, to: Date) {
  return countAt(db, schoolEvents, schoolEvents.startsAt, and(
    eq(schoolEvents.districtId, districtId), eq(schoolEvents.coverSroId, userId), eq(schoolEvents.cancelled, false),
    lt(schoolEvents.startsAt, to), gte(schoolEvents.endsAt, from)));
}

/** Events of the scope's schools without a covering SRO between two instants. */
export function coverageGaps(db: Db, districtId: string, scope: Scope, from: Date, to: Date) {
  return countAt(db, schoolEvents, schoolEvents.startsAt, and(
    eq(schoolEvents.districtId, districtId), isNull(schoolEvents.coverSroId), eq(schoolEvents.cancelled, false),
    inScope(schoolEvents.schoolId, scope), gte(schoolEvents.startsAt, from), lt(schoolEvents.startsAt, to)));
}

/** Drills scheduled at the scope's schools between two days. */
export function scheduledDrills(db: Db, districtId: string, scope: Scope, from: string, to: string) {
  return countAt(db, drills, drills.date, and(
    eq(drills.districtId, districtId), eq(drills.status, 'scheduled'), inScope(drills.schoolId, scope), gte(drills.date, from), lte(drills.date, to)), true);
}

/** Drill requirements at risk whose window has not closed yet (the compliance reminders). */
export function drillsAtRisk(db: Db, districtId: string, scope: Scope, today: string) {
  return countAt(db, drillReminders, drillReminders.windowEnd, and(
    eq(drillReminders.districtId, districtId), inScope(drillReminders.schoolId, scope), gte(drillReminders.windowEnd, today),
    lt(drillReminders.counted, drillReminders.required)), true);
}

/** The user's open threat-case tasks due by `until`. */
export function threatTasksDue(db: Db, userId: string, until: string) {
  return countAt(db, threatTasks, threatTasks.dueOn, and(eq(threatTasks.ownerUserId, userId), isNull(threatTasks.doneAt), lte(threatTasks.dueOn, until)), true);
}

/** Open support referrals the user made whose follow-up date has come. */
export function referralFollowUps(db: Db, districtId: string, userId: string, today: string) {
  return countAt(db, supportReferrals, supportReferrals.dueOn, and(
    eq(supportReferrals.districtId, districtId), eq(supportReferrals.referredBy, userId),
    inArray(supportReferrals.status, ['pending', 'accepted', 'scheduled']), lte(supportReferrals.dueOn, today)), true);
}

/** Support referrals waiting for the user (as counselor or through their organization) to accept, by urgency. */
export async function referralsToAccept(db: Db, districtId: string, userId: string, organizationId: string | null) {
  const mine = organizationId ? or(eq(supportReferrals.counselorId, userId), eq(supportReferrals.vendorId, organizationId)) : eq(supportReferrals.counselorId, userId);
  return db.select({ urgency: supportReferrals.urgency, n: sql<number>`count(*)::int`, at: sql<string | null>`min(${supportReferrals.acceptBy})::text` })
    .from(supportReferrals).where(and(eq(supportReferrals.districtId, districtId), eq(supportReferrals.status, 'pending'), mine))
    .groupBy(supportReferrals.urgency);
}

/** Incident referrals of one kind still open at the scope's schools. */
export function openIncidentReferrals(db: Db, districtId: string, scope: Scope, kind: 'administration' | 'counseling') {
  return countAt(db, incidentReferrals, incidentReferrals.referredAt, and(
    eq(incidentReferrals.districtId, districtId), eq(incidentReferrals.kind, kind), eq(incidentReferrals.status, 'open'),
    inScope(incidentReferrals.schoolId, scope)));
}

/** Tips not yet acknowledged at the scope's schools, life-safety ones or all. */
export function unacknowledgedTips(db: Db, districtId: string, scope: Scope, lifeSafetyOnly: boolean) {
  return countAt(db, tips, tips.createdAt, and(
    eq(tips.districtId, districtId), isNull(tips.acknowledgedAt), ne(tips.status, 'closed'), inScope(tips.schoolId, scope),
    lifeSafetyOnly ? eq(tips.lifeSafety, true) : undefined));
}

/** Alerts raised at the scope's schools since `from`, and how many are in force. */
export async function alertsSince(db: Db, districtId: string, scope: Scope, from: Date) {
  const inSchools = scope.all ? undefined
    : exists(db.select({ one: sql`1` }).from(alertSchools).where(and(eq(alertSchools.alertId, alerts.id), inScope(alertSchools.schoolId, scope))));
  const [row] = await db.select({
    n: sql<number>`count(*)::int`, active: sql<number>`count(*) filter (where ${alerts.status} = 'active')::int`, at: isoMin(alerts.raisedAt),
  }).from(alerts).where(and(eq(alerts.districtId, districtId), gte(alerts.raisedAt, from), inSchools));
  return { n: Number(row?.n ?? 0), active: Number(row?.active ?? 0), at: row?.at ?? null };
}

/** Open work orders of the scope's schools due by `until`. */
export function workOrdersDue(db: Db, districtId: string, scope: Scope, until: string) {
  return countAt(db, workOrders, workOrders.dueOn, and(
    eq(workOrders.districtId, districtId), ne(workOrders.status, 'closed'), ne(workOrders.status, 'cancelled'), inScope(workOrders.schoolId, scope),
    lte(workOrders.dueOn, until)), true);
}

/** Equipment inspections and expiries due by `until` at the scope's schools (the per-school summary). */
export async function equipmentDue(db: Db, districtId: string, scope: Scope, until: string) {
  const [row] = await db.select({ n: sql<number>`coalesce(sum(${equipmentDueDays.n}), 0)::int`, at: sql<string | null>`min(${equipmentDueDays.day})::text` })
    .from(equipmentDueDays).where(and(eq(equipmentDueDays.districtId, districtId), inArray(equipmentDueDays.kind, ['inspection', 'expiry']),
      inScope(equipmentDueDays.schoolId, scope), lte(equipmentDueDays.day, until)));
  return { n: Number(row?.n ?? 0), at: row?.at ?? null };
}

/** Certifications of SROs of the scope's schools expiring by `until` (lapsed ones included). */
export function certificationsLapsing(db: Db, districtId: string, scope: Scope, until: string) {
  const sroHere = db.select({ one: sql`1` }).from(roleGrants)
    .where(and(eq(roleGrants.userId, sroCertifications.userId), eq(roleGrants.role, 'sro'), scope.all ? undefined : inScope(roleGrants.schoolId, scope)));
  return countAt(db, sroCertifications, sroCertifications.expiresOn, and(
    eq(sroCertifications.districtId, districtId), lte(sroCertifications.expiresOn, until), exists(sroHere)), true);
}

/** SROs away from the scope's schools right now, and the earliest expected return. */
export function srosAway(db: Db, districtId: string, scope: Scope) {
  return countAt(db, presenceNotices, presenceNotices.expectedReturnAt, and(
    eq(presenceNotices.districtId, districtId), isNull(presenceNotices.returnedAt), inScope(presenceNotices.schoolId, scope)));
}

/** The user's own open leaving notice, if any. */
export async function myAbsence(db: Db, districtId: string, userId: string) {
  return countAt(db, presenceNotices, presenceNotices.expectedReturnAt, and(
    eq(presenceNotices.districtId, districtId), eq(presenceNotices.sroId, userId), isNull(presenceNotices.returnedAt)));
}

/** Current plan versions (not archived) of the scope's schools and the district that the user has not acknowledged. */
export function plansToAcknowledge(db: Db, districtId: string, scope: Scope, userId: string) {
  return countAt(db, safetyPlans, safetyPlans.updatedAt, and(
    eq(safetyPlans.districtId, districtId), eq(safetyPlans.archived, false), sql`${safetyPlans.currentVersionId} is not null`,
    inScopeOrDistrict(safetyPlans.schoolId, scope),
    notExists(db.select({ one: sql`1` }).from(planAcknowledgements).where(and(
      eq(planAcknowledgements.versionId, safetyPlans.currentVersionId), eq(planAcknowledgements.userId, userId))))));
}

/**
 * School plans of the scope (current version, not archived) with how many of their readers (active users with a
 * plan-reading role at the school) have not acknowledged it, most missing first.
 */
export async function plansMissingAcknowledgements(db: Db, districtId: string, scope: Scope, limit: number) {
  const missing = sql<number>`(select count(distinct ${users.id})::int from ${users}
    join ${roleGrants} on ${roleGrants.userId} = ${users.id}
    where ${users.districtId} = ${districtId} and ${users.active} and ${roleGrants.schoolId} = ${safetyPlans.schoolId}
      and ${inArray(roleGrants.role, PLAN_READER_ROLES)} and ${outsiderCut('plan.read')!}
      and not exists (select 1 from ${planAcknowledgements} where ${planAcknowledgements.userId} = ${users.id}
        and ${planAcknowledgements.versionId} = ${safetyPlans.currentVersionId}))`;
  const rows = await db.select({ id: safetyPlans.id, title: safetyPlans.title, version: safetyPlanVersions.version, missing })
    .from(safetyPlans).innerJoin(safetyPlanVersions, eq(safetyPlanVersions.id, safetyPlans.currentVersionId))
    .where(and(eq(safetyPlans.districtId, districtId), eq(safetyPlans.archived, false), sql`${safetyPlans.schoolId} is not null`,
      inScope(safetyPlans.schoolId, scope)))
    .orderBy(asc(safetyPlans.title));
  return rows.map((r) => ({ ...r, missing: Number(r.missing) })).filter((r) => r.missing > 0).sort((a, b) => b.missing - a.missing).slice(0, limit);
}

/** When each of these plans' readers were last reminded of their current version. */
export async function lastPlanReminders(db: Db, districtId: string, planIds: string[]) {
  if (planIds.length === 0) return new Map<string, Date>();
  const rows = await db.select({ planId: planReminders.planId, at: sql<string>`to_char(max(${planReminders.sentAt}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` })
    .from(planReminders).where(and(eq(planReminders.districtId, districtId), inArray(planReminders.planId, planIds)))
    .groupBy(planReminders.planId);
  return new Map(rows.map((r) => [r.planId, new Date(r.at)]));
}

import { and, asc, desc, eq, inArray, max, sql } from 'drizzle-orm';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import {
  planAcknowledgements, planReminders, roleGrants, safetyPlanReviews, safetyPlans, safetyPlanVersions, schools, users,
} from '../../db/schema/index.js';
import { inScopeOrDistrict } from '../drills/drills.scope.js';
import { PLAN_READER_ROLES } from './plans.policy.js';
import { outsiderCut } from '../../auth/holders.js';

/** Plans of the district within a scope (district plans always), with current version, review and my acknowledgement. */
export async function findPlans(db: Db, districtId: string, scope: Scope, userId: string, filter: { schoolId?: string; kind?: string; archived?: string; id?: string }) {
  const v = safetyPlanVersions;
  const conditions = [eq(safetyPlans.districtId, districtId), inScopeOrDistrict(safetyPlans.schoolId, scope)];
  if (filter.id) conditions.push(eq(safetyPlans.id, filter.id));
  if (filter.schoolId) conditions.push(eq(safetyPlans.schoolId, filter.schoolId));
  if (filter.kind) conditions.push(eq(safetyPlans.kind, filter.kind as 'eop'));
  if (filter.archived !== undefined) conditions.push(eq(safetyPlans.archived, filter.archived === 'true'));
  return db.select({
    plan: safetyPlans, schoolName: schools.name,
    version: { id: v.id, version: v.version, format: v.format, fileName: v.fileName, fileSize: v.fileSize, changeSummary: v.changeSummary, createdBy: v.createdBy, createdAt: v.createdAt },
    createdByName: users.name,
    lastReviewedOn: sql<string | null>`(select max(${safetyPlanReviews.reviewedOn})::text from ${safetyPlanReviews} where ${safetyPlanReviews.planId} = ${safetyPlans.id})`,
    firstVersionAt: sql<string>`(select (min(fv.created_at) at time zone (select d.timezone from districts d where d.id = ${safetyPlans.districtId}))::date::text from safety_plan_versions fv where fv.plan_id = ${safetyPlans.id})`,
    acknowledgedByMe: sql<boolean>`exists (select 1 from ${planAcknowledgements} where ${planAcknowledgements.versionId} = ${safetyPlans.currentVersionId} and ${planAcknowledgements.userId} = ${userId})`,
  }).from(safetyPlans)
    .innerJoin(v, eq(v.id, safetyPlans.currentVersionId))
    .innerJoin(users, eq(users.id, v.createdBy))
    .leftJoin(schools, eq(schools.id, safetyPlans.schoolId))
    .where(and(...conditions)).orderBy(sql`${schools.name} nulls first`, asc(safetyPlans.kind), asc(safetyPlans.title));
}

/** Every version of a plan, newest first, with authors. */
export async function findVersions(db: Db, planId: string) {
  return db.select({ v: safetyPlanVersions, name: users.name }).from(safetyPlanVersions).innerJoin(users, eq(users.id, safetyPlanVersions.createdBy))
    .where(eq(safetyPlanVersions.planId, planId)).orderBy(desc(safetyPlanVersions.version));
}

/** Reviews of a plan, newest first. */
export async function findReviews(db: Db, planId: string) {
  return db.select({ r: safetyPlanReviews, name: users.name, version: safetyPlanVersions.version }).from(safetyPlanReviews)
    .innerJoin(users, eq(users.id, safetyPlanReviews.approvedBy)).innerJoin(safetyPlanVersions, eq(safetyPlanVersions.id, safetyPlanReviews.versionId))
    .where(eq(safetyPlanReviews.planId, planId)).orderBy(desc(safetyPlanReviews.reviewedOn), desc(safetyPlanReviews.createdAt));
}

/** One plan row of the district, locked for a change. */
export async function lockPlan(db: Db, districtId: string, id: string) {
  const [row] = await db.select().from(safetyPlans).where(and(eq(safetyPlans.id, id), eq(safetyPlans.districtId, districtId))).for('update');
  return row;
}

/** One plan row of the district. */
export async function findPlanRow(db: Db, districtId: string, id: string) {
  const [row] = await db.select().from(safetyPlans).where(and(eq(safetyPlans.id, id), eq(safetyPlans.districtId, districtId)));
  return row;
}

/** Inserts a plan (without a version yet). */
export async function insertPlan(db: Db, values: typeof safetyPlans.$inferInsert) {
  const [row] = await db.insert(safetyPlans).values(values).returning({ id: safetyPlans.id });
  return row!.id;
}

/** Adds the next version of a (locked) plan and makes it current; answers it. */
export async function addVersion(db: Db, planId: string, values: Omit<typeof safetyPlanVersions.$inferInsert, 'planId' | 'version'>, now: Date) {
  const [{ last } = { last: 0 }] = await db.select({ last: max(safetyPlanVersions.version) }).from(safetyPlanVersions).where(eq(safetyPlanVersions.planId, planId));
  const [row] = await db.insert(safetyPlanVersions).values({ ...values, planId, version: (last ?? 0) + 1, createdAt: now }).returning({ id: safetyPlanVersions.id, version: safetyPlanVersions.version });
  await db.update(safetyPlans).set({ currentVersionId: row!.id, updatedAt: now }).where(eq(safetyPlans.id, planId));
  return row!;
}

/** Changes title or archived. */
export async function updatePlan(db: Db, id: string, values: { title?: string; archived?: boolean }) {
  await db.update(safetyPlans).set({ ...values, updatedAt: new Date() }).where(eq(safetyPlans.id, id));
}

/** Records a review. */
export async function insertReview(db: Db, values: typeof safetyPlanReviews.$inferInsert) {
  const [row] = await db.insert(safetyPlanReviews).values(values).returning({ id: safetyPlanReviews.id });
  return row!.id;
}

/** Records an acknowledgement; answers whether it is new. */
export async function insertAcknowledgement(db: Db, versionId: string, userId: string, at: Date) {
  const rows = await db.insert(planAcknowledgements).values({ versionId, userId, acknowledgedAt: at }).onConflictDoNothing().returning({ at: planAcknowledgements.acknowledgedAt });
  return rows.length > 0;
}

/** One acknowledgement. */
export async function findAcknowledgement(db: Db, versionId: string, userId: string) {
  const [row] = await db.select().from(planAcknowledgements).where(and(eq(planAcknowledgements.versionId, versionId), eq(planAcknowledgements.userId, userId)));
  return row;
}

/**
 * The people expected to read a plan: active users of the district with a plan-reading role at the plan's
 * school (a school plan) or anywhere (a district plan), and whether they acknowledged `versionId`.
 */
export async function findReaders(db: Db, districtId: string, schoolId: string | null, versionId: string) {
  return db.selectDistinct({
    id: users.id, name: users.name, email: users.email, acknowledgedAt: planAcknowledgements.acknowledgedAt,
  }).from(users)
    .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
    .leftJoin(planAcknowledgements, and(eq(planAcknowledgements.userId, users.id), eq(planAcknowledgements.versionId, versionId)))
    .where(and(eq(users.districtId, districtId), eq(users.active, true), inArray(roleGrants.role, PLAN_READER_ROLES), outsiderCut('plan.read'),
      schoolId ? eq(roleGrants.schoolId, schoolId) : undefined))
    .orderBy(asc(users.name));
}

/** One version (with its file) of a plan of the district. */
export async function findVersionContent(db: Db, districtId: string, versionId: string) {
  const [row] = await db.select({ v: safetyPlanVersions, schoolId: safetyPlans.schoolId }).from(safetyPlanVersions)
    .innerJoin(safetyPlans, eq(safetyPlans.id, safetyPlanVersions.planId))
    .where(and(eq(safetyPlanVersions.id, versionId), eq(safetyPlans.districtId, districtId)));
  return row;
}

/** Current protocol documents of the scope's schools and the district. */
export async function findProtocols(db: Db, districtId: string, scope: Scope) {
  return db.select({ planId: safetyPlans.id, title: safetyPlans.title, schoolName: schools.name, version: safetyPlanVersions.version }).from(safetyPlans)
    .innerJoin(safetyPlanVersions, eq(safetyPlanVersions.id, safetyPlans.currentVersionId)).leftJoin(schools, eq(schools.id, safetyPlans.schoolId))
    .where(and(eq(safetyPlans.districtId, districtId), eq(safetyPlans.kind, 'protocol'), eq(safetyPlans.archived, false), inScopeOrDistrict(safetyPlans.schoolId, scope)))
    .orderBy(sql`${schools.name} nulls first`, asc(safetyPlans.title));
}


/** When the readers of a plan were last reminded (any version), or undefined. */
export async function findLastReminder(db: Db, planId: string): Promise<Date | undefined> {
  const [row] = await db.select({ at: planReminders.sentAt }).from(planReminders).where(eq(planReminders.planId, planId)).orderBy(desc(planReminders.sentAt)).limit(1);
  return row?.at;
}

/** Records a reminder sent. */
export async function insertReminder(db: Db, values: typeof planReminders.$inferInsert): Promise<void> {
  await db.insert(planReminders).values(values);
}

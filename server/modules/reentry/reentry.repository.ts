import { and, asc, desc, eq, exists, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { reentryCheckIns, reentryGoals, reentryMembers, reentryPlans, schools, students, users } from '../../db/schema/index.js';
import { studentName } from '../support-referrals/support.people.js';

const lastCheckIn = sql<{ date: string; progress: string } | null>`(select json_build_object('date', c.date, 'progress', c.progress)
  from ${reentryCheckIns} c where c.plan_id = ${reentryPlans.id} order by c.date desc, c.created_at desc limit 1)`;
const openGoals = sql<number>`(select count(*)::int from ${reentryGoals} g where g.plan_id = ${reentryPlans.id} and g.status = 'open')`;

const summaryColumns = {
  plan: reentryPlans, schoolName: schools.name, studentName, grade: students.grade, studentNumber: students.studentNumber,
  lastCheckIn, openGoals, creatorName: users.name,
};

function joined(db: Db) {
  return db.select(summaryColumns).from(reentryPlans)
    .innerJoin(schools, eq(schools.id, reentryPlans.schoolId))
    .innerJoin(students, eq(students.id, reentryPlans.studentId))
    .innerJoin(users, eq(users.id, reentryPlans.createdBy));
}
export type PlanRow = Awaited<ReturnType<ReturnType<typeof joined>['execute']>>[number];

/** One plan of the district, or undefined; with `forUpdate` the plan row is locked until the transaction ends. */
export async function findPlan(db: Db, districtId: string, id: string, options: { forUpdate?: boolean } = {}) {
  const where = and(eq(reentryPlans.districtId, districtId), eq(reentryPlans.id, id));
  if (options.forUpdate) await db.select({ id: reentryPlans.id }).from(reentryPlans).where(where).for('update');
  const [row] = await joined(db).where(where);
  return row;
}

/** Plans the user is a member of, or at schools of the oversight scope. */
export function findPlans(db: Db, districtId: string, userId: string, oversee: Scope, filter: { schoolId?: string; status: string }) {
  const member = exists(db.select().from(reentryMembers).where(and(eq(reentryMembers.planId, reentryPlans.id), eq(reentryMembers.userId, userId))));
  const arms: SQL[] = [member];
  if (oversee.all) arms.push(sql`true`);
  else if (oversee.schoolIds.length > 0) arms.push(inArray(reentryPlans.schoolId, oversee.schoolIds));
  return joined(db).where(and(
    eq(reentryPlans.districtId, districtId), or(...arms),
    filter.schoolId ? eq(reentryPlans.schoolId, filter.schoolId) : undefined,
    filter.status === 'all' ? undefined : eq(reentryPlans.status, filter.status as 'active'),
  )).orderBy(asc(reentryPlans.endDate)).limit(500);
}

/** Member ids of plans. */
export async function findMemberIds(db: Db, planIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (planIds.length === 0) return out;
  for (const m of await db.select().from(reentryMembers).where(inArray(reentryMembers.planId, planIds))) {
    out.set(m.planId, [...(out.get(m.planId) ?? []), m.userId]);
  }
  return out;
}

/** Members with names. */
export function findMembers(db: Db, planId: string) {
  return db.select({ id: users.id, name: users.name }).from(reentryMembers).innerJoin(users, eq(users.id, reentryMembers.userId))
    .where(eq(reentryMembers.planId, planId)).orderBy(asc(users.name));
}

/** Replaces the team of a plan. */
export async function setMembers(tx: Db, planId: string, userIds: string[]): Promise<void> {
  await tx.delete(reentryMembers).where(eq(reentryMembers.planId, planId));
  if (userIds.length > 0) await tx.insert(reentryMembers).values(userIds.map((userId) => ({ planId, userId })));
}

/** Creates a plan. */
export async function insertPlan(tx: Db, values: typeof reentryPlans.$inferInsert): Promise<string> {
  const [row] = await tx.insert(reentryPlans).values(values).returning({ id: reentryPlans.id });
  return row!.id;
}

/** Changes a plan. */
export async function updatePlan(tx: Db, id: string, values: Partial<typeof reentryPlans.$inferInsert>): Promise<void> {
  await tx.update(reentryPlans).set(values).where(eq(reentryPlans.id, id));
}

/** The goals of a plan in the order they were set. */
export function findGoals(db: Db, planId: string) {
  return db.select().from(reentryGoals).where(eq(reentryGoals.planId, planId)).orderBy(asc(reentryGoals.createdAt), asc(reentryGoals.id));
}

/** Adds goals. */
export async function insertGoals(tx: Db, rows: (typeof reentryGoals.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await tx.insert(reentryGoals).values(rows);
}

/** Changes a goal of a plan; answers false when the plan has no such goal. */
export async function updateGoal(tx: Db, planId: string, goalId: string, values: Partial<typeof reentryGoals.$inferInsert>): Promise<boolean> {
  const rows = await tx.update(reentryGoals).set(values).where(and(eq(reentryGoals.planId, planId), eq(reentryGoals.id, goalId)))
    .returning({ id: reentryGoals.id });
  return rows.length > 0;
}

/** The check-ins of a plan, newest first, with their authors. */
export function findCheckIns(db: Db, planId: string) {
  return db.select({ c: reentryCheckIns, authorName: users.name }).from(reentryCheckIns).innerJoin(users, eq(users.id, reentryCheckIns.authorId))
    .where(eq(reentryCheckIns.planId, planId)).orderBy(desc(reentryCheckIns.date), desc(reentryCheckIns.createdAt));
}

/** Records a check-in. */
export async function insertCheckIn(tx: Db, values: typeof reentryCheckIns.$inferInsert): Promise<void> {
  await tx.insert(reentryCheckIns).values(values);
}

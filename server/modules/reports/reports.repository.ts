import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Grant } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { districts, reportSubscriptions, roleGrants, schools, users } from '../../db/schema/index.js';

export type SubscriptionRow = typeof reportSubscriptions.$inferSelect;
export type NewSubscription = typeof reportSubscriptions.$inferInsert;
const NONE = ['00000000-0000-0000-0000-000000000000'];

/** Stores subscriptions (in the caller's transaction). */
export async function insertSubscriptions(db: Db, rows: NewSubscription[]): Promise<SubscriptionRow[]> {
  return rows.length ? db.insert(reportSubscriptions).values(rows).returning() : [];
}

/** The subscriptions a user receives or set up for others, oldest first. */
export async function findForUser(db: Db, districtId: string, userId: string): Promise<SubscriptionRow[]> {
  return db.select().from(reportSubscriptions)
    .where(and(eq(reportSubscriptions.districtId, districtId), or(eq(reportSubscriptions.userId, userId), eq(reportSubscriptions.createdBy, userId))))
    .orderBy(asc(reportSubscriptions.createdAt), asc(reportSubscriptions.id));
}

/** One subscription of the district. */
export async function findOne(db: Db, districtId: string, id: string): Promise<SubscriptionRow | undefined> {
  const [row] = await db.select().from(reportSubscriptions).where(and(eq(reportSubscriptions.districtId, districtId), eq(reportSubscriptions.id, id)));
  return row;
}

/** Changes one subscription; answers the stored row. */
export async function updateSubscription(db: Db, districtId: string, id: string, set: Partial<NewSubscription>): Promise<SubscriptionRow> {
  const [row] = await db.update(reportSubscriptions).set(set).where(and(eq(reportSubscriptions.districtId, districtId), eq(reportSubscriptions.id, id))).returning();
  return row!;
}

/** Deletes one subscription. */
export async function deleteSubscription(db: Db, districtId: string, id: string): Promise<void> {
  await db.delete(reportSubscriptions).where(and(eq(reportSubscriptions.districtId, districtId), eq(reportSubscriptions.id, id)));
}

/** Active subscriptions due at `now` (every district: the sender's sweep), soonest first. */
export async function findDue(db: Db, now: Date, limit: number): Promise<SubscriptionRow[]> {
  return db.select().from(reportSubscriptions)
    .where(and(eq(reportSubscriptions.active, true), lte(reportSubscriptions.nextDueAt, now)))
    .orderBy(asc(reportSubscriptions.nextDueAt)).limit(limit);
}

/**
 * Takes one due send: moves `next_due_at` from `due` to `next` only if it still reads `due`, so of two senders
 * (processes, or a sweep overlapping itself) exactly one wins the period. Answers false when another took it.
 */
export async function claimPeriod(db: Db, id: string, due: Date, next: Date, set: Partial<NewSubscription>): Promise<boolean> {
  const rows = await db.update(reportSubscriptions).set({ ...set, nextDueAt: next })
    .where(and(eq(reportSubscriptions.id, id), eq(reportSubscriptions.active, true), eq(reportSubscriptions.nextDueAt, due)))
    .returning({ id: reportSubscriptions.id });
  return rows.length === 1;
}

/** A user as a service sees them now: active flag, e-mail, current grants, the district's zone. */
export async function findRecipient(db: Db, userId: string) {
  const [row] = await db.select({
    userId: users.id, districtId: users.districtId, name: users.name, email: users.email, active: users.active, organizationId: users.organizationId, timeZone: districts.timezone,
    grants: sql<Grant[]>`(select coalesce(json_agg(json_build_object('role', g.role, 'schoolId', g.school_id)), '[]'::json) from role_grants g where g.user_id = ${users.id})`,
  }).from(users).innerJoin(districts, eq(districts.id, users.districtId)).where(eq(users.id, userId));
  if (!row) return undefined;
  return { ...row, grants: typeof row.grants === 'string' ? (JSON.parse(row.grants) as Grant[]) : row.grants };
}

/** The district's time zone. */
export async function findTimeZone(db: Db, districtId: string): Promise<string> {
  const [row] = await db.select({ tz: districts.timezone }).from(districts).where(eq(districts.id, districtId));
  return row?.tz ?? 'UTC';
}

/** Names of users and schools of the district, for answers. */
export async function findNames(db: Db, districtId: string, userIds: string[], schoolIds: string[]) {
  const [people, places] = await Promise.all([
    db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.districtId, districtId), inArray(users.id, userIds.length ? userIds : NONE))),
    db.select({ id: schools.id, name: schools.name }).from(schools).where(and(eq(schools.districtId, districtId), inArray(schools.id, schoolIds.length ? schoolIds : NONE))),
  ]);
  return { users: new Map(people.map((p) => [p.id, p.name])), schools: new Map(places.map((p) => [p.id, p.name])) };
}

/** Active principals (school administrators) holding a grant at one of the schools. */
export async function findPrincipals(db: Db, districtId: string, schoolIds: string[]): Promise<{ id: string; name: string }[]> {
  return db.selectDistinct({ id: users.id, name: users.name }).from(users)
    .innerJoin(roleGrants, and(eq(roleGrants.userId, users.id), eq(roleGrants.role, 'school_admin')))
    .where(and(eq(users.districtId, districtId), eq(users.active, true), inArray(roleGrants.schoolId, schoolIds.length ? schoolIds : NONE)))
    .orderBy(users.name, users.id);
}

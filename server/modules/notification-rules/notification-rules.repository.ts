import { and, asc, eq, inArray, isNull, max, or } from 'drizzle-orm';
import type { NotificationRuleData, UpdateNotificationRuleBody } from '../../../common/notification-rules.js';
import type { Db } from '../../db/connection.js';
import { districts, notificationRules, schoolCalendars } from '../../db/schema/index.js';

/** The district's own rules, in order. */
export async function findRules(db: Db, districtId: string) {
  return db.select().from(notificationRules).where(eq(notificationRules.districtId, districtId))
    .orderBy(asc(notificationRules.position), asc(notificationRules.createdAt));
}

/** One rule of the district. */
export async function findRule(db: Db, districtId: string, id: string) {
  const [row] = await db.select().from(notificationRules).where(and(eq(notificationRules.id, id), eq(notificationRules.districtId, districtId)));
  return row;
}

/** The district's state code (its default rule set). */
export async function findDistrictState(db: Db, districtId: string): Promise<string> {
  const [row] = await db.select({ state: districts.state }).from(districts).where(eq(districts.id, districtId));
  return row?.state ?? '';
}

/** Appends rules after the last position; answers the new rows. */
export async function insertRules(db: Db, districtId: string, rules: readonly NotificationRuleData[]) {
  if (rules.length === 0) return [];
  const [{ last } = { last: 0 }] = await db.select({ last: max(notificationRules.position) }).from(notificationRules)
    .where(eq(notificationRules.districtId, districtId));
  return db.insert(notificationRules).values(rules.map((r, i) => ({ ...r, districtId, position: (last ?? 0) + i + 1 }))).returning();
}

/** Changes a rule of the district. */
export async function updateRule(db: Db, districtId: string, id: string, input: UpdateNotificationRuleBody, now: Date) {
  const [row] = await db.update(notificationRules).set({ ...input, updatedAt: now })
    .where(and(eq(notificationRules.id, id), eq(notificationRules.districtId, districtId))).returning();
  return row;
}

/** Removes one rule of the district. */
export async function deleteRule(db: Db, districtId: string, id: string): Promise<void> {
  await db.delete(notificationRules).where(and(eq(notificationRules.id, id), eq(notificationRules.districtId, districtId)));
}

/** Removes every rule of the district; answers how many. */
export async function deleteRules(db: Db, districtId: string): Promise<number> {
  return (await db.delete(notificationRules).where(eq(notificationRules.districtId, districtId)).returning({ id: notificationRules.id })).length;
}

/** The calendars of the given school years that apply to a school: its own and the district defaults. */
export async function findCalendars(db: Db, districtId: string, schoolId: string, schoolYears: number[]) {
  return db.select().from(schoolCalendars).where(and(
    eq(schoolCalendars.districtId, districtId), inArray(schoolCalendars.schoolYear, schoolYears),
    or(isNull(schoolCalendars.schoolId), eq(schoolCalendars.schoolId, schoolId)),
  ));
}

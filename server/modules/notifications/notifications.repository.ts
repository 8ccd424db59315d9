import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import {
  alertCheckIns, alerts, alertTimeline, escalationSteps, notificationPreferences, notifications, notificationSettings, pushSubscriptions, roleGrants, tips, users,
} from '../../db/schema/index.js';
import type { Role } from '../../../common/roles.js';
import { outsiderCut } from '../../auth/holders.js';

/** A notification to store for one user. */
export type NewNotification = typeof notifications.$inferInsert;

/** Stores notifications (in the caller's transaction). */
export async function insertNotifications(db: Db, rows: NewNotification[]): Promise<void> {
  if (rows.length) await db.insert(notifications).values(rows);
}

/** A user's latest notifications (all or unread only), newest first, and how many are unread. */
export async function findNotifications(db: Db, userId: string, unreadOnly: boolean, limit: number) {
  const items = await db.select().from(notifications)
    .where(and(eq(notifications.userId, userId), unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(limit);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return { items, unread: Number(count?.n ?? 0) };
}

/** Marks one of the user's notifications read; answers whether it exists and is theirs. */
export async function markRead(db: Db, userId: string, id: string, now: Date): Promise<boolean> {
  const [mine] = await db.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  if (!mine) return false;
  await db.update(notifications).set({ readAt: now }).where(and(eq(notifications.id, id), isNull(notifications.readAt)));
  return true;
}

/** Marks all the user's notifications read; answers how many changed. */
export async function markAllRead(db: Db, userId: string, now: Date): Promise<number> {
  const rows = await db.update(notifications).set({ readAt: now }).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).returning({ id: notifications.id });
  return rows.length;
}

/** Stored channel choices of some users (missing: the defaults). */
export async function findPreferences(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db.select().from(notificationPreferences).where(inArray(notificationPreferences.userId, userIds));
}

/** Saves one user's choice for one kind. */
export async function savePreference(db: Db, userId: string, kind: string, value: { inApp: boolean; email: boolean; sms: boolean }, now: Date) {
  await db.insert(notificationPreferences).values({ userId, kind, ...value, updatedAt: now })
    .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { ...value, updatedAt: now } });
}

/** Default settings of a district without a row. */
export const DEFAULT_SETTINGS = { escalationMinutes: 5, reminderHours: 24 } as const;

/** A district's escalation and reminder settings. */
export async function findSettings(db: Db, districtId: string) {
  const [row] = await db.select({ escalationMinutes: notificationSettings.escalationMinutes, reminderHours: notificationSettings.reminderHours })
    .from(notificationSettings).where(eq(notificationSettings.districtId, districtId));
  return row ?? { ...DEFAULT_SETTINGS };
}

/** Saves a district's settings. */
export async function saveSettings(db: Db, districtId: string, value: { escalationMinutes: number; reminderHours: number }, now: Date) {
  await db.insert(notificationSettings).values({ districtId, ...value, updatedAt: now })
    .onConflictDoUpdate({ target: notificationSettings.districtId, set: { ...value, updatedAt: now } });
}

/**
 * Active users of the district holding one of `roles` at the school or district-wide (`districtOnly`: district grants
 * only): the escalation chain of a life-safety tip, so never an outside organization's staff (they hold no tip.read).
 */
export async function findChainPeople(db: Db, districtId: string, schoolId: string, roles: Role[], districtOnly: boolean) {
  return db.selectDistinct({ id: users.id, email: users.email, name: users.name })
    .from(roleGrants).innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(users.districtId, districtId), eq(users.active, true), inArray(roleGrants.role, roles), outsiderCut('tip.read'),
      districtOnly ? isNull(roleGrants.schoolId) : or(eq(roleGrants.schoolId, schoolId), isNull(roleGrants.schoolId))));
}

/**
 * Life-safety tips still unacknowledged (and not closed) with the number of escalation steps already taken,
 * for every district: the sweep decides which are due for their next step.
 */
export async function findWaitingLifeSafetyTips(db: Db) {
  return db.select({
    id: tips.id, districtId: tips.districtId, schoolId: tips.schoolId, number: tips.number, createdAt: tips.createdAt,
    steps: sql<number>`(select count(*)::int from ${escalationSteps} e where e.subject_type = 'tip' and e.subject_id = ${tips.id})`,
  }).from(tips).where(and(eq(tips.lifeSafety, true), isNull(tips.acknowledgedAt), sql`${tips.status} <> 'closed'`));
}

/** Records an escalation step; answers false when another process took it first. */
export async function insertStep(db: Db, step: typeof escalationSteps.$inferInsert): Promise<boolean> {
  const rows = await db.insert(escalationSteps).values(step).onConflictDoNothing().returning({ id: escalationSteps.id });
  return rows.length > 0;
}

/** The escalation steps of a record, first step first. */
export async function findSteps(db: Db, subjectType: 'tip' | 'check_in', subjectId: string) {
  return db.select().from(escalationSteps)
    .where(and(eq(escalationSteps.subjectType, subjectType), eq(escalationSteps.subjectId, subjectId))).orderBy(escalationSteps.step);
}

/** Active users of the district among `ids`, with their e-mail. */
export async function findPeople(db: Db, districtId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: users.id, email: users.email, mobilePhone: users.mobilePhone, smsGateway: users.smsGateway }).from(users)
    .where(and(eq(users.districtId, districtId), eq(users.active, true), inArray(users.id, ids)));
}

/** A user's mobile number and carrier gateway. */
export async function findMobile(db: Db, userId: string) {
  const [row] = await db.select({ mobilePhone: users.mobilePhone, smsGateway: users.smsGateway }).from(users).where(eq(users.id, userId));
  return row ?? { mobilePhone: null, smsGateway: null };
}

/** Saves a user's mobile number and carrier gateway. */
export async function saveMobile(db: Db, userId: string, value: { mobilePhone: string | null; smsGateway: string | null }, now: Date) {
  await db.update(users).set({ ...value, updatedAt: now }).where(eq(users.id, userId));
}

/** Active staff of a directory organization (a vendor) in the district. */
export async function findOrganizationStaff(db: Db, districtId: string, organizationId: string) {
  const rows = await db.select({ id: users.id }).from(users)
    .where(and(eq(users.districtId, districtId), eq(users.active, true), eq(users.organizationId, organizationId)));
  return rows.map((r) => r.id);
}

/** "Need help" check-ins of alerts still in force, with the escalation steps already taken. */
export async function findWaitingHelp(db: Db) {
  return db.select({
    id: alertCheckIns.id, alertId: alertCheckIns.alertId, districtId: alerts.districtId, schoolId: alertCheckIns.schoolId,
    since: alertCheckIns.checkedInAt, location: alertCheckIns.location, name: users.name,
    steps: sql<number>`(select count(*)::int from ${escalationSteps} e where e.subject_type = 'check_in' and e.subject_id = ${alertCheckIns.id})`,
  }).from(alertCheckIns).innerJoin(alerts, eq(alerts.id, alertCheckIns.alertId)).innerJoin(users, eq(users.id, alertCheckIns.userId))
    .where(and(eq(alertCheckIns.status, 'need_help'), eq(alerts.status, 'active')));
}

/** Adds an entry to an alert's timeline (the record of the alert). */
export async function insertAlertTimeline(db: Db, entry: typeof alertTimeline.$inferInsert): Promise<void> {
  await db.insert(alertTimeline).values(entry);
}

/** Saves a user's push subscription (the endpoint is unique: a device re-subscribing replaces its keys and owner). */
export async function savePushSubscription(db: Db, row: { districtId: string; userId: string; endpoint: string; p256dh: string; auth: string; device: string | null }, now: Date) {
  const [saved] = await db.insert(pushSubscriptions).values({ ...row, createdAt: now })
    .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { districtId: row.districtId, userId: row.userId, p256dh: row.p256dh, auth: row.auth, device: row.device, createdAt: now } })
    .returning({ id: pushSubscriptions.id });
  return saved!.id;
}

/** Removes one of a user's push subscriptions by endpoint; answers whether there was one. */
export async function deletePushSubscription(db: Db, userId: string, endpoint: string): Promise<boolean> {
  const rows = await db.delete(pushSubscriptions).where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint))).returning({ id: pushSubscriptions.id });
  return rows.length > 0;
}

/** A user's push subscriptions (devices), newest first. */
export async function findPushSubscriptionsOf(db: Db, userId: string) {
  return db.select({ id: pushSubscriptions.id, endpoint: pushSubscriptions.endpoint, device: pushSubscriptions.device, createdAt: pushSubscriptions.createdAt, lastSentAt: pushSubscriptions.lastSentAt })
    .from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId)).orderBy(desc(pushSubscriptions.createdAt));
}

/** The push subscriptions of some users. */
export async function findPushSubscriptions(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db.select({ id: pushSubscriptions.id, userId: pushSubscriptions.userId }).from(pushSubscriptions).where(inArray(pushSubscriptions.userId, userIds));
}

/** The push targets of subscriptions, by id (one query for a batch of outbox messages; removed ones are absent). */
export async function findPushTargets(db: Db, ids: readonly string[]) {
  const byId = new Map<string, { endpoint: string; p256dh: string; auth: string }>();
  if (ids.length === 0) return byId;
  const found = await db.select({ id: pushSubscriptions.id, endpoint: pushSubscriptions.endpoint, p256dh: pushSubscriptions.p256dh, auth: pushSubscriptions.auth })
    .from(pushSubscriptions).where(inArray(pushSubscriptions.id, [...new Set(ids)]));
  for (const { id, ...target } of found) byId.set(id, target);
  return byId;
}

/** Marks deliveries to subscriptions (one statement for a batch). */
export async function touchPushSubscriptions(db: Db, ids: readonly string[], now: Date) {
  if (ids.length) await db.update(pushSubscriptions).set({ lastSentAt: now }).where(inArray(pushSubscriptions.id, [...new Set(ids)]));
}

/** Removes a subscription the push service says is gone. */
export async function removePushSubscription(db: Db, id: string) {
  await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, id));
}

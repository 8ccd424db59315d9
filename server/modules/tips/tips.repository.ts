import { and, asc, desc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import {
  roleGrants, schools, tipAttachments, tipLinks, tipMessages, tips, users,
} from '../../db/schema/index.js';
import { ROLE_PERMISSIONS } from '../../../common/permissions.js';
import { ROLES } from '../../../common/roles.js';
import { afterCursor, type QueueCursor } from './tips.flood.js';
import { outsiderCut } from '../../auth/holders.js';

export type TipRow = typeof tips.$inferSelect;

/** Active schools whose name contains `q`, any district (the public page's school picker). */
export async function searchSchools(db: Db, q: string) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db.select({ id: schools.id, name: schools.name, city: schools.city }).from(schools)
    .where(and(eq(schools.active, true), ilike(schools.name, pattern))).orderBy(asc(schools.name)).limit(20);
}

/** An active school by id with its district, or undefined. */
export async function findSchool(db: Db, schoolId: string) {
  const [row] = await db.select({ id: schools.id, districtId: schools.districtId, name: schools.name }).from(schools)
    .where(and(eq(schools.id, schoolId), eq(schools.active, true)));
  return row;
}

export { nextNumber } from '../../db/counters.js';

/** Inserts a tip; returns its id. */
export async function insertTip(db: Db, values: typeof tips.$inferInsert): Promise<string> {
  const [row] = await db.insert(tips).values(values).returning({ id: tips.id });
  return row!.id;
}

/** Stores a tip's (stripped) attachment. */
export async function insertAttachment(db: Db, values: typeof tipAttachments.$inferInsert): Promise<void> {
  await db.insert(tipAttachments).values(values);
}

/** A tip by the hash of its code, with its school's name. */
export async function findTipByCode(db: Db, hash: string) {
  const [row] = await db.select({ tip: tips, schoolName: schools.name }).from(tips)
    .innerJoin(schools, eq(schools.id, tips.schoolId)).where(eq(tips.codeHash, hash));
  return row;
}

/** A tip of the district by id with its school name, optionally locked. */
export async function findTip(db: Db, districtId: string, id: string, options: { forUpdate?: boolean } = {}) {
  const query = db.select({ tip: tips, schoolName: schools.name }).from(tips)
    .innerJoin(schools, eq(schools.id, tips.schoolId)).where(and(eq(tips.districtId, districtId), eq(tips.id, id)));
  const [row] = options.forUpdate ? await query.for('update', { of: tips }) : await query;
  return row;
}

/** Messages of a tip, oldest first, with the staff author's name. */
export async function findMessages(db: Db, tipId: string) {
  return db.select({ message: tipMessages, staffName: users.name }).from(tipMessages)
    .leftJoin(users, eq(users.id, tipMessages.staffUserId)).where(eq(tipMessages.tipId, tipId)).orderBy(asc(tipMessages.createdAt), asc(tipMessages.id));
}

/** Appends a dialogue message. */
export async function insertMessage(db: Db, values: typeof tipMessages.$inferInsert): Promise<void> {
  await db.insert(tipMessages).values(values);
}

/** Changes a tip. */
export async function updateTip(db: Db, id: string, values: Partial<typeof tips.$inferInsert>): Promise<void> {
  await db.update(tips).set(values).where(eq(tips.id, id));
}

/** Attachment info (no bytes) of a tip. */
export async function findAttachmentInfo(db: Db, tipId: string) {
  const [row] = await db.select({ mediaType: tipAttachments.mediaType, size: tipAttachments.size }).from(tipAttachments)
    .where(eq(tipAttachments.tipId, tipId));
  return row;
}

/** Attachment bytes of a tip. */
export async function findAttachment(db: Db, tipId: string) {
  const [row] = await db.select().from(tipAttachments).where(eq(tipAttachments.tipId, tipId));
  return row;
}

/** Links of a tip. */
export async function findLinks(db: Db, tipId: string) {
  return db.select().from(tipLinks).where(eq(tipLinks.tipId, tipId)).orderBy(asc(tipLinks.createdAt));
}

/** Adds a link (a repeated link is kept once). */
export async function insertLink(db: Db, values: typeof tipLinks.$inferInsert): Promise<void> {
  await db.insert(tipLinks).values(values).onConflictDoNothing();
}

/** The queue: tips of the scope's schools, unacknowledged life-safety first, then newest. */
export async function findTips(db: Db, districtId: string, scope: Scope, filter: { schoolId?: string; status?: string; lifeSafety?: boolean; limit: number; after?: QueueCursor }) {
  const where = [eq(tips.districtId, districtId)];
  if (!scope.all) where.push(scope.schoolIds.length ? inArray(tips.schoolId, scope.schoolIds) : sql`false`);
  if (filter.schoolId) where.push(eq(tips.schoolId, filter.schoolId));
  if (filter.status) where.push(eq(tips.status, filter.status as TipRow['status']));
  if (filter.lifeSafety !== undefined) where.push(eq(tips.lifeSafety, filter.lifeSafety));
  if (filter.after) where.push(afterCursor(filter.after));
  return db.select({
    tip: tips, schoolName: schools.name,
    lastMessageAt: sql<string | null>`(select max(m.created_at)::text from tip_messages m where m.tip_id = ${tips.id})`,
    unread: sql<number>`(select count(*)::int from tip_messages m where m.tip_id = ${tips.id} and m.author = 'reporter'
      and (${tips.staffReadAt} is null or m.created_at > ${tips.staffReadAt}))`,
  }).from(tips).innerJoin(schools, eq(schools.id, tips.schoolId)).where(and(...where))
    .orderBy(desc(sql`(${tips.lifeSafety} and ${tips.acknowledgedAt} is null)`), desc(tips.createdAt), desc(tips.id)).limit(filter.limit);
}

const TIP_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('tip.read'));

/** Active users holding tip.read at the school (or district-wide): the team told about a life-safety tip. */
export async function findTipTeam(db: Db, districtId: string, schoolId: string) {
  return db.selectDistinct({ id: users.id, email: users.email, name: users.name })
    .from(roleGrants).innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(
      eq(users.districtId, districtId), eq(users.active, true), inArray(roleGrants.role, TIP_ROLES), outsiderCut('tip.read'),
      or(eq(roleGrants.schoolId, schoolId), isNull(roleGrants.schoolId)),
    ));
}

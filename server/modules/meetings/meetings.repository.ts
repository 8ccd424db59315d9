import { and, asc, desc, eq, gt, gte, isNull, lt, or, sql } from 'drizzle-orm';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import {
  actionItems, activityEntries, meetingAttendance, meetings, meetingSeries, roleGrants, schoolDocuments, schools, users,
} from '../../db/schema/index.js';
import { inScope } from '../drills/drills.scope.js';

// ───────────────────────── series ─────────────────────────

/** Series of the scope's schools, with the next meeting after `now`. */
export async function findSeries(db: Db, districtId: string, scope: Scope, f: { id?: string; schoolId?: string }, now: Date) {
  return db.select({
    s: meetingSeries, schoolName: schools.name,
    nextId: sql<string | null>`(select id from meetings m where m.series_id = ${meetingSeries.id} and not m.cancelled and m.starts_at > ${now.toISOString()}::timestamptz order by m.starts_at limit 1)`,
    nextAt: sql<string | null>`(select starts_at from meetings m where m.series_id = ${meetingSeries.id} and not m.cancelled and m.starts_at > ${now.toISOString()}::timestamptz order by m.starts_at limit 1)`,
  }).from(meetingSeries).innerJoin(schools, eq(schools.id, meetingSeries.schoolId))
    .where(and(eq(meetingSeries.districtId, districtId), inScope(meetingSeries.schoolId, scope),
      f.id ? eq(meetingSeries.id, f.id) : undefined, f.schoolId ? eq(meetingSeries.schoolId, f.schoolId) : undefined))
    .orderBy(asc(schools.name), asc(meetingSeries.title));
}

/** Inserts a series. */
export async function insertSeries(db: Db, values: typeof meetingSeries.$inferInsert) {
  const [row] = await db.insert(meetingSeries).values(values).returning({ id: meetingSeries.id });
  return row!.id;
}

/** Changes a series. */
export async function updateSeries(db: Db, id: string, values: Partial<typeof meetingSeries.$inferInsert>, now: Date) {
  await db.update(meetingSeries).set({ ...values, updatedAt: now }).where(eq(meetingSeries.id, id));
}

/** Changes the future occurrences of a series; `withoutMinutes` leaves those already written up alone. */
export async function updateFutureOccurrences(db: Db, seriesId: string, after: Date, values: Partial<typeof meetings.$inferInsert>, withoutMinutes = false) {
  return db.update(meetings).set({ ...values, updatedAt: after })
    .where(and(eq(meetings.seriesId, seriesId), gt(meetings.startsAt, after), withoutMinutes ? isNull(meetings.minutes) : undefined))
    .returning({ id: meetings.id });
}

// ───────────────────────── meetings ─────────────────────────

const meetingColumns = {
  m: meetings, schoolName: schools.name,
  openItems: sql<number>`(select count(*)::int from ${actionItems} where ${actionItems.meetingId} = ${meetings.id} and ${actionItems.status} = 'open')`,
};
/** A meeting row with its school name and open action items. */
export type MeetingRow = Awaited<ReturnType<typeof findMeetings>>[number];

/** Meetings of the scope's schools, by start. */
export async function findMeetings(db: Db, districtId: string, scope: Scope, f: { id?: string; schoolId?: string; seriesId?: string; from?: Date; to?: Date; limit?: number }) {
  return db.select(meetingColumns).from(meetings).innerJoin(schools, eq(schools.id, meetings.schoolId))
    .where(and(eq(meetings.districtId, districtId), inScope(meetings.schoolId, scope), f.id ? eq(meetings.id, f.id) : undefined,
      f.schoolId ? eq(meetings.schoolId, f.schoolId) : undefined, f.seriesId ? eq(meetings.seriesId, f.seriesId) : undefined,
      f.from ? gte(meetings.startsAt, f.from) : undefined, f.to ? lt(meetings.startsAt, f.to) : undefined))
    .orderBy(asc(meetings.startsAt)).limit(f.limit ?? 500);
}

/** Locks one meeting of the district. */
export async function lockMeeting(db: Db, districtId: string, id: string) {
  const [row] = await db.select().from(meetings).where(and(eq(meetings.id, id), eq(meetings.districtId, districtId))).for('update');
  return row;
}

/** Inserts meetings. */
export async function insertMeetings(db: Db, values: (typeof meetings.$inferInsert)[]) {
  return db.insert(meetings).values(values).returning({ id: meetings.id });
}

/** Changes a meeting. */
export async function updateMeeting(db: Db, id: string, values: Partial<typeof meetings.$inferInsert>, now: Date) {
  await db.update(meetings).set({ ...values, updatedAt: now }).where(eq(meetings.id, id));
}

/** Attendance of a meeting with names. */
export async function findAttendance(db: Db, meetingId: string) {
  return db.select({ id: meetingAttendance.id, userId: users.id, name: users.name, attended: meetingAttendance.attended })
    .from(meetingAttendance).innerJoin(users, eq(users.id, meetingAttendance.userId))
    .where(eq(meetingAttendance.meetingId, meetingId)).orderBy(asc(users.name));
}

/** Records whether a user attended; answers the attendance row's id (the activity entry's source). */
export async function upsertAttendance(db: Db, meetingId: string, userId: string, attended: boolean, now: Date) {
  const [row] = await db.insert(meetingAttendance).values({ meetingId, userId, attended, recordedAt: now })
    .onConflictDoUpdate({ target: [meetingAttendance.meetingId, meetingAttendance.userId], set: { attended, recordedAt: now } })
    .returning({ id: meetingAttendance.id });
  return row!.id;
}

/** Attendance rows of a meeting that have an activity entry (to move or remove with the meeting). */
export async function findLoggedAttendance(db: Db, meetingId: string) {
  return db.select({ id: meetingAttendance.id, userId: meetingAttendance.userId }).from(meetingAttendance)
    .innerJoin(activityEntries, and(eq(activityEntries.sourceType, 'meeting'), eq(activityEntries.sourceId, meetingAttendance.id)))
    .where(eq(meetingAttendance.meetingId, meetingId));
}

// ───────────────────────── action items ─────────────────────────

const itemColumns = { a: actionItems, ownerName: users.name, meetingTitle: meetings.title, meetingStartsAt: meetings.startsAt, schoolId: meetings.schoolId };
/** An action item with its owner and meeting. */
export type ItemRow = Awaited<ReturnType<typeof findItems>>[number];

/** Action items of meetings at the scope's schools: open first, then by due day. */
export async function findItems(db: Db, districtId: string, scope: Scope, f: { id?: string; meetingId?: string; schoolId?: string; status?: 'open' | 'done'; ownerId?: string; limit?: number }) {
  return db.select(itemColumns).from(actionItems).innerJoin(meetings, eq(meetings.id, actionItems.meetingId)).innerJoin(users, eq(users.id, actionItems.ownerId))
    .where(and(eq(meetings.districtId, districtId), inScope(meetings.schoolId, scope), f.id ? eq(actionItems.id, f.id) : undefined,
      f.meetingId ? eq(actionItems.meetingId, f.meetingId) : undefined, f.schoolId ? eq(meetings.schoolId, f.schoolId) : undefined,
      f.status ? eq(actionItems.status, f.status) : undefined, f.ownerId ? eq(actionItems.ownerId, f.ownerId) : undefined))
    .orderBy(desc(sql`${actionItems.status} = 'open'`), sql`${actionItems.dueOn} nulls last`, asc(actionItems.createdAt)).limit(f.limit ?? 500);
}

/** Inserts an action item. */
export async function insertItem(db: Db, values: typeof actionItems.$inferInsert) {
  const [row] = await db.insert(actionItems).values(values).returning({ id: actionItems.id });
  return row!.id;
}

/** Changes an action item. */
export async function updateItem(db: Db, id: string, values: Partial<typeof actionItems.$inferInsert>, now: Date) {
  await db.update(actionItems).set({ ...values, updatedAt: now }).where(eq(actionItems.id, id));
}

/** True when the user is active in the district with a grant at the school or district-wide. */
export async function isPersonOfSchool(db: Db, districtId: string, userId: string, schoolId: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).innerJoin(roleGrants, eq(roleGrants.userId, users.id))
    .where(and(eq(users.id, userId), eq(users.districtId, districtId), eq(users.active, true),
      or(isNull(roleGrants.schoolId), eq(roleGrants.schoolId, schoolId)))).limit(1);
  return Boolean(row);
}

// ───────────────────────── documents ─────────────────────────

const documentColumns = {
  id: schoolDocuments.id, schoolId: schoolDocuments.schoolId, schoolName: schools.name, kind: schoolDocuments.kind, title: schoolDocuments.title,
  format: schoolDocuments.format, fileName: schoolDocuments.fileName, fileSize: schoolDocuments.fileSize, uploadedBy: schoolDocuments.uploadedBy,
  uploaderName: users.name, uploadedAt: schoolDocuments.uploadedAt,
  current: sql<boolean>`not exists (select 1 from school_documents d where d.school_id = ${schoolDocuments.schoolId} and d.kind = ${schoolDocuments.kind}
    and (d.uploaded_at, d.id) > (${schoolDocuments.uploadedAt}, ${schoolDocuments.id}))`,
};
/** A document version without its content. */
export type DocumentRow = Awaited<ReturnType<typeof findDocuments>>[number];

/** Document versions of the scope's schools, newest first per school and kind. */
export async function findDocuments(db: Db, districtId: string, scope: Scope, f: { id?: string; schoolId?: string; kind?: string }) {
  return db.select(documentColumns).from(schoolDocuments).innerJoin(schools, eq(schools.id, schoolDocuments.schoolId)).innerJoin(users, eq(users.id, schoolDocuments.uploadedBy))
    .where(and(eq(schoolDocuments.districtId, districtId), inScope(schoolDocuments.schoolId, scope), f.id ? eq(schoolDocuments.id, f.id) : undefined,
      f.schoolId ? eq(schoolDocuments.schoolId, f.schoolId) : undefined, f.kind ? eq(schoolDocuments.kind, f.kind as 'mou') : undefined))
    .orderBy(asc(schools.name), asc(schoolDocuments.kind), desc(schoolDocuments.uploadedAt), desc(schoolDocuments.id));
}

/** The text and file of one version. */
export async function findDocumentContent(db: Db, id: string) {
  const [row] = await db.select({ body: schoolDocuments.body, fileKey: schoolDocuments.fileKey, legacyFile: schoolDocuments.legacyFile, fileName: schoolDocuments.fileName, format: schoolDocuments.format })
    .from(schoolDocuments).where(eq(schoolDocuments.id, id));
  return row;
}

/** Inserts a version. */
export async function insertDocument(db: Db, values: typeof schoolDocuments.$inferInsert) {
  const [row] = await db.insert(schoolDocuments).values(values).returning({ id: schoolDocuments.id });
  return row!.id;
}

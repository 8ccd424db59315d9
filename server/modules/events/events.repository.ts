import { and, asc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { eventFeeds, roleGrants, schoolEvents, schoolFeeders, schools, sroAssignments, users } from '../../db/schema/index.js';
import { inScope } from '../drills/drills.scope.js';

const cover = alias(users, 'cover_sro');
const assigner = alias(users, 'cover_assigner');
const creator = alias(users, 'event_creator');

const eventColumns = {
  e: schoolEvents, schoolName: schools.name, coverName: cover.name, assignerName: assigner.name, creatorName: creator.name,
};
/** An event row with the names the answer shows. */
export type EventRow = Awaited<ReturnType<typeof findEvents>>[number];

/** What GET /events filters on, resolved (instants instead of days). */
export interface EventFilter {
  id?: string;
  ids?: string[];
  schoolId?: string;
  from?: Date;
  to?: Date;
  uncovered?: boolean;
  conflicts?: boolean;
  sroId?: string;
  limit?: number;
}

function overlapsOther(): SQL {
  return sql`exists (select 1 from school_events o where o.cover_sro_id = ${schoolEvents.coverSroId} and o.id <> ${schoolEvents.id}
    and not o.cancelled and o.starts_at < ${schoolEvents.endsAt} and o.ends_at > ${schoolEvents.startsAt})`;
}

/** Events of the district within the scope's schools, by start. */
export async function findEvents(db: Db, districtId: string, scope: Scope, f: EventFilter) {
  return db.select(eventColumns).from(schoolEvents)
    .innerJoin(schools, eq(schools.id, schoolEvents.schoolId))
    .innerJoin(creator, eq(creator.id, schoolEvents.createdBy))
    .leftJoin(cover, eq(cover.id, schoolEvents.coverSroId))
    .leftJoin(assigner, eq(assigner.id, schoolEvents.coverAssignedBy))
    .where(and(
      eq(schoolEvents.districtId, districtId), inScope(schoolEvents.schoolId, scope),
      f.id ? eq(schoolEvents.id, f.id) : undefined,
      f.ids ? inArray(schoolEvents.id, f.ids.length ? f.ids : [districtId]) : undefined,
      f.schoolId ? eq(schoolEvents.schoolId, f.schoolId) : undefined,
      f.from ? gte(schoolEvents.endsAt, f.from) : undefined,
      f.to ? lt(schoolEvents.startsAt, f.to) : undefined,
      f.uncovered ? and(isNull(schoolEvents.coverSroId), eq(schoolEvents.cancelled, false)) : undefined,
      f.uncovered === false ? isNotNull(schoolEvents.coverSroId) : undefined,
      f.conflicts ? and(isNotNull(schoolEvents.coverSroId), eq(schoolEvents.cancelled, false), overlapsOther()) : undefined,
      f.sroId ? eq(schoolEvents.coverSroId, f.sroId) : undefined,
    ))
    .orderBy(asc(schoolEvents.startsAt), asc(schoolEvents.title))
    .limit(f.limit ?? 500);
}

/** For each of the events, the other events (not cancelled) its SRO covers at overlapping times. */
export async function findConflicts(db: Db, eventIds: string[]) {
  if (eventIds.length === 0) return [];
  const other = alias(schoolEvents, 'other_event');
  return db.select({
    eventId: schoolEvents.id, otherId: other.id, title: other.title, schoolId: other.schoolId, schoolName: schools.name,
    startsAt: other.startsAt, endsAt: other.endsAt,
  }).from(schoolEvents)
    .innerJoin(other, and(eq(other.coverSroId, schoolEvents.coverSroId), ne(other.id, schoolEvents.id), eq(other.cancelled, false),
      lt(other.startsAt, schoolEvents.endsAt), sql`${other.endsAt} > ${schoolEvents.startsAt}`))
    .innerJoin(schools, eq(schools.id, other.schoolId))
    .where(and(inArray(schoolEvents.id, eventIds), eq(schoolEvents.cancelled, false)))
    .orderBy(asc(other.startsAt));
}

/** Events an SRO covers overlapping [start, end), other than `exceptId`. */
export async function findCoveredOverlapping(db: Db, sroIds: string[], start: Date, end: Date, exceptId: string) {
  if (sroIds.length === 0) return [];
  return db.select({
    sroId: schoolEvents.coverSroId, eventId: schoolEvents.id, title: schoolEvents.title, schoolId: schoolEvents.schoolId,
    schoolName: schools.name, startsAt: schoolEvents.startsAt, endsAt: schoolEvents.endsAt,
  }).from(schoolEvents).innerJoin(schools, eq(schools.id, schoolEvents.schoolId))
    .where(and(inArray(schoolEvents.coverSroId, sroIds), ne(schoolEvents.id, exceptId), eq(schoolEvents.cancelled, false),
      lt(schoolEvents.startsAt, end), gt(schoolEvents.endsAt, start)))
    .orderBy(asc(schoolEvents.startsAt));
}

/** Locks one event of the district for a change. */
export async function lockEvent(db: Db, districtId: string, id: string) {
  const [row] = await db.select().from(schoolEvents).where(and(eq(schoolEvents.id, id), eq(schoolEvents.districtId, districtId))).for('update');
  return row;
}

/** Inserts an event. */
export async function insertEvent(db: Db, values: typeof schoolEvents.$inferInsert) {
  const [row] = await db.insert(schoolEvents).values(values).returning({ id: schoolEvents.id });
  return row!.id;
}

/** Changes an event. */
export async function updateEvent(db: Db, id: string, values: Partial<typeof schoolEvents.$inferInsert>, now: Date) {
  await db.update(schoolEvents).set({ ...values, updatedAt: now }).where(eq(schoolEvents.id, id));
}

/**
 * SROs (active users) with an assignment running on `day` at the school itself or at a school linked to it by
 * a feeder relation (either way), with the kind of the assignment.
 */
export async function findCandidates(db: Db, districtId: string, schoolId: string, day: string) {
  const related = db.select({ id: sql<string>`case when ${schoolFeeders.schoolId} = ${schoolId} then ${schoolFeeders.feederSchoolId} else ${schoolFeeders.schoolId} end` })
    .from(schoolFeeders).where(or(eq(schoolFeeders.schoolId, schoolId), eq(schoolFeeders.feederSchoolId, schoolId)));
  return db.selectDistinct({ id: users.id, name: users.name, schoolId: sroAssignments.schoolId, kind: sroAssignments.kind })
    .from(sroAssignments).innerJoin(users, eq(users.id, sroAssignments.userId))
    .where(and(
      eq(users.districtId, districtId), eq(users.active, true),
      or(eq(sroAssignments.schoolId, schoolId), inArray(sroAssignments.schoolId, related)),
      lte(sroAssignments.startsOn, day), or(isNull(sroAssignments.endsOn), gte(sroAssignments.endsOn, day)),
    ))
    .orderBy(asc(users.name));
}

// ───────────────────────── feeds ─────────────────────────

/** Feeds of a user (not revoked), with the school name. */
export async function findFeeds(db: Db, userId: string, id?: string) {
  return db.select({ f: eventFeeds, schoolName: schools.name }).from(eventFeeds).leftJoin(schools, eq(schools.id, eventFeeds.schoolId))
    .where(and(eq(eventFeeds.userId, userId), isNull(eventFeeds.revokedAt), id ? eq(eventFeeds.id, id) : undefined))
    .orderBy(asc(eventFeeds.createdAt));
}

/** Inserts a feed. */
export async function insertFeed(db: Db, values: typeof eventFeeds.$inferInsert) {
  const [row] = await db.insert(eventFeeds).values(values).returning({ id: eventFeeds.id });
  return row!.id;
}

/** Changes a feed. */
export async function updateFeed(db: Db, id: string, values: Partial<typeof eventFeeds.$inferInsert>) {
  await db.update(eventFeeds).set(values).where(eq(eventFeeds.id, id));
}

/** The live feed of a token hash, with its owner's state and name of its school. */
export async function findFeedByHash(db: Db, tokenHash: string) {
  const [row] = await db.select({ f: eventFeeds, ownerActive: users.active, ownerOrganizationId: users.organizationId, ownerName: users.name, schoolName: schools.name })
    .from(eventFeeds).innerJoin(users, eq(users.id, eventFeeds.userId)).leftJoin(schools, eq(schools.id, eventFeeds.schoolId))
    .where(and(eq(eventFeeds.tokenHash, tokenHash), isNull(eventFeeds.revokedAt)));
  return row;
}

/** The role grants of a user. */
export async function findGrants(db: Db, userId: string) {
  return db.select({ role: roleGrants.role, schoolId: roleGrants.schoolId }).from(roleGrants).where(eq(roleGrants.userId, userId));
}

/** The events a feed shows: its school's, or those its owner covers; ending after `since`, by start. */
export async function findFeedEvents(db: Db, feed: { districtId: string; scope: string; schoolId: string | null; userId: string }, since: Date) {
  return db.select({ e: schoolEvents, schoolName: schools.name }).from(schoolEvents)
    .innerJoin(schools, eq(schools.id, schoolEvents.schoolId))
    .where(and(
      eq(schoolEvents.districtId, feed.districtId), gte(schoolEvents.endsAt, since),
      feed.scope === 'school' && feed.schoolId ? eq(schoolEvents.schoolId, feed.schoolId) : eq(schoolEvents.coverSroId, feed.userId),
    ))
    .orderBy(asc(schoolEvents.startsAt)).limit(5000);
}

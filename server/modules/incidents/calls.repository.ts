import { and, asc, desc, eq, gte, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { calls, campusAreas, incidents, schools, users } from '../../db/schema/index.js';
import { inScope } from '../schools/schools.repository.js';

const assignee = alias(users, 'assignee');
const taker = alias(users, 'taker');

const callColumns = {
  call: calls, schoolName: schools.name, areaName: campusAreas.name, assignedUserName: assignee.name, takenByName: taker.name,
  incident: { number: incidents.number, schoolId: incidents.schoolId, hasJuvenile: incidents.hasJuvenile, sealedAt: incidents.sealedAt, authorId: incidents.authorId, status: incidents.status },
};

function callQuery(db: Db) {
  return db.select(callColumns).from(calls)
    .innerJoin(schools, eq(schools.id, calls.schoolId))
    .innerJoin(taker, eq(taker.id, calls.takenById))
    .leftJoin(campusAreas, eq(campusAreas.id, calls.areaId))
    .leftJoin(assignee, eq(assignee.id, calls.assignedUserId))
    .leftJoin(incidents, eq(incidents.id, calls.incidentId));
}

/** A call row with names and the facts of its incident. */
export type CallRow = Awaited<ReturnType<typeof findCall>> & object;

/** Filters of the call list. */
export interface CallFilter {
  schoolId?: string;
  status: 'open' | 'cleared' | 'all';
  from?: string;
  to?: string;
}

/** A page of calls of the district in `scope`, newest first, after `cursor` ([receivedAt, id]). */
export async function findCalls(db: Db, districtId: string, scope: Scope, f: CallFilter, cursor: [string, string] | null, limit: number) {
  const conditions: (SQL | undefined)[] = [
    eq(calls.districtId, districtId), inScope(calls.schoolId, scope),
    f.schoolId ? eq(calls.schoolId, f.schoolId) : undefined,
    f.status === 'open' ? isNull(calls.clearedAt) : f.status === 'cleared' ? isNotNull(calls.clearedAt) : undefined,
    f.from ? gte(calls.receivedAt, new Date(f.from)) : undefined,
    f.to ? lt(calls.receivedAt, new Date(f.to)) : undefined,
    cursor ? sql`(${calls.receivedAt}, ${calls.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)` : undefined,
  ];
  return callQuery(db).where(and(...conditions)).orderBy(desc(calls.receivedAt), desc(calls.id)).limit(limit);
}

/** Open calls of schools in `scope`: emergencies first, then oldest first. */
export async function findOpenCalls(db: Db, districtId: string, scope: Scope) {
  return callQuery(db).where(and(eq(calls.districtId, districtId), inScope(calls.schoolId, scope), isNull(calls.clearedAt)))
    .orderBy(asc(calls.priority), asc(calls.receivedAt)).limit(200);
}

/** One call of the district, or undefined; `forUpdate` locks it. */
export async function findCall(db: Db, districtId: string, id: string, options: { forUpdate?: boolean } = {}) {
  const query = callQuery(db).where(and(eq(calls.id, id), eq(calls.districtId, districtId)));
  const [row] = options.forUpdate ? await query.for('update', { of: calls }) : await query;
  return row;
}

/** Inserts a call and returns its id. */
export async function insertCall(db: Db, values: typeof calls.$inferInsert) {
  const [row] = await db.insert(calls).values(values).returning({ id: calls.id });
  return row!.id;
}

/** Changes a call. */
export async function updateCall(db: Db, id: string, values: Partial<typeof calls.$inferInsert>) {
  await db.update(calls).set(values).where(eq(calls.id, id));
}

/** An active user of the district, or undefined. */
export async function findActiveUser(db: Db, districtId: string, id: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, id), eq(users.districtId, districtId), eq(users.active, true)));
  return row;
}

import { and, desc, eq, gte, lte } from 'drizzle-orm';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { drills, schools, users } from '../../db/schema/index.js';
import type { DrillBody, UpdateDrillBody } from './drills.schemas.js';
import { inScope } from './drills.scope.js';

const columns = {
  drill: drills, schoolName: schools.name, recordedByName: users.name,
};
/** A drill row with its school and recorder names. */
export type DrillRow = Awaited<ReturnType<typeof findDrills>>[number];

/** Drills of the district within a scope, newest first. */
export async function findDrills(
  db: Db, districtId: string, scope: Scope,
  filter: { schoolId?: string; from?: string; to?: string; status?: string; type?: string; limit: number },
) {
  const conditions = [eq(drills.districtId, districtId), inScope(drills.schoolId, scope)];
  if (filter.schoolId) conditions.push(eq(drills.schoolId, filter.schoolId));
  if (filter.from) conditions.push(gte(drills.date, filter.from));
  if (filter.to) conditions.push(lte(drills.date, filter.to));
  if (filter.status) conditions.push(eq(drills.status, filter.status as never));
  if (filter.type) conditions.push(eq(drills.type, filter.type as never));
  return db.select(columns).from(drills).innerJoin(schools, eq(schools.id, drills.schoolId)).innerJoin(users, eq(users.id, drills.recordedBy))
    .where(and(...conditions)).orderBy(desc(drills.date), desc(drills.startTime), desc(drills.createdAt)).limit(filter.limit);
}

/** One drill of the district. */
export async function findDrill(db: Db, districtId: string, id: string) {
  const [row] = await db.select(columns).from(drills).innerJoin(schools, eq(schools.id, drills.schoolId)).innerJoin(users, eq(users.id, drills.recordedBy))
    .where(and(eq(drills.id, id), eq(drills.districtId, districtId)));
  return row;
}

/** Inserts a drill; answers its id. */
export async function insertDrill(db: Db, districtId: string, recordedBy: string, input: DrillBody, completedAt: Date | null) {
  const [row] = await db.insert(drills).values({
    districtId, recordedBy, completedAt, schoolId: input.schoolId, type: input.type, status: input.status, date: input.date,
    startTime: input.startTime ?? null, durationMinutes: input.durationMinutes ?? null, conditions: input.conditions ?? [],
    secondaryEgress: input.secondaryEgress ?? false, participants: input.participants ?? null,
    observers: input.observers ?? [], problemsFound: input.problemsFound ?? null, afterActionNotes: input.afterActionNotes ?? null,
    followUps: (input.followUps ?? []).map((f) => ({ ...f, done: f.done ?? false })), notes: input.notes ?? null,
  }).returning({ id: drills.id });
  return row!.id;
}

/** Changes a drill of the district. */
export async function updateDrill(db: Db, districtId: string, id: string, input: UpdateDrillBody & { completedAt?: Date | null }) {
  await db.update(drills).set({ ...input, updatedAt: new Date() }).where(and(eq(drills.id, id), eq(drills.districtId, districtId)));
}

import { and, asc, desc, eq, gt, gte, inArray, lt, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import {
  campusAreas, patrolCheckItems, patrolCheckResults, patrolCheckRuns, patrolChecklists, schools, users, workOrders,
} from '../../db/schema/index.js';
import { inScope } from '../drills/drills.scope.js';
import { localDayStart } from './patrols.repository.js';

// Security check lists, their items, and the runs through them.

/** Check lists of the scope's schools (or one), by school and name, with the last run's time. */
export async function findChecklists(db: Db, districtId: string, scope: Scope, f: { id?: string; schoolId?: string; archived?: boolean }) {
  return db.select({
    c: patrolChecklists, schoolName: schools.name,
    lastRunAt: sql<Date | null>`(select max(${patrolCheckRuns.startedAt}) from ${patrolCheckRuns} where ${patrolCheckRuns.checklistId} = ${patrolChecklists.id})`
      .mapWith((v: string | Date | null) => (v === null ? null : new Date(v))),
  }).from(patrolChecklists).innerJoin(schools, eq(schools.id, patrolChecklists.schoolId))
    .where(and(
      eq(patrolChecklists.districtId, districtId), inScope(patrolChecklists.schoolId, scope),
      f.id ? eq(patrolChecklists.id, f.id) : undefined, f.schoolId ? eq(patrolChecklists.schoolId, f.schoolId) : undefined,
      f.archived === undefined ? undefined : eq(patrolChecklists.archived, f.archived),
    ))
    .orderBy(asc(schools.name), asc(patrolChecklists.name));
}
/** A check-list row with its school's name. */
export type ChecklistRow = Awaited<ReturnType<typeof findChecklists>>[number];

/** The current (not retired) items of some lists, in order, with area names. */
export async function findItems(db: Db, checklistIds: string[]) {
  if (checklistIds.length === 0) return [];
  return db.select({ i: patrolCheckItems, areaName: campusAreas.name }).from(patrolCheckItems)
    .leftJoin(campusAreas, eq(campusAreas.id, patrolCheckItems.areaId))
    .where(and(inArray(patrolCheckItems.checklistId, checklistIds), eq(patrolCheckItems.retired, false)))
    .orderBy(asc(patrolCheckItems.checklistId), asc(patrolCheckItems.position));
}

/** Inserts a check list; answers its id. */
export async function insertChecklist(db: Db, values: typeof patrolChecklists.$inferInsert) {
  const [row] = await db.insert(patrolChecklists).values(values).returning({ id: patrolChecklists.id });
  return row!.id;
}

/** Changes a check list's own columns. */
export async function updateChecklist(db: Db, id: string, values: Partial<typeof patrolChecklists.$inferInsert>) {
  await db.update(patrolChecklists).set(values).where(eq(patrolChecklists.id, id));
}

/**
 * Makes the list's items exactly `items` in that order: known ids are updated, new ones inserted, and items
 * left out retired (past results keep pointing at them).
 */
export async function replaceItems(db: Db, checklistId: string, items: { id?: string; label: string; areaId: string | null }[]) {
  const keep = items.flatMap((i) => (i.id ? [i.id] : []));
  await db.update(patrolCheckItems).set({ retired: true })
    .where(and(eq(patrolCheckItems.checklistId, checklistId), keep.length ? notInArray(patrolCheckItems.id, keep) : undefined));
  for (const [position, item] of items.entries()) {
    if (item.id) {
      await db.update(patrolCheckItems).set({ position, label: item.label, areaId: item.areaId, retired: false }).where(eq(patrolCheckItems.id, item.id));
    } else {
      await db.insert(patrolCheckItems).values({ checklistId, position, label: item.label, areaId: item.areaId });
    }
  }
}

/** Ids of items (current or retired) that belong to the list, among `ids`. */
export async function findItemIdsOf(db: Db, checklistId: string, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db.select({ id: patrolCheckItems.id }).from(patrolCheckItems)
    .where(and(eq(patrolCheckItems.checklistId, checklistId), inArray(patrolCheckItems.id, ids)));
  return new Set(rows.map((r) => r.id));
}

/** Which runs a reader sees. */
export interface RunFilter { id?: string; schoolId?: string; checklistId?: string; failed?: boolean; from?: string; to?: string }

function runWhere(districtId: string, scope: Scope, f: RunFilter): SQL | undefined {
  return and(
    eq(patrolCheckRuns.districtId, districtId), inScope(patrolCheckRuns.schoolId, scope),
    f.id ? eq(patrolCheckRuns.id, f.id) : undefined,
    f.schoolId ? eq(patrolCheckRuns.schoolId, f.schoolId) : undefined,
    f.checklistId ? eq(patrolCheckRuns.checklistId, f.checklistId) : undefined,
    f.failed === undefined ? undefined : f.failed ? gt(patrolCheckRuns.failedCount, 0) : eq(patrolCheckRuns.failedCount, 0),
    f.from ? gte(patrolCheckRuns.startedAt, localDayStart(districtId, f.from)) : undefined,
    f.to ? lt(patrolCheckRuns.startedAt, localDayStart(districtId, f.to, 1)) : undefined,
  );
}

/** Runs of the scope's schools, newest first. */
export async function findRuns(db: Db, districtId: string, scope: Scope, f: RunFilter, page = { limit: 1, offset: 0 }) {
  return db.select({ r: patrolCheckRuns, checklistName: patrolChecklists.name, schoolName: schools.name, officerName: users.name })
    .from(patrolCheckRuns)
    .innerJoin(patrolChecklists, eq(patrolChecklists.id, patrolCheckRuns.checklistId))
    .innerJoin(schools, eq(schools.id, patrolCheckRuns.schoolId))
    .innerJoin(users, eq(users.id, patrolCheckRuns.officerId))
    .where(runWhere(districtId, scope, f))
    .orderBy(desc(patrolCheckRuns.startedAt), desc(patrolCheckRuns.id))
    .limit(page.limit).offset(page.offset);
}
/** A run row with names. */
export type RunRow = Awaited<ReturnType<typeof findRuns>>[number];

/** How many runs the same filter finds. */
export async function countRuns(db: Db, districtId: string, scope: Scope, f: RunFilter) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(patrolCheckRuns).where(runWhere(districtId, scope, f));
  return row?.n ?? 0;
}

/** The results of a run in list order, with area names and work-order numbers. */
export async function findResults(db: Db, runId: string) {
  return db.select({ x: patrolCheckResults, areaName: campusAreas.name, workOrderNumber: workOrders.number })
    .from(patrolCheckResults)
    .leftJoin(campusAreas, eq(campusAreas.id, patrolCheckResults.areaId))
    .leftJoin(workOrders, eq(workOrders.id, patrolCheckResults.workOrderId))
    .where(eq(patrolCheckResults.runId, runId))
    .orderBy(asc(patrolCheckResults.position));
}

/** Inserts a run; answers its id. */
export async function insertRun(db: Db, values: typeof patrolCheckRuns.$inferInsert) {
  const [row] = await db.insert(patrolCheckRuns).values(values).returning({ id: patrolCheckRuns.id });
  return row!.id;
}

/** Inserts the results of a run. */
export async function insertResults(db: Db, rows: (typeof patrolCheckResults.$inferInsert)[]) {
  if (rows.length) await db.insert(patrolCheckResults).values(rows);
}

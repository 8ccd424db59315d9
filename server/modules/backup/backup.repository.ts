import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { BackupSettings } from '../../../common/backups.js';
import type { Db } from '../../db/connection.js';
import { backupRuns, backupSettings, districts, roleGrants, users } from '../../db/schema/index.js';

const DEFAULTS: BackupSettings = { enabled: false, timeOfDay: '02:00', timeZone: 'America/Chicago', keep: 14 };

/** The schedule; before anyone saved one, the defaults in the time zone of the first district. */
export async function findSettings(db: Db): Promise<BackupSettings> {
  const [row] = await db.select().from(backupSettings).where(eq(backupSettings.id, 1));
  if (row) return { enabled: row.enabled, timeOfDay: row.timeOfDay, timeZone: row.timeZone, keep: row.keep };
  const [district] = await db.select({ timezone: districts.timezone }).from(districts).orderBy(districts.createdAt).limit(1);
  return { ...DEFAULTS, timeZone: district?.timezone ?? DEFAULTS.timeZone };
}

/** Saves the schedule (one row). */
export async function saveSettings(db: Db, settings: BackupSettings, userId: string, now: Date): Promise<void> {
  const values = { ...settings, updatedAt: now, updatedBy: userId };
  await db.insert(backupSettings).values({ id: 1, ...values }).onConflictDoUpdate({ target: backupSettings.id, set: values });
}

/** Runs, newest first. */
export function listRuns(db: Db, limit = 100) {
  return db.select().from(backupRuns).orderBy(desc(backupRuns.startedAt)).limit(limit);
}

/** One run. */
export async function findRun(db: Db, id: string) {
  const [row] = await db.select().from(backupRuns).where(eq(backupRuns.id, id));
  return row;
}

/** A run in progress, if any. */
export async function runningRun(db: Db) {
  const [row] = await db.select({ id: backupRuns.id }).from(backupRuns).where(eq(backupRuns.status, 'running')).limit(1);
  return row;
}

/** Inserts a run. A scheduled run for a day that has one already inserts nothing (another process took it). */
export async function insertRun(db: Db, values: typeof backupRuns.$inferInsert) {
  const [row] = await db.insert(backupRuns).values(values).onConflictDoNothing().returning();
  return row;
}

/** Changes a run. */
export async function updateRun(db: Db, id: string, values: Partial<typeof backupRuns.$inferInsert>): Promise<void> {
  await db.update(backupRuns).set(values).where(eq(backupRuns.id, id));
}

/** Runs left "running" by a process that stopped before they finished. */
export async function failInterrupted(db: Db, before: Date, now: Date): Promise<number> {
  const done = await db.update(backupRuns)
    .set({ status: 'failed', error: 'Interrupted: the server stopped during the backup.', finishedAt: now })
    .where(and(eq(backupRuns.status, 'running'), lt(backupRuns.startedAt, before))).returning({ id: backupRuns.id });
  return done.length;
}

/** Successful scheduled runs whose archive is still kept, newest first (for pruning to `keep`). */
export function keptScheduled(db: Db) {
  return db.select({ id: backupRuns.id, fileName: backupRuns.fileName }).from(backupRuns)
    .where(and(eq(backupRuns.kind, 'scheduled'), eq(backupRuns.status, 'succeeded'), isNull(backupRuns.deletedAt)))
    .orderBy(desc(backupRuns.startedAt));
}

/** Kept archives (scheduled or manual) started before `before`: past the longest retention schedule. */
export function keptBefore(db: Db, before: Date) {
  return db.select({ id: backupRuns.id, fileName: backupRuns.fileName }).from(backupRuns)
    .where(and(eq(backupRuns.status, 'succeeded'), isNull(backupRuns.deletedAt), lt(backupRuns.startedAt, before)));
}

/** The latest scheduled run. */
export async function lastScheduled(db: Db) {
  const [row] = await db.select().from(backupRuns).where(eq(backupRuns.kind, 'scheduled')).orderBy(desc(backupRuns.startedAt)).limit(1);
  return row;
}

/** Active system administrators of every district (who hear of a failed backup), with their district. */
export function systemAdministrators(db: Db) {
  return db.selectDistinct({ email: users.email, districtId: users.districtId }).from(users)
    .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
    .where(and(eq(roleGrants.role, 'sysadmin'), eq(users.active, true)));
}

/** Every district id (a deployment-wide event is audited in each district's log). */
export async function districtIds(db: Db): Promise<string[]> {
  return (await db.select({ id: districts.id }).from(districts).orderBy(sql`1`)).map((r) => r.id);
}

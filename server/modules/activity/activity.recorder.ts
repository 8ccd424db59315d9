import { and, eq, sql } from 'drizzle-orm';
import {
  DEFAULT_TRIAD_ROLE, MAX_ACTIVITY_MINUTES, type ActivityKind, type ActivitySource, type TriadRole,
} from '../../../common/activity.js';
import type { Db } from '../../db/connection.js';
import { activityEntries } from '../../db/schema/index.js';

// The one way other modules write the activity log: the entry of a source record is upserted in the source's own
// transaction, so the log never disagrees with the patrol, call, class or contact it shows. (This file is the
// recorder's service and repository in one: two statements do not earn a second file.)

/** An activity recorded by the module where the work was done. */
export interface SourcedActivity {
  districtId: string;
  schoolId: string | null;
  /** Whose activity it is (the SRO); not always who recorded it. */
  userId: string;
  kind: ActivityKind;
  triadRole?: TriadRole;
  startedAt: Date;
  durationMinutes: number;
  title: string;
  notes?: string | null;
  participants?: number | null;
  sourceType: ActivitySource;
  sourceId: string;
  createdBy: string;
}

/**
 * Writes (or rewrites) the log entry of a source record inside `tx`. Durations are clamped to 1..1440 minutes:
 * the source validated its own times, and a long source (an all-day event) still counts as one day's work.
 */
export async function recordActivity(tx: Db, entry: SourcedActivity): Promise<string> {
  const durationMinutes = Math.min(MAX_ACTIVITY_MINUTES, Math.max(1, Math.round(entry.durationMinutes)));
  const values = {
    districtId: entry.districtId, schoolId: entry.schoolId, userId: entry.userId, kind: entry.kind,
    triadRole: entry.triadRole ?? DEFAULT_TRIAD_ROLE[entry.kind], startedAt: entry.startedAt, durationMinutes,
    title: entry.title.slice(0, 200), notes: entry.notes ?? null, participants: entry.participants ?? null,
    sourceType: entry.sourceType, sourceId: entry.sourceId, createdBy: entry.createdBy,
  };
  const { districtId: _d, sourceType: _t, sourceId: _s, createdBy: _c, ...changes } = values;
  const [row] = await tx.insert(activityEntries).values(values)
    .onConflictDoUpdate({ target: [activityEntries.sourceType, activityEntries.sourceId], set: { ...changes, updatedAt: sql`now()` } })
    .returning({ id: activityEntries.id });
  return row!.id;
}

/** Removes the log entry of a source record (the class was cancelled, the contact deleted); none is fine. */
export async function removeActivity(tx: Db, sourceType: ActivitySource, sourceId: string): Promise<void> {
  await tx.delete(activityEntries).where(and(eq(activityEntries.sourceType, sourceType), eq(activityEntries.sourceId, sourceId)));
}

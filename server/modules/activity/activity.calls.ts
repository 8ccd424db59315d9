import type { Db } from '../../db/connection.js';
import { recordActivity, removeActivity } from './activity.recorder.js';

/** What the call service knows of a call after a change. */
export interface CallForLog {
  id: string; districtId: string; schoolId: string; number: string; summary: string;
  receivedAt: Date; arrivedAt: Date | null; clearedAt: Date | null; assignedUserId: string | null;
}

/**
 * Keeps the responding SRO's log in step with a call, in the call's transaction: a cleared call is one
 * law-enforcement entry from arrival (or receipt) to clearance for the assigned officer (or whoever cleared it);
 * a call no longer cleared has none.
 */
export async function syncCallActivity(tx: Db, call: CallForLog, by: string): Promise<void> {
  if (!call.clearedAt) {
    await removeActivity(tx, 'call', call.id);
    return;
  }
  const start = call.arrivedAt ?? call.receivedAt;
  await recordActivity(tx, {
    districtId: call.districtId, schoolId: call.schoolId, userId: call.assignedUserId ?? by, kind: 'call', triadRole: 'law_enforcement',
    startedAt: start, durationMinutes: (call.clearedAt.getTime() - start.getTime()) / 60_000,
    title: `Call ${call.number}: ${call.summary}`, sourceType: 'call', sourceId: call.id, createdBy: by,
  });
}

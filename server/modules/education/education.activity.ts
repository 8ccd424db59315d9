import type { Db } from '../../db/connection.js';
import type { ServiceContext } from '../../lib/context.js';

// TEMPORARY until the shared core (activity.recorder) is merged: replaced by recordActivity/removeActivity calls.

/** What the triad log needs of a delivered class or an outreach event. */
export interface Fed { id: string; schoolId: string | null; userId: string; startedAt: Date; durationMinutes: number; title: string }

/** Writes the triad log entry of a delivered class (kind class, educator role). */
export async function feedClass(_tx: Db, _ctx: ServiceContext, _record: Fed): Promise<void> {}
/** Writes the triad log entry of an outreach event (kind outreach, educator role). */
export async function feedOutreach(_tx: Db, _ctx: ServiceContext, _record: Fed): Promise<void> {}
/** Removes the triad log entry of an outreach event. */
export async function unfeedOutreach(_tx: Db, _id: string): Promise<void> {}

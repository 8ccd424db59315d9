import type { Db } from '../../db/connection.js';
import type { ServiceContext } from '../../lib/context.js';

// TEMPORARY until the shared core (activity.recorder) is merged: replaced by recordActivity/removeActivity calls.

/** What the triad log needs of a contact or mediation. */
export interface Fed { id: string; schoolId: string; occurredAt: Date; durationMinutes: number; title: string }

/** Writes the triad log entry of a contact (kind mentoring). */
export async function feedContact(_tx: Db, _ctx: ServiceContext, _record: Fed): Promise<void> {}
/** Writes the triad log entry of a mediation (kind mediation). */
export async function feedMediation(_tx: Db, _ctx: ServiceContext, _record: Fed): Promise<void> {}
/** Removes the triad log entry of a record. */
export async function unfeed(_tx: Db, _sourceType: 'mentoring_contact' | 'mediation', _id: string): Promise<void> {}

import type { Db } from '../../db/connection.js';
import type { ServiceContext } from '../../lib/context.js';
import { recordActivity, removeActivity } from '../activity/activity.recorder.js';

// Contacts and mediations are the SRO's mentoring work in the triad activity log: each keeps one log entry, written
// in the same transaction as the record. The entry says what happened, never who the student was or the note.

/** What the triad log needs of a contact or mediation. */
export interface Fed { id: string; schoolId: string; occurredAt: Date; durationMinutes: number; title: string }

async function feed(tx: Db, ctx: ServiceContext, kind: 'mentoring' | 'mediation', sourceType: 'mentoring_contact' | 'mediation', r: Fed) {
  await recordActivity(tx, {
    districtId: ctx.actor.districtId, schoolId: r.schoolId, userId: ctx.actor.userId, kind, triadRole: 'mentoring', startedAt: r.occurredAt,
    durationMinutes: r.durationMinutes, title: r.title, sourceType, sourceId: r.id, createdBy: ctx.actor.userId,
  });
}

/** Writes (or rewrites) the triad log entry of a contact: kind mentoring, the author's activity. */
export async function feedContact(tx: Db, ctx: ServiceContext, record: Fed): Promise<void> {
  await feed(tx, ctx, 'mentoring', 'mentoring_contact', record);
}

/** Writes (or rewrites) the triad log entry of a mediation: kind mediation, the author's activity. */
export async function feedMediation(tx: Db, ctx: ServiceContext, record: Fed): Promise<void> {
  await feed(tx, ctx, 'mediation', 'mediation', record);
}

/** Removes the triad log entry of a deleted contact or mediation. */
export async function unfeed(tx: Db, sourceType: 'mentoring_contact' | 'mediation', id: string): Promise<void> {
  await removeActivity(tx, sourceType, id);
}

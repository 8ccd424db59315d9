import type { Db } from '../../db/connection.js';
import type { ServiceContext } from '../../lib/context.js';
import { recordActivity, removeActivity } from '../activity/activity.recorder.js';

// Delivered classes and outreach events are the SRO's educator work in the triad activity log: each keeps one log
// entry, written in the same transaction as the record, with the people reached as its participants.

/** What the triad log needs of a delivered class or an outreach event. */
export interface Fed {
  id: string; schoolId: string | null; userId: string; startedAt: Date; durationMinutes: number; title: string; participants: number;
}

/** Writes (or rewrites) the triad log entry of a delivered class: kind class, the instructor's activity. */
export async function feedClass(tx: Db, ctx: ServiceContext, r: Fed): Promise<void> {
  await recordActivity(tx, {
    districtId: ctx.actor.districtId, schoolId: r.schoolId, userId: r.userId, kind: 'class', triadRole: 'education', startedAt: r.startedAt,
    durationMinutes: r.durationMinutes, title: r.title, participants: r.participants, sourceType: 'education_class', sourceId: r.id,
    createdBy: ctx.actor.userId,
  });
}

/** Writes (or rewrites) the triad log entry of an outreach event: kind outreach, the recorder's activity. */
export async function feedOutreach(tx: Db, ctx: ServiceContext, r: Fed): Promise<void> {
  await recordActivity(tx, {
    districtId: ctx.actor.districtId, schoolId: r.schoolId, userId: r.userId, kind: 'outreach', triadRole: 'education', startedAt: r.startedAt,
    durationMinutes: r.durationMinutes, title: r.title, participants: r.participants, sourceType: 'outreach_event', sourceId: r.id,
    createdBy: ctx.actor.userId,
  });
}

/** Removes the triad log entry of a deleted outreach event. */
export async function unfeedOutreach(tx: Db, id: string): Promise<void> {
  await removeActivity(tx, 'outreach_event', id);
}

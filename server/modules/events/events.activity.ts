import { EVENT_KIND_LABELS } from '../../../common/events.js';
import type { Actor } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import type { schoolEvents } from '../../db/schema/index.js';
import { recordActivity, removeActivity } from '../activity/activity.recorder.js';
import { minutesBetween } from './events.policy.js';

/**
 * Keeps the covering SRO's activity entry (kind event, source event_coverage) in step with the event: one
 * entry for its duration while covered and not cancelled, none otherwise.
 */
export async function syncCoverageActivity(tx: Db, actor: Actor, event: typeof schoolEvents.$inferSelect): Promise<void> {
  if (!event.coverSroId || event.cancelled) {
    await removeActivity(tx, 'event_coverage', event.id);
    return;
  }
  await recordActivity(tx, {
    districtId: event.districtId, schoolId: event.schoolId, userId: event.coverSroId, kind: 'event',
    startedAt: event.startsAt, durationMinutes: minutesBetween(event.startsAt, event.endsAt),
    title: `${EVENT_KIND_LABELS[event.kind]} coverage: ${event.title}`, notes: event.place, sourceType: 'event_coverage', sourceId: event.id,
    createdBy: actor.userId,
  });
}

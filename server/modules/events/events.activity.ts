import type { Actor } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import type { schoolEvents } from '../../db/schema/index.js';

/**
 * Keeps the covering SRO's activity entry (kind event, source event_coverage) in step with the event: one
 * entry for its duration while covered and not cancelled, none otherwise.
 */
export async function syncCoverageActivity(_tx: Db, _actor: Actor, _event: typeof schoolEvents.$inferSelect): Promise<void> {
  // Filled in once the activity recorder of the shared core is merged.
}

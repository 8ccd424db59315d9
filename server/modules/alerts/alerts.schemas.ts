import { z } from 'zod';
import type { checkInBody as checkInBodySchema } from '../../../common/alerts.js';

// The API contract lives in common/alerts.ts (shared with the web app); this file adds route-only pieces.
export {
  alertSchema, alertSettingsSchema, allClearBody, boardSchema, checkInBody, checkInSchema, escalateBody,
  listAlertsQuery, raiseAlertBody, timelineEntrySchema, updateAlertSettingsBody,
  type Alert, type AlertStatus, type AllClearBody, type BoardTotals, type CheckIn, type EscalateBody,
  type ListAlertsQuery, type RaiseAlertBody, type TimelineEntry,
} from '../../../common/alerts.js';

export const idParams = z.strictObject({ id: z.uuid() });

/** GET /live: `lastEventId` for clients that cannot send the Last-Event-ID header. */
export const liveQuery = z.strictObject({
  lastEventId: z.string().regex(/^\d{1,18}$/).optional(),
});

/** A check-in as the service receives it, defaults applied. */
export type CheckInInput = z.output<typeof checkInBodySchema>;

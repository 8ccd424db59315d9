import { z } from 'zod';

export {
  listNotificationsQuery, mobileBody, mobileSchema, notificationPage, pushStateSchema, pushSubscriptionBody, pushUnsubscribeBody, notificationSettingsBody, notificationSettingsSchema, preferenceBody, preferenceSchema,
} from '../../../common/notifications.js';

export const idParams = z.object({ id: z.uuid() });
export const readAllSchema = z.object({ updated: z.number().int() });

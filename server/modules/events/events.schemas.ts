export {
  coverageBody, coverageCandidateSchema, eventBody, eventFeedBody, eventFeedListSchema, eventFeedSchema, eventListSchema,
  eventNotesBody, eventSchema, eventUpdateBody, listEventsQuery,
} from '../../../common/events.js';
import { z } from 'zod';

export const idParams = z.strictObject({ id: z.uuid() });
export const tokenParams = z.strictObject({ token: z.string().max(100) });

import { z } from 'zod';

export {
  automaticSubscriptionBody, createSubscriptionBody, subscriptionListSchema, subscriptionSchema, updateSubscriptionBody,
} from '../../../common/reports.js';

export const idParams = z.object({ id: z.uuid() });

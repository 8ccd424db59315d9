export { listOutboxQuery, outboxPageSchema } from '../../../common/notices.js';
import { z } from 'zod';

export const outboxStatusSchema = z.object({
  pending: z.number().int(), sent: z.number().int(), failed: z.number().int(), lastError: z.string().nullable(),
});

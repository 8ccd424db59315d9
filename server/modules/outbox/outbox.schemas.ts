export { listOutboxQuery, outboxPageSchema } from '../../../common/notices.js';
import { z } from 'zod';

export const outboxStatusSchema = z.object({
  pending: z.number().int(), sent: z.number().int(), failed: z.number().int(),
  expired: z.number().int().describe('Given up unsent because they outlived the time to live (counted in failed too)'), lastError: z.string().nullable(),
});

export const outboxSettingsSchema = z.object({
  urgentTtlHours: z.number().int().min(1).max(720).describe('Hours an alert, notice or tip e-mail may wait before it is expired unsent (default 24)'),
  otherTtlHours: z.number().int().min(1).max(2160).describe('Hours any other e-mail may wait before it is expired unsent (default 168)'),
});

export const updateOutboxSettingsBody = z.strictObject({
  urgentTtlHours: z.number().int().min(1).max(720),
  otherTtlHours: z.number().int().min(1).max(2160),
});

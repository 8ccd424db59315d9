import { z } from 'zod';
import { tipSummary } from './tips.js';

/** The tip line's recent volume against its normal rate, for the queue's "possible flood" banner. */
export const tipFloodSchema = z.object({
  possible: z.boolean().describe('Tips in the last hour are well above the normal hourly rate'),
  lastHour: z.number().int().describe('Tips received in the last hour at the schools shown'),
  normalPerHour: z.number().describe('Average tips per hour over the 28 days before'),
});
export type TipFlood = z.infer<typeof tipFloodSchema>;

/** GET /tips: one page of the queue (life-safety tips not yet acknowledged first, then newest first). */
export const tipQueuePage = z.object({
  items: z.array(tipSummary),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
  flood: tipFloodSchema,
});
export type TipQueuePage = z.infer<typeof tipQueuePage>;

/** A flood is this many times the normal hourly rate, and at least FLOOD_MIN_TIPS in the hour. */
export const FLOOD_FACTOR = 5;
export const FLOOD_MIN_TIPS = 10;

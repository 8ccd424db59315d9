import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');

/** A court order: number and date; unsealing also needs the order itself (a PDF, base64). */
export const courtOrderBody = z.strictObject({
  orderNumber: z.string().trim().min(1).max(100).describe('The court order\'s number'),
  orderDate: day.describe('The day the order was signed (not in the future)'),
});
export const unsealBody = courtOrderBody.extend({
  document: z.string().min(8).max(7_000_000).describe('The signed order, a PDF as base64 (at most 5 MB)'),
});
export const expungeBody = courtOrderBody.extend({
  confirm: z.literal(true).describe('Expunging destroys the record for good: send true to confirm'),
});
export const idParams = z.object({ id: z.uuid() });
export const sealedListSchema = z.object({
  items: z.array(z.object({
    id: z.uuid(), school: z.object({ id: z.uuid(), name: z.string() }), state: z.string(), sealedAt: z.string(),
    orders: z.array(z.object({ action: z.string(), orderNumber: z.string().nullable(), orderDate: z.string().nullable(), at: z.string(), hasDocument: z.boolean() })),
  })),
});

export const juvenileGrantBody = z.strictObject({
  userId: z.uuid(),
  reason: z.string().trim().min(5).max(500).describe('Why this person needs juvenile law-enforcement records'),
});
const juvenileGrant = z.object({ id: z.uuid(), user: z.object({ id: z.uuid(), name: z.string(), email: z.string() }), reason: z.string(), grantedAt: z.string() });
export const juvenileGrantSchema = juvenileGrant;
export const juvenileGrantListSchema = z.object({ items: z.array(juvenileGrant) });

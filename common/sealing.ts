import { z } from 'zod';
import { text } from './text.js';

/**
 * The sealed-records contract (issue 15). Routes:
 *   POST /incidents/:id/seal                  incident.seal      seal: the record leaves every list, search, export and audit detail
 *   GET  /sealed-records                      incident.unseal    sealed and expunged records of the district (no content; audited)
 *   POST /sealed-records/:id/unseal           incident.unseal    unseal by court order (order number, date; the order PDF as the raw body)
 *   POST /sealed-records/:id/expunge          incident.expunge   destroy for good; only the tombstone stays
 */

const day = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });

/** A court order as the unseal and expunge forms send it. */
export const courtOrderFields = {
  orderNumber: text(100).describe('The court order\'s number'),
  orderDate: day.describe('The date of the order'),
};

export const unsealQuery = z.strictObject({ ...courtOrderFields, fileName: text(200).describe('The uploaded order document (PDF)') });
export const expungeBody = z.strictObject({ ...courtOrderFields, confirm: z.literal(true).describe('Expungement cannot be undone') });
export const sealedRecordsQuery = z.strictObject({
  number: text(40).optional().describe('The incident number a court order names: finds its sealed record without the number being stored'),
});

export const SEALED_STATES = ['sealing', 'sealed', 'expunging', 'expunged'] as const;

export const sealedRecordSchema = z.object({
  id: z.uuid(),
  state: z.enum(SEALED_STATES),
  schoolId: z.uuid().nullable(),
  schoolName: z.string().nullable(),
  sealedAt: z.string(),
  sealedByName: z.string().nullable(),
  orderNumber: z.string().nullable(),
  orderDate: z.string().nullable(),
  filesDestroyed: z.boolean(),
  fileCount: z.number().int(),
  expungeOrderNumber: z.string().nullable(),
  expungeOrderDate: z.string().nullable(),
  expungedAt: z.string().nullable(),
  expungedByName: z.string().nullable(),
  can: z.object({ unseal: z.boolean(), expunge: z.boolean() }),
});
export const sealedRecordListSchema = z.object({ items: z.array(sealedRecordSchema) });
export const unsealedSchema = z.object({ incidentId: z.uuid(), state: z.enum(['unsealing', 'unsealed']) });

export type SealedRecord = z.infer<typeof sealedRecordSchema>;
export type UnsealQuery = z.infer<typeof unsealQuery>;
export type ExpungeBody = z.infer<typeof expungeBody>;

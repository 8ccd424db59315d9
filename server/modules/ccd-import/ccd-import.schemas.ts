import { z } from 'zod';

/** The largest CCD file accepted: the national directory (about 100,000 schools) fits. */
export const MAX_CCD_BYTES = 100 * 1024 * 1024;

export const ccdQuery = z.strictObject({
  leaid: z.string().regex(/^\d{7}$/, 'must be the 7-digit NCES district id').optional()
    .describe('Needed only when the district has no NCES id (LEAID) on record'),
});

const level = z.enum(['elementary', 'middle', 'high', 'k8', 'k12', 'alternative', 'other']);
const change = z.object({ field: z.string(), from: z.union([z.string(), z.number(), z.boolean(), z.null()]), to: z.union([z.string(), z.number(), z.boolean(), z.null()]) });

export const ccdPlan = z.object({
  leaid: z.string(),
  applied: z.boolean().describe('False for a dry run'),
  fileRows: z.number().int().describe('Schools in the file (every district)'),
  districtRows: z.number().int().describe('Rows of this district'),
  added: z.array(z.object({ line: z.number().int(), ncesId: z.string(), name: z.string(), level, gradeLow: z.number().int(), gradeHigh: z.number().int(), city: z.string() })),
  updated: z.array(z.object({ line: z.number().int(), schoolId: z.uuid(), ncesId: z.string(), name: z.string(), changes: z.array(change) })),
  closed: z.array(z.object({ line: z.number().int(), schoolId: z.uuid(), ncesId: z.string(), name: z.string() })),
  unchanged: z.number().int(),
  notInFile: z.array(z.object({ schoolId: z.uuid(), ncesId: z.string(), name: z.string() })).describe('Schools of SRO Desk the file does not list: kept as they are'),
  skipped: z.array(z.object({ line: z.number().int(), ncesId: z.string(), name: z.string(), reason: z.string() })),
});
export type CcdPlan = z.infer<typeof ccdPlan>;

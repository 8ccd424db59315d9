import { z } from 'zod';
import { nibrsIssueSchema } from './segments.js';

/**
 * NIBRS submission files (FBI NIBRS XML, 2019.2 IEPD structure), for the supervisor who reports to the agency:
 *   GET  /nibrs/submissions/preview?month=YYYY-MM  nibrs.submit  the pre-submission report (audited)
 *   POST /nibrs/submissions { month }              nibrs.submit  the XML file of the month (application/xml; recorded, audited)
 *   GET  /nibrs/submissions                        nibrs.submit  files generated so far
 * Approved incidents of the month (district time) at the caller's schools are added (I) or, when sent before,
 * replaced (R); incidents sent before and since sealed or found unfounded are deleted (D). Incidents failing an
 * edit stay out of the file and are listed with every reason. The ORI comes from the district settings.
 */
export const NIBRS_ACTIONS = ['I', 'R', 'D'] as const;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM').describe('The report month, in the district\'s time zone');
export const nibrsMonthQuery = z.strictObject({ month: month.optional().describe('Defaults to the current month in the district\'s time zone') });
export const nibrsMonthBody = z.strictObject({ month });

export const nibrsPreviewSchema = z.object({
  month: z.string(),
  ori: z.string().nullable().describe('null until the district sets its ORI (district page)'),
  counts: z.object({ add: z.number().int(), replace: z.number().int(), delete: z.number().int(), failed: z.number().int() }),
  items: z.array(z.object({
    incidentId: z.uuid(),
    number: z.string(),
    occurredAt: z.string(),
    action: z.enum(NIBRS_ACTIONS).nullable().describe('null when the incident fails an edit and stays out of the file'),
    issues: z.array(nibrsIssueSchema),
  })),
});
export const nibrsExportListSchema = z.object({
  items: z.array(z.object({
    id: z.uuid(), month: z.string(), ori: z.string(), createdAt: z.string(), createdByName: z.string(),
    counts: nibrsPreviewSchema.shape.counts,
  })),
});

export type NibrsPreview = z.infer<typeof nibrsPreviewSchema>;
export type NibrsExportList = z.infer<typeof nibrsExportListSchema>;

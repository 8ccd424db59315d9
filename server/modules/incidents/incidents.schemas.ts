// The request and answer schemas live in common/incidents.ts (the contract the web pages share); this file
// re-exports them for the routes and adds the server-only answers.
import { z } from 'zod';
import { READ_REASON_NOTE_MAX, READ_REASONS } from '../../../common/read-reasons.js';

export * from '../../../common/incidents.js';

/** The CSV export's answer body. */
export const csvAnswer = z.string().describe('RFC 4180 CSV with a header row; cells a spreadsheet would run as formulas start with \'');

/** Empty answer of a change that returns nothing (sealing: the record is gone from every view). */
export const noContent = z.null().describe('No content');

/**
 * Why the reader opens the record: required (with `reasonNote` for records requests and "other") when the incident
 * is juvenile or sealed, ignored otherwise. Stored with the read's audit event.
 */
export const readReasonQuery = z.strictObject({
  reason: z.enum(READ_REASONS).optional().describe('Why a juvenile or sealed record is opened (required for those)'),
  reasonNote: z.string().trim().max(READ_REASON_NOTE_MAX).optional().describe('Free text: the records request number, or what "other" is'),
});

export type ReadReasonQuery = z.infer<typeof readReasonQuery>;

import { z } from 'zod';

export {
  rosterImportJobSchema, rosterImportReportSchema,
} from '../../../common/roster-import.js';

export const idParams = z.strictObject({ id: z.uuid() });

export const uploadQuery = z.strictObject({
  fileName: z.string().trim().min(1).max(200).default('roster.zip').describe('Shown in the list of imports'),
});

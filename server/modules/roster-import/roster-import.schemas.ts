import { z } from 'zod';
import { text } from '../../../common/text.js';

export {
  rosterImportJobSchema, rosterImportReportSchema,
} from '../../../common/roster-import.js';

export const idParams = z.strictObject({ id: z.uuid() });

export const uploadQuery = z.strictObject({
  fileName: text(200).default('roster.zip').describe('Shown in the list of imports'),
});

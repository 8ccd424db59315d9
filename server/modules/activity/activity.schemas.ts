export {
  activityEntryBody, activityEntryPageSchema, activityEntrySchema, activityEntryUpdateBody, hoursQuery, hoursSchema, listActivityQuery,
  monthlyReportQuery, monthlyReportSchema, officerSchema, teamReportQuery, teamReportSchema,
} from '../../../common/activity-log.js';
import { z } from 'zod';

export const idParams = z.strictObject({ id: z.uuid() });

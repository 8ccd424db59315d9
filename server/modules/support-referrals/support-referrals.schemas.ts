import { z } from 'zod';
import { referralSummarySchema, supportStudentSchema } from '../../../common/support.js';

export {
  listReferralsQuery, referralAcceptBody, referralBody, referralCloseBody, referralDeclineBody, referralNoteBody, referralScheduleBody,
  referralSchema, referralTargetsQuery, referralTargetsSchema, supportStudentsQuery,
} from '../../../common/support.js';

export const idParams = z.strictObject({ id: z.uuid() });
export const referralListSchema = z.object({ items: z.array(referralSummarySchema) });
export const supportStudentListSchema = z.object({ items: z.array(supportStudentSchema) });

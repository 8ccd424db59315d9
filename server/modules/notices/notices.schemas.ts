export {
  advanceNoticeBody, advanceNoticeListSchema, advanceNoticeSchema, leaveBody, listAdvanceNoticesQuery, presenceHistoryQuery,
  presenceNoticeListSchema, presenceNoticeSchema, presenceQuery, presenceStatusListSchema, presenceUpdateBody,
} from '../../../common/notices.js';
import { z } from 'zod';

export const idParams = z.strictObject({ id: z.uuid() });

export {
  actionItemBody, actionItemListSchema, actionItemSchema, actionItemUpdateBody, attendanceBody, listActionItemsQuery, listMeetingsQuery,
  listSchoolDocumentsQuery, meetingBody, meetingListSchema, meetingSchema, meetingSeriesBody, meetingSeriesListSchema, meetingSeriesSchema,
  meetingSeriesUpdateBody, meetingUpdateBody, schoolDocumentBody, schoolDocumentListSchema, schoolDocumentPdfQuery, schoolDocumentSchema,
} from '../../../common/meetings.js';
export { MAX_PDF_BYTES } from '../plans/plans.schemas.js';
import { z } from 'zod';

export const idParams = z.strictObject({ id: z.uuid() });

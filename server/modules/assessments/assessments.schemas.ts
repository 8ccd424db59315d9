export {
  assessmentBody, assessmentDetailSchema, assessmentItemSchema, assessmentItemUpdateBody, assessmentSchema, assessmentUpdateBody,
  compareQuery, comparisonSchema, completeAssessmentBody, findingBody, findingSchema, findingUpdateBody, listAssessmentsQuery,
  listFindingsQuery, listTemplateQuery, MAX_PHOTO_BYTES, photoQuery, photoSchema, templateItemBody, templateItemSchema,
  templateItemUpdateBody,
} from '../../../common/assessments.js';
import { z } from 'zod';

export const idParams = z.strictObject({ id: z.uuid() });
export const itemParams = z.strictObject({ id: z.uuid(), itemId: z.uuid() });

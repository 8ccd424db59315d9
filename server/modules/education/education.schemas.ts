export {
  acceptBody, cancelBody, classDetailSchema, classPageSchema, classRequestBody, declineBody, deliveryBody, hoursQuery, hoursSchema,
  listClassesQuery, listOutreachQuery, materialSchema, MAX_MATERIAL_BYTES, outreachBody, outreachPageSchema, outreachSchema,
  publicSurveySchema, scheduleBody, surveyLinkSchema, surveyResponseBody, surveyTokenBody, topicBody, topicKey, topicListSchema, topicSchema,
  updateClassRequestBody, updateOutreachBody, updateTopicBody,
} from '../../../common/education.js';
import { z } from 'zod';
import { topicKey } from '../../../common/education.js';
import { text } from '../../../common/text.js';

export const idParams = z.strictObject({ id: z.uuid() });
export const topicParams = z.strictObject({ key: topicKey });
export const materialParams = z.strictObject({ id: z.uuid(), materialId: z.uuid() });
export const materialQuery = z.strictObject({ fileName: text(200).default('material') });

export {
  acknowledgementSchema, acknowledgementStatusSchema, listPlansQuery, pdfVersionQuery, planBody, planDetailSchema, planSchema,
  planUpdateBody, planVersionSchema, planReviewSchema, reviewBody, srpReferenceSchema, versionBody,
  type Plan, type PlanBody, type PlanDetail,
} from '../../../common/preparedness.js';
import { z } from 'zod';

export const idParams = z.strictObject({ id: z.uuid() });
/** Largest uploaded plan PDF. */
export const MAX_PDF_BYTES = 10 * 1024 * 1024;

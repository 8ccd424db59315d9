export {
  certificationBody, certificationSchema, certificationsDueSchema, listCertificationsQuery, supervisorCertificationBody,
  updateCertificationBody, type Certification, type CertificationBody,
} from '../../../common/preparedness.js';
import { z } from 'zod';

export const idParams = z.strictObject({ id: z.uuid() });
/** Largest certificate document. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

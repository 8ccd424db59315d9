export {
  contactBody, contactPageSchema, contactSchema, listContactsQuery, listMediationsQuery, mediationBody, mediationPageSchema, mediationSchema,
  mentoringStudentsQuery, mentoringStudentsSchema, updateContactBody, updateMediationBody,
} from '../../../common/mentoring.js';
import { z } from 'zod';

export const idParams = z.strictObject({ id: z.uuid() });

export {
  districtOverviewSchema, glanceQuery, glanceSchema, listSecuritySystemsQuery, outageBody, outageResultSchema, securitySystemBody,
  securitySystemDetailSchema, securitySystemSchema, securitySystemUpdateBody, statusBody,
} from '../../../common/security-systems.js';
import { z } from 'zod';

export const idParams = z.strictObject({ id: z.uuid() });

export {
  drillBody, drillSchema, listDrillsQuery, updateDrillBody, type Drill, type DrillBody, type UpdateDrillBody,
} from '../../../common/preparedness.js';
import { z } from 'zod';

export const idParams = z.strictObject({ id: z.uuid() });

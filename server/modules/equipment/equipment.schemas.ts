export {
  districtDueQuery, districtDueSchema, equipmentBody, equipmentDetailSchema, equipmentPageSchema, equipmentSchema,
  equipmentUpdateBody, exportEquipmentQuery, importEquipmentQuery, importResultSchema, inspectionBody, inspectionSchema,
  listEquipmentQuery,
} from '../../../common/equipment.js';
import { z } from 'zod';

export const idParams = z.strictObject({ id: z.uuid() });
/** Largest CSV file an import takes. */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;

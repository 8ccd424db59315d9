export {
  listWorkOrdersQuery, workOrderBody, workOrderDetailSchema, workOrderNoteBody, workOrderSchema, workOrderUpdateBody,
  type WorkOrderBody, type WorkOrderUpdateBody,
} from '../../../common/work-orders.js';
import { z } from 'zod';

export const idParams = z.strictObject({ id: z.uuid() });

import { z } from 'zod';
import { text, optionalText } from './text.js';

// Work orders (capabilities 5, 17, 18): one entity for failed patrol checks, failed equipment inspections,
// security-system outages, assessment findings and requests made by hand.

const day = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });

export const WORK_ORDER_SOURCES = ['manual', 'patrol_check', 'equipment_inspection', 'security_outage', 'assessment_finding'] as const;
export type WorkOrderSource = (typeof WORK_ORDER_SOURCES)[number];
export const WORK_ORDER_SOURCE_LABELS: Record<WorkOrderSource, string> = {
  manual: 'Request',
  patrol_check: 'Failed security check',
  equipment_inspection: 'Failed equipment inspection',
  security_outage: 'Security system outage',
  assessment_finding: 'Assessment finding',
};

export const WORK_ORDER_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type WorkOrderPriority = (typeof WORK_ORDER_PRIORITIES)[number];
/** Days to the due date when none is given, by priority. */
export const WORK_ORDER_DUE_DAYS: Record<WorkOrderPriority, number> = { low: 30, normal: 14, high: 3, urgent: 1 };

export const WORK_ORDER_STATUSES = ['open', 'in_progress', 'on_hold', 'completed', 'cancelled'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];
export const CLOSED_WORK_ORDER_STATUSES: readonly WorkOrderStatus[] = ['completed', 'cancelled'];

export const WORK_ORDER_OWNER_KINDS = ['district_maintenance', 'vendor'] as const;
export type WorkOrderOwnerKind = (typeof WORK_ORDER_OWNER_KINDS)[number];

/** POST /work-orders (a request by hand); other modules create them through the service with their source. */
export const workOrderBody = z.strictObject({
  schoolId: z.uuid(),
  areaId: z.uuid().nullable().optional().describe('A campus area of the school'),
  title: text(200),
  description: optionalText(4000),
  priority: z.enum(WORK_ORDER_PRIORITIES).default('normal'),
  ownerKind: z.enum(WORK_ORDER_OWNER_KINDS).default('district_maintenance'),
  vendorId: z.uuid().nullable().optional().describe('A directory entry; required when ownerKind is vendor'),
  dueOn: day.nullable().optional().describe('Default: by priority (urgent 1 day ... low 30 days)'),
});
export type WorkOrderBody = z.infer<typeof workOrderBody>;

/** PATCH /work-orders/:id. Closing (completed/cancelled) needs closureNotes. */
export const workOrderUpdateBody = z.strictObject({
  title: text(200),
  description: optionalText(4000),
  priority: z.enum(WORK_ORDER_PRIORITIES),
  status: z.enum(WORK_ORDER_STATUSES),
  ownerKind: z.enum(WORK_ORDER_OWNER_KINDS),
  vendorId: z.uuid().nullable(),
  dueOn: day,
  closureNotes: optionalText(4000),
}).partial();
export type WorkOrderUpdateBody = z.infer<typeof workOrderUpdateBody>;

export const workOrderNoteBody = z.strictObject({ text: text(4000) });

export const listWorkOrdersQuery = z.strictObject({
  schoolId: z.uuid().optional(),
  status: z.enum([...WORK_ORDER_STATUSES, 'active']).default('active').describe('active: not completed or cancelled'),
  source: z.enum(WORK_ORDER_SOURCES).optional(),
  sourceId: z.uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  vendorId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const workOrderSchema = z.object({
  id: z.uuid(),
  number: z.string().describe('WO-2026-00042'),
  school: z.object({ id: z.uuid(), name: z.string() }),
  area: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  title: z.string(),
  description: z.string().nullable(),
  priority: z.enum(WORK_ORDER_PRIORITIES),
  status: z.enum(WORK_ORDER_STATUSES),
  source: z.enum(WORK_ORDER_SOURCES),
  sourceId: z.uuid().nullable().describe('The check, inspection, system or finding it came from'),
  ownerKind: z.enum(WORK_ORDER_OWNER_KINDS),
  vendor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  dueOn: z.string(),
  overdue: z.boolean(),
  closedAt: z.string().nullable(),
  closureNotes: z.string().nullable(),
  createdBy: z.object({ id: z.uuid(), name: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WorkOrder = z.infer<typeof workOrderSchema>;

export const workOrderNoteSchema = z.object({
  id: z.uuid(), text: z.string(), by: z.object({ id: z.uuid(), name: z.string() }), at: z.string(),
});
export const workOrderDetailSchema = workOrderSchema.extend({ notes: z.array(workOrderNoteSchema) });
export type WorkOrderDetail = z.infer<typeof workOrderDetailSchema>;

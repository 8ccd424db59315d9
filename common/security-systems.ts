import { z } from 'zod';
import { WORK_ORDER_PRIORITIES } from './work-orders.js';
import { anyText, optionalText, text } from './text.js';

// Security systems (capability 18): registry of cameras, door access points, alarm panels, intercoms and radio
// repeaters by campus area; status with history; outage reports that open work orders; status at a glance.

const day = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });
const ref = z.object({ id: z.uuid(), name: z.string() });

export const SECURITY_SYSTEM_KINDS = ['camera', 'door_access', 'alarm_panel', 'intercom', 'radio_repeater'] as const;
export type SecuritySystemKind = (typeof SECURITY_SYSTEM_KINDS)[number];
export const SECURITY_SYSTEM_KIND_LABELS: Record<SecuritySystemKind, string> = {
  camera: 'Camera',
  door_access: 'Door access point',
  alarm_panel: 'Alarm panel',
  intercom: 'Intercom',
  radio_repeater: 'Radio repeater',
};

export const SECURITY_SYSTEM_STATUSES = ['working', 'degraded', 'offline'] as const;
export type SecuritySystemStatus = (typeof SECURITY_SYSTEM_STATUSES)[number];
export const SECURITY_SYSTEM_STATUS_LABELS: Record<SecuritySystemStatus, string> = {
  working: 'Working', degraded: 'Degraded', offline: 'Offline',
};

/** POST /security-systems (security_system.manage). New systems start `working`. */
export const securitySystemBody = z.strictObject({
  schoolId: z.uuid(),
  areaId: z.uuid().nullable().optional().describe('A campus area of the school'),
  kind: z.enum(SECURITY_SYSTEM_KINDS),
  name: text(200).describe('e.g. "Camera 12, east parking"'),
  make: optionalText(100),
  model: optionalText(100),
  serialNumber: optionalText(100),
  installedOn: day.nullable().optional(),
  vendorId: z.uuid().nullable().optional().describe('Directory entry that services it (security or maintenance vendor)'),
  notes: optionalText(2000),
});
export type SecuritySystemBody = z.infer<typeof securitySystemBody>;
/** PATCH /security-systems/:id (security_system.manage; school cannot change). */
export const securitySystemUpdateBody = securitySystemBody.omit({ schoolId: true }).partial()
  .extend({ retired: z.boolean().optional() });
export type SecuritySystemUpdateBody = z.infer<typeof securitySystemUpdateBody>;

/**
 * POST /security-systems/:id/outages (security_system.report: staff too). Sets the status, records it in the
 * history and opens a work order (source security_outage) unless one is already open for the system.
 */
export const outageBody = z.strictObject({
  status: z.enum(['degraded', 'offline']),
  description: text(2000).describe('What is wrong'),
  priority: z.enum(WORK_ORDER_PRIORITIES).optional().describe('Default: high when offline, normal when degraded'),
});
export type OutageBody = z.infer<typeof outageBody>;

/** POST /security-systems/:id/status (security_system.manage): set any status, e.g. restore to working. Closes no work order. */
export const statusBody = z.strictObject({
  status: z.enum(SECURITY_SYSTEM_STATUSES),
  note: optionalText(2000),
});
export type StatusBody = z.infer<typeof statusBody>;

export const listSecuritySystemsQuery = z.strictObject({
  schoolId: z.uuid().optional(),
  areaId: z.uuid().optional(),
  kind: z.enum(SECURITY_SYSTEM_KINDS).optional(),
  status: z.enum(SECURITY_SYSTEM_STATUSES).optional(),
  retired: z.enum(['true', 'false', 'all']).default('false'),
  q: anyText(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const securitySystemSchema = z.object({
  id: z.uuid(),
  school: ref,
  area: ref.nullable(),
  kind: z.enum(SECURITY_SYSTEM_KINDS),
  name: z.string(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  serialNumber: z.string().nullable(),
  installedOn: z.string().nullable(),
  vendor: ref.nullable(),
  notes: z.string().nullable(),
  status: z.enum(SECURITY_SYSTEM_STATUSES),
  statusSince: z.string(),
  retired: z.boolean(),
  openWorkOrder: z.object({ id: z.uuid(), number: z.string() }).nullable().describe('An open outage work order'),
  updatedAt: z.string(),
});
export type SecuritySystem = z.infer<typeof securitySystemSchema>;

export const statusChangeSchema = z.object({
  id: z.uuid(),
  status: z.enum(SECURITY_SYSTEM_STATUSES),
  previousStatus: z.enum(SECURITY_SYSTEM_STATUSES).nullable(),
  kind: z.enum(['outage', 'change']).describe('outage: reported through the outage form'),
  note: z.string().nullable(),
  workOrder: z.object({ id: z.uuid(), number: z.string() }).nullable(),
  by: ref,
  at: z.string(),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;
export const securitySystemDetailSchema = securitySystemSchema.extend({ history: z.array(statusChangeSchema) });
export type SecuritySystemDetail = z.infer<typeof securitySystemDetailSchema>;

/** Answer of an outage report. */
export const outageResultSchema = z.object({
  system: securitySystemSchema,
  workOrder: z.object({ id: z.uuid(), number: z.string(), created: z.boolean().describe('false: an open one existed') }),
});
export type OutageResult = z.infer<typeof outageResultSchema>;

/** GET /security-systems/glance?schoolId=: one school's status at a glance. */
export const glanceQuery = z.strictObject({ schoolId: z.uuid() });
const statusCounts = z.object({ working: z.number().int(), degraded: z.number().int(), offline: z.number().int() });
export const glanceSchema = z.object({
  school: ref,
  total: z.number().int(),
  byStatus: statusCounts,
  byKind: z.array(z.object({ kind: z.enum(SECURITY_SYSTEM_KINDS) }).extend(statusCounts.shape)),
  down: z.array(securitySystemSchema).describe('Systems not working, longest down first'),
});
export type Glance = z.infer<typeof glanceSchema>;

/** GET /security-systems/district: outages by school of the district, for a map or table. */
export const districtOverviewRowSchema = z.object({
  school: ref,
  address: z.string().nullable(),
  total: z.number().int(),
  working: z.number().int(),
  degraded: z.number().int(),
  offline: z.number().int(),
  openOutageWorkOrders: z.number().int(),
  oldestOutageSince: z.string().nullable(),
});
export type DistrictOverviewRow = z.infer<typeof districtOverviewRowSchema>;
export const districtOverviewSchema = z.object({ schools: z.array(districtOverviewRowSchema) });
export type DistrictOverview = z.infer<typeof districtOverviewSchema>;

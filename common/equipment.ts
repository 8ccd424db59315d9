import { z } from 'zod';
import { anyText, optionalText, text } from './text.js';

// Safety equipment (capability 17): inventory per school and campus area, inspections on a schedule per item
// type with a checklist, expiry dates of parts, and the district's view of what is due and overdue.

const day = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });
const ref = z.object({ id: z.uuid(), name: z.string() });

export const EQUIPMENT_TYPES = [
  'aed', 'first_aid_kit', 'bleeding_control_kit', 'naloxone', 'radio', 'fire_extinguisher', 'go_bucket',
  'evacuation_chair', 'other',
] as const;
export type EquipmentType = (typeof EQUIPMENT_TYPES)[number];
export const EQUIPMENT_TYPE_LABELS: Record<EquipmentType, string> = {
  aed: 'AED',
  first_aid_kit: 'First-aid kit',
  bleeding_control_kit: 'Bleeding-control kit',
  naloxone: 'Naloxone',
  radio: 'Radio',
  fire_extinguisher: 'Fire extinguisher',
  go_bucket: 'Go-bucket',
  evacuation_chair: 'Evacuation chair',
  other: 'Other',
};

export const EQUIPMENT_CONDITIONS = ['good', 'fair', 'poor', 'out_of_service'] as const;
export type EquipmentCondition = (typeof EQUIPMENT_CONDITIONS)[number];
export const EQUIPMENT_CONDITION_LABELS: Record<EquipmentCondition, string> = {
  good: 'Good', fair: 'Fair', poor: 'Poor', out_of_service: 'Out of service',
};

/** Days between inspections, by item type. */
export const INSPECTION_INTERVAL_DAYS: Record<EquipmentType, number> = {
  aed: 30,
  first_aid_kit: 90,
  bleeding_control_kit: 90,
  naloxone: 30,
  radio: 30,
  fire_extinguisher: 30,
  go_bucket: 180,
  evacuation_chair: 180,
  other: 365,
};

export interface ChecklistItem { key: string; label: string }
/** What an inspection checks, by item type. Every key is answered pass/fail; any fail fails the inspection. */
export const INSPECTION_CHECKLISTS: Record<EquipmentType, readonly ChecklistItem[]> = {
  aed: [
    { key: 'status_light', label: 'Status light green' },
    { key: 'pads_in_date', label: 'Pads in date' },
    { key: 'battery_in_date', label: 'Battery in date' },
    { key: 'rescue_kit', label: 'Rescue kit present (razor, gloves, scissors, mask)' },
    { key: 'cabinet_alarm', label: 'Cabinet and alarm work, signage visible' },
  ],
  first_aid_kit: [
    { key: 'sealed', label: 'Seal intact or contents complete' },
    { key: 'contents_in_date', label: 'Contents in date' },
    { key: 'accessible', label: 'Accessible and signed' },
  ],
  bleeding_control_kit: [
    { key: 'tourniquets', label: 'Tourniquets present and undamaged' },
    { key: 'hemostatic_gauze', label: 'Hemostatic gauze in date' },
    { key: 'accessible', label: 'Accessible and signed' },
  ],
  naloxone: [
    { key: 'doses_present', label: 'Doses present' },
    { key: 'in_date', label: 'In date' },
    { key: 'storage_temperature', label: 'Stored within temperature range' },
  ],
  radio: [
    { key: 'powers_on', label: 'Powers on' },
    { key: 'battery_charged', label: 'Battery holds charge' },
    { key: 'radio_check', label: 'Radio check on school channel' },
  ],
  fire_extinguisher: [
    { key: 'pressure_green', label: 'Pressure gauge in green' },
    { key: 'pin_and_seal', label: 'Pin and tamper seal in place' },
    { key: 'no_damage', label: 'No visible damage, hose clear' },
    { key: 'accessible', label: 'Accessible and mounted' },
  ],
  go_bucket: [
    { key: 'contents_complete', label: 'Contents complete (roster, flashlight, vests, first aid)' },
    { key: 'batteries', label: 'Batteries fresh' },
    { key: 'roster_current', label: 'Class roster current' },
  ],
  evacuation_chair: [
    { key: 'deploys', label: 'Deploys and folds correctly' },
    { key: 'straps_brakes', label: 'Straps and brakes work' },
    { key: 'accessible', label: 'Accessible at stairwell, signed' },
  ],
  other: [
    { key: 'present', label: 'Present' },
    { key: 'working', label: 'In working order' },
  ],
};

/** Part expiry fields; each must not be before the purchase date. AED: pads and battery; naloxone, kits: expiresOn. */
export const EXPIRY_FIELDS = ['padsExpireOn', 'batteryExpiresOn', 'expiresOn'] as const;
export type ExpiryField = (typeof EXPIRY_FIELDS)[number];
export const EXPIRY_FIELD_LABELS: Record<ExpiryField, string> = {
  padsExpireOn: 'Pads', batteryExpiresOn: 'Battery', expiresOn: 'Expires',
};

/** Parts an item of a type must have on record (an expiry date): without one the part counts as missing. */
export const REQUIRED_PARTS: Record<EquipmentType, readonly ExpiryField[]> = {
  aed: ['padsExpireOn', 'batteryExpiresOn'], naloxone: ['expiresOn'], bleeding_control_kit: [], first_aid_kit: [], radio: [],
  fire_extinguisher: [], go_bucket: [], evacuation_chair: [], other: [],
};

/** The checklist key that answers for a part, by type (an answer "passed" there while the part is expired is refused). */
export const PART_CHECKS: Partial<Record<EquipmentType, Partial<Record<ExpiryField, string>>>> = {
  aed: { padsExpireOn: 'pads_in_date', batteryExpiresOn: 'battery_in_date' },
  naloxone: { expiresOn: 'in_date' },
  bleeding_control_kit: { expiresOn: 'hemostatic_gauze' },
  first_aid_kit: { expiresOn: 'contents_in_date' },
};

/** Expiry and inspection windows that make an item stand out. */
export const DUE_WINDOWS = [30, 60] as const;

/** POST /equipment. `areaId` must be a campus area of the school; expiry dates not before `purchasedOn`. */
export const equipmentBody = z.strictObject({
  schoolId: z.uuid(),
  areaId: z.uuid().nullable().optional(),
  type: z.enum(EQUIPMENT_TYPES),
  name: text(200).describe('e.g. "AED by the gym doors"'),
  make: optionalText(100),
  model: optionalText(100),
  serialNumber: optionalText(100),
  purchasedOn: day.nullable().optional(),
  padsExpireOn: day.nullable().optional(),
  batteryExpiresOn: day.nullable().optional(),
  expiresOn: day.nullable().optional(),
  condition: z.enum(EQUIPMENT_CONDITIONS).default('good'),
  ownerId: z.uuid().nullable().optional().describe('Who is told about due inspections and expiries'),
  notes: optionalText(2000),
});
export type EquipmentBody = z.infer<typeof equipmentBody>;

/** PATCH /equipment/:id (school cannot change). `retired: true` takes it out of the due lists. */
export const equipmentUpdateBody = equipmentBody.omit({ schoolId: true, condition: true }).partial()
  .extend({ condition: z.enum(EQUIPMENT_CONDITIONS).optional(), retired: z.boolean().optional() });
export type EquipmentUpdateBody = z.infer<typeof equipmentUpdateBody>;

/** Filter of the inventory list. due: inspection due within 30 days or overdue; expiring: a part expires within 60 days. */
export const EQUIPMENT_FILTERS = ['all', 'overdue', 'due', 'expiring', 'expired'] as const;
export const listEquipmentQuery = z.strictObject({
  schoolId: z.uuid().optional(),
  areaId: z.uuid().optional(),
  type: z.enum(EQUIPMENT_TYPES).optional(),
  filter: z.enum(EQUIPMENT_FILTERS).default('all'),
  retired: z.enum(['true', 'false', 'all']).default('false'),
  q: anyText(100).optional().describe('Name or serial number'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListEquipmentQuery = z.infer<typeof listEquipmentQuery>;

/** GET /equipment/export.csv (same filters, no paging). */
export const exportEquipmentQuery = listEquipmentQuery.omit({ limit: true, offset: true });

export const EXPIRY_STATES = ['ok', 'within_60', 'within_30', 'expired'] as const;
export type ExpiryState = (typeof EXPIRY_STATES)[number];
export const INSPECTION_STATES = ['ok', 'due', 'overdue'] as const;
export type InspectionState = (typeof INSPECTION_STATES)[number];

export const equipmentSchema = z.object({
  id: z.uuid(),
  school: ref,
  area: ref.nullable(),
  type: z.enum(EQUIPMENT_TYPES),
  name: z.string(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  serialNumber: z.string().nullable(),
  purchasedOn: z.string().nullable(),
  padsExpireOn: z.string().nullable(),
  batteryExpiresOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  condition: z.enum(EQUIPMENT_CONDITIONS).describe('Derived: the worse of the recorded condition and what the parts and last inspection say'),
  recordedCondition: z.enum(EQUIPMENT_CONDITIONS).describe('As last recorded by a person'),
  conditionReasons: z.array(z.string()).describe('Why the condition is worse than recorded (expired or missing parts, failed inspection)'),
  owner: ref.nullable(),
  notes: z.string().nullable(),
  retired: z.boolean(),
  lastInspectedOn: z.string().nullable(),
  lastInspectionPassed: z.boolean().nullable(),
  nextInspectionOn: z.string().describe('Last inspection (or when added) plus the interval of its type'),
  inspectionState: z.enum(INSPECTION_STATES).describe('due: within 30 days'),
  nextExpiry: z.object({ field: z.enum(EXPIRY_FIELDS), on: z.string() }).nullable().describe('The earliest part expiry'),
  expiryState: z.enum(EXPIRY_STATES),
  updatedAt: z.string(),
});
export type Equipment = z.infer<typeof equipmentSchema>;
export const equipmentPageSchema = z.object({ items: z.array(equipmentSchema), total: z.number().int() });
export type EquipmentPage = z.infer<typeof equipmentPageSchema>;

/** POST /equipment/:id/inspections. `results` answers every key of the type's checklist exactly once. */
export const inspectionBody = z.strictObject({
  inspectedOn: day.describe('Not in the future'),
  results: z.array(z.strictObject({ key: z.string().min(1).max(60), passed: z.boolean(), note: optionalText(500) })).min(1).max(30),
  condition: z.enum(EQUIPMENT_CONDITIONS).optional().describe('Update the item condition'),
  notes: optionalText(2000),
});
export type InspectionBody = z.infer<typeof inspectionBody>;

export const inspectionSchema = z.object({
  id: z.uuid(),
  equipmentId: z.uuid(),
  inspectedOn: z.string(),
  passed: z.boolean(),
  results: z.array(z.object({ key: z.string(), label: z.string(), passed: z.boolean(), note: z.string().nullable() })),
  notes: z.string().nullable(),
  inspector: ref,
  workOrder: z.object({ id: z.uuid(), number: z.string() }).nullable().describe('Opened when the inspection failed'),
  createdAt: z.string(),
});
export type Inspection = z.infer<typeof inspectionSchema>;
export const equipmentDetailSchema = equipmentSchema.extend({ inspections: z.array(inspectionSchema) });
export type EquipmentDetail = z.infer<typeof equipmentDetailSchema>;

/** CSV columns of import and export, in order. Import needs type and name; area by name, owner by e-mail. */
export const EQUIPMENT_CSV_COLUMNS = [
  'type', 'name', 'area', 'make', 'model', 'serialNumber', 'purchasedOn', 'padsExpireOn', 'batteryExpiresOn',
  'expiresOn', 'condition', 'ownerEmail', 'notes',
] as const;
/** Export adds these after the import columns. */
export const EQUIPMENT_CSV_EXPORT_EXTRA = ['school', 'lastInspectedOn', 'nextInspectionOn', 'retired'] as const;

/** POST /equipment/import?schoolId=&dryRun= with a text/csv body. A bad file writes nothing. */
export const importEquipmentQuery = z.strictObject({
  schoolId: z.uuid(),
  dryRun: z.enum(['true', 'false']).default('false').describe('true: check only, answer the errors with 200'),
});
export const importLineErrorSchema = z.object({ line: z.number().int().describe('1 is the header'), field: z.string(), message: z.string() });
export type ImportLineError = z.infer<typeof importLineErrorSchema>;
/** Answer of an import. Without dryRun a file with errors answers 400 validation_failed instead (first errors in the message). */
export const importResultSchema = z.object({
  imported: z.number().int().describe('Items added; for a dry run without errors, items the file would add'),
  errors: z.array(importLineErrorSchema),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** GET /equipment/district-due: one row per school of the district (only schools with something due unless all). */
export const districtDueQuery = z.strictObject({
  all: z.enum(['true', 'false']).default('false').describe('true: every school, also those with nothing due'),
});
export const districtDueRowSchema = z.object({
  school: ref,
  items: z.number().int().describe('Active items'),
  inspectionsOverdue: z.number().int(),
  inspectionsDue30: z.number().int().describe('Due within 30 days, not yet overdue'),
  expired: z.number().int(),
  expiring30: z.number().int(),
  expiring60: z.number().int().describe('Within 31-60 days'),
  outOfService: z.number().int(),
});
export type DistrictDueRow = z.infer<typeof districtDueRowSchema>;
export const districtDueSchema = z.object({ asOf: z.string(), schools: z.array(districtDueRowSchema) });
export type DistrictDue = z.infer<typeof districtDueSchema>;

import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type {
  AssessmentLayer, AssessmentRating, AssessmentStatus, Confidence, FindingSeverity, FindingStatus,
} from '../../../common/assessments.js';
import type { EquipmentCondition, EquipmentType } from '../../../common/equipment.js';
import type { SecuritySystemKind, SecuritySystemStatus } from '../../../common/security-systems.js';
import { campusAreas, directoryOrganizations, districts, schools, users } from './organization.js';
import { workOrders } from './work-orders.js';
import { bytea } from './preparedness.js';

// Campus security (capabilities 17-19): safety equipment with inspections, security systems with their status
// history, and campus security assessments. Work orders live in the shared core; rows here link to them.

const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** One piece of safety equipment. `nextInspectionOn` and `lastInspected*` are kept by the inspection transaction. */
export const equipmentItems = pgTable('equipment_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  areaId: uuid('area_id').references(() => campusAreas.id),
  type: text('type').$type<EquipmentType>().notNull(),
  name: text('name').notNull(),
  make: text('make'),
  model: text('model'),
  serialNumber: text('serial_number'),
  purchasedOn: date('purchased_on', { mode: 'string' }),
  padsExpireOn: date('pads_expire_on', { mode: 'string' }),
  batteryExpiresOn: date('battery_expires_on', { mode: 'string' }),
  expiresOn: date('expires_on', { mode: 'string' }),
  // The earliest part expiry, so due lists and the district view filter on one indexed column.
  nextExpiryOn: date('next_expiry_on', { mode: 'string' })
    .generatedAlwaysAs(sql`least(pads_expire_on, battery_expires_on, expires_on)`),
  condition: text('condition').$type<EquipmentCondition>().notNull().default('good'),
  ownerId: uuid('owner_id').references(() => users.id),
  notes: text('notes'),
  retired: boolean('retired').notNull().default(false),
  lastInspectedOn: date('last_inspected_on', { mode: 'string' }),
  lastInspectionPassed: boolean('last_inspection_passed'),
  nextInspectionOn: date('next_inspection_on', { mode: 'string' }).notNull(),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  ...stamps,
}, (t) => [
  // The due lists of a school (overdue, due, expiring) and the sweep read active items by these dates.
  index('equipment_items_inspection_idx').on(t.schoolId, t.nextInspectionOn).where(sql`not ${t.retired}`),
  index('equipment_items_expiry_idx').on(t.districtId, t.nextExpiryOn).where(sql`not ${t.retired}`),
  index('equipment_items_school_idx').on(t.schoolId, t.type, t.name),
  index('equipment_items_owner_idx').on(t.ownerId),
]);

/**
 * The district due view's summary: per school, how many active items (kind items, out_of_service) and how many
 * have their next inspection or earliest expiry on each day. Days before the day it was last rebuilt are folded
 * into the day before it (all overdue alike), so a school has a few dozen rows and the view reads no item rows.
 * Rebuilt per school in the transaction of every change to its items, and for the district by the daily sweep.
 */
export const equipmentDueDays = pgTable('equipment_due_days', {
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  kind: text('kind').$type<'items' | 'out_of_service' | 'inspection' | 'expiry'>().notNull(),
  day: date('day', { mode: 'string' }).notNull(),
  n: integer('n').notNull(),
}, (t) => [
  primaryKey({ columns: [t.schoolId, t.kind, t.day] }),
  index('equipment_due_days_district_idx').on(t.districtId, t.kind, t.day),
]);

/** One inspection of an item: the checklist answers, pass/fail, and the work order a failure opened. */
export const equipmentInspections = pgTable('equipment_inspections', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  equipmentId: uuid('equipment_id').notNull().references(() => equipmentItems.id),
  inspectedOn: date('inspected_on', { mode: 'string' }).notNull(),
  passed: boolean('passed').notNull(),
  results: jsonb('results').$type<{ key: string; passed: boolean; note: string | null }[]>().notNull(),
  notes: text('notes'),
  inspectorId: uuid('inspector_id').notNull().references(() => users.id),
  workOrderId: uuid('work_order_id').references(() => workOrders.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('equipment_inspections_item_idx').on(t.equipmentId, t.inspectedOn)]);

/** A notice the daily sweep sent about an item; one per item, kind and due date so it is sent once. */
export const equipmentNotices = pgTable('equipment_notices', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  equipmentId: uuid('equipment_id').notNull().references(() => equipmentItems.id),
  kind: text('kind').$type<'inspection_overdue' | 'expiry_60' | 'expiry_30' | 'expired'>().notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  emailed: integer('emailed').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('equipment_notices_key').on(t.equipmentId, t.kind, t.dueOn)]);

/** A camera, door access point, alarm panel, intercom or radio repeater. */
export const securitySystems = pgTable('security_systems', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  areaId: uuid('area_id').references(() => campusAreas.id),
  kind: text('kind').$type<SecuritySystemKind>().notNull(),
  name: text('name').notNull(),
  make: text('make'),
  model: text('model'),
  serialNumber: text('serial_number'),
  installedOn: date('installed_on', { mode: 'string' }),
  vendorId: uuid('vendor_id').references(() => directoryOrganizations.id),
  notes: text('notes'),
  status: text('status').$type<SecuritySystemStatus>().notNull().default('working'),
  statusSince: timestamp('status_since', { withTimezone: true }).notNull().defaultNow(),
  retired: boolean('retired').notNull().default(false),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  ...stamps,
}, (t) => [
  index('security_systems_school_idx').on(t.schoolId, t.kind, t.status),
  index('security_systems_district_idx').on(t.districtId, t.status).where(sql`not ${t.retired}`),
]);

/** The status history of a system: every outage report and every change by hand. */
export const securitySystemEvents = pgTable('security_system_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  systemId: uuid('system_id').notNull().references(() => securitySystems.id),
  status: text('status').$type<SecuritySystemStatus>().notNull(),
  previousStatus: text('previous_status').$type<SecuritySystemStatus>(),
  kind: text('kind').$type<'outage' | 'change'>().notNull(),
  note: text('note'),
  workOrderId: uuid('work_order_id').references(() => workOrders.id),
  byId: uuid('by_id').notNull().references(() => users.id),
  at: timestamp('at', { withTimezone: true }).notNull(),
  // The database's time orders changes made within the same application instant.
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('security_system_events_system_idx').on(t.systemId, t.at)]);

/** A measure of the district's assessment template (CISA layers). */
export const assessmentTemplateItems = pgTable('assessment_template_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  layer: text('layer').$type<AssessmentLayer>().notNull(),
  title: text('title').notNull(),
  guidance: text('guidance'),
  position: integer('position').notNull(),
  active: boolean('active').notNull().default(true),
  ...stamps,
}, (t) => [index('assessment_template_items_district_idx').on(t.districtId, t.layer, t.position)]);

/** A security assessment of one campus. */
export const securityAssessments = pgTable('security_assessments', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  title: text('title').notNull(),
  status: text('status').$type<AssessmentStatus>().notNull().default('in_progress'),
  startedOn: date('started_on', { mode: 'string' }).notNull(),
  completedOn: date('completed_on', { mode: 'string' }),
  notes: text('notes'),
  leadId: uuid('lead_id').notNull().references(() => users.id),
  ...stamps,
}, (t) => [
  index('security_assessments_school_idx').on(t.schoolId, t.startedOn),
  check('security_assessments_completed', sql`${t.completedOn} is null or ${t.completedOn} >= ${t.startedOn}`),
]);

/** A measure of one assessment, copied from the template, with its rating. */
export const assessmentItems = pgTable('assessment_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  assessmentId: uuid('assessment_id').notNull().references(() => securityAssessments.id),
  templateItemId: uuid('template_item_id').references(() => assessmentTemplateItems.id),
  layer: text('layer').$type<AssessmentLayer>().notNull(),
  title: text('title').notNull(),
  guidance: text('guidance'),
  position: integer('position').notNull(),
  rating: text('rating').$type<AssessmentRating>(),
  confidence: text('confidence').$type<Confidence>(),
  notes: text('notes'),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('assessment_items_assessment_idx').on(t.assessmentId, t.layer, t.position)]);

/** A photo of an assessment item (type sniffed from its bytes). */
export const assessmentPhotos = pgTable('assessment_photos', {
  id: uuid('id').primaryKey().defaultRandom(),
  assessmentId: uuid('assessment_id').notNull().references(() => securityAssessments.id),
  itemId: uuid('item_id').notNull().references(() => assessmentItems.id),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  caption: text('caption'),
  /** The encrypted photo in the file store (server/files). */
  fileKey: text('file_key'),
  /** Bytes of releases before the file store: moved into it at start (server/files/legacy.ts), then null. */
  legacyBytes: bytea('bytes'),
  uploadedBy: uuid('uploaded_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('assessment_photos_item_idx').on(t.itemId)]);

/** A finding of an assessment with its remediation. */
export const assessmentFindings = pgTable('assessment_findings', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  assessmentId: uuid('assessment_id').notNull().references(() => securityAssessments.id),
  itemId: uuid('item_id').references(() => assessmentItems.id),
  title: text('title').notNull(),
  description: text('description'),
  severity: text('severity').$type<FindingSeverity>().notNull(),
  ownerId: uuid('owner_id').references(() => users.id),
  dueOn: date('due_on', { mode: 'string' }),
  status: text('status').$type<FindingStatus>().notNull().default('open'),
  remediationNotes: text('remediation_notes'),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  workOrderId: uuid('work_order_id').references(() => workOrders.id),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  ...stamps,
}, (t) => [
  index('assessment_findings_assessment_idx').on(t.assessmentId),
  index('assessment_findings_school_idx').on(t.schoolId, t.status),
]);

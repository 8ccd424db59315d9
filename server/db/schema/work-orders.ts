import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { campusAreas, directoryOrganizations, districts, schools, users } from './organization.js';

/**
 * A work order: one entity for failed patrol checks, failed equipment inspections, security-system outages,
 * assessment findings and requests by hand (`source` and `source_id` name where it came from).
 */
export const workOrders = pgTable('work_orders', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  number: text('number').notNull(),
  areaId: uuid('area_id').references(() => campusAreas.id),
  title: text('title').notNull(),
  description: text('description'),
  priority: text('priority').notNull(),
  status: text('status').notNull().default('open'),
  source: text('source').notNull(),
  sourceId: uuid('source_id'),
  ownerKind: text('owner_kind').notNull(),
  vendorId: uuid('vendor_id').references(() => directoryOrganizations.id),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  closureNotes: text('closure_notes'),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('work_orders_number_key').on(t.districtId, t.number),
  index('work_orders_school_idx').on(t.schoolId, t.status, t.dueOn),
  index('work_orders_due_idx').on(t.districtId, t.dueOn).where(sql`${t.closedAt} is null`),
  index('work_orders_source_idx').on(t.source, t.sourceId),
  check('work_orders_vendor', sql`${t.ownerKind} <> 'vendor' or ${t.vendorId} is not null`),
]);

/** A note on a work order: progress, a vendor's answer, a visit. */
export const workOrderNotes = pgTable('work_order_notes', {
  id: uuid('id').primaryKey().defaultRandom(),
  workOrderId: uuid('work_order_id').notNull().references(() => workOrders.id),
  text: text('text').notNull(),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('work_order_notes_order_idx').on(t.workOrderId, t.createdAt)]);

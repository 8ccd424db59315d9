import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { PatrolKind } from '../../../common/patrols.js';
import { campusAreas, districts, schools, users } from './organization.js';
import { workOrders } from './work-orders.js';

const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** One patrol, visibility period or traffic-control duty an officer logged. */
export const patrolEntries = pgTable('patrol_entries', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  officerId: uuid('officer_id').notNull().references(() => users.id),
  kind: text('kind').$type<PatrolKind>().notNull(),
  areaId: uuid('area_id').references(() => campusAreas.id),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  notes: text('notes'),
  ...stamps,
}, (t) => [
  index('patrol_entries_school_started_idx').on(t.schoolId, t.startedAt.desc()),
  index('patrol_entries_officer_started_idx').on(t.officerId, t.startedAt.desc()),
  check('patrol_entries_duration', sql`${t.durationMinutes} between 1 and 1440`),
]);

/** A school's security check list (doors, gates, cameras, lighting ...). */
export const patrolChecklists = pgTable('patrol_checklists', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  name: text('name').notNull(),
  archived: boolean('archived').notNull().default(false),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  ...stamps,
}, (t) => [index('patrol_checklists_school_idx').on(t.schoolId, t.name)]);

/** An item of a check list; retired (not deleted) when removed, so past results keep pointing at it. */
export const patrolCheckItems = pgTable('patrol_check_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  checklistId: uuid('checklist_id').notNull().references(() => patrolChecklists.id),
  position: integer('position').notNull(),
  label: text('label').notNull(),
  areaId: uuid('area_id').references(() => campusAreas.id),
  retired: boolean('retired').notNull().default(false),
}, (t) => [index('patrol_check_items_list_idx').on(t.checklistId, t.position)]);

/** One walk through a check list. */
export const patrolCheckRuns = pgTable('patrol_check_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  checklistId: uuid('checklist_id').notNull().references(() => patrolChecklists.id),
  officerId: uuid('officer_id').notNull().references(() => users.id),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  notes: text('notes'),
  failedCount: integer('failed_count').notNull(),
  itemCount: integer('item_count').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('patrol_check_runs_school_started_idx').on(t.schoolId, t.startedAt.desc()),
  index('patrol_check_runs_list_idx').on(t.checklistId, t.startedAt.desc()),
  check('patrol_check_runs_duration', sql`${t.durationMinutes} between 1 and 1440`),
]);

/** The result of one item in a run; the label is kept as it read when checked. */
export const patrolCheckResults = pgTable('patrol_check_results', {
  runId: uuid('run_id').notNull().references(() => patrolCheckRuns.id),
  itemId: uuid('item_id').notNull().references(() => patrolCheckItems.id),
  position: integer('position').notNull(),
  label: text('label').notNull(),
  areaId: uuid('area_id').references(() => campusAreas.id),
  passed: boolean('passed').notNull(),
  note: text('note'),
  /** The work order a failed item opened. */
  workOrderId: uuid('work_order_id').references(() => workOrders.id),
}, (t) => [
  uniqueIndex('patrol_check_results_key').on(t.runId, t.itemId),
  check('patrol_check_results_failed_note', sql`${t.passed} or ${t.note} is not null`),
]);

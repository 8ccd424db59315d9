import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { incidents } from './incidents.js';
import { districts, users } from './organization.js';

/** One generated NIBRS submission file (a month of one agency), kept so later files know what was sent. */
export const nibrsExports = pgTable('nibrs_exports', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  /** YYYY-MM of the report (the month in the district's time zone). */
  month: text('month').notNull(),
  ori: text('ori').notNull(),
  counts: jsonb('counts').$type<{ add: number; replace: number; delete: number; failed: number }>().notNull(),
  createdById: uuid('created_by_id').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [index('nibrs_exports_district_idx').on(t.districtId, t.createdAt)]);

/** An incident written into a submission file: I (add), R (replace) or D (delete). */
export const nibrsExportItems = pgTable('nibrs_export_items', {
  exportId: uuid('export_id').notNull().references(() => nibrsExports.id),
  incidentId: uuid('incident_id').notNull().references(() => incidents.id),
  action: text('action').notNull(),
  version: integer('version').notNull(),
}, (t) => [index('nibrs_export_items_incident_idx').on(t.incidentId, t.exportId)]);

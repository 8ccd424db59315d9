import { sql } from 'drizzle-orm';
import { check, integer, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { districts, users } from './organization.js';

/** A district's analytics settings: the smallest count the equity page shows (smaller cells are suppressed). */
export const analyticsSettings = pgTable('analytics_settings', {
  districtId: uuid('district_id').primaryKey().references(() => districts.id),
  equityMinimumCount: integer('equity_minimum_count').notNull().default(10),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, () => [check('analytics_settings_minimum', sql`equity_minimum_count between 3 and 100`)]);

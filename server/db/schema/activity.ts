import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { districts, schools, users } from './organization.js';

/**
 * One activity of an SRO's day, tagged with its NASRO triad role. Typed in the log (source null) or written by the
 * module where the work was recorded (a patrol, a call, a class...), at most one entry per source record.
 */
export const activityEntries = pgTable('activity_entries', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').references(() => schools.id),
  userId: uuid('user_id').notNull().references(() => users.id),
  kind: text('kind').notNull(),
  triadRole: text('triad_role').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  title: text('title').notNull(),
  notes: text('notes'),
  /** People reached (students in a class, at an event), when the activity counts them. */
  participants: integer('participants'),
  sourceType: text('source_type'),
  sourceId: uuid('source_id'),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('activity_entries_source_key').on(t.sourceType, t.sourceId),
  index('activity_entries_user_idx').on(t.districtId, t.userId, t.startedAt),
  index('activity_entries_school_idx').on(t.schoolId, t.startedAt),
  check('activity_entries_duration', sql`${t.durationMinutes} between 1 and 1440`),
  check('activity_entries_participants', sql`${t.participants} is null or ${t.participants} >= 0`),
  check('activity_entries_source', sql`(${t.sourceType} is null) = (${t.sourceId} is null)`),
]);

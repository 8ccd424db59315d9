import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { districts, users } from './organization.js';

/** A district's analytics settings: the smallest count the equity page shows (smaller cells are suppressed). */
export const analyticsSettings = pgTable('analytics_settings', {
  districtId: uuid('district_id').primaryKey().references(() => districts.id),
  equityMinimumCount: integer('equity_minimum_count').notNull().default(10),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, () => [check('analytics_settings_minimum', sql`equity_minimum_count between 3 and 100`)]);

// Summary tables of the district dashboard (ADR 0004), maintained by triggers in the writing transaction and
// rebuilt by analytics_rebuild(district). Rows are per school (school_id set) or for the whole district
// (school_id null: the sum of its schools), per local day of the district or per month (grain 'month', day =
// the first of the month: the sum of its days).

/**
 * Reported, unsealed incidents per school or district, local day or month, and dimension: `all` (k none),
 * `hour` (k1 ISO weekday, k2 hour), `offense` (k1 NIBRS code, k2 category; an incident once per key), `place`
 * (k1 campus area id, k2 NIBRS location, k3 on campus), `enforcement` (k1 action kind; persons per incident).
 */
export const analyticsIncidentRollup = pgTable('analytics_incident_rollup', {
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id'),
  grain: text('grain').notNull(),
  day: date('day').notNull(),
  dim: text('dim').notNull(),
  k1: text('k1'),
  k2: text('k2'),
  k3: text('k3'),
  n: integer('n').notNull(),
}, (t) => [
  index('analytics_incident_rollup_read_idx').on(t.districtId, t.dim, t.grain, t.day),
  index('analytics_incident_rollup_day_idx').on(t.districtId, t.grain, t.day),
  index('analytics_incident_rollup_school_idx').on(t.schoolId, t.grain, t.day),
  check('analytics_incident_rollup_grain', sql`grain in ('day', 'month')`),
]);

/** Minutes of SRO activity per school, local day or month, officer and triad role (entries with a school). */
export const analyticsActivityRollup = pgTable('analytics_activity_rollup', {
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull(),
  grain: text('grain').notNull(),
  day: date('day').notNull(),
  userId: uuid('user_id').notNull(),
  triadRole: text('triad_role').notNull(),
  minutes: bigint('minutes', { mode: 'number' }).notNull(),
}, (t) => [
  index('analytics_activity_rollup_read_idx').on(t.districtId, t.grain, t.day),
  index('analytics_activity_rollup_school_idx').on(t.schoolId, t.grain, t.day),
  check('analytics_activity_rollup_grain', sql`grain in ('day', 'month')`),
]);

/**
 * Students with an arrest, citation or law-enforcement referral on an approved, unsealed, on-campus incident, per
 * school and local day (one row per student, school and day): the equity page counts distinct students over a
 * window from these rows instead of joining actions, persons and incidents.
 */
export const analyticsStudentEvents = pgTable('analytics_student_events', {
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull(),
  day: date('day').notNull(),
  studentId: uuid('student_id').notNull(),
  arrested: boolean('arrested').notNull(),
  cited: boolean('cited').notNull(),
}, (t) => [
  index('analytics_student_events_read_idx').on(t.districtId, t.day),
  index('analytics_student_events_school_idx').on(t.schoolId, t.day),
]);

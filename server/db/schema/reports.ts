import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { districts, users } from './organization.js';

/**
 * A user's standing order for a report by e-mail (server/modules/reports): which report, its filters, when
 * (weekly or monthly at a district wall-clock time) and as what file. The recipient's access is checked again
 * at every send with their grants of that moment.
 */
export const reportSubscriptions = pgTable('report_subscriptions', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  /** The recipient: the mail goes to them and their grants decide what the report may show. */
  userId: uuid('user_id').notNull().references(() => users.id),
  /** Who set it up: the recipient, or a supervisor/director for an automatic activity report to a principal. */
  createdBy: uuid('created_by').notNull().references(() => users.id),
  report: text('report').notNull(),
  /** Filters: school ids (empty: every school the recipient may see) and a school level. */
  schoolIds: jsonb('school_ids').$type<string[]>().notNull().default([]),
  level: text('level'),
  /** The SRO of a monthly activity report. */
  officerId: uuid('officer_id').references(() => users.id),
  cadence: text('cadence').notNull(),
  /** Weekly: 0 Sunday .. 6 Saturday. */
  dayOfWeek: integer('day_of_week'),
  /** Monthly: 1..28. */
  dayOfMonth: integer('day_of_month'),
  /** HH:MM, district time. */
  timeOfDay: text('time_of_day').notNull(),
  format: text('format').notNull(),
  active: boolean('active').notNull().default(true),
  automatic: boolean('automatic').notNull().default(false),
  nextDueAt: timestamp('next_due_at', { withTimezone: true }).notNull(),
  lastSentAt: timestamp('last_sent_at', { withTimezone: true }),
  /** The last period (first day..last day) queued or skipped, and why a send was skipped. */
  lastPeriod: text('last_period'),
  lastSkippedAt: timestamp('last_skipped_at', { withTimezone: true }),
  lastSkipReason: text('last_skip_reason'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('report_subscriptions_user_idx').on(t.districtId, t.userId),
  index('report_subscriptions_due_idx').on(t.nextDueAt).where(sql`${t.active}`),
  check('report_subscriptions_report', sql`${t.report} in ('dashboard', 'equity', 'crdc', 'activity')`),
  check('report_subscriptions_cadence', sql`(${t.cadence} = 'weekly' and ${t.dayOfWeek} between 0 and 6) or (${t.cadence} = 'monthly' and ${t.dayOfMonth} between 1 and 28)`),
  check('report_subscriptions_format', sql`${t.format} in ('pdf', 'csv')`),
]);

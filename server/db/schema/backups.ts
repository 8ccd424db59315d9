import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './organization.js';

/**
 * The deployment's scheduled backup (one row, id 1): a backup covers every district of the deployment, so its
 * schedule is a deployment setting, kept by a system administrator. `timeOfDay` is local to `timeZone`.
 */
export const backupSettings = pgTable('backup_settings', {
  id: integer('id').primaryKey().default(1),
  enabled: boolean('enabled').notNull().default(false),
  timeOfDay: text('time_of_day').notNull().default('02:00'),
  timeZone: text('time_zone').notNull().default('America/Chicago'),
  keep: integer('keep').notNull().default(14),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

/**
 * One backup taken by the server (scheduled or "back up now") and its last verification. `scheduledFor` is the
 * local day of a scheduled run: unique, so of several processes exactly one takes each day's backup.
 */
export const backupRuns = pgTable('backup_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind', { enum: ['scheduled', 'manual'] }).notNull(),
  scheduledFor: text('scheduled_for'),
  status: text('status', { enum: ['running', 'succeeded', 'failed'] }).notNull().default('running'),
  fileName: text('file_name'),
  bytes: bigint('bytes', { mode: 'number' }),
  manifest: jsonb('manifest').$type<Record<string, unknown>>(),
  error: text('error'),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  startedBy: uuid('started_by').references(() => users.id),
  verifyStatus: text('verify_status', { enum: ['running', 'passed', 'failed'] }),
  verifiedAt: timestamp('verified_at', { withTimezone: true }),
  verifyDetail: text('verify_detail'),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('backup_runs_scheduled_for_idx').on(t.scheduledFor).where(sql`${t.scheduledFor} is not null`),
  index('backup_runs_started_idx').on(t.startedAt),
]);

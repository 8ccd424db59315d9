import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { RecordType, ReportState } from '../../../common/retention.js';
import { districts, users } from './organization.js';

/**
 * A district's own retention period for one record type, replacing the state default (common/retention-defaults.ts).
 * `years` null: kept permanently (never proposed for destruction).
 */
export const retentionSchedules = pgTable('retention_schedules', {
  districtId: uuid('district_id').notNull().references(() => districts.id),
  recordType: text('record_type').$type<RecordType>().notNull(),
  years: integer('years'),
  note: text('note'),
  updatedBy: uuid('updated_by').notNull().references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [
  uniqueIndex('retention_schedules_key').on(t.districtId, t.recordType),
  check('retention_schedules_years', sql`${t.years} is null or ${t.years} between 1 and 100`),
]);

/**
 * A legal hold on one record or case (litigation, an investigation, a records request): while it is not lifted,
 * the record is left out of every destruction report and every purge.
 */
export const legalHolds = pgTable('legal_holds', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  /** incident, tip, threat_case or support_referral; no foreign key: the hold's history outlives nothing it protects. */
  recordKind: text('record_kind').notNull(),
  recordId: uuid('record_id').notNull(),
  reason: text('reason').notNull(),
  setBy: uuid('set_by').notNull().references(() => users.id),
  setAt: timestamp('set_at', { withTimezone: true }).notNull(),
  liftedBy: uuid('lifted_by').references(() => users.id),
  liftedAt: timestamp('lifted_at', { withTimezone: true }),
  liftReason: text('lift_reason'),
}, (t) => [
  uniqueIndex('legal_holds_active_key').on(t.districtId, t.recordKind, t.recordId).where(sql`${t.liftedAt} is null`),
]);

/** One summary line of a destruction report: a record type, how many, which dates, how many held back. */
export interface ReportLine {
  recordType: RecordType;
  years: number;
  cutoffDay: string;
  count: number;
  held: number;
  oldest: string | null;
  newest: string | null;
}

/**
 * A destruction report made by the nightly job (one per district and district day): what is past retention. Nothing
 * is destroyed until the district administrator approves it; the purge then runs batch by batch (state `purging`),
 * and the next start finishes a purge a crash interrupted.
 */
export const destructionReports = pgTable('destruction_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  /** The district day the job ran for (its clock): one report per day. */
  day: text('day').notNull(),
  state: text('state').$type<ReportState>().notNull(),
  lines: jsonb('lines').$type<ReportLine[]>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  decisionNote: text('decision_note'),
  purgedAt: timestamp('purged_at', { withTimezone: true }),
  purgedCounts: jsonb('purged_counts').$type<Partial<Record<RecordType, number>>>(),
}, (t) => [
  uniqueIndex('destruction_reports_day_key').on(t.districtId, t.day),
  index('destruction_reports_purging_idx').on(t.state).where(sql`${t.state} in ('approved', 'purging')`),
]);

/**
 * The records of a report, a few thousand per row (ids and the numbers the approver reads): the purge unit, one
 * transaction each; `purgedAt` marks a batch done so a resumed purge skips it.
 */
export const destructionBatches = pgTable('destruction_batches', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id').notNull().references(() => destructionReports.id),
  recordType: text('record_type').$type<RecordType>().notNull(),
  seq: integer('seq').notNull(),
  ids: uuid('ids').array().notNull(),
  labels: text('labels').array().notNull(),
  purged: integer('purged'),
  /** Keys of the files removed with the batch: their data-folder bytes are removed again until the report is purged. */
  fileKeys: text('file_keys').array().notNull().default(sql`'{}'::text[]`),
  purgedAt: timestamp('purged_at', { withTimezone: true }),
}, (t) => [uniqueIndex('destruction_batches_key').on(t.reportId, t.recordType, t.seq)]);

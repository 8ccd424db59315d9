import { sql } from 'drizzle-orm';
import {
  boolean, check, customType, date, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import type {
  DateRange, DrillCondition, DrillStatus, DrillType, ObserverKind, RuleCitation, RulePeriod, RuleWindow, SchoolLevel, StateSet,
} from '../../../common/preparedness.js';
import { districts, schools, users } from './organization.js';

/** Binary column; PGlite answers Uint8Array and postgres.js Buffer, so readers wrap it in Buffer.from. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

const NO_SCHOOL = sql`'00000000-0000-0000-0000-000000000000'::uuid`;
const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** A school year's calendar of one school, or the district default (schoolId null). */
export const schoolCalendars = pgTable('school_calendars', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').references(() => schools.id),
  schoolYear: integer('school_year').notNull(),
  firstDay: date('first_day', { mode: 'string' }).notNull(),
  lastDay: date('last_day', { mode: 'string' }).notNull(),
  semesters: jsonb('semesters').$type<DateRange[]>().notNull(),
  summerStart: date('summer_start', { mode: 'string' }),
  summerEnd: date('summer_end', { mode: 'string' }),
  closedDays: jsonb('closed_days').$type<DateRange[]>().notNull().default([]),
  ...stamps,
}, (t) => [
  uniqueIndex('school_calendars_key').on(t.districtId, sql`coalesce(${t.schoolId}, ${NO_SCHOOL})`, t.schoolYear),
  check('school_calendars_days', sql`${t.lastDay} >= ${t.firstDay}`),
]);

/** The district's choice of state rule set and its compliance settings. */
export const drillRuleSettings = pgTable('drill_rule_settings', {
  districtId: uuid('district_id').primaryKey().references(() => districts.id),
  state: text('state').$type<StateSet>(),
  atRiskDays: integer('at_risk_days').notNull().default(14),
  ...stamps,
}, (t) => [check('drill_rule_settings_at_risk', sql`${t.atRiskDays} >= 0`)]);

/** A drill rule of the district (schoolId null) or an extra rule of one school. */
export const drillRules = pgTable('drill_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').references(() => schools.id),
  drillTypes: jsonb('drill_types').$type<DrillType[]>().notNull(),
  minCount: integer('min_count'),
  period: text('period').$type<RulePeriod>().notNull(),
  window: jsonb('window').$type<RuleWindow>(),
  minInstructionalDays: integer('min_instructional_days'),
  requiresObserver: text('requires_observer').$type<ObserverKind>(),
  requiresSecondaryEgress: boolean('requires_secondary_egress').notNull().default(false),
  schoolLevels: jsonb('school_levels').$type<SchoolLevel[]>(),
  title: text('title').notNull(),
  notes: text('notes'),
  /** The statute the rule encodes (section, quoted words, when checked); null for a local rule. */
  citation: jsonb('citation').$type<RuleCitation>(),
  position: integer('position').notNull().default(0),
  ...stamps,
}, (t) => [
  index('drill_rules_district_idx').on(t.districtId, t.position),
  check('drill_rules_counts', sql`(${t.minCount} is null or ${t.minCount} >= 0) and (${t.minInstructionalDays} is null or ${t.minInstructionalDays} >= 0)`),
  check('drill_rules_period', sql`${t.period} in ('month', 'semester', 'school_year', 'summer_session')`),
]);

/** An observer of a drill (fire department, law enforcement...). */
export interface DrillObserver { kind: ObserverKind; name?: string | null }
/** A follow-up task found by a drill. */
export interface DrillFollowUp { task: string; owner?: string | null; dueOn?: string | null; done: boolean }

/** A drill, scheduled or conducted. `districtId` is copied from the school so the overview reads one index. */
export const drills = pgTable('drills', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  type: text('type').$type<DrillType>().notNull(),
  status: text('status').$type<DrillStatus>().notNull(),
  date: date('date', { mode: 'string' }).notNull(),
  startTime: text('start_time'),
  durationMinutes: integer('duration_minutes'),
  conditions: jsonb('conditions').$type<DrillCondition[]>().notNull().default([]),
  secondaryEgress: boolean('secondary_egress').notNull().default(false),
  participants: integer('participants'),
  observers: jsonb('observers').$type<DrillObserver[]>().notNull().default([]),
  problemsFound: text('problems_found'),
  afterActionNotes: text('after_action_notes'),
  followUps: jsonb('follow_ups').$type<DrillFollowUp[]>().notNull().default([]),
  notes: text('notes'),
  cancelledReason: text('cancelled_reason'),
  alertId: uuid('alert_id'),
  recordedBy: uuid('recorded_by').notNull().references(() => users.id),
  /** When it was marked completed; later than `date` for a drill recorded after the fact. */
  completedAt: timestamp('completed_at', { withTimezone: true }),
  ...stamps,
}, (t) => [
  index('drills_district_date_idx').on(t.districtId, t.date).where(sql`${t.status} = 'completed'`),
  index('drills_school_date_idx').on(t.schoolId, t.date),
  check('drills_duration', sql`${t.durationMinutes} is null or ${t.durationMinutes} >= 0`),
  check('drills_participants', sql`${t.participants} is null or ${t.participants} >= 0`),
  check('drills_status', sql`${t.status} in ('scheduled', 'completed', 'cancelled')`),
]);

/** A reminder that a rule's window closes soon at a school; made once per window. */
export const drillReminders = pgTable('drill_reminders', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  ruleId: uuid('rule_id').notNull(),
  ruleTitle: text('rule_title').notNull(),
  periodKey: text('period_key').notNull(),
  windowEnd: date('window_end', { mode: 'string' }).notNull(),
  required: integer('required').notNull(),
  counted: integer('counted').notNull(),
  emailed: integer('emailed').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('drill_reminders_key').on(t.schoolId, t.ruleId, t.periodKey, t.windowEnd),
  index('drill_reminders_district_idx').on(t.districtId, t.createdAt),
]);

/** An emergency operations plan or protocol of a school or (schoolId null) of the district. */
export const safetyPlans = pgTable('safety_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').references(() => schools.id),
  kind: text('kind').$type<'eop' | 'protocol'>().notNull(),
  title: text('title').notNull(),
  archived: boolean('archived').notNull().default(false),
  currentVersionId: uuid('current_version_id'),
  ...stamps,
}, (t) => [index('safety_plans_district_idx').on(t.districtId, t.schoolId)]);

/** One version of a plan: written text or an uploaded PDF. Versions are never changed. */
export const safetyPlanVersions = pgTable('safety_plan_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id').notNull().references(() => safetyPlans.id),
  version: integer('version').notNull(),
  format: text('format').$type<'text' | 'pdf'>().notNull(),
  body: text('body'),
  /** The encrypted PDF in the file store (server/files). */
  fileKey: text('file_key'),
  /** Bytes of releases before the file store: moved into it at start (server/files/legacy.ts), then null. */
  legacyFile: bytea('file'),
  fileName: text('file_name'),
  fileSize: integer('file_size'),
  changeSummary: text('change_summary'),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('safety_plan_versions_key').on(t.planId, t.version)]);

/** The annual review (approval) of a plan version. */
export const safetyPlanReviews = pgTable('safety_plan_reviews', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id').notNull().references(() => safetyPlans.id),
  versionId: uuid('version_id').notNull().references(() => safetyPlanVersions.id),
  approvedBy: uuid('approved_by').notNull().references(() => users.id),
  reviewedOn: date('reviewed_on', { mode: 'string' }).notNull(),
  notes: text('notes'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('safety_plan_reviews_plan_idx').on(t.planId, t.reviewedOn)]);

/** A user's confirmation of having read one version of a plan. */
export const planAcknowledgements = pgTable('plan_acknowledgements', {
  versionId: uuid('version_id').notNull().references(() => safetyPlanVersions.id),
  userId: uuid('user_id').notNull().references(() => users.id),
  acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.versionId, t.userId] })]);

/** A training that holders of some roles must complete (again every `validMonths` when set). */
export const trainingRequirements = pgTable('training_requirements', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').references(() => schools.id),
  topic: text('topic').notNull(),
  roles: jsonb('roles').$type<string[]>().notNull(),
  validMonths: integer('valid_months'),
  notes: text('notes'),
  active: boolean('active').notNull().default(true),
  ...stamps,
});

/** A training session given to staff. */
export const trainingSessions = pgTable('training_sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').references(() => schools.id),
  topic: text('topic').notNull(),
  requirementId: uuid('requirement_id').references(() => trainingRequirements.id),
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  materials: text('materials'),
  notes: text('notes'),
  presenterId: uuid('presenter_id').notNull().references(() => users.id),
  ...stamps,
}, (t) => [
  index('training_sessions_district_idx').on(t.districtId, t.heldOn),
  check('training_sessions_duration', sql`${t.durationMinutes} >= 0`),
]);

export const trainingAttendance = pgTable('training_attendance', {
  sessionId: uuid('session_id').notNull().references(() => trainingSessions.id),
  userId: uuid('user_id').notNull().references(() => users.id),
}, (t) => [primaryKey({ columns: [t.sessionId, t.userId] }), index('training_attendance_user_idx').on(t.userId)]);

/** A certification or course of an SRO, with its document. */
export const sroCertifications = pgTable('sro_certifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  userId: uuid('user_id').notNull().references(() => users.id),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  issuer: text('issuer'),
  hours: real('hours'),
  issuedOn: date('issued_on', { mode: 'string' }).notNull(),
  expiresOn: date('expires_on', { mode: 'string' }),
  notes: text('notes'),
  /** The encrypted document in the file store (server/files). */
  documentKey: text('document_key'),
  /** Bytes of releases before the file store: moved into it at start (server/files/legacy.ts), then null. */
  legacyDocument: bytea('document'),
  documentName: text('document_name'),
  documentType: text('document_type'),
  documentSize: integer('document_size'),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  ...stamps,
}, (t) => [
  index('sro_certifications_user_idx').on(t.userId, t.kind, t.issuedOn),
  index('sro_certifications_expiry_idx').on(t.districtId, t.expiresOn),
  check('sro_certifications_dates', sql`${t.expiresOn} is null or ${t.expiresOn} >= ${t.issuedOn}`),
]);

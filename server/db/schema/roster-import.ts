import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type {
  OneRosterVersion, RosterConfirmation, RosterCounts, RosterFile, RosterJobStatus, RosterPhase,
} from '../../../common/roster-import.js';
import { districts, schools, users } from './organization.js';
import { guardians, students } from './roster.js';

/** One OneRoster import: written outside the import's transaction so a failure is still on record. */
export const rosterImportJobs = pgTable('roster_import_jobs', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  startedBy: uuid('started_by').references(() => users.id),
  fileName: text('file_name').notNull(),
  status: text('status').$type<RosterJobStatus>().notNull(),
  phase: text('phase').$type<RosterPhase>().notNull(),
  processed: bigint('processed', { mode: 'number' }).notNull().default(0),
  total: bigint('total', { mode: 'number' }).notNull().default(0),
  rows: integer('rows').notNull().default(0),
  counts: jsonb('counts').$type<RosterCounts>().notNull(),
  error: jsonb('error').$type<{ message: string; file: string | null; line: number | null }>(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  version: text('version').$type<OneRosterVersion>(),
  /** The numbers a sync stopped on before writing (status needs_confirmation). */
  confirmation: jsonb('confirmation').$type<RosterConfirmation>(),
  undoneAt: timestamp('undone_at', { withTimezone: true }),
  undoneBy: uuid('undone_by').references(() => users.id),
}, (t) => [index('roster_import_jobs_district_idx').on(t.districtId, t.startedAt)]);

/**
 * What a sync changed, to undo it: `before` is the previous row (a student's compared columns, an enrollment) or null
 * for a row the sync created. `ref` is the student id or the enrollment sourcedId.
 */
export const rosterImportChanges = pgTable('roster_import_changes', {
  jobId: uuid('job_id').notNull().references(() => rosterImportJobs.id),
  seq: integer('seq').notNull(),
  kind: text('kind').$type<'student' | 'enrollment' | 'staff' | 'teacher' | 'guardian_link'>().notNull(),
  ref: text('ref').notNull(),
  before: jsonb('before').$type<Record<string, unknown>>(),
}, (t) => [primaryKey({ columns: [t.jobId, t.seq] })]);

/** A district's roster sync settings (absent row: the defaults). */
export const rosterSettings = pgTable('roster_settings', {
  districtId: uuid('district_id').primaryKey().references(() => districts.id),
  deactivateThresholdPct: real('deactivate_threshold_pct').notNull().default(5),
  /** OneRoster role → SRO Desk role of the accounts the sync keeps (null: not imported). Absent keys: the defaults. */
  roleMap: jsonb('role_map').$type<Record<string, string | null>>(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A row the import left out, with where it is in the package and why. */
export const rosterImportRejections = pgTable('roster_import_rejections', {
  jobId: uuid('job_id').notNull().references(() => rosterImportJobs.id),
  seq: integer('seq').notNull(),
  file: text('file').$type<RosterFile>().notNull(),
  line: integer('line').notNull(),
  sourcedId: text('sourced_id'),
  reason: text('reason').notNull(),
}, (t) => [primaryKey({ columns: [t.jobId, t.seq] })]);

/** A student's class enrollment from OneRoster enrollments.csv (the class is kept by its sourcedId). */
export const studentEnrollments = pgTable('student_enrollments', {
  districtId: uuid('district_id').notNull().references(() => districts.id),
  sourcedId: text('sourced_id').notNull(),
  studentId: uuid('student_id').notNull().references(() => students.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  classSourcedId: text('class_sourced_id').notNull(),
  primary: boolean('primary').notNull().default(false),
  beginDate: date('begin_date', { mode: 'string' }),
  endDate: date('end_date', { mode: 'string' }),
}, (t) => [
  primaryKey({ columns: [t.districtId, t.sourcedId] }),
  index('student_enrollments_student_idx').on(t.studentId),
]);

/** A staff account the roster sync keeps: the OneRoster sourcedId of its users.csv row. */
export const rosterStaff = pgTable('roster_staff', {
  districtId: uuid('district_id').notNull().references(() => districts.id),
  sourcedId: text('sourced_id').notNull(),
  userId: uuid('user_id').notNull().references(() => users.id),
  oneRosterRole: text('one_roster_role').notNull(),
}, (t) => [primaryKey({ columns: [t.districtId, t.sourcedId] }), index('roster_staff_user_idx').on(t.userId)]);

/** A class of classes.csv (title and periods as the SIS writes them), for the teachers' class lists. */
export const rosterClasses = pgTable('roster_classes', {
  districtId: uuid('district_id').notNull().references(() => districts.id),
  sourcedId: text('sourced_id').notNull(),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  title: text('title').notNull(),
  classCode: text('class_code'),
  periods: text('periods'),
  active: boolean('active').notNull().default(true),
}, (t) => [primaryKey({ columns: [t.districtId, t.sourcedId] })]);

/** A teacher of a class (enrollments.csv rows with role teacher). */
export const rosterClassTeachers = pgTable('roster_class_teachers', {
  districtId: uuid('district_id').notNull().references(() => districts.id),
  sourcedId: text('sourced_id').notNull(),
  classSourcedId: text('class_sourced_id').notNull(),
  userId: uuid('user_id').notNull().references(() => users.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  primary: boolean('primary').notNull().default(false),
}, (t) => [primaryKey({ columns: [t.districtId, t.sourcedId] }), index('roster_class_teachers_user_idx').on(t.userId)]);

/** An invitation to set a first password: the token is kept as its SHA-256, good once, for 7 days. */
export const accountInvitations = pgTable('account_invitations', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull().references(() => users.id),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [index('account_invitations_user_idx').on(t.userId)]);

/** A guardian the roster sync keeps: the sourcedId of its users.csv row (parent, guardian, relative). */
export const rosterGuardians = pgTable('roster_guardians', {
  districtId: uuid('district_id').notNull().references(() => districts.id),
  sourcedId: text('sourced_id').notNull(),
  guardianId: uuid('guardian_id').notNull().references(() => guardians.id),
}, (t) => [primaryKey({ columns: [t.districtId, t.sourcedId] })]);

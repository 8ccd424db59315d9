import { sql } from 'drizzle-orm';
import {
  bigserial, boolean, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { campusAreas, districts, schools, users } from './organization.js';
import { guardians, students } from './roster.js';

export const srpAction = pgEnum('srp_action', ['hold', 'secure', 'lockdown', 'evacuate', 'shelter']);
export const alertStatus = pgEnum('alert_status', ['pending', 'active', 'cancelled', 'cleared']);
export const checkInStatus = pgEnum('check_in_status', ['safe', 'need_help']);
export const reunificationStatus = pgEnum('reunification_status', ['open', 'closed']);
export const reunificationRequestStatus = pgEnum('reunification_request_status', ['requested', 'runner_sent', 'released', 'refused']);

/** Per-district alert settings; a district without a row uses the defaults of common/alerts.ts. */
export const alertSettings = pgTable('alert_settings', {
  districtId: uuid('district_id').primaryKey().references(() => districts.id),
  cancelWindowSeconds: integer('cancel_window_seconds').notNull().default(5),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [check('alert_settings_window', sql`${t.cancelWindowSeconds} between 0 and 30`)]);

/**
 * An SRP alert. Stored `pending` the moment it is raised; announced (`active`) when its cancel window
 * passes, by whichever process gets there first (a conditional update); never deleted.
 */
export const alerts = pgTable('alerts', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  action: srpAction('action').notNull(),
  location: text('location'),
  hazard: text('hazard'),
  strategy: text('strategy'),
  details: text('details'),
  drill: boolean('drill').notNull(),
  status: alertStatus('status').notNull(),
  raisedBy: uuid('raised_by').notNull().references(() => users.id),
  raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
  announceAt: timestamp('announce_at', { withTimezone: true }).notNull(),
  announcedAt: timestamp('announced_at', { withTimezone: true }),
  cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  cancelledBy: uuid('cancelled_by').references(() => users.id),
  clearedAt: timestamp('cleared_at', { withTimezone: true }),
  clearedBy: uuid('cleared_by').references(() => users.id),
  clearNote: text('clear_note'),
}, (t) => [
  index('alerts_district_raised_idx').on(t.districtId, t.raisedAt),
  // The announcer's sweep looks for due pending alerts; the index stays tiny (pending lasts seconds).
  index('alerts_pending_idx').on(t.announceAt).where(sql`${t.status} = 'pending'`),
]);

/** The schools an alert covers. */
export const alertSchools = pgTable('alert_schools', {
  alertId: uuid('alert_id').notNull().references(() => alerts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
}, (t) => [primaryKey({ columns: [t.alertId, t.schoolId] }), index('alert_schools_school_idx').on(t.schoolId)]);

/** A staff member's accountability report for one school of an alert; a later one replaces it. */
export const alertCheckIns = pgTable('alert_check_ins', {
  id: uuid('id').primaryKey().defaultRandom(),
  alertId: uuid('alert_id').notNull().references(() => alerts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  userId: uuid('user_id').notNull().references(() => users.id),
  status: checkInStatus('status').notNull(),
  location: text('location').notNull(),
  areaId: uuid('area_id').references(() => campusAreas.id),
  studentsWithMe: integer('students_with_me').notNull(),
  missing: integer('missing').notNull().default(0),
  extra: integer('extra').notNull().default(0),
  injured: integer('injured').notNull().default(0),
  note: text('note'),
  checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull(),
}, (t) => [
  uniqueIndex('alert_check_ins_person_key').on(t.alertId, t.schoolId, t.userId),
  check('alert_check_ins_counts', sql`${t.studentsWithMe} >= 0 and ${t.missing} >= 0 and ${t.extra} >= 0 and ${t.injured} >= 0`),
]);

/** A browser confirmed it showed the alert to this user: the delivery count of the record. */
export const alertReceipts = pgTable('alert_receipts', {
  alertId: uuid('alert_id').notNull().references(() => alerts.id),
  userId: uuid('user_id').notNull().references(() => users.id),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.alertId, t.userId] })]);

/** The alert's record: raised, announced, delivered counts, check-ins, escalations, All Clear. */
export const alertTimeline = pgTable('alert_timeline', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  alertId: uuid('alert_id').notNull().references(() => alerts.id),
  schoolId: uuid('school_id'),
  kind: text('kind').notNull(),
  actorId: uuid('actor_id'),
  actorName: text('actor_name'),
  at: timestamp('at', { withTimezone: true }).notNull(),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
}, (t) => [index('alert_timeline_alert_idx').on(t.alertId, t.at)]);

/**
 * The live event log: every live message is stored here before it is announced, so a client that
 * reconnects with Last-Event-ID (or after a crash) gets what it missed. Ids are handed out under a
 * transaction-scoped advisory lock, so they commit in id order.
 */
export const liveEvents = pgTable('live_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  districtId: uuid('district_id').notNull(),
  schoolIds: uuid('school_ids').array().notNull(),
  /** Which permission at one of the schools sees it: alert.receive, alert.manage or reunification.manage. */
  audience: text('audience').notNull(),
  type: text('type').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('live_events_district_idx').on(t.districtId, t.id)]);

/** A reunification event of one school, usually after an evacuation. */
export const reunifications = pgTable('reunifications', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  alertId: uuid('alert_id').references(() => alerts.id),
  site: text('site').notNull(),
  drill: boolean('drill').notNull(),
  status: reunificationStatus('status').notNull().default('open'),
  openedBy: uuid('opened_by').notNull().references(() => users.id),
  openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
  closedBy: uuid('closed_by').references(() => users.id),
  closedAt: timestamp('closed_at', { withTimezone: true }),
}, (t) => [index('reunifications_school_idx').on(t.schoolId, t.openedAt)]);

/** A guardian's reunification card and what became of it. */
export const reunificationRequests = pgTable('reunification_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  reunificationId: uuid('reunification_id').notNull().references(() => reunifications.id),
  studentId: uuid('student_id').notNull().references(() => students.id),
  guardianId: uuid('guardian_id').references(() => guardians.id),
  adultName: text('adult_name').notNull(),
  idType: text('id_type').notNull(),
  idChecked: boolean('id_checked').notNull(),
  status: reunificationRequestStatus('status').notNull(),
  refusalReason: text('refusal_reason'),
  runnerName: text('runner_name'),
  runnerSentAt: timestamp('runner_sent_at', { withTimezone: true }),
  studentConfirmed: boolean('student_confirmed'),
  initials: text('initials'),
  releasedAt: timestamp('released_at', { withTimezone: true }),
  note: text('note'),
  requestedBy: uuid('requested_by').notNull().references(() => users.id),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [
  index('reunification_requests_event_idx').on(t.reunificationId, t.status),
  // A student is released once: a second release of the same student in one event is refused.
  uniqueIndex('reunification_requests_released_key').on(t.reunificationId, t.studentId).where(sql`${t.status} = 'released'`),
]);

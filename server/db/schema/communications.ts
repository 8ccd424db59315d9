import { sql } from 'drizzle-orm';
import {
  boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import type { AdvanceKind } from '../../../common/notices.js';
import type { ActionItemStatus, MeetingRecurrence, SchoolDocumentKind } from '../../../common/meetings.js';
import { districts, schools, users } from './organization.js';
import { bytea } from './preparedness.js';

const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/**
 * "Leaving the building": one row per departure of an SRO from a school, closed by "back on campus". The
 * open row (returnedAt null) is the SRO's current status there; at most one per SRO and school.
 */
export const presenceNotices = pgTable('presence_notices', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  sroId: uuid('sro_id').notNull().references(() => users.id),
  reason: text('reason').notNull(),
  leftAt: timestamp('left_at', { withTimezone: true }).notNull(),
  expectedReturnAt: timestamp('expected_return_at', { withTimezone: true }).notNull(),
  backupContact: text('backup_contact').notNull(),
  returnedAt: timestamp('returned_at', { withTimezone: true }),
  recipients: integer('recipients').notNull().default(0),
  ...stamps,
}, (t) => [
  index('presence_notices_school_idx').on(t.schoolId, t.leftAt),
  uniqueIndex('presence_notices_open_key').on(t.sroId, t.schoolId).where(sql`${t.returnedAt} is null`),
]);

/** An advance notice of an absence (training, leave, vacation) to one or more schools. */
export const advanceNotices = pgTable('advance_notices', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  sroId: uuid('sro_id').notNull().references(() => users.id),
  kind: text('kind').$type<AdvanceKind>().notNull(),
  fromDate: date('from_date', { mode: 'string' }).notNull(),
  toDate: date('to_date', { mode: 'string' }).notNull(),
  note: text('note'),
  coverage: text('coverage'),
  /** Days between the day the notice was given and fromDate, kept as given (the clock moves on). */
  daysNotice: integer('days_notice').notNull(),
  recipients: integer('recipients').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('advance_notices_district_idx').on(t.districtId, t.fromDate),
  check('advance_notices_order', sql`${t.toDate} >= ${t.fromDate}`),
]);

export const advanceNoticeSchools = pgTable('advance_notice_schools', {
  noticeId: uuid('notice_id').notNull().references(() => advanceNotices.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
}, (t) => [primaryKey({ columns: [t.noticeId, t.schoolId] }), index('advance_notice_schools_school_idx').on(t.schoolId)]);

/** A recurring meeting with a school's administration; its occurrences are rows of `meetings`. */
export const meetingSeries = pgTable('meeting_series', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  title: text('title').notNull(),
  place: text('place'),
  recurrence: text('recurrence').$type<MeetingRecurrence>().notNull(),
  firstStartsAt: timestamp('first_starts_at', { withTimezone: true }).notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  until: date('until', { mode: 'string' }).notNull(),
  active: boolean('active').notNull().default(true),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  ...stamps,
}, (t) => [index('meeting_series_school_idx').on(t.schoolId)]);

/** One meeting: an occurrence of a series, or a one-off (seriesId null). */
export const meetings = pgTable('meetings', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  seriesId: uuid('series_id').references(() => meetingSeries.id),
  title: text('title').notNull(),
  place: text('place'),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  agenda: text('agenda'),
  minutes: text('minutes'),
  cancelled: boolean('cancelled').notNull().default(false),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  ...stamps,
}, (t) => [
  index('meetings_school_idx').on(t.schoolId, t.startsAt),
  index('meetings_series_idx').on(t.seriesId, t.startsAt),
  check('meetings_duration', sql`${t.durationMinutes} > 0`),
]);

/** Who attended (or was recorded as absent from) a meeting; the id is the activity entry's source. */
export const meetingAttendance = pgTable('meeting_attendance', {
  id: uuid('id').primaryKey().defaultRandom(),
  meetingId: uuid('meeting_id').notNull().references(() => meetings.id),
  userId: uuid('user_id').notNull().references(() => users.id),
  attended: boolean('attended').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
}, (t) => [uniqueIndex('meeting_attendance_key').on(t.meetingId, t.userId)]);

export const actionItems = pgTable('meeting_action_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  meetingId: uuid('meeting_id').notNull().references(() => meetings.id),
  title: text('title').notNull(),
  ownerId: uuid('owner_id').notNull().references(() => users.id),
  dueOn: date('due_on', { mode: 'string' }),
  status: text('status').$type<ActionItemStatus>().notNull().default('open'),
  doneAt: timestamp('done_at', { withTimezone: true }),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  ...stamps,
}, (t) => [index('meeting_action_items_meeting_idx').on(t.meetingId), index('meeting_action_items_owner_idx').on(t.ownerId, t.status)]);

/** One version of a school's MOU or written expectations (text or PDF); the newest upload is current. */
export const schoolDocuments = pgTable('school_documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  kind: text('kind').$type<SchoolDocumentKind>().notNull(),
  title: text('title').notNull(),
  format: text('format').$type<'text' | 'pdf'>().notNull(),
  body: text('body'),
  /** The encrypted PDF in the file store (server/files). */
  fileKey: text('file_key'),
  /** Bytes of releases before the file store: moved into it at start (server/files/legacy.ts), then null. */
  legacyFile: bytea('file'),
  fileName: text('file_name'),
  fileSize: integer('file_size'),
  uploadedBy: uuid('uploaded_by').notNull().references(() => users.id),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
}, (t) => [
  index('school_documents_school_idx').on(t.schoolId, t.kind, t.uploadedAt),
  check('school_documents_content', sql`(${t.format} = 'text' and ${t.body} is not null) or (${t.format} = 'pdf' and (${t.fileKey} is not null or ${t.legacyFile} is not null))`),
]);

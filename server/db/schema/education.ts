import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { students } from './roster.js';
import { districts, schools, users } from './organization.js';
import { bytea } from './preparedness.js';

// Student support contacts (capability 13) and education programs (capability 14).

const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** A mentoring or informal counseling contact with one student; `note` is private to its author. */
export const mentoringContacts = pgTable('mentoring_contacts', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  studentId: uuid('student_id').notNull().references(() => students.id),
  authorId: uuid('author_id').notNull().references(() => users.id),
  kind: text('kind').notNull(),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  topic: text('topic').notNull(),
  note: text('note'),
  ...stamps,
}, (t) => [
  // District-wide lists page newest first: this index hands out the first page without sorting the district's contacts.
  index('mentoring_contacts_district_idx').on(t.districtId, t.occurredAt, t.id),
  index('mentoring_contacts_school_idx').on(t.schoolId, t.occurredAt),
  index('mentoring_contacts_student_idx').on(t.studentId, t.occurredAt),
  index('mentoring_contacts_author_idx').on(t.authorId, t.occurredAt),
  check('mentoring_contacts_duration', sql`${t.durationMinutes} between 1 and 1440`),
]);

/** A conflict mediation at a school; `note` is private to its author. */
export const mediations = pgTable('mediations', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  authorId: uuid('author_id').notNull().references(() => users.id),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  outcome: text('outcome').notNull(),
  followUpOn: date('follow_up_on', { mode: 'string' }),
  note: text('note'),
  ...stamps,
}, (t) => [
  index('mediations_district_idx').on(t.districtId, t.occurredAt, t.id),
  index('mediations_school_idx').on(t.schoolId, t.occurredAt),
  index('mediations_author_idx').on(t.authorId, t.occurredAt),
  check('mediations_duration', sql`${t.durationMinutes} between 1 and 1440`),
]);

/** A party of a mediation: a roster student or a named other person. */
export const mediationParties = pgTable('mediation_parties', {
  id: uuid('id').primaryKey().defaultRandom(),
  mediationId: uuid('mediation_id').notNull().references(() => mediations.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  studentId: uuid('student_id').references(() => students.id),
  name: text('name'),
  relation: text('relation'),
}, (t) => [
  uniqueIndex('mediation_parties_position_key').on(t.mediationId, t.position),
  index('mediation_parties_student_idx').on(t.studentId),
  check('mediation_parties_who', sql`(${t.studentId} is null) <> (${t.name} is null)`),
]);

/** A topic the district added to the built-in catalogue. */
export const educationTopics = pgTable('education_topics', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  key: text('key').notNull(),
  name: text('name').notNull(),
  active: boolean('active').notNull().default(true),
  ...stamps,
}, (t) => [uniqueIndex('education_topics_key').on(t.districtId, t.key)]);

/** A class: a teacher's request, then the SRO's decision, schedule and delivery. */
export const educationClasses = pgTable('education_classes', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  year: integer('year').notNull(),
  number: integer('number').notNull(),
  topic: text('topic').notNull(),
  status: text('status').notNull(),
  requestedBy: uuid('requested_by').notNull().references(() => users.id),
  preferredDates: jsonb('preferred_dates').$type<string[]>().notNull(),
  gradeLevel: integer('grade_level').notNull(),
  classSize: integer('class_size').notNull(),
  requestNotes: text('request_notes'),
  instructorId: uuid('instructor_id').references(() => users.id),
  decisionReason: text('decision_reason'),
  scheduledDate: date('scheduled_date', { mode: 'string' }),
  startTime: text('start_time'),
  startsAt: timestamp('starts_at', { withTimezone: true }),
  durationMinutes: integer('duration_minutes'),
  room: text('room'),
  attendance: integer('attendance'),
  gradeLevels: jsonb('grade_levels').$type<number[]>().notNull().default([]),
  deliveryNotes: text('delivery_notes'),
  deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  ...stamps,
}, (t) => [
  uniqueIndex('education_classes_number_key').on(t.districtId, t.year, t.number),
  index('education_classes_school_idx').on(t.schoolId, t.status, t.scheduledDate),
  index('education_classes_requester_idx').on(t.requestedBy, t.createdAt),
  // The hours report reads delivered classes of a district by day.
  index('education_classes_delivered_idx').on(t.districtId, t.scheduledDate).where(sql`${t.status} = 'delivered'`),
  check('education_classes_attendance', sql`${t.attendance} is null or ${t.attendance} between 0 and ${t.classSize}`),
  check('education_classes_duration', sql`${t.durationMinutes} is null or ${t.durationMinutes} between 1 and 1440`),
]);

/** A material (PDF or image) attached to a class. */
export const educationMaterials = pgTable('education_materials', {
  id: uuid('id').primaryKey().defaultRandom(),
  classId: uuid('class_id').notNull().references(() => educationClasses.id),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  /** The encrypted material in the file store (server/files). */
  fileKey: text('file_key'),
  /** Bytes of releases before the file store: moved into it at start (server/files/legacy.ts), then null. */
  legacyBytes: bytea('bytes'),
  uploadedBy: uuid('uploaded_by').notNull().references(() => users.id),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('education_materials_class_idx').on(t.classId)]);

/**
 * A survey link of a class: the requesting teacher's (answered once) or the students' (anonymous, many answers).
 * Only the SHA-256 of the token is kept; the link itself is mailed or shown once.
 */
export const educationSurveys = pgTable('education_surveys', {
  id: uuid('id').primaryKey().defaultRandom(),
  classId: uuid('class_id').notNull().references(() => educationClasses.id),
  kind: text('kind').notNull(),
  tokenHash: text('token_hash').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
  closedAt: timestamp('closed_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('education_surveys_token_key').on(t.tokenHash),
  index('education_surveys_class_idx').on(t.classId, t.kind),
]);

/** One answer to a survey: ratings per question and a comment; nothing about who answered. */
export const educationSurveyResponses = pgTable('education_survey_responses', {
  id: uuid('id').primaryKey().defaultRandom(),
  surveyId: uuid('survey_id').notNull().references(() => educationSurveys.id),
  classId: uuid('class_id').notNull().references(() => educationClasses.id),
  kind: text('kind').notNull(),
  ratings: jsonb('ratings').$type<Record<string, number>>().notNull(),
  comment: text('comment'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('education_survey_responses_class_idx').on(t.classId, t.kind)]);

/** A community outreach event (parents' night, neighbourhood meeting, youth program). */
export const outreachEvents = pgTable('outreach_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').references(() => schools.id),
  title: text('title').notNull(),
  audience: text('audience').notNull(),
  topic: text('topic'),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  peopleReached: integer('people_reached').notNull(),
  notes: text('notes'),
  recordedBy: uuid('recorded_by').notNull().references(() => users.id),
  ...stamps,
}, (t) => [
  index('outreach_events_district_idx').on(t.districtId, t.occurredAt),
  index('outreach_events_school_idx').on(t.schoolId, t.occurredAt),
  check('outreach_events_duration', sql`${t.durationMinutes} between 1 and 1440`),
  check('outreach_events_reached', sql`${t.peopleReached} >= 0`),
]);

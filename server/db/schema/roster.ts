import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { districts, schools } from './organization.js';

export const raceEthnicity = pgEnum('race_ethnicity', [
  'hispanic_latino', 'american_indian_alaska_native', 'asian', 'native_hawaiian_pacific_islander', 'black',
  'white', 'two_or_more',
]);
export const studentSex = pgEnum('student_sex', ['male', 'female', 'nonbinary']);

/** The student roster: the school's education record (FERPA), kept apart from law-enforcement records. */
export const students = pgTable('students', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  studentNumber: text('student_number').notNull(),
  /** The OneRoster sourcedId of the student's users.csv row: how a re-import finds the student again. */
  sourcedId: text('sourced_id'),
  firstName: text('first_name').notNull(),
  middleName: text('middle_name'),
  lastName: text('last_name').notNull(),
  preferredName: text('preferred_name'),
  /** Null when the roster source does not say (OneRoster `grades` is optional); the import reports it missing. */
  grade: integer('grade'),
  /** Null when the source has no demographics (OneRoster demographics.csv is optional). */
  dateOfBirth: date('date_of_birth', { mode: 'string' }),
  sex: studentSex('sex'),
  raceEthnicity: raceEthnicity('race_ethnicity'),
  idea: boolean('idea').notNull().default(false),
  section504: boolean('section_504').notNull().default(false),
  englishLearner: boolean('english_learner').notNull().default(false),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('students_number_key').on(t.districtId, t.studentNumber),
  uniqueIndex('students_sourced_id_key').on(t.districtId, t.sourcedId),
  index('students_school_name_idx').on(t.schoolId, t.lastName, t.firstName),
  index('students_name_search_idx').on(sql`lower(${t.lastName})`, sql`lower(${t.firstName})`),
]);

export const guardians = pgTable('guardians', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  phone: text('phone'),
  email: text('email'),
  street: text('street'),
  city: text('city'),
  zip: text('zip'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A guardian's tie to a student: custody and whether they may pick the student up (reunification). */
export const studentGuardians = pgTable('student_guardians', {
  studentId: uuid('student_id').notNull().references(() => students.id),
  guardianId: uuid('guardian_id').notNull().references(() => guardians.id),
  relationship: text('relationship').notNull(),
  hasCustody: boolean('has_custody').notNull(),
  mayPickUp: boolean('may_pick_up').notNull(),
  isPrimary: boolean('is_primary').notNull().default(false),
  restrictions: text('restrictions'),
}, (t) => [
  primaryKey({ columns: [t.studentId, t.guardianId] }),
  index('student_guardians_guardian_idx').on(t.guardianId),
]);

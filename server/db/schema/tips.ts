import {
  boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import type {
  ThreatCaseSource, ThreatCaseStatus, ThreatClassification, ThreatNoteKind, ThreatTaskKind, TipCategory, TipLinkKind,
  TipMessageAuthor, TipOutcome, TipStatus,
} from '../../../common/tip-constants.js';
import { districts, schools, users } from './organization.js';
import { students } from './roster.js';
import { incidents } from './incidents.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * An anonymous tip. Nothing here identifies the reporter: no IP address, user agent or cookie is ever
 * written. The reporter comes back with a code (stored as its SHA-256) and a passphrase (argon2id hash).
 */
export const tips = pgTable('tips', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  number: text('number').notNull(),
  codeHash: text('code_hash').notNull(),
  passphraseHash: text('passphrase_hash').notNull(),
  category: text('category').$type<TipCategory>().notNull(),
  description: text('description').notNull(),
  whenText: text('when_text'),
  whereText: text('where_text'),
  whoText: text('who_text'),
  language: text('language').$type<'en' | 'es'>().notNull().default('en'),
  status: text('status').$type<TipStatus>().notNull().default('new'),
  outcome: text('outcome').$type<TipOutcome>(),
  lifeSafety: boolean('life_safety').notNull().default(false),
  lifeSafetyBy: text('life_safety_by').$type<'category' | 'staff' | 'lexicon'>(),
  /** Terms of the life-safety lexicon the text matched (server/modules/tips/tips.lexicon.ts), when it flagged the tip. */
  lifeSafetySignals: jsonb('life_safety_signals').$type<string[]>(),
  hoax: boolean('hoax').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
  acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  lastReporterMessageAt: timestamp('last_reporter_message_at', { withTimezone: true }),
  staffReadAt: timestamp('staff_read_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [
  uniqueIndex('tips_code_hash_idx').on(t.codeHash),
  uniqueIndex('tips_district_number_idx').on(t.districtId, t.number),
  index('tips_school_created_idx').on(t.schoolId, t.createdAt),
]);

/** A tip's attachment, metadata already stripped; bytes kept in the database (at most 5 MB). */
export const tipAttachments = pgTable('tip_attachments', {
  tipId: uuid('tip_id').primaryKey().references(() => tips.id),
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  /** The encrypted file in the file store (server/files). */
  fileKey: text('file_key'),
  /** Bytes of releases before the file store: moved into it at start (server/files/legacy.ts), then null. */
  legacyContent: bytea('content'),
});

/** The two-way anonymous dialogue of a tip. */
export const tipMessages = pgTable('tip_messages', {
  id: uuid('id').primaryKey().defaultRandom(),
  tipId: uuid('tip_id').notNull().references(() => tips.id),
  author: text('author').$type<TipMessageAuthor>().notNull(),
  staffUserId: uuid('staff_user_id').references(() => users.id),
  body: text('body').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [index('tip_messages_tip_idx').on(t.tipId, t.createdAt)]);

/** A tip linked to an incident, a threat case or a referral. */
export const tipLinks = pgTable('tip_links', {
  tipId: uuid('tip_id').notNull().references(() => tips.id),
  /** `sealed`: the link pointed at a record now sealed (target: the sealed incident's id, nothing else). */
  kind: text('kind').$type<TipLinkKind | 'sealed'>().notNull(),
  targetId: uuid('target_id').notNull(),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [primaryKey({ columns: [t.tipId, t.kind, t.targetId] })]);

/** A CSTAG threat-assessment case; visible only to its team and the district safety director. */
export const threatCases = pgTable('threat_cases', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  number: text('number').notNull(),
  source: text('source').$type<ThreatCaseSource>().notNull(),
  tipId: uuid('tip_id').references(() => tips.id),
  incidentId: uuid('incident_id').references(() => incidents.id),
  subjectStudentId: uuid('subject_student_id').notNull().references(() => students.id),
  threatAsReported: text('threat_as_reported').notNull(),
  intendedVictims: text('intended_victims'),
  status: text('status').$type<ThreatCaseStatus>().notNull().default('open'),
  classification: text('classification').$type<ThreatClassification>(),
  classificationRationale: text('classification_rationale'),
  resolution: text('resolution'),
  classifiedAt: timestamp('classified_at', { withTimezone: true }),
  evaluation: jsonb('evaluation').$type<{ studentAccount: string; witnessAccounts?: string; context?: string }>(),
  evaluatedAt: timestamp('evaluated_at', { withTimezone: true }),
  evaluatedBy: uuid('evaluated_by').references(() => users.id),
  safetyPlan: jsonb('safety_plan').$type<{ measures: string[]; supports: string[]; reviewDates: string[] }>(),
  safetyPlanUpdatedAt: timestamp('safety_plan_updated_at', { withTimezone: true }),
  nextReviewOn: date('next_review_on'),
  openedBy: uuid('opened_by').notNull().references(() => users.id),
  openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  closingSummary: text('closing_summary'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
}, (t) => [
  uniqueIndex('threat_cases_district_number_idx').on(t.districtId, t.number),
  index('threat_cases_school_idx').on(t.schoolId, t.openedAt),
]);

/** The case team: the only users besides the district safety director who see the case. */
export const threatCaseMembers = pgTable('threat_case_members', {
  caseId: uuid('case_id').notNull().references(() => threatCases.id),
  userId: uuid('user_id').notNull().references(() => users.id),
}, (t) => [primaryKey({ columns: [t.caseId, t.userId] }), index('threat_case_members_user_idx').on(t.userId)]);

/** A task of a case (the CSTAG responses), with an owner and a due date. */
export const threatTasks = pgTable('threat_tasks', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull().references(() => threatCases.id),
  kind: text('kind').$type<ThreatTaskKind>().notNull(),
  title: text('title').notNull(),
  ownerUserId: uuid('owner_user_id').references(() => users.id),
  dueOn: date('due_on'),
  doneAt: timestamp('done_at', { withTimezone: true }),
  note: text('note'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [index('threat_tasks_case_idx').on(t.caseId)]);

/** Structured case notes: interviews, investigative themes, monitoring. Never shown outside the case. */
export const threatNotes = pgTable('threat_notes', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull().references(() => threatCases.id),
  kind: text('kind').$type<ThreatNoteKind>().notNull(),
  interviewee: text('interviewee'),
  intervieweeRole: text('interviewee_role'),
  theme: text('theme'),
  occurredOn: date('occurred_on'),
  body: text('body').notNull(),
  authorId: uuid('author_id').notNull().references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
}, (t) => [index('threat_notes_case_idx').on(t.caseId, t.createdAt)]);


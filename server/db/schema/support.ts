import { date, index, jsonb, pgTable, primaryKey, text, timestamp, uuid, boolean } from 'drizzle-orm/pg-core';
import type {
  ActionItemStatus, CheckInProgress, GoalStatus, ReentryStatus, TeamCaseStatus, TeamFocus,
} from '../../../common/support-plans.js';
import type {
  ConsentStatus, ReferralOutcome, ReferralReason, ReferralReceiverKind, ReferralStatus, ReferralUrgency,
} from '../../../common/support.js';
import { directoryOrganizations, districts, schools, users } from './organization.js';
import { students } from './roster.js';

const created = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updated = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** A student referred for support: to a school counselor (counselorId) or a directory entry (vendorId). Case data. */
export const supportReferrals = pgTable('support_referrals', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  studentId: uuid('student_id').notNull().references(() => students.id),
  referredBy: uuid('referred_by').notNull().references(() => users.id),
  receiverKind: text('receiver_kind').$type<ReferralReceiverKind>().notNull(),
  counselorId: uuid('counselor_id').references(() => users.id),
  vendorId: uuid('vendor_id').references(() => directoryOrganizations.id),
  reason: text('reason').$type<ReferralReason>().notNull(),
  details: text('details').notNull(),
  urgency: text('urgency').$type<ReferralUrgency>().notNull(),
  consent: text('consent').$type<ConsentStatus>().notNull(),
  consentDate: date('consent_date', { mode: 'string' }),
  status: text('status').$type<ReferralStatus>().notNull().default('pending'),
  acceptBy: date('accept_by', { mode: 'string' }).notNull(),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  acceptedBy: uuid('accepted_by').references(() => users.id),
  declineReason: text('decline_reason'),
  scheduledFor: timestamp('scheduled_for', { withTimezone: true }),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  closedBy: uuid('closed_by').references(() => users.id),
  outcome: text('outcome').$type<ReferralOutcome>(),
  outcomeSummary: text('outcome_summary'),
  createdAt: created(),
  updatedAt: updated(),
}, (t) => [
  index('support_referrals_school_idx').on(t.schoolId, t.status, t.createdAt),
  index('support_referrals_counselor_idx').on(t.counselorId, t.status),
  index('support_referrals_vendor_idx').on(t.vendorId, t.status),
  index('support_referrals_referrer_idx').on(t.referredBy, t.status),
  index('support_referrals_student_idx').on(t.studentId),
]);

/** A clinical note of the receiver: shown to those who handle the referral, never to the referrer. */
export const supportReferralNotes = pgTable('support_referral_notes', {
  id: uuid('id').primaryKey().defaultRandom(),
  referralId: uuid('referral_id').notNull().references(() => supportReferrals.id),
  authorId: uuid('author_id').notNull().references(() => users.id),
  body: text('body').notNull(),
  createdAt: created(),
}, (t) => [index('support_referral_notes_referral_idx').on(t.referralId, t.createdAt)]);

/** A re-entry and transition plan for a student returning from the juvenile justice system. */
export const reentryPlans = pgTable('reentry_plans', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  studentId: uuid('student_id').notNull().references(() => students.id),
  returningFrom: text('returning_from').notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }).notNull(),
  summary: text('summary'),
  status: text('status').$type<ReentryStatus>().notNull().default('active'),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: created(),
  updatedAt: updated(),
}, (t) => [index('reentry_plans_school_idx').on(t.schoolId, t.status)]);

export const reentryMembers = pgTable('reentry_members', {
  planId: uuid('plan_id').notNull().references(() => reentryPlans.id),
  userId: uuid('user_id').notNull().references(() => users.id),
}, (t) => [primaryKey({ columns: [t.planId, t.userId] }), index('reentry_members_user_idx').on(t.userId)]);

export const reentryGoals = pgTable('reentry_goals', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id').notNull().references(() => reentryPlans.id),
  description: text('description').notNull(),
  targetDate: date('target_date', { mode: 'string' }),
  status: text('status').$type<GoalStatus>().notNull().default('open'),
  createdAt: created(),
}, (t) => [index('reentry_goals_plan_idx').on(t.planId)]);

export const reentryCheckIns = pgTable('reentry_check_ins', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id').notNull().references(() => reentryPlans.id),
  goalId: uuid('goal_id').references(() => reentryGoals.id),
  date: date('date', { mode: 'string' }).notNull(),
  note: text('note').notNull(),
  progress: text('progress').$type<CheckInProgress>().notNull(),
  authorId: uuid('author_id').notNull().references(() => users.id),
  createdAt: created(),
}, (t) => [index('reentry_check_ins_plan_idx').on(t.planId, t.date)]);

/** A school's problem-solving team (truancy, substance use, safety concerns...). */
export const supportTeams = pgTable('support_teams', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id').notNull().references(() => districts.id),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  name: text('name').notNull(),
  focus: text('focus').$type<TeamFocus>().notNull(),
  active: boolean('active').notNull().default(true),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: created(),
  updatedAt: updated(),
}, (t) => [index('support_teams_school_idx').on(t.schoolId, t.name)]);

export const supportTeamMembers = pgTable('support_team_members', {
  teamId: uuid('team_id').notNull().references(() => supportTeams.id),
  userId: uuid('user_id').notNull().references(() => users.id),
}, (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('support_team_members_user_idx').on(t.userId)]);

export const supportTeamMeetings = pgTable('support_team_meetings', {
  id: uuid('id').primaryKey().defaultRandom(),
  teamId: uuid('team_id').notNull().references(() => supportTeams.id),
  heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
  attendeeIds: jsonb('attendee_ids').$type<string[]>().notNull().default([]),
  notes: text('notes'),
  createdBy: uuid('created_by').notNull().references(() => users.id),
  createdAt: created(),
}, (t) => [index('support_team_meetings_team_idx').on(t.teamId, t.heldAt)]);

export const supportTeamCases = pgTable('support_team_cases', {
  id: uuid('id').primaryKey().defaultRandom(),
  teamId: uuid('team_id').notNull().references(() => supportTeams.id),
  studentId: uuid('student_id').notNull().references(() => students.id),
  concern: text('concern').notNull(),
  status: text('status').$type<TeamCaseStatus>().notNull().default('open'),
  outcome: text('outcome'),
  openedOn: date('opened_on', { mode: 'string' }).notNull(),
  closedOn: date('closed_on', { mode: 'string' }),
  createdBy: uuid('created_by').notNull().references(() => users.id),
}, (t) => [index('support_team_cases_team_idx').on(t.teamId), index('support_team_cases_student_idx').on(t.studentId)]);

export const supportTeamActionItems = pgTable('support_team_action_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  teamId: uuid('team_id').notNull().references(() => supportTeams.id),
  caseId: uuid('case_id').references(() => supportTeamCases.id),
  meetingId: uuid('meeting_id').references(() => supportTeamMeetings.id),
  title: text('title').notNull(),
  ownerId: uuid('owner_id').notNull().references(() => users.id),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  status: text('status').$type<ActionItemStatus>().notNull().default('open'),
  createdAt: created(),
  updatedAt: updated(),
}, (t) => [index('support_team_action_items_team_idx').on(t.teamId, t.status, t.dueOn)]);

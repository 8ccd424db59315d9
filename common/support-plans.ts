import { z } from 'zod';
import { text, optionalText } from './text.js';

/*
 * The API contract of re-entry plans and problem-solving teams (capability 13); referrals: ./support.ts.
 *
 * Both need `support.plan` (SRO, counselor, school administrator, director). A plan or team is seen only by its
 * members and, with `support.oversee` at its school, by school administrators and the district safety director:
 * anyone else gets 404 like a missing record. Members are users holding `support.plan` at the school; only members
 * (and overseers) change a plan or team. Every read and change is audited (they name students).
 *
 * | method | path                                              | what it does |
 * |--------|---------------------------------------------------|--------------|
 * | GET    | /support/members?schoolId                         | Users who may be on a plan or team of the school → { items: { id, name }[] } |
 * | GET    | /support/reentry-plans?schoolId&status            | Plans I am on, or oversee → { items: ReentryPlanSummary[] } (audited) |
 * | POST   | /support/reentry-plans                            | ReentryPlanBody → 201 ReentryPlan; the creator joins the team |
 * | GET    | /support/reentry-plans/:id                        | → ReentryPlan (audited reentry.viewed) |
 * | PATCH  | /support/reentry-plans/:id                        | ReentryPlanUpdateBody → ReentryPlan |
 * | POST   | /support/reentry-plans/:id/goals                  | ReentryGoalBody → 201 ReentryPlan |
 * | PATCH  | /support/reentry-plans/:id/goals/:goalId          | ReentryGoalUpdateBody → ReentryPlan |
 * | POST   | /support/reentry-plans/:id/check-ins              | ReentryCheckInBody → 201 ReentryPlan |
 * | GET    | /support/teams?schoolId&focus                     | Teams I am on, or oversee → { items: SupportTeamSummary[] } |
 * | POST   | /support/teams                                    | SupportTeamBody → 201 SupportTeam; the creator joins |
 * | GET    | /support/teams/:id                                | → SupportTeam (audited team.viewed) |
 * | PATCH  | /support/teams/:id                                | SupportTeamUpdateBody → SupportTeam |
 * | POST   | /support/teams/:id/meetings                       | TeamMeetingBody → 201 SupportTeam |
 * | POST   | /support/teams/:id/cases                          | TeamCaseBody → 201 SupportTeam |
 * | PATCH  | /support/teams/:id/cases/:caseId                  | TeamCaseUpdateBody → SupportTeam |
 * | POST   | /support/teams/:id/action-items                   | ActionItemBody → 201 SupportTeam |
 * | PATCH  | /support/teams/:id/action-items/:itemId           | ActionItemUpdateBody → SupportTeam |
 * Unknown student, member or owner: 400 naming the field (studentId, memberIds, ownerId...).
 */

const day = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });
const person = z.object({ id: z.uuid(), name: z.string() });
const memberIds = z.array(z.uuid()).max(30);
const studentRef = z.object({ id: z.uuid(), name: z.string(), grade: z.number().int().nullable(), studentNumber: z.string() });

// ---- Re-entry and transition plans ----

export const REENTRY_STATUSES = ['active', 'completed', 'discontinued'] as const;
export type ReentryStatus = (typeof REENTRY_STATUSES)[number];
export const GOAL_STATUSES = ['open', 'met', 'not_met'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const CHECK_IN_PROGRESS = ['on_track', 'some_concerns', 'off_track'] as const;
export type CheckInProgress = (typeof CHECK_IN_PROGRESS)[number];
export const CHECK_IN_PROGRESS_LABELS: Record<CheckInProgress, string> = {
  on_track: 'On track', some_concerns: 'Some concerns', off_track: 'Off track',
};

export const reentryPlanBody = z.strictObject({
  studentId: z.uuid(),
  returningFrom: text(300).describe('Facility or program the student returns from'),
  startDate: day,
  endDate: day.describe('When the plan ends (on or after startDate)'),
  summary: optionalText(4000),
  memberIds: memberIds.default([]).describe('Team members besides the creator'),
  goals: z.array(z.strictObject({ description: text(500), targetDate: day.nullable().optional() })).max(20).default([]),
});
export type ReentryPlanBody = z.infer<typeof reentryPlanBody>;
export const reentryPlanUpdateBody = z.strictObject({
  returningFrom: text(300), endDate: day, summary: optionalText(4000), status: z.enum(REENTRY_STATUSES), memberIds,
}).partial();
export type ReentryPlanUpdateBody = z.infer<typeof reentryPlanUpdateBody>;
export const reentryGoalBody = z.strictObject({ description: text(500), targetDate: day.nullable().optional() });
export const reentryGoalUpdateBody = reentryGoalBody.extend({ status: z.enum(GOAL_STATUSES) }).partial();
export const reentryCheckInBody = z.strictObject({
  date: day.describe('Not in the future'),
  note: text(4000),
  progress: z.enum(CHECK_IN_PROGRESS),
  goalId: z.uuid().nullable().optional().describe('A goal of this plan'),
});
export const listReentryPlansQuery = z.strictObject({
  schoolId: z.uuid().optional(),
  status: z.enum([...REENTRY_STATUSES, 'all']).default('active'),
});

export const reentryPlanSummarySchema = z.object({
  id: z.uuid(),
  school: person,
  student: studentRef,
  status: z.enum(REENTRY_STATUSES),
  startDate: z.string(),
  endDate: z.string(),
  lastCheckIn: z.object({ date: z.string(), progress: z.enum(CHECK_IN_PROGRESS) }).nullable(),
  openGoals: z.number().int(),
  member: z.boolean().describe('I am on the team (false: I see it as an overseer)'),
});
export type ReentryPlanSummary = z.infer<typeof reentryPlanSummarySchema>;

export const reentryPlanSchema = reentryPlanSummarySchema.extend({
  returningFrom: z.string(),
  summary: z.string().nullable(),
  createdBy: person,
  members: z.array(person),
  goals: z.array(z.object({ id: z.uuid(), description: z.string(), targetDate: z.string().nullable(), status: z.enum(GOAL_STATUSES) })),
  checkIns: z.array(z.object({
    id: z.uuid(), date: z.string(), note: z.string(), progress: z.enum(CHECK_IN_PROGRESS), goalId: z.uuid().nullable(),
    author: person, createdAt: z.string(),
  })).describe('Newest first'),
  updatedAt: z.string(),
});
export type ReentryPlan = z.infer<typeof reentryPlanSchema>;

// ---- Problem-solving teams ----

export const TEAM_FOCUSES = ['truancy', 'substance_use', 'safety_concerns', 'behavior', 'other'] as const;
export type TeamFocus = (typeof TEAM_FOCUSES)[number];
export const TEAM_FOCUS_LABELS: Record<TeamFocus, string> = {
  truancy: 'Truancy', substance_use: 'Substance use', safety_concerns: 'Safety concerns', behavior: 'Behavior', other: 'Other',
};
export const TEAM_CASE_STATUSES = ['open', 'monitoring', 'closed'] as const;
export type TeamCaseStatus = (typeof TEAM_CASE_STATUSES)[number];
export const ACTION_ITEM_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

export const supportTeamBody = z.strictObject({
  schoolId: z.uuid(), name: text(200), focus: z.enum(TEAM_FOCUSES), memberIds: memberIds.default([]),
});
export const supportTeamUpdateBody = z.strictObject({
  name: text(200), focus: z.enum(TEAM_FOCUSES), memberIds, active: z.boolean(),
}).partial();
export const teamMeetingBody = z.strictObject({
  heldAt: z.iso.datetime({ offset: true }), attendeeIds: memberIds.describe('Members who attended'), notes: optionalText(8000),
});
export const teamCaseBody = z.strictObject({ studentId: z.uuid(), concern: text(2000) });
export const teamCaseUpdateBody = z.strictObject({
  concern: text(2000), status: z.enum(TEAM_CASE_STATUSES), outcome: optionalText(2000),
}).partial();
export const actionItemBody = z.strictObject({
  title: text(300),
  ownerId: z.uuid().describe('A member of the team'),
  dueOn: day,
  caseId: z.uuid().nullable().optional(),
  meetingId: z.uuid().nullable().optional(),
});
export const actionItemUpdateBody = z.strictObject({
  title: text(300), ownerId: z.uuid(), dueOn: day, status: z.enum(ACTION_ITEM_STATUSES),
}).partial();
export const listTeamsQuery = z.strictObject({ schoolId: z.uuid().optional(), focus: z.enum(TEAM_FOCUSES).optional() });
export const membersQuery = z.strictObject({ schoolId: z.uuid() });

export const supportTeamSummarySchema = z.object({
  id: z.uuid(),
  school: person,
  name: z.string(),
  focus: z.enum(TEAM_FOCUSES),
  active: z.boolean(),
  memberCount: z.number().int(),
  openCases: z.number().int(),
  openActionItems: z.number().int(),
  overdueActionItems: z.number().int(),
  member: z.boolean(),
});
export type SupportTeamSummary = z.infer<typeof supportTeamSummarySchema>;

export const supportTeamSchema = supportTeamSummarySchema.extend({
  members: z.array(person),
  meetings: z.array(z.object({ id: z.uuid(), heldAt: z.string(), attendees: z.array(person), notes: z.string().nullable() }))
    .describe('Newest first'),
  cases: z.array(z.object({
    id: z.uuid(), student: studentRef, concern: z.string(), status: z.enum(TEAM_CASE_STATUSES), outcome: z.string().nullable(),
    openedOn: z.string(), closedOn: z.string().nullable(),
  })),
  actionItems: z.array(z.object({
    id: z.uuid(), title: z.string(), owner: person, dueOn: z.string(), status: z.enum(ACTION_ITEM_STATUSES),
    overdue: z.boolean(), caseId: z.uuid().nullable(), meetingId: z.uuid().nullable(),
  })).describe('Open first by due date'),
  updatedAt: z.string(),
});
export type SupportTeam = z.infer<typeof supportTeamSchema>;

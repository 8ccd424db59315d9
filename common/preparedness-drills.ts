import { z } from 'zod';
import { text, optionalText } from './text.js';
import { DRILL_TYPES, OBSERVER_KINDS, RULE_PERIODS, SCHOOL_LEVELS, schoolYear } from './preparedness-drill-rules.js';

export * from './preparedness-drill-rules.js';

// Calendars, drills and compliance (drill rules live in preparedness-drill-rules.ts): part of the preparedness
// contract (common/preparedness.ts).

const day = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });

// ───────────────────────── calendars ─────────────────────────

export const dateRange = z.strictObject({ start: day, end: day, name: text(80).optional() });
export type DateRange = z.infer<typeof dateRange>;

/**
 * PUT /calendars. Weekends are never instructional days; `closedDays` are holidays and breaks inside
 * the year (ranges, inclusive). Semesters must lie inside first..last day, in order, not overlapping.
 */
export const calendarBody = z.strictObject({
  schoolId: z.uuid().nullable().describe('null: the district default, used by schools without their own'),
  schoolYear,
  firstDay: day.describe('First instructional day'),
  lastDay: day.describe('Last instructional day'),
  semesters: z.array(dateRange).min(1).max(4),
  summerSession: z.strictObject({ start: day, end: day }).nullable(),
  closedDays: z.array(dateRange).max(100).describe('Holidays and breaks: no instruction on these days'),
});
export type CalendarBody = z.infer<typeof calendarBody>;

export const calendarSchema = calendarBody.extend({
  id: z.uuid(),
  schoolName: z.string().nullable(),
  instructionalDays: z.number().int().describe('Weekdays from first to last day, closed days excluded'),
  updatedAt: z.string(),
});
export type Calendar = z.infer<typeof calendarSchema>;

export const listCalendarsQuery = z.strictObject({ schoolYear: schoolYear.optional(), schoolId: z.uuid().optional() });


// ───────────────────────── drills ─────────────────────────

export const DRILL_STATUSES = ['scheduled', 'completed', 'cancelled'] as const;
export type DrillStatus = (typeof DRILL_STATUSES)[number];
export const DRILL_CONDITIONS = ['lunch', 'assembly', 'passing_period', 'before_school', 'after_school'] as const;
export type DrillCondition = (typeof DRILL_CONDITIONS)[number];

export const observerSchema = z.strictObject({ kind: z.enum(OBSERVER_KINDS), name: optionalText(120) });
export const followUpSchema = z.strictObject({
  task: text(500),
  owner: optionalText(120),
  dueOn: day.nullable().optional(),
  done: z.boolean().default(false),
});

const drillFields = {
  schoolId: z.uuid(),
  type: z.enum(DRILL_TYPES),
  status: z.enum(['scheduled', 'completed']).describe('scheduled: planned; completed: it happened (any past date)'),
  date: day.describe('The day it is planned for, or the real day it happened'),
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM').nullable().optional(),
  durationMinutes: z.number().int().min(0, 'must not be negative').max(24 * 60).nullable().optional(),
  conditions: z.array(z.enum(DRILL_CONDITIONS)).max(5).describe('Held during lunch, an assembly, a passing period...'),
  secondaryEgress: z.boolean().describe('A primary exit was blocked and a secondary one used'),
  participants: z.number().int().min(0, 'must not be negative').max(100_000).nullable().optional(),
  observers: z.array(observerSchema).max(20),
  problemsFound: optionalText(5000),
  afterActionNotes: optionalText(10_000),
  followUps: z.array(followUpSchema).max(50),
  notes: optionalText(2000),
};

/** POST /drills. A completed drill cannot be dated in the future; omitted lists default to empty. */
export const drillBody = z.strictObject({
  ...drillFields,
  conditions: drillFields.conditions.default([]),
  secondaryEgress: drillFields.secondaryEgress.default(false),
  observers: drillFields.observers.default([]),
  followUps: drillFields.followUps.default([]),
});
export type DrillBody = z.input<typeof drillBody>;

/** PATCH /drills/:id: any field but schoolId; status cancelled needs cancelledReason. */
export const updateDrillBody = z.strictObject({
  ...drillFields,
  status: z.enum(DRILL_STATUSES),
  cancelledReason: optionalText(500),
}).omit({ schoolId: true }).partial();
export type UpdateDrillBody = z.infer<typeof updateDrillBody>;

export const drillSchema = z.object({
  id: z.uuid(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  type: z.enum(DRILL_TYPES),
  status: z.enum(DRILL_STATUSES),
  date: z.string(),
  startTime: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  conditions: z.array(z.enum(DRILL_CONDITIONS)),
  secondaryEgress: z.boolean(),
  participants: z.number().int().nullable(),
  observers: z.array(observerSchema),
  problemsFound: z.string().nullable(),
  afterActionNotes: z.string().nullable(),
  followUps: z.array(followUpSchema),
  notes: z.string().nullable(),
  cancelledReason: z.string().nullable(),
  alertId: z.uuid().nullable().describe('The SRP drill alert it came from, when raised through Alerts'),
  recordedBy: z.object({ id: z.uuid(), name: z.string() }),
  recordedAt: z.string(),
  recordedLate: z.boolean().describe('Recorded as completed after the day it happened'),
  schoolYear: z.number().int(),
});
export type Drill = z.infer<typeof drillSchema>;

export const listDrillsQuery = z.strictObject({
  schoolId: z.uuid().optional(),
  schoolYear: schoolYear.optional(),
  status: z.enum(DRILL_STATUSES).optional(),
  type: z.enum(DRILL_TYPES).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

// ───────────────────────── compliance ─────────────────────────

/**
 * Status of one period of a rule: met (count reached); on_track (short, but the window closes more than
 * atRiskDays from today, or has not opened); at_risk (short and the window closes within atRiskDays);
 * missed (short and the window has closed).
 */
export const COMPLIANCE_STATUSES = ['met', 'on_track', 'at_risk', 'missed'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];
/**
 * Status of a rule for a school year: the worst of its periods (missed > at_risk > on_track > met), or
 * no_minimum (the rule has no count, Florida: drills are listed, nothing is judged) or not_applicable (no
 * period applies: no summer session, no month with enough instructional days, or no calendar).
 */
export const RULE_STATUSES = [...COMPLIANCE_STATUSES, 'no_minimum', 'not_applicable'] as const;
export type RuleStatus = (typeof RULE_STATUSES)[number];

export const periodResultSchema = z.object({
  key: z.string().describe('e.g. 2025-09, S1, year, summer'),
  label: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  required: z.number().int().nullable(),
  counted: z.number().int(),
  drillIds: z.array(z.uuid()).describe('The completed drills counted, oldest first'),
  status: z.enum(COMPLIANCE_STATUSES).nullable().describe('null when the rule has no minimum'),
  daysLeft: z.number().int().nullable().describe('Days from today to the window end; null once closed'),
});
export type PeriodResult = z.infer<typeof periodResultSchema>;

export const ruleResultSchema = z.object({
  ruleId: z.uuid(),
  title: z.string(),
  drillTypes: z.array(z.enum(DRILL_TYPES)),
  period: z.enum(RULE_PERIODS),
  status: z.enum(RULE_STATUSES),
  periods: z.array(periodResultSchema),
});
export type RuleResult = z.infer<typeof ruleResultSchema>;

export const statusCountsSchema = z.object({
  met: z.number().int(), on_track: z.number().int(), at_risk: z.number().int(), missed: z.number().int(),
  no_minimum: z.number().int(), not_applicable: z.number().int(),
});

export const schoolComplianceSchema = z.object({
  schoolId: z.uuid(),
  schoolName: z.string(),
  schoolLevel: z.enum(SCHOOL_LEVELS),
  schoolYear: z.number().int(),
  today: z.string().describe('The day judged: asOf when asked, else today'),
  asOf: z.string().nullable().describe('The day asked for; null when judged as of today'),
  hasCalendar: z.boolean().describe('false: no calendar for the year (nor a district default): nothing is judged'),
  calendar: calendarSchema.nullable(),
  status: z.enum(RULE_STATUSES).describe('Worst rule status'),
  counts: statusCountsSchema,
  rules: z.array(ruleResultSchema),
  drillsOutsideYear: z.number().int().describe('Completed drills of that school year dated outside first..last day and the summer session'),
});
export type SchoolCompliance = z.infer<typeof schoolComplianceSchema>;

/**
 * Compliance as it stood at the end of a district day (default today): drills dated after it, or recorded
 * after it, do not count; windows still open then show on track or at risk as they did. Not after today.
 */
const asOf = day.optional().describe('A district day (YYYY-MM-DD), today or earlier; default today');
export const overviewQuery = z.strictObject({ schoolYear: schoolYear.optional(), asOf });
export const reportQuery = z.strictObject({ schoolYear: schoolYear.optional(), schoolId: z.uuid().optional(), asOf });

export const overviewSchoolSchema = z.object({
  schoolId: z.uuid(),
  schoolName: z.string(),
  schoolLevel: z.enum(SCHOOL_LEVELS),
  hasCalendar: z.boolean(),
  status: z.enum(RULE_STATUSES),
  counts: statusCountsSchema,
  completedDrills: z.number().int(),
  rules: z.array(z.object({ ruleId: z.uuid(), status: z.enum(RULE_STATUSES), counted: z.number().int(), required: z.number().int().nullable() })),
});
export const complianceOverviewSchema = z.object({
  schoolYear: z.number().int(),
  today: z.string().describe('The day judged: asOf when asked, else today'),
  asOf: z.string().nullable().describe('The day asked for; null when judged as of today'),
  rules: z.array(z.object({ ruleId: z.uuid(), title: z.string(), period: z.enum(RULE_PERIODS), schoolId: z.uuid().nullable() })),
  totals: statusCountsSchema,
  schools: z.array(overviewSchoolSchema),
});
export type ComplianceOverview = z.infer<typeof complianceOverviewSchema>;

export const drillReminderSchema = z.object({
  id: z.uuid(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  ruleId: z.uuid(),
  ruleTitle: z.string(),
  periodKey: z.string(),
  windowEnd: z.string(),
  required: z.number().int(),
  counted: z.number().int(),
  createdAt: z.string(),
  emailed: z.number().int().describe('How many e-mails were queued in the outbox'),
});
export type DrillReminder = z.infer<typeof drillReminderSchema>;


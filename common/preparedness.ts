import { z } from 'zod';

/*
 * The API contract of preparedness (issue 5): school calendars, drill rule sets, drills and their
 * compliance, safety plans with versions, reviews and staff acknowledgements, the SRP quick reference,
 * staff training and SRO certifications. Shared by the server (route schemas) and the web app.
 *
 * Routes (all under /api, session cookie; POST/PATCH/PUT/DELETE carry x-csrf-token). "Scope" means the
 * schools where the caller holds the permission; a record outside it answers 404 like a missing one.
 *
 * | method | path                                   | permission          | what it does |
 * |--------|----------------------------------------|---------------------|--------------|
 * | GET    | /calendars?schoolYear=&schoolId=       | drill.read          | Calendars of my schools (and the district default, schoolId null) → { items: Calendar[] } |
 * | PUT    | /calendars                             | drill.rules.manage  | Create or replace the calendar of a school year (CalendarBody; schoolId null = district default, needs district scope) → Calendar |
 * | GET    | /drill-rules/templates                 | drill.read          | The seeded state rule sets (NY, IL, TX, MI, CA, FL) → { items: RuleTemplate[] } |
 * | GET    | /drill-rules                           | drill.read          | The district's rule set: chosen state, settings and rules (district rules + rules of my schools) → RuleSet |
 * | PUT    | /drill-rules/state                     | drill.rules.manage  | District scope: pick a state set (ChooseStateBody); replaces the district-wide rules by the template's → RuleSet |
 * | PATCH  | /drill-rules/settings                  | drill.rules.manage  | District scope: atRiskDays, reminderRoles (RuleSettingsBody) → RuleSet |
 * | POST   | /drill-rules                           | drill.rules.manage  | Add a rule (RuleBody; schoolId null = district-wide, needs district scope; a school rule needs the school) → 201 DrillRule |
 * | PATCH  | /drill-rules/:id                       | drill.rules.manage  | Change a rule (partial RuleBody, schoolId cannot change) → DrillRule |
 * | DELETE | /drill-rules/:id                       | drill.rules.manage  | Remove a rule → 204 |
 * | GET    | /drills?schoolId=&schoolYear=&status=&type= | drill.read     | Drills of my schools, newest first → { items: Drill[] } |
 * | POST   | /drills                                | drill.record        | Schedule (status scheduled) or record (status completed, any past date: recording after the fact) a drill (DrillBody) → 201 Drill |
 * | GET    | /drills/:id                            | drill.read          | One drill → Drill |
 * | PATCH  | /drills/:id                            | drill.record        | Change, conduct (status completed with what happened) or cancel (status cancelled + cancelledReason) → Drill |
 * | GET    | /compliance/schools/:schoolId?schoolYear= | drill.read       | One school's compliance for a year: every rule with status and the drills counted → SchoolCompliance |
 * | GET    | /compliance/overview?schoolYear=       | drill.read          | Every school of my scope: status counts and each rule's status → ComplianceOverview |
 * | GET    | /compliance/report.csv?schoolYear=&schoolId= | drill.read    | Compliance report as CSV (one line per school, rule and period); schoolId optional |
 * | GET    | /compliance/report.pdf?schoolYear=&schoolId= | drill.read    | Compliance report as PDF; schoolId optional (all schools of my scope) |
 * | GET    | /drill-reminders                       | drill.read          | In-app reminders of windows closing soon at my schools → { items: DrillReminder[] } |
 * | POST   | /drill-reminders/run                   | drill.rules.manage  | District scope: make reminders now (also runs hourly): new ones are stored and e-mailed via the outbox → { created } |
 * | GET    | /outbox/status                         | district.manage     | E-mail outbox of my district: { pending, sent, failed, lastError } (operations) |
 * | GET    | /plans?schoolId=&kind=                 | plan.read           | Plans of my schools and the district's, with current version and my acknowledgement → { items: Plan[] } |
 * | POST   | /plans                                 | plan.manage         | New plan with its first version written in the app (PlanBody) → 201 Plan |
 * | GET    | /plans/:id                             | plan.read           | One plan with all versions and reviews → PlanDetail |
 * | PATCH  | /plans/:id                             | plan.manage         | Rename or archive (PlanUpdateBody) → Plan |
 * | POST   | /plans/:id/versions                    | plan.manage         | New written version (VersionBody, JSON) → 201 PlanVersion |
 * | POST   | /plans/:id/versions/pdf?changeSummary= | plan.manage         | New version as an uploaded PDF: raw body, content-type application/pdf, up to 10 MB (checked by its bytes) → 201 PlanVersion |
 * | GET    | /plan-versions/:id/content             | plan.read           | The PDF of an uploaded version (application/pdf) or the written text (text/plain) |
 * | POST   | /plans/:id/reviews                     | plan.approve        | Annual review of the current version (ReviewBody): approver = caller, date → 201 PlanReview |
 * | POST   | /plans/:id/acknowledge                 | plan.read           | I confirm I read the current version → Acknowledgement (idempotent) |
 * | GET    | /plans/:id/acknowledgements            | plan.manage         | Who acknowledged the current version and who has not → AcknowledgementStatus |
 * | GET    | /srp                                   | plan.read           | SRP quick reference: the five actions, shelter strategies, reunification steps, my schools' protocol documents → SrpReference |
 * | GET    | /trainings?schoolId=&from=&to=         | training.manage     | Training sessions at my schools (and district-wide ones) → { items: TrainingSession[] } |
 * | POST   | /trainings                             | training.manage     | New session given by me (TrainingBody) → 201 TrainingSessionDetail |
 * | GET    | /trainings/:id                         | training.manage     | One session with attendance → TrainingSessionDetail |
 * | PATCH  | /trainings/:id                         | training.manage     | Change a session → TrainingSessionDetail |
 * | PUT    | /trainings/:id/attendance              | training.manage     | Replace the attendance list (AttendanceBody) → TrainingSessionDetail |
 * | GET    | /trainings/mine                        | training.read       | My completed trainings → { items: PersonTraining[] } |
 * | GET    | /training-requirements                 | training.read       | Required trainings that apply at my schools → { items: TrainingRequirement[] } |
 * | POST   | /training-requirements                 | training.manage     | New requirement (RequirementBody; schoolId null needs district scope) → 201 TrainingRequirement |
 * | PATCH  | /training-requirements/:id             | training.manage     | Change a requirement → TrainingRequirement |
 * | GET    | /training-requirements/missing?schoolId= | training.manage   | Who is missing a required training (never attended, or expired) → { items: MissingTraining[] } |
 * | GET    | /certifications/mine                   | training.read       | My certifications (SRO) → { items: Certification[] } |
 * | POST   | /certifications/mine                   | training.read       | Add my own certification (caller must hold the sro role) (CertificationBody) → 201 Certification |
 * | GET    | /certifications?userId=                | certification.manage| Certifications of the SROs I supervise → { items: Certification[] } |
 * | POST   | /certifications                        | certification.manage| Add a certification for an SRO I supervise (CertificationBody + userId) → 201 Certification |
 * | PATCH  | /certifications/:id                    | training.read       | Change one (its SRO, or their supervisor) → Certification |
 * | PUT    | /certifications/:id/document           | training.read       | Attach the document: raw body (application/pdf, image/png, image/jpeg; ≤ 10 MB) → Certification |
 * | GET    | /certifications/:id/document           | training.read       | The document (its SRO or their supervisor) |
 * | GET    | /certifications/due                    | certification.manage| Supervisor view: due within 60 days and lapsed, per SRO → CertificationsDue |
 *
 * Errors: { error: { code, message, field? } }; 400 names the field (e.g. `period`, `window.to`,
 * `minCount`, `durationMinutes`). SRO certifications are visible only to the SRO and to a supervisor
 * whose scope covers one of the SRO's schools (anyone else: 404 on a record, 403 on the list route).
 */

// ───────────────────────── shared pieces ─────────────────────────

const day = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** A school year by the calendar year it starts in: 2025 is the school year 2025-26. */
export const schoolYear = z.coerce.number().int().min(2000).max(2100);

/** "2025-26" for 2025. */
export function schoolYearLabel(year: number): string {
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}

/** The school year a date falls in: July 1 starts a new one. */
export function schoolYearOf(date: string): number {
  const y = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 7 ? y : y - 1;
}

export const SCHOOL_LEVELS = ['elementary', 'middle', 'high', 'k8', 'k12', 'alternative', 'other'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];

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

// ───────────────────────── drill rules ─────────────────────────

export const DRILL_TYPES = [
  'fire_evacuation', 'lockdown', 'secure', 'hold', 'shelter_severe_weather', 'shelter_hazmat', 'earthquake',
  'bus_evacuation', 'reunification', 'tabletop', 'active_assailant', 'bomb_threat',
] as const;
export type DrillType = (typeof DRILL_TYPES)[number];
export const DRILL_TYPE_LABELS: Record<DrillType, string> = {
  fire_evacuation: 'Fire / evacuation', lockdown: 'Lockdown', secure: 'Secure', hold: 'Hold',
  shelter_severe_weather: 'Shelter (severe weather)', shelter_hazmat: 'Shelter-in-place (hazmat)', earthquake: 'Earthquake',
  bus_evacuation: 'Bus evacuation', reunification: 'Reunification', tabletop: 'Tabletop exercise',
  active_assailant: 'Active assailant', bomb_threat: 'Bomb threat',
};

/**
 * month: every month of the school year (only months with at least minInstructionalDays instructional days);
 * semester: each semester of the calendar; school_year: first..last instructional day; summer_session: the
 * calendar's summer session (a rule of this period does not apply in a year without one).
 */
export const RULE_PERIODS = ['month', 'semester', 'school_year', 'summer_session'] as const;
export type RulePeriod = (typeof RULE_PERIODS)[number];

const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a month and day as MM-DD');

/**
 * An optional narrowing of each period to a window:
 * - dates: from and/or to a month-day (e.g. by 12-01, from 01-01), inclusive; each resolves to its first
 *   occurrence in the twelve months starting with the month the period starts in;
 * - days_from_start: the first `days` calendar days of the period, its first day being day 1 (Illinois:
 *   lockdown within 90 days of the first day; New York summer: within the first 7 days);
 * - month: the named month (1-12) of the period (Michigan: one tornado drill in March).
 */
export const ruleWindow = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('dates'), from: monthDay.optional(), to: monthDay.optional() }),
  z.strictObject({ kind: z.literal('days_from_start'), days: z.number().int().min(1, 'must be at least 1').max(400) }),
  z.strictObject({ kind: z.literal('month'), month: z.number().int().min(1).max(12) }),
], { error: 'window.kind must be dates, days_from_start or month' });
export type RuleWindow = z.infer<typeof ruleWindow>;

export const OBSERVER_KINDS = ['fire_department', 'law_enforcement', 'emergency_management', 'other'] as const;
export type ObserverKind = (typeof OBSERVER_KINDS)[number];

const ruleFields = {
  drillTypes: z.array(z.enum(DRILL_TYPES)).min(1).describe('A drill of any of these types counts'),
  minCount: z.number().int().min(0, 'must not be negative').max(100).nullable()
    .describe('null: required but the count is not set (Florida)'),
  period: z.enum(RULE_PERIODS, { error: 'must be one of month, semester, school_year, summer_session' }),
  window: ruleWindow.nullable(),
  minInstructionalDays: z.number().int().min(0, 'must not be negative').max(31).nullable()
    .describe('month period: only months with at least this many instructional days need the drills'),
  requiresObserver: z.enum(OBSERVER_KINDS).nullable().describe('Only drills observed by this agency count'),
  requiresSecondaryEgress: z.boolean().describe('Only drills using a secondary exit count'),
  schoolLevels: z.array(z.enum(SCHOOL_LEVELS)).min(1).nullable().describe('null: every school'),
  title: text(200),
  notes: optionalText(2000),
};

/** POST /drill-rules (omitted optional fields default to null / false). */
export const ruleBody = z.strictObject({
  ...ruleFields,
  schoolId: z.uuid().nullable().default(null).describe('null: district-wide rule; a school: an extra rule of that school'),
  window: ruleFields.window.default(null),
  minInstructionalDays: ruleFields.minInstructionalDays.default(null),
  requiresObserver: ruleFields.requiresObserver.default(null),
  requiresSecondaryEgress: ruleFields.requiresSecondaryEgress.default(false),
  schoolLevels: ruleFields.schoolLevels.default(null),
});
export type RuleBody = z.input<typeof ruleBody>;
/** PATCH /drill-rules/:id: any subset of the fields but schoolId; absent fields stay as they are. */
export const updateRuleBody = z.strictObject(ruleFields).partial();
export type UpdateRuleBody = z.infer<typeof updateRuleBody>;

export const drillRuleSchema = z.object({
  id: z.uuid(),
  schoolId: z.uuid().nullable(),
  drillTypes: z.array(z.enum(DRILL_TYPES)),
  minCount: z.number().int().nullable(),
  period: z.enum(RULE_PERIODS),
  window: ruleWindow.nullable(),
  minInstructionalDays: z.number().int().nullable(),
  requiresObserver: z.enum(OBSERVER_KINDS).nullable(),
  requiresSecondaryEgress: z.boolean(),
  schoolLevels: z.array(z.enum(SCHOOL_LEVELS)).nullable(),
  title: z.string(),
  notes: z.string().nullable(),
  position: z.number().int(),
  updatedAt: z.string(),
});
export type DrillRule = z.infer<typeof drillRuleSchema>;

export const STATE_SETS = ['NY', 'IL', 'TX', 'MI', 'CA', 'FL'] as const;
export type StateSet = (typeof STATE_SETS)[number];

/** A seeded state rule set (reference data, copied into a district when picked). */
export const ruleTemplateSchema = z.object({
  state: z.enum(STATE_SETS),
  name: z.string(),
  source: z.string().describe('The law or rule cited'),
  hasCounts: z.boolean().describe('false: the state requires the drill types but the set ships no counts (Florida)'),
  notes: z.string(),
  rules: z.array(ruleBody.omit({ schoolId: true })),
});
export type RuleTemplate = z.infer<typeof ruleTemplateSchema>;

export const chooseStateBody = z.strictObject({ state: z.enum(STATE_SETS) });
export const ruleSettingsBody = z.strictObject({
  atRiskDays: z.number().int().min(0, 'must not be negative').max(120)
    .describe('A short rule is at risk when its window closes within this many days'),
}).partial();

export const ruleSetSchema = z.object({
  state: z.enum(STATE_SETS).nullable(),
  stateName: z.string().nullable(),
  hasCounts: z.boolean(),
  notes: z.string().nullable(),
  atRiskDays: z.number().int(),
  rules: z.array(drillRuleSchema),
});
export type RuleSet = z.infer<typeof ruleSetSchema>;

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
  today: z.string(),
  hasCalendar: z.boolean().describe('false: no calendar for the year (nor a district default): nothing is judged'),
  calendar: calendarSchema.nullable(),
  status: z.enum(RULE_STATUSES).describe('Worst rule status'),
  counts: statusCountsSchema,
  rules: z.array(ruleResultSchema),
  drillsOutsideYear: z.number().int().describe('Completed drills of that school year dated outside first..last day and the summer session'),
});
export type SchoolCompliance = z.infer<typeof schoolComplianceSchema>;

export const overviewQuery = z.strictObject({ schoolYear: schoolYear.optional() });
export const reportQuery = z.strictObject({ schoolYear: schoolYear.optional(), schoolId: z.uuid().optional() });

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
  today: z.string(),
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

// ───────────────────────── safety plans ─────────────────────────

export const PLAN_KINDS = ['eop', 'protocol'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];
export const PLAN_KIND_LABELS: Record<PlanKind, string> = { eop: 'Emergency operations plan', protocol: 'Protocol' };

/** POST /plans: a plan with its first version written in the app (upload a PDF as the next version). */
export const planBody = z.strictObject({
  schoolId: z.uuid().nullable().describe('null: a district plan (needs district scope)'),
  kind: z.enum(PLAN_KINDS),
  title: text(200),
  body: text(200_000).describe('The text of version 1'),
  changeSummary: optionalText(500),
});
export type PlanBody = z.infer<typeof planBody>;
export const planUpdateBody = z.strictObject({ title: text(200), archived: z.boolean() }).partial();
export const versionBody = z.strictObject({ body: text(200_000), changeSummary: optionalText(500) });
export const pdfVersionQuery = z.strictObject({ changeSummary: optionalText(500), fileName: optionalText(200) });
export const reviewBody = z.strictObject({
  reviewedOn: day.describe('Day of the review; not in the future'),
  notes: optionalText(2000),
});
export const listPlansQuery = z.strictObject({
  schoolId: z.uuid().optional(), kind: z.enum(PLAN_KINDS).optional(), archived: z.enum(['true', 'false']).optional(),
});

export const planVersionSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  format: z.enum(['text', 'pdf']),
  body: z.string().nullable().describe('Written text; null for a PDF'),
  fileName: z.string().nullable(),
  fileSize: z.number().int().nullable(),
  changeSummary: z.string().nullable(),
  createdBy: z.object({ id: z.uuid(), name: z.string() }),
  createdAt: z.string(),
});
export type PlanVersion = z.infer<typeof planVersionSchema>;

export const planReviewSchema = z.object({
  id: z.uuid(),
  versionId: z.uuid(),
  version: z.number().int(),
  approvedBy: z.object({ id: z.uuid(), name: z.string() }),
  reviewedOn: z.string(),
  notes: z.string().nullable(),
});
export type PlanReview = z.infer<typeof planReviewSchema>;

export const planSchema = z.object({
  id: z.uuid(),
  schoolId: z.uuid().nullable(),
  schoolName: z.string().nullable(),
  kind: z.enum(PLAN_KINDS),
  title: z.string(),
  archived: z.boolean(),
  currentVersion: planVersionSchema.omit({ body: true }),
  lastReviewedOn: z.string().nullable(),
  reviewDueOn: z.string().describe('One year after the last review (or after version 1 when never reviewed)'),
  reviewOverdue: z.boolean(),
  acknowledgedByMe: z.boolean().describe('I acknowledged the current version'),
  updatedAt: z.string(),
});
export type Plan = z.infer<typeof planSchema>;
export const planDetailSchema = planSchema.extend({ versions: z.array(planVersionSchema), reviews: z.array(planReviewSchema) });
export type PlanDetail = z.infer<typeof planDetailSchema>;

export const acknowledgementSchema = z.object({ planId: z.uuid(), versionId: z.uuid(), version: z.number().int(), acknowledgedAt: z.string() });
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;
const person = z.object({ id: z.uuid(), name: z.string(), email: z.string() });
export const acknowledgementStatusSchema = z.object({
  planId: z.uuid(),
  versionId: z.uuid(),
  version: z.number().int(),
  acknowledged: z.array(person.extend({ acknowledgedAt: z.string() })),
  pending: z.array(person).describe('Active users expected to read the plan (plan.read at its school) who have not'),
});
export type AcknowledgementStatus = z.infer<typeof acknowledgementStatusSchema>;

export const SRP_ACTION_KEYS = ['hold', 'secure', 'lockdown', 'evacuate', 'shelter'] as const;
export const srpReferenceSchema = z.object({
  actions: z.array(z.object({
    key: z.enum(SRP_ACTION_KEYS), term: z.string(), directive: z.string(), students: z.string(), staff: z.string(),
  })),
  shelter: z.array(z.object({ hazard: z.string(), strategy: z.string() })),
  reunification: z.array(z.string()).describe('Standard Reunification Method steps'),
  protocols: z.array(z.object({ planId: z.uuid(), title: z.string(), schoolName: z.string().nullable(), version: z.number().int() }))
    .describe('Current protocol documents of my schools and the district'),
});
export type SrpReference = z.infer<typeof srpReferenceSchema>;

/** The Standard Response Protocol (standards.md), served by GET /srp. */
export const SRP_REFERENCE: Pick<SrpReference, 'actions' | 'shelter' | 'reunification'> = {
  actions: [
    { key: 'hold', term: 'HOLD', directive: 'In your room or area. Clear the halls.', students: 'Stay in the room until the All Clear.', staff: 'Close and lock the door, account for everyone, business as usual.' },
    { key: 'secure', term: 'SECURE', directive: 'Get inside. Lock outside doors.', students: 'Return inside, business as usual.', staff: 'Bring everyone in, lock outside doors, heighten awareness, account for everyone.' },
    { key: 'lockdown', term: 'LOCKDOWN', directive: 'Locks, lights, out of sight.', students: 'Move out of sight, stay silent, do not open the door.', staff: 'Clear the hall if possible, lock, lights out, silence, prepare to evade or defend.' },
    { key: 'evacuate', term: 'EVACUATE', directive: 'To the announced location.', students: 'Leave items if told, follow instructions.', staff: 'Lead to the location, account for everyone, report missing, extra or injured.' },
    { key: 'shelter', term: 'SHELTER', directive: 'For the hazard, using the safety strategy.', students: 'Use the safety strategy.', staff: 'Lead the strategy, account for everyone, report missing, extra or injured.' },
  ],
  shelter: [
    { hazard: 'Tornado', strategy: 'Go to the shelter area' },
    { hazard: 'Hazardous materials', strategy: 'Seal the room' },
    { hazard: 'Earthquake', strategy: 'Drop, cover and hold on' },
    { hazard: 'Tsunami', strategy: 'Get to high ground' },
  ],
  reunification: [
    'Parents fill in a reunification card.',
    'Checkers verify photo ID and custody against the roster.',
    'A runner brings the student from the assembly area.',
    'The student is asked if they are comfortable leaving with that adult.',
    'Time and initials are noted; students are released only to verified custodial or authorized adults.',
  ],
};

// ───────────────────────── staff training ─────────────────────────

const trainingFields = {
  topic: text(200),
  requirementId: z.uuid().nullable().describe('The required training this session fulfils'),
  heldOn: day,
  durationMinutes: z.number().int().min(0, 'must not be negative').max(24 * 60),
  materials: optionalText(5000).describe('Links or a description of handouts and slides'),
  notes: optionalText(2000),
};
export const trainingBody = z.strictObject({
  ...trainingFields,
  schoolId: z.uuid().nullable().describe('null: a district-wide session (needs district scope)'),
  requirementId: trainingFields.requirementId.default(null),
});
export type TrainingBody = z.input<typeof trainingBody>;
export const updateTrainingBody = z.strictObject(trainingFields).partial();
export const attendanceBody = z.strictObject({ userIds: z.array(z.uuid()).max(2000) });
export const listTrainingsQuery = z.strictObject({ schoolId: z.uuid().optional(), from: day.optional(), to: day.optional() });

export const trainingSessionSchema = z.object({
  id: z.uuid(),
  schoolId: z.uuid().nullable(),
  schoolName: z.string().nullable(),
  topic: z.string(),
  requirementId: z.uuid().nullable(),
  heldOn: z.string(),
  durationMinutes: z.number().int(),
  materials: z.string().nullable(),
  notes: z.string().nullable(),
  presenter: z.object({ id: z.uuid(), name: z.string() }),
  attendeeCount: z.number().int(),
});
export type TrainingSession = z.infer<typeof trainingSessionSchema>;
export const trainingSessionDetailSchema = trainingSessionSchema.extend({ attendees: z.array(person) });
export type TrainingSessionDetail = z.infer<typeof trainingSessionDetailSchema>;

export const personTrainingSchema = z.object({
  sessionId: z.uuid(), topic: z.string(), heldOn: z.string(), durationMinutes: z.number().int(),
  requirementId: z.uuid().nullable(), schoolName: z.string().nullable(),
});
export type PersonTraining = z.infer<typeof personTrainingSchema>;

export const TRAINEE_ROLES = ['staff', 'school_admin', 'counselor', 'security', 'sro'] as const;
export const requirementBody = z.strictObject({
  schoolId: z.uuid().nullable().describe('null: district-wide requirement (needs district scope)'),
  topic: text(200),
  roles: z.array(z.enum(TRAINEE_ROLES)).min(1).describe('Who must complete it: holders of these roles at the school(s)'),
  validMonths: z.number().int().min(1, 'must be at least 1').max(120).nullable().describe('null: once is enough'),
  notes: optionalText(2000),
});
export type RequirementBody = z.infer<typeof requirementBody>;
export const updateRequirementBody = requirementBody.omit({ schoolId: true }).extend({ active: z.boolean() }).partial();
export const trainingRequirementSchema = z.object({
  id: z.uuid(), schoolId: z.uuid().nullable(), schoolName: z.string().nullable(), topic: z.string(),
  roles: z.array(z.enum(TRAINEE_ROLES)), validMonths: z.number().int().nullable(), notes: z.string().nullable(), active: z.boolean(),
});
export type TrainingRequirement = z.infer<typeof trainingRequirementSchema>;
export const missingQuery = z.strictObject({ schoolId: z.uuid().optional() });
export const missingTrainingSchema = z.object({
  requirementId: z.uuid(), topic: z.string(), user: person, schoolNames: z.array(z.string()),
  lastCompletedOn: z.string().nullable(), expiredOn: z.string().nullable().describe('When the last completion lapsed, if it did'),
});
export type MissingTraining = z.infer<typeof missingTrainingSchema>;

// ───────────────────────── SRO certifications ─────────────────────────

export const CERTIFICATION_KINDS = ['basic_sro', 'advanced_sro', 'annual_in_service', 'first_aid', 'other'] as const;
export type CertificationKind = (typeof CERTIFICATION_KINDS)[number];
export const CERTIFICATION_KIND_LABELS: Record<CertificationKind, string> = {
  basic_sro: 'Basic SRO course (40 h)', advanced_sro: 'Advanced SRO course', annual_in_service: 'Annual in-service',
  first_aid: 'First aid / CPR', other: 'Other certification',
};
/** A certification expiring within this many days is due. */
export const CERTIFICATION_DUE_DAYS = 60;

const certificationFields = {
  kind: z.enum(CERTIFICATION_KINDS),
  name: text(200),
  issuer: optionalText(200),
  hours: z.number().min(0, 'must not be negative').max(10_000).nullable().optional(),
  issuedOn: day,
  expiresOn: day.nullable().describe('null: does not expire'),
  notes: optionalText(2000),
};
/** POST /certifications/mine; POST /certifications adds userId. expiresOn must not be before issuedOn. */
export const certificationBody = z.strictObject(certificationFields);
export type CertificationBody = z.infer<typeof certificationBody>;
export const supervisorCertificationBody = z.strictObject({ ...certificationFields, userId: z.uuid() });
export const updateCertificationBody = z.strictObject(certificationFields).partial();
export const listCertificationsQuery = z.strictObject({ userId: z.uuid().optional() });

export const CERTIFICATION_STATES = ['valid', 'due', 'lapsed', 'no_expiry'] as const;
export const certificationSchema = z.object({
  id: z.uuid(),
  user: z.object({ id: z.uuid(), name: z.string(), badgeNumber: z.string().nullable() }),
  kind: z.enum(CERTIFICATION_KINDS),
  name: z.string(),
  issuer: z.string().nullable(),
  hours: z.number().nullable(),
  issuedOn: z.string(),
  expiresOn: z.string().nullable(),
  notes: z.string().nullable(),
  state: z.enum(CERTIFICATION_STATES).describe('due: expires within 60 days; lapsed: expired'),
  daysToExpiry: z.number().int().nullable(),
  document: z.object({ fileName: z.string(), mediaType: z.string(), size: z.number().int() }).nullable(),
  updatedAt: z.string(),
});
export type Certification = z.infer<typeof certificationSchema>;
export const certificationsDueSchema = z.object({
  today: z.string(),
  dueWithinDays: z.number().int(),
  due: z.array(certificationSchema).describe('Expiring within 60 days, soonest first'),
  lapsed: z.array(certificationSchema).describe('Expired with no newer certification of the same kind'),
});
export type CertificationsDue = z.infer<typeof certificationsDueSchema>;

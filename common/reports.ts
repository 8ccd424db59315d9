import { z } from 'zod';
import { SCHOOL_LEVEL_FILTERS } from './analytics.js';

// Scheduled reports (issue 18): a user subscribes to a report and receives it by e-mail, weekly or monthly at a
// wall-clock time of the district, as a PDF or CSV attachment. Routes (signed in; the report's own permission is
// checked at creation and again, with the recipient's grants of that moment, at every send):
//   GET    /report-subscriptions                 mine (and those I set up for others)
//   POST   /report-subscriptions                 subscribe myself
//   POST   /report-subscriptions/automatic       supervisor/director: an SRO's monthly report to the principals of the SRO's schools
//   PATCH  /report-subscriptions/:id             change (pause: active=false)
//   DELETE /report-subscriptions/:id

export const REPORT_KINDS = ['dashboard', 'equity', 'crdc', 'activity'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  dashboard: 'District dashboard', equity: 'Equity analytics', crdc: 'CRDC tables', activity: 'Monthly SRO activity report',
};
export const REPORT_CADENCES = ['weekly', 'monthly'] as const;
export type ReportCadence = (typeof REPORT_CADENCES)[number];
export const REPORT_FORMATS = ['pdf', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const WEEKDAY_LABELS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM (24-hour)');
const dayOfWeek = z.number().int().min(0, 'must be 0 (Sunday) to 6 (Saturday)').max(6, 'must be 0 (Sunday) to 6 (Saturday)');
const dayOfMonth = z.number().int().min(1, 'must be 1 to 28').max(28, 'must be 1 to 28');

const scheduleShape = {
  cadence: z.enum(REPORT_CADENCES).describe('weekly: the 7 days before the send day; monthly: the month before'),
  dayOfWeek: dayOfWeek.optional().describe('Weekly: 0 Sunday .. 6 Saturday'),
  dayOfMonth: dayOfMonth.optional().describe('Monthly: 1..28'),
  time: time.describe('District time, HH:MM'),
  format: z.enum(REPORT_FORMATS),
};

/** The day field a cadence needs: weekly names a weekday, monthly a day of the month. */
function scheduleRule(s: { cadence?: ReportCadence; dayOfWeek?: number; dayOfMonth?: number }, ctx: z.RefinementCtx) {
  if (s.cadence === 'weekly' && s.dayOfWeek === undefined) ctx.addIssue({ code: 'custom', path: ['dayOfWeek'], message: 'a weekly report needs the day of the week' });
  if (s.cadence === 'monthly' && s.dayOfMonth === undefined) ctx.addIssue({ code: 'custom', path: ['dayOfMonth'], message: 'a monthly report needs the day of the month' });
}

/** POST /report-subscriptions */
export const createSubscriptionBody = z.strictObject({
  report: z.enum(REPORT_KINDS),
  schoolIds: z.array(z.uuid()).max(1000).default([]).describe('Empty: every school I may see'),
  level: z.enum(SCHOOL_LEVEL_FILTERS).nullable().default(null),
  officerId: z.uuid().nullable().default(null).describe('The SRO of an activity report (default: me)'),
  ...scheduleShape,
}).superRefine(scheduleRule).superRefine((s, ctx) => {
  if (s.report === 'activity' && s.cadence !== 'monthly') ctx.addIssue({ code: 'custom', path: ['cadence'], message: 'the SRO activity report is monthly' });
});
export type CreateSubscriptionBody = z.infer<typeof createSubscriptionBody>;

/** PATCH /report-subscriptions/:id: the schedule, format and active flag; the report and filters stay. */
export const updateSubscriptionBody = z.strictObject({
  cadence: scheduleShape.cadence.optional(),
  dayOfWeek: dayOfWeek.optional(),
  dayOfMonth: dayOfMonth.optional(),
  time: time.optional(),
  format: scheduleShape.format.optional(),
  active: z.boolean().optional(),
});
export type UpdateSubscriptionBody = z.infer<typeof updateSubscriptionBody>;

/** POST /report-subscriptions/automatic */
export const automaticSubscriptionBody = z.strictObject({
  officerId: z.uuid().describe('The SRO whose monthly report goes to the principals of their schools'),
  dayOfMonth: dayOfMonth.default(1),
  time: time.default('07:00'),
  format: z.enum(REPORT_FORMATS).default('pdf'),
});
export type AutomaticSubscriptionBody = z.infer<typeof automaticSubscriptionBody>;

const ref = z.object({ id: z.uuid(), name: z.string() });
export const subscriptionSchema = z.object({
  id: z.uuid(),
  report: z.enum(REPORT_KINDS),
  recipient: ref,
  createdBy: ref,
  schools: z.array(ref),
  level: z.string().nullable(),
  officer: ref.nullable(),
  cadence: z.enum(REPORT_CADENCES),
  dayOfWeek: z.number().int().nullable(),
  dayOfMonth: z.number().int().nullable(),
  time: z.string(),
  format: z.enum(REPORT_FORMATS),
  active: z.boolean(),
  automatic: z.boolean(),
  nextDueAt: z.iso.datetime(),
  lastSentAt: z.iso.datetime().nullable(),
  lastPeriod: z.string().nullable(),
  lastSkippedAt: z.iso.datetime().nullable(),
  lastSkipReason: z.string().nullable(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;
export const subscriptionListSchema = z.object({ items: z.array(subscriptionSchema) });

/** "Weekly on Monday at 07:00" / "Monthly on day 1 at 07:00". */
export function scheduleText(s: { cadence: ReportCadence; dayOfWeek: number | null; dayOfMonth: number | null; time: string }): string {
  return s.cadence === 'weekly' ? `Weekly on ${WEEKDAY_LABELS[s.dayOfWeek ?? 1]} at ${s.time}` : `Monthly on day ${s.dayOfMonth ?? 1} at ${s.time}`;
}

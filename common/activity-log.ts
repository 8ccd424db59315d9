import { z } from 'zod';
import { ACTIVITY_KINDS, ACTIVITY_SOURCES, MAX_ACTIVITY_MINUTES, TRIAD_ROLES } from './activity.js';
import { text, optionalText } from './text.js';

// The activity log's routes, hours and the monthly SRO activity report (capability 6). The shared vocabulary
// (kinds, triad roles, sources) is common/activity.ts.
//
// Routes:
//   GET    /activity                        activity.read  entries (mine; a supervisor: their SROs; an administrator:
//                                                          their school's SROs); ?userId ?schoolId ?from ?to ...
//   POST   /activity                        activity.log   an entry typed by hand (mine)
//   GET    /activity/:id                    activity.read
//   PATCH  /activity/:id                    activity.log   own hand entries only; an entry from a source: 409
//   DELETE /activity/:id                    activity.log   same
//   GET    /activity/officers               activity.read  the SROs whose log I may see (for the picker)
//   GET    /activity/hours                  activity.read  ?userId ?period=week|month ?from ?to
//   GET    /activity/reports/monthly        activity.read  ?userId&month=YYYY-MM  one SRO
//   GET    /activity/reports/monthly.pdf    activity.read  same as a PDF
//   GET    /activity/reports/monthly/team   activity.read  ?month  every SRO I see, side by side

const instant = z.iso.datetime({ offset: true, error: 'must be a date-time with offset, e.g. 2026-03-02T07:45:00Z' });
const day = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM');
const ref = z.object({ id: z.uuid(), name: z.string() });

const duration = z.number().int().min(1, 'must be at least 1 minute')
  .max(MAX_ACTIVITY_MINUTES, 'must be at most 1440 minutes (24 h)');

const entryFields = {
  kind: z.enum(ACTIVITY_KINDS),
  triadRole: z.enum(TRIAD_ROLES).describe('Default: the kind\'s usual role (DEFAULT_TRIAD_ROLE)'),
  schoolId: z.uuid().nullable().describe('null: not at one school (e.g. district training)'),
  startedAt: instant,
  durationMinutes: duration.describe('Give this or endedAt'),
  endedAt: instant.describe('Instead of durationMinutes: after startedAt, at most 24 h later'),
  title: text(200),
  notes: optionalText(2000),
  participants: z.number().int().min(0, 'must not be negative').max(5000).nullable()
    .describe('Students reached (classes) or people met; optional'),
};
/** POST /activity: give durationMinutes or endedAt (not both). */
export const activityEntryBody = z.strictObject({
  ...entryFields,
  triadRole: entryFields.triadRole.optional(),
  schoolId: entryFields.schoolId.default(null),
  durationMinutes: entryFields.durationMinutes.optional(),
  endedAt: entryFields.endedAt.optional(),
  participants: entryFields.participants.default(null),
});
export type ActivityEntryBody = z.input<typeof activityEntryBody>;
/** PATCH /activity/:id: any subset (hand entries only). */
export const activityEntryUpdateBody = z.strictObject(entryFields).partial();
export type ActivityEntryUpdateBody = z.input<typeof activityEntryUpdateBody>;

export const listActivityQuery = z.strictObject({
  userId: z.uuid().optional().describe('Default: me (when I log activity), else every SRO I see'),
  schoolId: z.uuid().optional(),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  triadRole: z.enum(TRIAD_ROLES).optional(),
  from: day.optional().describe('Started on or after this day'),
  to: day.optional().describe('Started on or before this day'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const activityEntrySchema = z.object({
  id: z.uuid(),
  user: ref,
  school: ref.nullable(),
  kind: z.enum(ACTIVITY_KINDS),
  triadRole: z.enum(TRIAD_ROLES),
  startedAt: z.string(),
  endedAt: z.string(),
  durationMinutes: z.number().int(),
  title: z.string(),
  notes: z.string().nullable(),
  participants: z.number().int().nullable(),
  source: z.object({ type: z.enum(ACTIVITY_SOURCES), id: z.uuid() }).nullable()
    .describe('The record it came from; null when typed in the log'),
  editable: z.boolean().describe('Mine and typed by hand: I may edit or delete it'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;
export const activityEntryPageSchema = z.object({ items: z.array(activityEntrySchema), total: z.number().int() });
export type ActivityEntryPage = z.infer<typeof activityEntryPageSchema>;

export const officerSchema = z.object({ id: z.uuid(), name: z.string(), schools: z.array(ref) });
export type Officer = z.infer<typeof officerSchema>;

// ───────────────────────── hours ─────────────────────────

export const HOUR_PERIODS = ['week', 'month'] as const;
export type HourPeriod = (typeof HOUR_PERIODS)[number];
export const hoursQuery = z.strictObject({
  userId: z.uuid().optional().describe('Default: me'),
  period: z.enum(HOUR_PERIODS).default('week').describe('week: Monday to Sunday'),
  from: day.optional().describe('Default: 12 weeks or 12 months back'),
  to: day.optional().describe('Default: today'),
});

const minutesByRole = z.object({ law_enforcement: z.number().int(), mentoring: z.number().int(), education: z.number().int() });
export type MinutesByRole = z.infer<typeof minutesByRole>;
export const hoursSchema = z.object({
  user: ref,
  period: z.enum(HOUR_PERIODS),
  from: z.string(),
  to: z.string(),
  periods: z.array(z.object({
    start: z.string().describe('First day of the week or month'),
    minutesByRole,
    totalMinutes: z.number().int(),
  })).describe('Every period from..to, empty ones included, oldest first'),
  schools: z.array(z.object({ school: ref.nullable(), minutesByRole, totalMinutes: z.number().int() })),
  minutesByRole,
  totalMinutes: z.number().int(),
});
export type Hours = z.infer<typeof hoursSchema>;

// ───────────────────────── monthly report ─────────────────────────

export const monthlyReportQuery = z.strictObject({
  userId: z.uuid().optional().describe('Default: me'),
  month,
});
export const teamReportQuery = z.strictObject({ month });

const countRow = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
export const monthlyReportSchema = z.object({
  officer: ref,
  month: z.string(),
  from: z.string().describe('First day of the month'),
  to: z.string().describe('Last day of the month'),
  minutesByRole,
  totalMinutes: z.number().int(),
  schools: z.array(z.object({ school: ref.nullable(), minutesByRole, totalMinutes: z.number().int() })),
  calls: z.object({ total: z.number().int(), bySource: z.array(countRow) })
    .describe('Calls assigned to the SRO, received this month and cleared, by intake source'),
  incidents: z.object({ total: z.number().int(), byType: z.array(countRow) })
    .describe('Incidents the SRO wrote that occurred this month (not sealed), by offense (NIBRS code or school category)'),
  arrests: z.number().int(),
  citations: z.number().int(),
  referrals: z.object({
    lawEnforcement: z.number().int(), administration: z.number().int(), counseling: z.number().int(),
  }).describe('Actions on the SRO\'s incidents taken this month (implied referrals not counted twice)'),
  classesTaught: z.number().int().describe('Activity entries of kind class'),
  studentsReached: z.number().int().describe('Participants of class entries (entries without a count count as 0)'),
  mentoringContacts: z.number().int().describe('Activity entries of kind mentoring'),
  eventsCovered: z.number().int().describe('Activity entries of kind event'),
  drillsAttended: z.number().int().describe('Completed drills the SRO recorded, and drill entries of their log'),
});
export type MonthlyReport = z.infer<typeof monthlyReportSchema>;
export const teamReportSchema = z.object({ month: z.string(), officers: z.array(monthlyReportSchema) });
export type TeamReport = z.infer<typeof teamReportSchema>;

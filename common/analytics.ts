import { z } from 'zod';

// Analytics (capability 22): the district dashboard, equity analytics and the CRDC tables. Every figure is a table
// first: the page draws the chart from the same rows it lists beside it and downloads them as CSV, so what is
// charted, tabled and downloaded cannot disagree.

const day = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });
const ref = z.object({ id: z.uuid(), name: z.string() });

export const SCHOOL_LEVEL_FILTERS = ['elementary', 'middle', 'high', 'k8', 'k12', 'alternative', 'other'] as const;

/** A list of school ids in a query string: `schoolIds=a,b` (comma separated). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const schoolIdList = z.string().max(40_000)
  .transform((value) => value.split(',').map((s) => s.trim()).filter(Boolean))
  .refine((ids) => ids.every((id) => UUID.test(id)), { message: 'must be school ids separated by commas' })
  .refine((ids) => ids.length <= 1000, { message: 'at most 1,000 schools' });

/** Filters shared by the dashboard, the equity page and the CRDC tables: local days of the district, inclusive. */
export const analyticsQuery = z.strictObject({
  from: day.describe('First day (district time), inclusive'),
  to: day.describe('Last day (district time), inclusive'),
  schoolIds: schoolIdList.optional().describe('Comma-separated school ids; default every school the user may see'),
  level: z.enum(SCHOOL_LEVEL_FILTERS).optional().describe('Only schools of this level'),
}).refine((q) => q.from <= q.to, { path: ['to'], message: 'must not be before from' })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 3 * 366 * 86_400_000, { path: ['to'], message: 'a range is at most three years' });
export type AnalyticsQuery = z.infer<typeof analyticsQuery>;

export const COLUMN_KINDS = ['label', 'count', 'minutes', 'hours', 'days', 'percent', 'rate', 'ratio'] as const;
export const CHART_KINDS = ['bar', 'stacked_bar', 'line', 'heatmap', 'none'] as const;

const cell = z.union([z.string(), z.number(), z.null()]);
export const panelSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  chart: z.enum(CHART_KINDS),
  columns: z.array(z.object({ key: z.string(), label: z.string(), kind: z.enum(COLUMN_KINDS) })),
  rows: z.array(z.record(z.string(), cell)),
  /** Per row, where the records behind it are listed, for users allowed to open them (null: no link). */
  links: z.array(z.string().nullable()),
});
export type Panel = z.infer<typeof panelSchema>;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

export const figureSchema = z.object({ key: z.string(), label: z.string(), value: z.number().nullable(), kind: z.enum(COLUMN_KINDS) });
export type Figure = z.infer<typeof figureSchema>;

/** GET /analytics/dashboard (analytics.read): key figures and panels over the filtered schools and days. */
export const dashboardSchema = z.object({
  from: day, to: day, timezone: z.string(),
  schools: z.array(ref),
  figures: z.array(figureSchema),
  panels: z.array(panelSchema),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const EQUITY_MEASURES = ['referral', 'arrest', 'citation'] as const;
export type EquityMeasure = (typeof EQUITY_MEASURES)[number];
export const EQUITY_MEASURE_LABELS: Record<EquityMeasure, string> = {
  referral: 'Referrals to law enforcement', arrest: 'School-related arrests', citation: 'Citations and tickets',
};
export const EQUITY_DIMENSIONS = ['race', 'sex', 'disability', 'english_learner'] as const;
export type EquityDimension = (typeof EQUITY_DIMENSIONS)[number];

const measureCell = z.object({
  /** Students with at least one such action; null when suppressed. */
  students: z.number().int().nullable(),
  ratePer1000: z.number().nullable(),
  rri: z.number().nullable(),
  ciLow: z.number().nullable(),
  ciHigh: z.number().nullable(),
  suppressed: z.boolean(),
});
export const equitySchema = z.object({
  from: day, to: day,
  minimumCount: z.number().int(),
  /** Enrolment is the active roster now: the roster keeps no history of past years. */
  enrolmentNote: z.string(),
  rows: z.array(z.object({
    dimension: z.enum(EQUITY_DIMENSIONS), group: z.string(), label: z.string(),
    enrolled: z.number().int().nullable(),
    measures: z.record(z.enum(EQUITY_MEASURES), measureCell),
  })),
});
export type Equity = z.infer<typeof equitySchema>;

export const CRDC_RACES = [
  'hispanic_latino', 'american_indian_alaska_native', 'asian', 'native_hawaiian_pacific_islander', 'black', 'white', 'two_or_more',
] as const;
export const CRDC_RACE_LABELS: Record<(typeof CRDC_RACES)[number], string> = {
  hispanic_latino: 'Hispanic or Latino of any race', american_indian_alaska_native: 'American Indian or Alaska Native',
  asian: 'Asian', native_hawaiian_pacific_islander: 'Native Hawaiian or Other Pacific Islander', black: 'Black or African American',
  white: 'White', two_or_more: 'Two or more races',
};
export const CRDC_DISABILITY = ['none', 'idea', 'section504'] as const;
export const CRDC_DISABILITY_LABELS: Record<(typeof CRDC_DISABILITY)[number], string> = {
  none: 'Without disabilities', idea: 'With disabilities (IDEA)', section504: 'With disabilities (Section 504 only)',
};
export const CRDC_OFFENSES = [
  'rape', 'sexual_assault', 'robbery_firearm', 'robbery_weapon', 'robbery_no_weapon', 'attack_firearm', 'attack_weapon',
  'attack_no_weapon', 'threat_firearm', 'threat_weapon', 'threat_no_weapon', 'possession_firearm',
] as const;
export type CrdcOffense = (typeof CRDC_OFFENSES)[number];
export const CRDC_OFFENSE_LABELS: Record<CrdcOffense, string> = {
  rape: 'Rape or attempted rape', sexual_assault: 'Sexual assault (other than rape)',
  robbery_firearm: 'Robbery with a firearm or explosive device', robbery_weapon: 'Robbery with a weapon (not a firearm)',
  robbery_no_weapon: 'Robbery without a weapon',
  attack_firearm: 'Physical attack or fight with a firearm or explosive device', attack_weapon: 'Physical attack or fight with a weapon (not a firearm)',
  attack_no_weapon: 'Physical attack or fight without a weapon',
  threat_firearm: 'Threat of physical attack with a firearm or explosive device', threat_weapon: 'Threat of physical attack with a weapon (not a firearm)',
  threat_no_weapon: 'Threat of physical attack without a weapon',
  possession_firearm: 'Possession of a firearm or explosive device',
};

/** Students counted once per breakdown group: by race, by sex, by disability, English learners. */
const breakdown = z.object({
  total: z.number().int(),
  race: z.record(z.enum(CRDC_RACES), z.number().int()),
  sex: z.record(z.string(), z.number().int()),
  disability: z.record(z.enum(CRDC_DISABILITY), z.number().int()),
  englishLearner: z.number().int(),
});
export type CrdcBreakdown = z.infer<typeof breakdown>;

/** GET /analytics/crdc (report.export): the CRDC tables per school for the days asked (a school year). */
export const crdcTablesSchema = z.object({
  from: day, to: day,
  schools: z.array(z.object({
    school: ref, ncesId: z.string(),
    referrals: breakdown,
    arrests: breakdown,
    offenses: z.record(z.enum(CRDC_OFFENSES), z.number().int()),
  })),
});
export type CrdcTables = z.infer<typeof crdcTablesSchema>;

/** GET/PUT /analytics/settings: the smallest count the equity page shows (3..100, default 10). */
export const analyticsSettingsSchema = z.strictObject({
  equityMinimumCount: z.number().int().min(3).max(100).describe('Cells with fewer students (but more than none) are suppressed'),
});
export type AnalyticsSettings = z.infer<typeof analyticsSettingsSchema>;

/** Formats one cell of a panel for screens and CSV files. */
export function formatCell(value: string | number | null, kind: ColumnKind): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'percent': return `${(value * 100).toFixed(1)}%`;
    case 'rate': case 'ratio': return value.toFixed(2);
    case 'hours': return value.toFixed(1);
    case 'days': return `${value.toFixed(1)} d`;
    case 'minutes': return value < 120 ? `${Math.round(value)} min` : `${(value / 60).toFixed(1)} h`;
    default: return String(value);
  }
}

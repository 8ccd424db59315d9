import { z } from 'zod';
import { text, optionalText } from './text.js';

// School years, school levels and drill rules (state rule sets): part of the preparedness contract, re-exported
// by common/preparedness-drills.ts.

// ───────────────────────── shared pieces ─────────────────────────

const day = z.iso.date({ error: 'must be a date as YYYY-MM-DD' });

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
 * An optional narrowing of each period to a window. Each kind is one way statutes word a deadline, and
 * says which days are in (every bound is inclusive unless the kind says otherwise):
 * - dates: "between September first and December thirty-first", "by December 1" (`to`, that day included),
 *   "from January 1" (`from`, that day included); each month-day resolves to its first occurrence in the
 *   twelve months starting with the month the period starts in;
 * - after_date: "after January 1": from the day after the month-day (that day itself is out);
 * - days_from_start: "within the first N days": the first day of the period is day 1, day N is the last
 *   day in (New York: "during the first week of summer school" is the first 7 days);
 * - days_after_start: "no later than N days after the first day": the first day is day 0, the day N days
 *   after it is the last day in (Illinois: law-enforcement drill no later than 90 days after the first day);
 * - month: "during March": the named month (1-12) of the period.
 * "Each month with at least N instructional days" is not a window: it is the month period with
 * minInstructionalDays; "during summer school" is the summer_session period.
 */
export const ruleWindow = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('dates'), from: monthDay.optional(), to: monthDay.optional() }),
  z.strictObject({ kind: z.literal('after_date'), after: monthDay }),
  z.strictObject({ kind: z.literal('days_from_start'), days: z.number().int().min(1, 'must be at least 1').max(400) }),
  z.strictObject({ kind: z.literal('days_after_start'), days: z.number().int().min(0, 'must not be negative').max(400) }),
  z.strictObject({ kind: z.literal('month'), month: z.number().int().min(1).max(12) }),
], { error: 'window.kind must be dates, after_date, days_from_start, days_after_start or month' });
export type RuleWindow = z.infer<typeof ruleWindow>;

/**
 * Where a rule comes from: the statute or code section, the words of it the rule encodes, and when and
 * against what those words were last checked. `verbatim` false: `quote` paraphrases the reference notes
 * because the section's own text could not be obtained; the UI says so.
 */
export const ruleCitation = z.strictObject({
  section: text(200).describe('e.g. N.Y. Educ. Law 807(1)'),
  quote: text(2000).describe('The words of the section this rule encodes'),
  verbatim: z.boolean().describe('true: quote is the text of the section; false: a paraphrase'),
  sourceUrl: z.url({ error: 'must be a URL' }).max(500).nullable(),
  checkedOn: day.describe('The day the section was last checked'),
  checkedAgainst: text(500).describe('What it was checked against'),
});
export type RuleCitation = z.infer<typeof ruleCitation>;

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
  citation: ruleCitation.nullable().describe('The statute the rule encodes; null for a local rule'),
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
  citation: ruleFields.citation.default(null),
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
  citation: ruleCitation.nullable(),
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

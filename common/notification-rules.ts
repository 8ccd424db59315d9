import { z } from 'zod';
import { SCHOOL_SAFETY_CATEGORIES } from './incidents/enums.js';
import { NIBRS_OFFENSES } from './nibrs.js';
import { ruleCitation } from './preparedness-drills.js';
import { text } from './text.js';

// Notification rules (issue 17, item 6): which actions on a student, for which offenses, require notifying whom,
// and by when. Rules are data: each district edits its own; a district without rules follows its state's default
// set (Texas: Code of Criminal Procedure 15.27). An incident save that records a matching action makes one
// notification task per person and rule, due at the rule's deadline in the district's time zone.

/** Whom a rule tells. */
export const NOTIFY_WHOM = ['superintendent', 'parent', 'agency'] as const;
export type NotifyWhom = (typeof NOTIFY_WHOM)[number];
/** The action on a person that starts the clock. */
export const NOTIFY_TRIGGERS = ['arrest', 'citation', 'referral_law_enforcement'] as const;
export type NotifyTrigger = (typeof NOTIFY_TRIGGERS)[number];
/** How the deadline counts: hours from the action; calendar days (to the end of the Nth day after); school days (the end of the Nth school day after, weekends and closed days of the school calendar skipped). */
export const DEADLINE_UNITS = ['hours', 'days', 'school_days'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];
export const NOTIFY_METHODS = ['oral', 'written', 'any'] as const;

const OFFENSE_CODES: ReadonlySet<string> = new Set([...NIBRS_OFFENSES.map((o) => o.code), ...SCHOOL_SAFETY_CATEGORIES.map((c) => `school:${c}`)]);
const offenseCode = z.string().refine((c) => OFFENSE_CODES.has(c), { error: 'must be a NIBRS offense code (e.g. 13A) or school:<category>' });

const ruleFields = {
  key: z.string().regex(/^[a-z0-9_]{2,60}$/, 'must be 2-60 lower-case letters, digits or _').describe('Stable name of the rule; tasks carry it'),
  title: text(200).describe('What the task says, e.g. "Notify the superintendent of the arrest (orally)"'),
  trigger: z.enum(NOTIFY_TRIGGERS, { error: 'must be arrest, citation or referral_law_enforcement' }),
  offenses: z.array(offenseCode).min(1).max(100).nullable().describe('null: any offense; else the incident must record one of these'),
  studentsOnly: z.boolean().describe('Only when the person is a rostered student'),
  notify: z.enum(NOTIFY_WHOM, { error: 'must be superintendent, parent or agency' }),
  method: z.enum(NOTIFY_METHODS),
  deadlineAmount: z.number().int().min(0, 'must not be negative').max(720),
  deadlineUnit: z.enum(DEADLINE_UNITS, { error: 'must be hours, days or school_days' }),
  beforeNextSchoolDay: z.boolean().describe('"or before the next school day, whichever is earlier"'),
  citation: ruleCitation.nullable(),
  active: z.boolean(),
};

/** POST /notification-rules. */
export const notificationRuleBody = z.strictObject({
  ...ruleFields,
  offenses: ruleFields.offenses.default(null),
  studentsOnly: ruleFields.studentsOnly.default(true),
  method: ruleFields.method.default('any'),
  beforeNextSchoolDay: ruleFields.beforeNextSchoolDay.default(false),
  citation: ruleFields.citation.default(null),
  active: ruleFields.active.default(true),
});
export type NotificationRuleBody = z.input<typeof notificationRuleBody>;
/** PATCH /notification-rules/:id: any subset. */
export const updateNotificationRuleBody = z.strictObject(ruleFields).partial();
export type UpdateNotificationRuleBody = z.infer<typeof updateNotificationRuleBody>;

export const notificationRuleSchema = z.object({
  id: z.uuid().nullable().describe('null: a state default the district has not adopted yet'),
  key: z.string(), title: z.string(), trigger: z.enum(NOTIFY_TRIGGERS), offenses: z.array(z.string()).nullable(),
  studentsOnly: z.boolean(), notify: z.enum(NOTIFY_WHOM), method: z.enum(NOTIFY_METHODS), deadlineAmount: z.number().int(),
  deadlineUnit: z.enum(DEADLINE_UNITS), beforeNextSchoolDay: z.boolean(), citation: ruleCitation.nullable(), active: z.boolean(),
});
export type NotificationRule = z.infer<typeof notificationRuleSchema>;
/** A rule as the deadline computation reads it. */
export type NotificationRuleData = Omit<NotificationRule, 'id'>;

export const notificationRuleSetSchema = z.object({
  state: z.string(),
  source: z.enum(['district', 'state_default', 'none']).describe('district: its own rules; state_default: the state set, not adopted yet'),
  rules: z.array(notificationRuleSchema),
});
export type NotificationRuleSet = z.infer<typeof notificationRuleSetSchema>;

/** "24 hours", "7 days", "3 school days" (and "or before the next school day"). */
export function deadlineText(rule: Pick<NotificationRule, 'deadlineAmount' | 'deadlineUnit' | 'beforeNextSchoolDay'>): string {
  const unit = rule.deadlineUnit === 'school_days' ? 'school day' : rule.deadlineUnit === 'days' ? 'day' : 'hour';
  const base = `${rule.deadlineAmount} ${unit}${rule.deadlineAmount === 1 ? '' : 's'}`;
  return rule.beforeNextSchoolDay ? `${base} or before the next school day, whichever is earlier` : base;
}

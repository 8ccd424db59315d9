import type {
  CertificationKind,
  ComplianceStatus,
  DrillCondition,
  DrillStatus,
  DrillType,
  ObserverKind,
  PlanKind,
  RulePeriod,
  RuleStatus,
  SchoolLevel,
} from '@common/preparedness.ts';

// Labels for the preparedness pages. Only types come from @common/preparedness.ts (its values would pull
// zod into the web bundle); the Record types make the compiler catch a value added on the server side.

/** Drill types in the order the forms list them. */
export const DRILL_TYPE_LABELS: Record<DrillType, string> = {
  fire_evacuation: 'Fire / evacuation',
  lockdown: 'Lockdown',
  secure: 'Secure',
  hold: 'Hold',
  shelter_severe_weather: 'Shelter (severe weather)',
  shelter_hazmat: 'Shelter-in-place (hazmat)',
  earthquake: 'Earthquake',
  bus_evacuation: 'Bus evacuation',
  reunification: 'Reunification',
  tabletop: 'Tabletop exercise',
  active_assailant: 'Active assailant',
  bomb_threat: 'Bomb threat',
};

export const DRILL_STATUS_LABELS: Record<DrillStatus, string> = {
  scheduled: 'Scheduled',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const CONDITION_LABELS: Record<DrillCondition, string> = {
  lunch: 'During lunch',
  assembly: 'During an assembly',
  passing_period: 'During a passing period',
  before_school: 'Before school',
  after_school: 'After school',
};

export const OBSERVER_LABELS: Record<ObserverKind, string> = {
  fire_department: 'Fire department',
  law_enforcement: 'Law enforcement',
  emergency_management: 'Emergency management',
  other: 'Other',
};

export const PERIOD_LABELS: Record<RulePeriod, string> = {
  month: 'Each month',
  semester: 'Each semester',
  school_year: 'School year',
  summer_session: 'Summer session',
};

export const LEVEL_LABELS: Record<SchoolLevel, string> = {
  elementary: 'Elementary',
  middle: 'Middle',
  high: 'High',
  k8: 'K-8',
  k12: 'K-12',
  alternative: 'Alternative',
  other: 'Other',
};

export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  eop: 'Emergency operations plan',
  protocol: 'Protocol',
};

export const CERTIFICATION_KIND_LABELS: Record<CertificationKind, string> = {
  basic_sro: 'Basic SRO course (40 h)',
  advanced_sro: 'Advanced SRO course',
  annual_in_service: 'Annual in-service',
  first_aid: 'First aid / CPR',
  other: 'Other certification',
};

type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** Text, tone and a symbol for each rule status: the colour is never the only signal. */
export const STATUS_LOOK: Record<RuleStatus, { label: string; tone: Tone; symbol: string }> = {
  met: { label: 'Met', tone: 'success', symbol: '✓' },
  on_track: { label: 'On track', tone: 'info', symbol: '→' },
  at_risk: { label: 'At risk', tone: 'warning', symbol: '!' },
  missed: { label: 'Missed', tone: 'danger', symbol: '✕' },
  no_minimum: { label: 'No minimum set', tone: 'neutral', symbol: '–' },
  not_applicable: { label: 'Does not apply', tone: 'neutral', symbol: '–' },
};

/** The statuses that judge a rule, worst first (the order of summaries). */
export const JUDGED_STATUSES: readonly ComplianceStatus[] = ['missed', 'at_risk', 'on_track', 'met'];

/** Options of a select built from a label map. */
export function optionsOf<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}

/** The school year a day falls in, by the calendar year it starts in (July 1 starts a new one). */
export function schoolYearOf(day: string): number {
  const year = Number(day.slice(0, 4));
  return Number(day.slice(5, 7)) >= 7 ? year : year - 1;
}

/** "2025-26" for 2025. */
export function schoolYearLabel(year: number): string {
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}

/** The current school year and the few around it, as select options (newest first). */
export function schoolYearOptions(current: number): { value: string; label: string }[] {
  return [current + 1, current, current - 1, current - 2, current - 3].map((y) => ({
    value: String(y),
    label: schoolYearLabel(y),
  }));
}

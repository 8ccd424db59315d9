import type { DrillRule, RuleWindow } from '@common/preparedness.ts';
import { DRILL_TYPE_LABELS, LEVEL_LABELS, OBSERVER_LABELS, PERIOD_LABELS } from '../preparedness/labels.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The name of a month, 1-12. */
export function monthName(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

function monthDay(value: string): string {
  const [m, d] = value.split('-').map(Number);
  return `${monthName(m ?? 1)} ${d ?? 1}`;
}

/** A rule's window in words ("by December 1", "within 90 days of the first day", "in March"). */
export function windowText(window: RuleWindow | null): string {
  if (!window) return 'Anytime in the period';
  if (window.kind === 'days_from_start') return `Within ${window.days} days of the start`;
  if (window.kind === 'month') return `In ${monthName(window.month)}`;
  if (window.from && window.to) return `${monthDay(window.from)} to ${monthDay(window.to)}`;
  if (window.to) return `By ${monthDay(window.to)}`;
  if (window.from) return `From ${monthDay(window.from)}`;
  return 'Anytime in the period';
}

/** One line saying what a rule asks ("At least 2 Fire / evacuation each semester, by December 1"). */
export function ruleSummary(
  rule: Pick<
    DrillRule,
    | 'minCount'
    | 'drillTypes'
    | 'period'
    | 'window'
    | 'minInstructionalDays'
    | 'requiresObserver'
    | 'requiresSecondaryEgress'
    | 'schoolLevels'
  >,
): string {
  const types = rule.drillTypes.map((t) => DRILL_TYPE_LABELS[t]).join(' or ');
  const count = rule.minCount === null ? 'Count not set:' : `At least ${rule.minCount}`;
  const parts = [`${count} ${types}`, PERIOD_LABELS[rule.period].toLowerCase()];
  if (rule.window) parts.push(windowText(rule.window).toLowerCase());
  if (rule.minInstructionalDays) parts.push(`months with ${rule.minInstructionalDays}+ instructional days`);
  if (rule.requiresObserver)
    parts.push(`observed by ${OBSERVER_LABELS[rule.requiresObserver].toLowerCase()}`);
  if (rule.requiresSecondaryEgress) parts.push('using a secondary exit');
  if (rule.schoolLevels) parts.push(rule.schoolLevels.map((l) => LEVEL_LABELS[l]).join(', ') + ' schools');
  return parts.join(', ');
}

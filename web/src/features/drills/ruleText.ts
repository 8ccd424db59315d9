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

/** A rule's window in the words statutes use ("by December 1", "no later than 90 days after the first day"). */
export function windowText(window: RuleWindow | null): string {
  if (!window) return 'Anytime in the period';
  switch (window.kind) {
    case 'days_from_start':
      return `Within the first ${window.days} days (day 1 is the first day)`;
    case 'days_after_start':
      return `No later than ${window.days} days after the first day (day ${window.days} included)`;
    case 'month':
      return `During ${monthName(window.month)}`;
    case 'after_date':
      return `After ${monthDay(window.after)} (that day not included)`;
    case 'dates':
      if (window.from && window.to)
        return `Between ${monthDay(window.from)} and ${monthDay(window.to)}, both included`;
      if (window.to) return `By ${monthDay(window.to)} (that day included)`;
      if (window.from) return `From ${monthDay(window.from)}`;
      return 'Anytime in the period';
  }
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

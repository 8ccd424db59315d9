import type { RulePeriod, RuleWindow } from '../../../common/preparedness.js';
import { AppError } from '../../lib/errors.js';

/** Position of a month-day in a school year that starts in July, for ordering window ends. */
function schoolYearOrder(monthDay: string): number {
  const month = Number(monthDay.slice(0, 2));
  return ((month + 5) % 12) * 100 + Number(monthDay.slice(3, 5));
}

/**
 * Refuses a rule whose parts do not fit: a dates window ending before it starts (school-year order, July
 * first), or a minimum of instructional days on a period other than month.
 */
export function requireValidRule(rule: { period: RulePeriod; window: RuleWindow | null; minInstructionalDays: number | null }): void {
  const w = rule.window;
  if (w?.kind === 'dates') {
    if (!w.from && !w.to) throw new AppError('validation_failed', 'window: a dates window needs from, to or both', { field: 'window.to' });
    if (w.from && w.to && schoolYearOrder(w.to) < schoolYearOrder(w.from)) {
      throw new AppError('validation_failed', 'window.to: the window must not end before it starts', { field: 'window.to' });
    }
  }
  if (rule.minInstructionalDays !== null && rule.period !== 'month') {
    throw new AppError('validation_failed', 'minInstructionalDays: applies to month rules only', { field: 'minInstructionalDays' });
  }
}

import type { NotificationRuleData } from '../../../common/notification-rules.js';
import { addDays, dayIn, endOfDay, startOfDay } from '../../lib/district-time.js';
import { InstructionalDays, isWeekend, type CalendarDays } from '../calendars/calendars.days.js';

// Deadlines of notification rules, in the district's time zone. School days come from the school calendar:
// weekends and closed days are skipped; a day no calendar covers counts when it is a weekday.

const HOUR_MS = 3_600_000;
/** No deadline looks further than this many days for school days (a year and a summer). */
const HORIZON_DAYS = 450;

/** "Is this district day a school day?" from the school's calendars (its own or the district default, any years). */
export function schoolDayTest(calendars: readonly CalendarDays[]): (day: string) => boolean {
  const prepared = calendars.map((c) => new InstructionalDays(c));
  return (day) => {
    const covering = prepared.find((p) => day >= p.calendar.firstDay && day <= p.calendar.lastDay);
    return covering ? covering.isInstructional(day) : !isWeekend(day);
  };
}

/** The first school day after `day`. */
function nextSchoolDay(day: string, isSchoolDay: (day: string) => boolean): string {
  for (let d = addDays(day, 1), n = 0; n < HORIZON_DAYS; d = addDays(d, 1), n++) if (isSchoolDay(d)) return d;
  throw new Error(`no school day within ${HORIZON_DAYS} days after ${day}`);
}

/**
 * When a notification started by an action at `at` is due:
 * - hours: `at` plus N hours (and, with beforeNextSchoolDay, no later than the start of the next school day);
 * - days: the end of the Nth calendar day after the action's district day;
 * - school_days: the end of the Nth school day after the action's district day (0: the end of that day).
 */
export function deadlineOf(
  rule: Pick<NotificationRuleData, 'deadlineAmount' | 'deadlineUnit' | 'beforeNextSchoolDay'>, at: Date, timeZone: string,
  isSchoolDay: (day: string) => boolean,
): Date {
  const day = dayIn(timeZone, at);
  let due: Date;
  if (rule.deadlineUnit === 'hours') {
    due = new Date(at.getTime() + rule.deadlineAmount * HOUR_MS);
  } else if (rule.deadlineUnit === 'days') {
    due = endOfDay(addDays(day, rule.deadlineAmount), timeZone);
  } else {
    let d = day;
    for (let n = 0; n < rule.deadlineAmount; n++) d = nextSchoolDay(d, isSchoolDay);
    due = endOfDay(d, timeZone);
  }
  if (rule.beforeNextSchoolDay) {
    const next = startOfDay(nextSchoolDay(day, isSchoolDay), timeZone);
    if (next < due) due = next;
  }
  return due;
}

/** True when a rule applies to an action: its trigger, an active rule, a student when it asks for one, one of its offenses. */
export function ruleMatches(
  rule: Pick<NotificationRuleData, 'trigger' | 'offenses' | 'studentsOnly' | 'active'>,
  action: { kind: string; isStudent: boolean }, offenseKeys: readonly string[],
): boolean {
  return rule.active && rule.trigger === action.kind && (!rule.studentsOnly || action.isStudent)
    && (rule.offenses === null || rule.offenses.some((o) => offenseKeys.includes(o)));
}

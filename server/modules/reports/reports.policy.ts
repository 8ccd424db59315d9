import type { ReportCadence, ReportKind } from '../../../common/reports.js';
import type { Permission } from '../../../common/permissions.js';
import { addDays, dayIn, instantOf, monthStart, weekdayOf } from '../../lib/district-time.js';

/** When a subscription is sent: cadence, its day and the district wall-clock time. */
export interface Schedule {
  cadence: ReportCadence;
  dayOfWeek: number | null;
  dayOfMonth: number | null;
  timeOfDay: string;
}

/** The permission a report needs (the activity report also needs to see that SRO's log). */
export const REPORT_PERMISSION: Record<ReportKind, Permission> = {
  dashboard: 'analytics.read', equity: 'analytics.equity', crdc: 'report.export', activity: 'activity.read',
};

/** True when the district day `day` is a send day of the schedule. */
function isSendDay(s: Schedule, day: string): boolean {
  return s.cadence === 'weekly' ? weekdayOf(day) === s.dayOfWeek : Number(day.slice(8, 10)) === s.dayOfMonth;
}

/**
 * The first send instant strictly after `after`: the schedule's day at its wall-clock time in `timeZone`
 * (DST-safe through `instantOf`; a time skipped by spring-forward moves forward). Periods missed while the
 * server was down collapse into this one: a subscription is sent at most once per period.
 */
export function nextDueAfter(s: Schedule, after: Date, timeZone: string): Date {
  let day = dayIn(timeZone, after);
  for (let i = 0; i < 70; i++, day = addDays(day, 1)) {
    if (!isSendDay(s, day)) continue;
    const at = instantOf(day, timeZone, s.timeOfDay);
    if (at.getTime() > after.getTime()) return at;
  }
  throw new Error('no send day within 70 days');
}

/**
 * The days a send at `due` covers (district days, inclusive): weekly the 7 days before the send day, monthly
 * the calendar month before it. `month` is that month for the activity report (YYYY-MM).
 */
export function periodOf(cadence: ReportCadence, due: Date, timeZone: string): { from: string; to: string; month: string } {
  const day = dayIn(timeZone, due);
  if (cadence === 'weekly') {
    const from = addDays(day, -7);
    return { from, to: addDays(day, -1), month: from.slice(0, 7) };
  }
  const to = addDays(monthStart(day), -1);
  return { from: monthStart(to), to, month: to.slice(0, 7) };
}

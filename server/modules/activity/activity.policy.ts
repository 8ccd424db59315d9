import { MAX_ACTIVITY_MINUTES, TRIAD_ROLES, type TriadRole } from '../../../common/activity.js';
import type { HourPeriod, MinutesByRole } from '../../../common/activity-log.js';
import { canAtSchool, scopeOf, type Actor } from '../../auth/access.js';
import { AppError } from '../../lib/errors.js';
import { supervises, type SroInfo } from '../certifications/certifications.policy.js';

function invalid(field: string, message: string): AppError {
  return new AppError('validation_failed', `${field}: ${message}`, { field });
}

/**
 * True when the actor may see the SRO's activity log: their own; a supervisor's SROs (as for certifications);
 * and the SROs serving a school where the actor reviews logs (activity.read of a role other than sro: administrators,
 * the district director). An SRO's own grant shows them their own log only, never a colleague's.
 */
export function seesLogOf(actor: Actor, sro: SroInfo): boolean {
  if (sro.id === actor.userId || supervises(actor, sro)) return true;
  const reviewer: Actor = { ...actor, grants: actor.grants.filter((g) => g.role !== 'sro') };
  if (scopeOf(reviewer, 'activity.read').all) return true;
  return !sro.districtWide && sro.schoolIds.some((s) => canAtSchool(reviewer, 'activity.read', s));
}

/**
 * The minutes of an entry typed by hand from `durationMinutes` or `endedAt` (one of them): an end before the
 * start or more than 24 h after it is a 400 naming endedAt.
 */
export function minutesOf(startedAt: Date, input: { durationMinutes?: number; endedAt?: string }): number {
  if (input.durationMinutes !== undefined && input.endedAt !== undefined) throw invalid('endedAt', 'give durationMinutes or endedAt, not both');
  if (input.durationMinutes !== undefined) return input.durationMinutes;
  if (input.endedAt === undefined) throw invalid('durationMinutes', 'give the duration (or endedAt)');
  const minutes = Math.round((Date.parse(input.endedAt) - startedAt.getTime()) / 60_000);
  if (minutes < 1) throw invalid('endedAt', 'must be after startedAt');
  if (minutes > MAX_ACTIVITY_MINUTES) throw invalid('endedAt', 'must be at most 24 h after startedAt');
  return minutes;
}

/** Minutes per triad role, every role present. */
export function emptyMinutes(): MinutesByRole {
  return { law_enforcement: 0, mentoring: 0, education: 0 };
}

/** Adds minutes to a role's total (unknown roles are ignored: the column is free text). */
export function addMinutes(to: MinutesByRole, role: string, minutes: number): void {
  if ((TRIAD_ROLES as readonly string[]).includes(role)) to[role as TriadRole] += minutes;
}

/** The sum of a by-role record. */
export function totalOf(m: MinutesByRole): number {
  return m.law_enforcement + m.mentoring + m.education;
}

/** Today in a time zone, as YYYY-MM-DD. */
export function dayIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

const DAY_MS = 86_400_000;
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** The first day of the week (Monday) or month that `day` falls in. */
export function periodStart(period: HourPeriod, day: string): string {
  if (period === 'month') return `${day.slice(0, 7)}-01`;
  const weekday = (new Date(msOf(day)).getUTCDay() + 6) % 7;
  return toDay(msOf(day) - weekday * DAY_MS);
}

/** The first day of the next period after the one starting on `start`. */
export function nextPeriod(period: HourPeriod, start: string): string {
  if (period === 'week') return toDay(msOf(start) + 7 * DAY_MS);
  const d = new Date(msOf(start));
  return toDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}

/** Every period start from the period of `from` up to the period of `to`. */
export function periodStarts(period: HourPeriod, from: string, to: string): string[] {
  const starts: string[] = [];
  for (let s = periodStart(period, from); s <= to; s = nextPeriod(period, s)) starts.push(s);
  return starts;
}

/** The default `from` of the hours view: 12 periods back, the current one included. */
export function defaultFrom(period: HourPeriod, to: string): string {
  let s = periodStart(period, to);
  for (let i = 0; i < 11; i++) {
    s = period === 'week' ? toDay(msOf(s) - 7 * DAY_MS) : periodStart('month', toDay(msOf(s) - DAY_MS));
  }
  return s;
}

/** Checks an hours range: `to` not before `from`, at most about three years. */
export function checkRange(from: string, to: string): void {
  if (to < from) throw invalid('to', 'must not be before from');
  if (msOf(to) - msOf(from) > 3 * 366 * DAY_MS) throw invalid('from', 'the range may span at most three years');
}

/** The first and last day of a month given as YYYY-MM, and the first day of the next month. */
export function monthRange(month: string): { from: string; to: string; next: string } {
  const from = `${month}-01`;
  const next = nextPeriod('month', from);
  return { from, to: toDay(msOf(next) - DAY_MS), next };
}

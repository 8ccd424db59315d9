import type { DateRange } from '../../../common/preparedness.js';

// Days are ISO strings (YYYY-MM-DD) handled as UTC midnights: a school day has no time zone.

const DAY_MS = 86_400_000;

/** Milliseconds of UTC midnight of an ISO day. */
function ms(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

/** The ISO day of a UTC timestamp. */
function iso(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** `day` moved by `n` days. */
export function addDays(day: string, n: number): string {
  return iso(ms(day) + n * DAY_MS);
}

/** Days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((ms(b) - ms(a)) / DAY_MS);
}

/** True on Saturdays and Sundays. */
export function isWeekend(day: string): boolean {
  const wd = new Date(ms(day)).getUTCDay();
  return wd === 0 || wd === 6;
}

/** The last day of the month of `year`-`month` (1-12). */
export function lastOfMonth(year: number, month: number): string {
  return iso(Date.UTC(year, month, 0));
}

/** A real day of `year` for month and day, clamped to the month's end (02-29 in a common year is 02-28). */
export function dayOf(year: number, month: number, dayOfMonth: number): string {
  const last = Number(lastOfMonth(year, month).slice(8, 10));
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(dayOfMonth, last)).padStart(2, '0')}`;
}

/** The later of two days. */
export const maxDay = (a: string, b: string): string => (a > b ? a : b);
/** The earlier of two days. */
export const minDay = (a: string, b: string): string => (a < b ? a : b);

/** The calendar fields the instructional-day arithmetic needs. */
export interface CalendarDays {
  firstDay: string;
  lastDay: string;
  closedDays: DateRange[];
}

/** A calendar prepared for repeated questions: which days of the year are instructional. */
export class InstructionalDays {
  private readonly closed = new Set<string>();
  /** Instructional days per month key (YYYY-MM). */
  readonly byMonth = new Map<string, number>();
  /** Instructional days of the whole year. */
  readonly total: number;

  constructor(readonly calendar: CalendarDays) {
    for (const range of calendar.closedDays) {
      for (let d = range.start; d <= range.end; d = addDays(d, 1)) this.closed.add(d);
    }
    let total = 0;
    for (let d = calendar.firstDay; d <= calendar.lastDay; d = addDays(d, 1)) {
      if (!this.isInstructional(d)) continue;
      total += 1;
      const key = d.slice(0, 7);
      this.byMonth.set(key, (this.byMonth.get(key) ?? 0) + 1);
    }
    this.total = total;
  }

  /** True for a weekday from first to last day that is not closed. */
  isInstructional(day: string): boolean {
    return day >= this.calendar.firstDay && day <= this.calendar.lastDay && !isWeekend(day) && !this.closed.has(day);
  }

  /** Instructional days from `start` to `end`, inclusive. */
  between(start: string, end: string): number {
    let n = 0;
    for (let d = start; d <= end; d = addDays(d, 1)) if (this.isInstructional(d)) n += 1;
    return n;
  }
}

import { MAX_OCCURRENCES, type MeetingRecurrence } from '../../../common/meetings.js';
import { AppError } from '../../lib/errors.js';

interface Wall { year: number; month: number; day: number; hour: number; minute: number }

function wallOf(date: Date, timeZone: string): Wall {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
  }).formatToParts(date).map((p) => [p.type, Number(p.value)]));
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute! };
}

/** The instant a wall-clock time of the zone stands for (the later one when a DST change repeats it). */
function instantOf(w: Wall, timeZone: string): Date {
  const guess = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  let result = guess;
  // Two rounds settle the zone offset on either side of a DST change.
  for (let i = 0; i < 2; i++) {
    const seen = wallOf(new Date(result), timeZone);
    const offset = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute) - result;
    result = guess - offset;
  }
  return new Date(result);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The start times of a series: from `first`, every week, two weeks or month at the same wall-clock time of the
 * district's zone (a 3:30 PM meeting stays at 3:30 PM across DST), up to the end of `until` (a day in the zone),
 * at most MAX_OCCURRENCES. A monthly series started on the 31st meets on the last day of shorter months.
 */
export function occurrences(first: Date, recurrence: MeetingRecurrence, until: string, timeZone: string): Date[] {
  const start = wallOf(first, timeZone);
  const out: Date[] = [];
  for (let n = 0; out.length < MAX_OCCURRENCES; n++) {
    let wall: Wall;
    if (recurrence === 'monthly') {
      const months = start.month - 1 + n;
      const year = start.year + Math.floor(months / 12);
      const month = (months % 12) + 1;
      wall = { ...start, year, month, day: Math.min(start.day, daysInMonth(year, month)) };
    } else {
      const step = recurrence === 'weekly' ? 7 : 14;
      const d = new Date(Date.UTC(start.year, start.month - 1, start.day + n * step));
      wall = { ...start, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    }
    const day = `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
    if (day > until) break;
    out.push(instantOf(wall, timeZone));
  }
  return out;
}

/** The day (YYYY-MM-DD) of an instant in the zone. */
export function dayIn(date: Date, timeZone: string): string {
  const w = wallOf(date, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** A series' last day: the one given (not before the first meeting, 400 naming until), or a year on. */
export function untilOf(first: Date, until: string | undefined, timeZone: string): string {
  const firstDay = dayIn(first, timeZone);
  if (until === undefined) return `${Number(firstDay.slice(0, 4)) + 1}${firstDay.slice(4)}`;
  if (until < firstDay) throw new AppError('validation_failed', 'until: must not be before the first meeting', { field: 'until' });
  return until;
}

import { eq } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { districts } from '../db/schema/organization.js';
import type { Clock } from './clock.js';

// A "day" (YYYY-MM-DD) is a wall-calendar day of the district: a drill dated 2026-11-02 happened on the
// district's 2 November, whatever the server's TZ. Instants become days only through `dayIn` (Intl, so
// DST-safe); days become instants only through `startOfDay`. Arithmetic on days is on the calendar
// (UTC midnights used as plain numbers), never on instants, so a 23- or 25-hour day changes nothing.

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** One cached formatter per zone (creating Intl formatters is the expensive part). */
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock of `at` in `timeZone`. */
export function wallOf(at: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = partsFormatter(timeZone).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The district day (YYYY-MM-DD) of the instant `at`. */
export function dayIn(timeZone: string, at: Date): string {
  const w = wallOf(at, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** Offset of the zone's wall clock from UTC at `at`, in milliseconds (east positive). */
function offsetAt(at: number, timeZone: string): number {
  const w = wallOf(new Date(at), timeZone);
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wall - Math.floor(at / 1000) * 1000;
}

/** Calendar number of a day (UTC midnight), for arithmetic only. */
const msOf = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const isoOf = (t: number) => {
  const d = new Date(t);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

/** The instant a wall-clock time of `day` (default midnight) happens in `timeZone`; a wall time skipped by DST moves forward. */
export function instantOf(day: string, timeZone: string, time = '00:00'): Date {
  const [h, m] = time.split(':').map(Number);
  const wall = msOf(day) + (h! * 60 + m!) * 60_000;
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  const matches = (t: number) => wall === t + offsetAt(t, timeZone);
  if (matches(second)) return new Date(second);
  if (matches(first)) return new Date(first);
  // In a spring-forward gap neither exists: the later candidate is the wall time moved forward by the gap.
  return new Date(Math.max(first, second));
}

/** The first instant of `day` in `timeZone` (midnight, or the first wall time after a DST gap). */
export function startOfDay(day: string, timeZone: string): Date {
  return instantOf(day, timeZone);
}

/** The first instant after `day` in `timeZone`: the end (exclusive) of the day. */
export function endOfDay(day: string, timeZone: string): Date {
  return startOfDay(addDays(day, 1), timeZone);
}

/** `day` moved by `n` calendar days. */
export function addDays(day: string, n: number): string {
  return isoOf(msOf(day) + n * DAY_MS);
}

/** Calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((msOf(b) - msOf(a)) / DAY_MS);
}

/** Day of the week of a calendar day: 0 Sunday .. 6 Saturday. */
export function weekdayOf(day: string): number {
  return new Date(msOf(day)).getUTCDay();
}

/** The first day of the month of `day`. */
export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the month after the month of `day`. */
export function nextMonthStart(day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return m === 12 ? `${pad(y + 1, 4)}-01-01` : `${pad(y, 4)}-${pad(m + 1)}-01`;
}

/** "7 Dec 2026, 14:05" in the district's zone, for PDFs and e-mail (with the zone's short name). */
export function formatDateTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone, year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short',
  }).format(at);
}

/** "December 7, 2026" for a calendar day (no zone: a day is already the district's). */
export function formatDay(day: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(msOf(day)));
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The clock of one district: "now", "today" and day boundaries in its zone. */
export interface DistrictTime {
  readonly timeZone: string;
  now(): Date;
  /** Today in the district, YYYY-MM-DD. */
  today(): string;
  /** The district day of an instant. */
  dayOf(at: Date): string;
  startOfDay(day: string): Date;
  endOfDay(day: string): Date;
}

/** The district clock for a zone and a source of "now". */
export function districtTime(timeZone: string, clock: Clock): DistrictTime {
  return {
    timeZone,
    now: () => clock.now(),
    today: () => dayIn(timeZone, clock.now()),
    dayOf: (at) => dayIn(timeZone, at),
    startOfDay: (day) => startOfDay(day, timeZone),
    endOfDay: (day) => endOfDay(day, timeZone),
  };
}

/** What a request knows that fixes its clock: the signed-in user's district zone and the app's clock. */
export interface TimeContext {
  clock: Clock;
  actor: { timeZone: string };
}

/** The district clock of a request. */
export function timeOf(ctx: TimeContext): DistrictTime {
  return districtTime(ctx.actor.timeZone, ctx.clock);
}

/** Today in the caller's district, YYYY-MM-DD. */
export function todayOf(ctx: TimeContext): string {
  return dayIn(ctx.actor.timeZone, ctx.clock.now());
}

/** The district's zone, for work without a signed-in user (sweeps, reminders, feeds). */
export async function districtTimeZone(db: Db, districtId: string): Promise<string> {
  const [row] = await db.select({ tz: districts.timezone }).from(districts).where(eq(districts.id, districtId));
  return row?.tz ?? 'UTC';
}

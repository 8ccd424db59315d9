import { displayTimeZone, districtDayOf } from './zone.ts';
// Local date and time helpers for the daily-operations pages: inputs of type datetime-local speak the
// viewer's wall clock, the API speaks ISO instants.

const pad = (n: number) => String(n).padStart(2, '0');

/** A Date as the value of an <input type="datetime-local"> (local wall clock, minutes). */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The value of a datetime-local input as an ISO instant; empty or invalid text gives ''. */
export function fromLocalInput(value: string): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** A Date as YYYY-MM-DD in the viewer's time zone. */
export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The Monday (YYYY-MM-DD) of the week holding `day` (YYYY-MM-DD). */
export function weekStartOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  const offset = (date.getDay() + 6) % 7;
  date.setDate(date.getDate() - offset);
  return isoDay(date);
}

/** `day` (YYYY-MM-DD) moved by `days`. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days);
  return isoDay(date);
}

/** The current month as YYYY-MM on the district's calendar. */
export function thisMonth(): string {
  return districtDayOf().slice(0, 7);
}

/** `month` (YYYY-MM) moved by `months`. */
export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number);
  const date = new Date(y ?? 1970, (m ?? 1) - 1 + months, 1);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
}

const monthFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'long' });

/** "November 2026" for 2026-11. */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return monthFormat.format(new Date(y, m - 1, 1));
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

/** The time of an instant ("2:05 PM") in the viewer's time zone. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const zone = displayTimeZone();
  return zone ? new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', timeZone: zone }).format(date) : timeFormat.format(date);
}

/** Minutes as "1 h 30 min", "45 min" or "2 h". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Minutes as decimal hours with one digit ("7.5"). */
export function hoursOf(minutes: number): string {
  return (minutes / 60).toFixed(1);
}

/** Whole days from `from` to `to` (YYYY-MM-DD or instants), counted on calendar days. */
export function daysBetween(from: string, to: string): number {
  const day = (v: string) => {
    const local = v.length > 10 ? isoDay(new Date(v)) : v;
    const [y, m, d] = local.split('-').map(Number);
    return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  };
  return Math.round((day(to) - day(from)) / 86_400_000);
}

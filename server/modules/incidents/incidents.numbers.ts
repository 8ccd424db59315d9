import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { districts } from '../../db/schema/index.js';

const HOUR = 60 * 60 * 1000;

/** The calendar year of `at` in the district's time zone (a report filed late on 31 December keeps its year). */
export async function districtYear(db: Db, districtId: string, at: Date): Promise<{ year: number; timezone: string }> {
  const [row] = await db.select({ timezone: districts.timezone }).from(districts).where(eq(districts.id, districtId));
  const timezone = row?.timezone ?? 'UTC';
  return { year: yearIn(timezone, at), timezone };
}

/** The calendar year of `at` in `timezone`. */
export function yearIn(timezone: string, at: Date): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone: timezone, year: 'numeric' }).format(at));
}

/** An incident number as printed: 2026-000123. */
export function formatNumber(year: number, value: number): string {
  return `${year}-${String(value).padStart(6, '0')}`;
}

/** A call number as printed: C-2026-000045. */
export function formatCallNumber(year: number, value: number): string {
  return `C-${formatNumber(year, value)}`;
}

/**
 * The notification deadlines a student's arrest starts (Texas CCP 15.27 style, see standards.md): the
 * superintendent told orally within 24 hours, in writing within 7 days.
 */
export function notificationTasks(arrestAt: Date) {
  return [
    { rule: 'superintendent_oral_24h' as const, title: 'Notify the superintendent of the student\'s arrest (orally, within 24 hours)', dueAt: new Date(arrestAt.getTime() + 24 * HOUR) },
    { rule: 'superintendent_written_7d' as const, title: 'Send the superintendent written notice of the arrest (within 7 days)', dueAt: new Date(arrestAt.getTime() + 7 * 24 * HOUR) },
  ];
}

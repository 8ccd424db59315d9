import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { districts } from '../../db/schema/index.js';

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

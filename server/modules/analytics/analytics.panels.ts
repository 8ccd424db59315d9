import type { ColumnKind, Panel } from '../../../common/analytics.js';

// Builders of dashboard panels: a panel is a table (columns and rows) with a chart kind and, per row, a link to
// the records behind it.

/** A panel from its columns (key, label, kind) and rows with their links. */
export function panel(
  id: string, title: string, description: string, chart: Panel['chart'],
  columns: [string, string, ColumnKind][], rows: { row: Record<string, string | number | null>; link: string | null }[],
): Panel {
  return {
    id, title, description, chart,
    columns: columns.map(([key, label, kind]) => ({ key, label, kind })),
    rows: rows.map((r) => r.row),
    links: rows.map((r) => r.link),
  };
}

/** The same calendar day a number of years away (29 February becomes 28 February). */
export function shiftYear(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The months (YYYY-MM) from the month of `from` to the month of `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return months;
}

/** How many rows a chart draws, and what the table says when there are more. */
export const CHART_ROWS_NOTE = {
  rows: 25,
  text: 'The chart shows the first 25 rows; the table lists them all.',
};

/** The school year (its starting calendar year) a day falls in: July to June. */
export function schoolYearOfDay(day: string): number {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return m >= 7 ? y : y - 1;
}

/** The first and last day of a school year. */
export function schoolYearRange(year: number): { from: string; to: string } {
  return { from: `${year}-07-01`, to: `${year + 1}-06-30` };
}

/** "2025-26" */
export function schoolYearName(year: number): string {
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}

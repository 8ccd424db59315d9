/** The median of numbers (the mean of the middle two for an even count); 0 when a round measured nothing. */
export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The p-quantile (0..1) of an ascending list by the nearest-rank rule; 0 when the list is empty. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

/** A number rounded to `digits` decimals, for reports. */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** True when the benchmark runs in its short form (`--quick`). */
export function isQuick(): boolean {
  return process.argv.includes('--quick');
}

/** Prints the figures as the last line: one JSON object, for tools that collect results. */
export function printFigures(figures: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

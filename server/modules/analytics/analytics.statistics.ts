// Rates, relative rate indexes and their confidence intervals, and small-cell suppression: the arithmetic of the
// equity page, kept pure so each figure is checked against worked examples.
//
// Definitions (OJJDP Disproportionate Minority Contact Technical Assistance Manual, 4th ed., ch. 1; Katz et al.,
// "Obtaining confidence intervals for the risk ratio in cohort studies", Biometrics 34 (1978) 469-474):
//   rate per 1,000  = 1000 * events / population
//   relative rate   = rate of the group / rate of the comparison group (here: every other student)
//   95% interval    = exp(ln RR ± 1.96 * sqrt(1/a - 1/n1 + 1/c - 1/n2)), a and c the events, n1 and n2 the populations.

/** z of a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/** Events per 1,000 of the population; null when there is no population. */
export function ratePer1000(events: number, population: number): number | null {
  if (population <= 0) return null;
  return (1000 * events) / population;
}

/** A relative rate with its 95% confidence interval (Katz log method). */
export interface RelativeRate {
  rri: number | null;
  low: number | null;
  high: number | null;
}

/**
 * The relative rate of a group (a events in n1) against its comparison (c events in n2). No index exists when
 * either rate is zero or undefined; no interval when an event count is zero (the log method needs a, c > 0).
 */
export function relativeRate(a: number, n1: number, c: number, n2: number): RelativeRate {
  if (n1 <= 0 || n2 <= 0 || a <= 0 || c <= 0) return { rri: null, low: null, high: null };
  const rri = (a / n1) / (c / n2);
  const se = Math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n2);
  return { rri, low: Math.exp(Math.log(rri) - Z95 * se), high: Math.exp(Math.log(rri) + Z95 * se) };
}

/**
 * True when a count must not be shown: fewer than `minimum` (but more than zero) could identify a student. Zero is
 * shown, since "none" identifies nobody; the population of a group under the minimum suppresses its rates too.
 */
export function suppressed(count: number, minimum: number): boolean {
  return count > 0 && count < minimum;
}

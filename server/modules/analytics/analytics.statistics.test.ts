import { describe, expect, it } from 'vitest';
import { ratePer1000, relativeRate, suppressed } from './analytics.statistics.js';

describe('equity statistics', () => {
  it('a rate is events per 1,000 of the population, none without a population', () => {
    expect(ratePer1000(12, 4000)).toBe(3);
    expect(ratePer1000(0, 4000)).toBe(0);
    expect(ratePer1000(3, 0)).toBeNull();
  });

  // Worked by hand with the OJJDP manual's method: 300 arrests among 10,000 students of a group (30 per 1,000)
  // against 300 among the other 30,000 (10 per 1,000) give an index of 3.00.
  it('30 per 1,000 against 10 per 1,000 is a relative rate of 3.00 with its log interval', () => {
    const r = relativeRate(300, 10_000, 300, 30_000);
    expect(r.rri).toBeCloseTo(3, 10);
    // By hand: se = sqrt(1/300 - 1/10000 + 1/300 - 1/30000) = 0.080829; exp(ln 3 ± 1.96 se) = 2.5605 .. 3.5150.
    expect(r.low).toBeCloseTo(2.5605, 3);
    expect(r.high).toBeCloseTo(3.5150, 3);
  });

  // Katz et al. (1978): the log interval is not symmetric around the ratio; a small group gives a wide interval.
  it('a small group gets a wide interval that still contains its index', () => {
    const r = relativeRate(4, 200, 40, 8000);
    expect(r.rri).toBeCloseTo(4, 10);
    expect(r.low!).toBeLessThan(4);
    expect(r.high!).toBeGreaterThan(4);
    expect(r.high! - 4).toBeGreaterThan(4 - r.low!);
    // se = sqrt(1/4 - 1/200 + 1/40 - 1/8000) = 0.519495; exp(ln 4 ± 1.96 se) = 1.4450 .. 11.0727.
    expect(r.low).toBeCloseTo(1.4450, 3);
    expect(r.high).toBeCloseTo(11.0727, 3);
  });

  it('no index when either group has no events or no population', () => {
    expect(relativeRate(0, 100, 5, 100)).toEqual({ rri: null, low: null, high: null });
    expect(relativeRate(5, 100, 0, 100)).toEqual({ rri: null, low: null, high: null });
    expect(relativeRate(5, 0, 5, 100)).toEqual({ rri: null, low: null, high: null });
  });

  it('counts from 1 to the minimum minus one are suppressed; zero and the minimum are shown', () => {
    expect(suppressed(0, 10)).toBe(false);
    expect(suppressed(1, 10)).toBe(true);
    expect(suppressed(9, 10)).toBe(true);
    expect(suppressed(10, 10)).toBe(false);
  });
});

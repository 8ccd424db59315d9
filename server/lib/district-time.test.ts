import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { addDays, dayIn, districtTime, endOfDay, instantOf, nextMonthStart, startOfDay, weekdayOf } from './district-time.js';

// These run under TZ=UTC, America/Chicago and Pacific/Auckland (scripts/test.mjs, tier "clock"): nothing
// here may depend on the process zone.

describe('district time', () => {
  it.each([
    ['23:30 in Chicago is still that day there, though UTC has moved on', '2025-11-11T05:30:00Z', 'America/Chicago', '2025-11-10'],
    ['00:30 in Chicago is the new day there', '2025-11-11T06:30:00Z', 'America/Chicago', '2025-11-11'],
    ['23:30 in Auckland is a day ahead of UTC', '2025-11-10T10:30:00Z', 'Pacific/Auckland', '2025-11-10'],
    ['00:30 in Auckland', '2025-11-10T11:30:00Z', 'Pacific/Auckland', '2025-11-11'],
  ])('%s', (_name, at, zone, day) => {
    expect(dayIn(zone, new Date(at))).toBe(day);
    expect(districtTime(zone, new ManualClock(new Date(at))).today()).toBe(day);
  });

  it('starts a day at local midnight, across both DST changes (23- and 25-hour days)', () => {
    expect(startOfDay('2026-03-08', 'America/Chicago').toISOString()).toBe('2026-03-08T06:00:00.000Z');
    expect(endOfDay('2026-03-08', 'America/Chicago').toISOString()).toBe('2026-03-09T05:00:00.000Z');
    expect(startOfDay('2026-11-01', 'America/Chicago').toISOString()).toBe('2026-11-01T05:00:00.000Z');
    expect(endOfDay('2026-11-01', 'America/Chicago').toISOString()).toBe('2026-11-02T06:00:00.000Z');
    expect(startOfDay('2026-04-05', 'Pacific/Auckland').toISOString()).toBe('2026-04-04T11:00:00.000Z');
  });

  it('places a wall time skipped by the spring-forward gap after the gap', () => {
    expect(instantOf('2026-03-08', 'America/Chicago', '02:30').toISOString()).toBe('2026-03-08T08:30:00.000Z');
    expect(instantOf('2026-07-01', 'America/Chicago', '23:30').toISOString()).toBe('2026-07-02T04:30:00.000Z');
  });

  it('does calendar arithmetic without instants (month and year ends, leap day, weekdays)', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-08', -1)).toBe('2026-03-07');
    expect(nextMonthStart('2025-12-15')).toBe('2026-01-01');
    expect(weekdayOf('2026-12-07')).toBe(1);
  });
});

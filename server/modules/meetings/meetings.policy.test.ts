import { describe, expect, it } from 'vitest';
import { occurrences, untilOf } from './meetings.policy.js';

const iso = (ds: Date[]) => ds.map((d) => d.toISOString());

describe('meeting recurrence', () => {
  it('keeps a weekly meeting at the same local time across the end of daylight saving time', () => {
    // 3:30 PM in Chicago: CDT (UTC-5) until Nov 2 2025, CST (UTC-6) after.
    expect(iso(occurrences(new Date('2025-10-27T20:30:00Z'), 'weekly', '2025-11-10', 'America/Chicago'))).toEqual([
      '2025-10-27T20:30:00.000Z', '2025-11-03T21:30:00.000Z', '2025-11-10T21:30:00.000Z',
    ]);
  });

  it('meets every two weeks, and monthly on the last day of shorter months', () => {
    expect(occurrences(new Date('2025-09-01T14:00:00Z'), 'biweekly', '2025-09-30', 'UTC')).toHaveLength(3);
    expect(iso(occurrences(new Date('2026-01-31T14:00:00Z'), 'monthly', '2026-04-30', 'UTC'))).toEqual([
      '2026-01-31T14:00:00.000Z', '2026-02-28T14:00:00.000Z', '2026-03-31T14:00:00.000Z', '2026-04-30T14:00:00.000Z',
    ]);
  });

  it('defaults to a year and caps the count; an end before the start is 400 naming until', () => {
    expect(untilOf(new Date('2025-09-01T14:00:00Z'), undefined, 'UTC')).toBe('2026-09-01');
    expect(occurrences(new Date('2025-09-01T14:00:00Z'), 'weekly', '2027-09-01', 'UTC')).toHaveLength(60);
    expect(() => untilOf(new Date('2025-09-01T14:00:00Z'), '2025-08-01', 'UTC')).toThrow(/until/);
  });
});

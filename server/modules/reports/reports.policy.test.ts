import { describe, expect, it } from 'vitest';
import { nextDueAfter, periodOf, type Schedule } from './reports.policy.js';

const TZ = 'America/Chicago';
const weekly = (dayOfWeek: number, timeOfDay: string): Schedule => ({ cadence: 'weekly', dayOfWeek, dayOfMonth: null, timeOfDay });

describe('send times in district time', () => {
  it('takes the next send day at the wall-clock time, strictly after the instant', () => {
    expect(nextDueAfter(weekly(1, '07:00'), new Date('2025-11-17T12:59:59Z'), TZ).toISOString()).toBe('2025-11-17T13:00:00.000Z');
    expect(nextDueAfter(weekly(1, '07:00'), new Date('2025-11-17T13:00:00Z'), TZ).toISOString()).toBe('2025-11-24T13:00:00.000Z');
  });

  it('follows daylight saving time: 07:00 stays 07:00 local, a skipped time moves forward', () => {
    expect(nextDueAfter(weekly(1, '07:00'), new Date('2026-03-03T00:00:00Z'), TZ).toISOString()).toBe('2026-03-09T12:00:00.000Z');
    expect(nextDueAfter(weekly(0, '02:30'), new Date('2026-03-03T00:00:00Z'), TZ).toISOString()).toBe('2026-03-08T08:30:00.000Z');
  });

  it('a district day late at night UTC is still the district\'s day', () => {
    // 23:30 on Sunday 30 November in Chicago is Monday 05:30 UTC: the Sunday send is that evening.
    expect(nextDueAfter(weekly(0, '23:30'), new Date('2025-11-30T12:00:00Z'), TZ).toISOString()).toBe('2025-12-01T05:30:00.000Z');
  });

  it('covers the 7 days before a weekly send and the month before a monthly one', () => {
    expect(periodOf('weekly', new Date('2025-11-17T13:00:00Z'), TZ)).toEqual({ from: '2025-11-10', to: '2025-11-16', month: '2025-11' });
    expect(periodOf('monthly', new Date('2026-01-01T06:30:00Z'), TZ)).toEqual({ from: '2025-12-01', to: '2025-12-31', month: '2025-12' });
    expect(nextDueAfter({ cadence: 'monthly', dayOfWeek: null, dayOfMonth: 28, timeOfDay: '00:00' }, new Date('2026-02-28T07:00:00Z'), TZ).toISOString())
      .toBe('2026-03-28T05:00:00.000Z');
  });
});

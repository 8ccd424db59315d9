import { describe, expect, it } from 'vitest';
import type { NotificationRuleData } from '../../../common/notification-rules.js';
import { deadlineOf, ruleMatches, schoolDayTest } from './notification-rules.policy.js';

// Deadlines worked by hand on a 2026-27 calendar: first day Wed 2026-08-12, last day Fri 2027-05-28, closed
// Veterans Day Wed 2026-11-11 and Thanksgiving week Mon 11-23 .. Fri 11-27. Chicago is UTC-5 (CDT) until
// Sunday 2026-11-01 02:00 and UTC-6 (CST) after; a day ends at the next local midnight.
const calendar = {
  firstDay: '2026-08-12', lastDay: '2027-05-28',
  closedDays: [{ start: '2026-11-11', end: '2026-11-11' }, { start: '2026-11-23', end: '2026-11-27' }],
};
const isSchoolDay = schoolDayTest([calendar]);
type Deadline = Pick<NotificationRuleData, 'deadlineAmount' | 'deadlineUnit' | 'beforeNextSchoolDay'>;
const rule = (deadlineAmount: number, deadlineUnit: Deadline['deadlineUnit'], beforeNextSchoolDay = false): Deadline => ({ deadlineAmount, deadlineUnit, beforeNextSchoolDay });

const CASES: [string, Deadline, string, string, string][] = [
  // what, rule, action at (UTC), zone, due (UTC)
  ['24 h on a Friday morning: Saturday, earlier than Monday', rule(24, 'hours', true), '2026-11-06T16:00:00Z', 'America/Chicago', '2026-11-07T16:00:00.000Z'],
  ['24 h on a Thursday evening: before Friday begins', rule(24, 'hours', true), '2026-11-06T02:00:00Z', 'America/Chicago', '2026-11-06T06:00:00.000Z'],
  ['24 h on the eve of a holiday: the next school day is Thursday, so 24 h come first', rule(24, 'hours', true), '2026-11-11T03:00:00Z', 'America/Chicago', '2026-11-12T03:00:00.000Z'],
  ['24 h across the end of DST (a 25-hour Sunday)', rule(24, 'hours', true), '2026-10-31T17:00:00Z', 'America/Chicago', '2026-11-01T17:00:00.000Z'],
  ['1 school day from Friday: the end of Monday', rule(1, 'school_days'), '2026-11-13T21:00:00Z', 'America/Chicago', '2026-11-17T06:00:00.000Z'],
  ['1 school day from Tuesday over the Wednesday holiday: the end of Thursday', rule(1, 'school_days'), '2026-11-10T15:00:00Z', 'America/Chicago', '2026-11-13T06:00:00.000Z'],
  ['2 school days from Friday over a weekend and Thanksgiving week', rule(2, 'school_days'), '2026-11-20T21:00:00Z', 'America/Chicago', '2026-12-02T06:00:00.000Z'],
  ['1 school day from Thursday, ending before DST ends (CDT)', rule(1, 'school_days'), '2026-10-29T15:00:00Z', 'America/Chicago', '2026-10-31T05:00:00.000Z'],
  ['Friday 23:30 Chicago is still Friday (Saturday in UTC): 1 school day is Monday', rule(1, 'school_days'), '2026-11-14T05:30:00Z', 'America/Chicago', '2026-11-17T06:00:00.000Z'],
  ['7 days from late Friday: the end of the next Friday', rule(7, 'days'), '2026-11-07T05:30:00Z', 'America/Chicago', '2026-11-14T06:00:00.000Z'],
  ['0 school days: the end of the same district day', rule(0, 'school_days'), '2026-11-10T15:00:00Z', 'America/Chicago', '2026-11-11T06:00:00.000Z'],
  ['Auckland, no calendar covers: weekdays count; Friday morning NZST, 1 school day', rule(1, 'school_days'), '2027-07-01T21:00:00Z', 'Pacific/Auckland', '2027-07-05T12:00:00.000Z'],
];

describe('notification deadlines in the district time zone', () => {
  it.each(CASES)('%s', (_what, r, at, zone, due) => {
    expect(deadlineOf(r, new Date(at), zone, isSchoolDay).toISOString()).toBe(due);
  });

  it('treats weekdays outside every calendar as school days and weekends never', () => {
    expect(isSchoolDay('2026-07-01')).toBe(true);
    expect(isSchoolDay('2026-07-04')).toBe(false);
    expect(isSchoolDay('2026-11-11')).toBe(false);
    expect(isSchoolDay('2026-11-12')).toBe(true);
  });
});

describe('which actions a rule applies to', () => {
  const r = { trigger: 'arrest' as const, offenses: ['35A', '520'], studentsOnly: true, active: true };
  it('needs the trigger, a student, one of the offenses and an active rule', () => {
    expect(ruleMatches(r, { kind: 'arrest', isStudent: true }, ['13B', '35A'])).toBe(true);
    expect(ruleMatches(r, { kind: 'arrest', isStudent: true }, ['13B'])).toBe(false);
    expect(ruleMatches(r, { kind: 'citation', isStudent: true }, ['35A'])).toBe(false);
    expect(ruleMatches(r, { kind: 'arrest', isStudent: false }, ['35A'])).toBe(false);
    expect(ruleMatches({ ...r, studentsOnly: false }, { kind: 'arrest', isStudent: false }, ['35A'])).toBe(true);
    expect(ruleMatches({ ...r, offenses: null }, { kind: 'arrest', isStudent: true }, [])).toBe(true);
    expect(ruleMatches({ ...r, active: false }, { kind: 'arrest', isStudent: true }, ['35A'])).toBe(false);
  });
});

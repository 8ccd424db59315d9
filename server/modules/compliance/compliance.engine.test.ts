import { describe, expect, it } from 'vitest';
import { drillsOutsideYear, evaluateRule, periodStatus, prepareCalendar, ruleApplies, worstStatus } from './compliance.engine.js';
import { CALENDAR, cal, drill, rule } from './compliance.test-support.js';

describe('the hand-worked calendar', () => {
  it('counts instructional days by month as worked by hand', () => {
    expect(cal.days.total).toBe(181);
    expect(Object.fromEntries(cal.days.byMonth)).toEqual({
      '2025-08': 9, '2025-09': 21, '2025-10': 23, '2025-11': 15, '2025-12': 15,
      '2026-01': 19, '2026-02': 20, '2026-03': 17, '2026-04': 22, '2026-05': 20,
    });
    expect(cal.days.isInstructional('2025-09-01')).toBe(false);
    expect(cal.days.isInstructional('2025-09-02')).toBe(true);
    expect(cal.days.isInstructional('2025-08-23')).toBe(false);
  });
});

describe('period status', () => {
  it('is met once the count is reached, whatever the date', () => {
    expect(periodStatus(2, 2, '2025-12-19', '2025-09-01', 14)).toBe('met');
    expect(periodStatus(0, 0, '2025-12-19', '2026-01-01', 14)).toBe('met');
  });
  it('is missed the day after the window closes short, at risk within N days, on track before', () => {
    expect(periodStatus(2, 1, '2025-12-19', '2025-12-20', 14)).toBe('missed');
    expect(periodStatus(2, 1, '2025-12-19', '2025-12-19', 14)).toBe('at_risk');
    expect(periodStatus(2, 1, '2025-12-19', '2025-12-05', 14)).toBe('at_risk');
    expect(periodStatus(2, 1, '2025-12-19', '2025-12-04', 14)).toBe('on_track');
    expect(periodStatus(2, 1, '2025-12-19', '2025-12-19', 0)).toBe('at_risk');
    expect(periodStatus(2, 1, '2025-12-19', '2025-12-18', 0)).toBe('on_track');
  });
  it('orders statuses missed > at_risk > on_track > met > no_minimum > not_applicable', () => {
    expect(worstStatus(['met', 'missed', 'at_risk'])).toBe('missed');
    expect(worstStatus(['met', 'on_track'])).toBe('on_track');
    expect(worstStatus(['met', 'no_minimum'])).toBe('met');
    expect(worstStatus([])).toBe('not_applicable');
  });
});

describe('windows and edge cases', () => {
  it('counts a drill on the last day of a window and not one a day later (Illinois, no later than 90 days after: 08-19..11-17)', () => {
    const r = rule({ drillTypes: ['lockdown'], minCount: 1, period: 'school_year', window: { kind: 'days_after_start', days: 90 } });
    const onLastDay = evaluateRule(r, cal, [drill('lockdown', '2025-11-17')], '2025-12-01', 14);
    expect(onLastDay.periods).toMatchObject([{ windowStart: '2025-08-19', windowEnd: '2025-11-17', counted: 1, status: 'met' }]);
    const dayLate = evaluateRule(r, cal, [drill('lockdown', '2025-11-18')], '2025-12-01', 14);
    expect(dayLate.periods[0]).toMatchObject({ counted: 0, status: 'missed', daysLeft: null });
  });

  it('leaves out a month with 9 instructional days when 10 are needed, keeps it when 9 are', () => {
    const ten = evaluateRule(rule({ drillTypes: ['fire_evacuation'], minCount: 1, period: 'month', minInstructionalDays: 10 }), cal, [], '2025-08-01', 14);
    expect(ten.periods.map((p) => p.key)).toEqual(['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05']);
    const nine = evaluateRule(rule({ drillTypes: ['fire_evacuation'], minCount: 1, period: 'month', minInstructionalDays: 9 }), cal, [], '2025-08-01', 14);
    expect(nine.periods[0]).toMatchObject({ key: '2025-08', windowStart: '2025-08-19', windowEnd: '2025-08-31' });
  });

  it('does not count a drill outside the school year, and reports it', () => {
    const drills = [drill('fire_evacuation', '2025-08-18'), drill('fire_evacuation', '2026-05-30'), drill('fire_evacuation', '2026-06-20')];
    const result = evaluateRule(rule({ drillTypes: ['fire_evacuation'], minCount: 1, period: 'school_year' }), cal, drills, '2026-06-30', 14);
    expect(result).toMatchObject({ status: 'missed', periods: [{ counted: 0 }] });
    // 06-20 falls in the summer session: not "outside" the year, it counts for summer rules.
    expect(drillsOutsideYear(CALENDAR, drills)).toBe(2);
  });

  it('judges summer-session rules on the summer dates only, and not at all without a summer session', () => {
    const r = rule({ drillTypes: ['fire_evacuation', 'lockdown'], minCount: 2, period: 'summer_session' });
    const result = evaluateRule(r, cal, [drill('lockdown', '2026-05-28'), drill('fire_evacuation', '2026-06-15'), drill('lockdown', '2026-07-24')], '2026-08-01', 14);
    expect(result.periods).toMatchObject([{ key: 'summer', windowStart: '2026-06-15', windowEnd: '2026-07-24', counted: 2, status: 'met' }]);
    const noSummer = evaluateRule(r, prepareCalendar({ ...CALENDAR, summerSession: null }), [], '2026-08-01', 14);
    expect(noSummer).toMatchObject({ status: 'not_applicable', periods: [] });
  });

  it('resolves a dates window across the new year (from 01-01) and a named month (March)', () => {
    const after = evaluateRule(rule({ drillTypes: ['lockdown'], minCount: 1, period: 'school_year', window: { kind: 'dates', from: '01-01' } }), cal, [drill('lockdown', '2025-12-19')], '2026-01-10', 14);
    expect(after.periods[0]).toMatchObject({ windowStart: '2026-01-01', windowEnd: '2026-05-29', counted: 0, status: 'on_track' });
    const march = evaluateRule(rule({ drillTypes: ['shelter_severe_weather'], minCount: 1, period: 'school_year', window: { kind: 'month', month: 3 } }), cal, [drill('shelter_severe_weather', '2026-03-31')], '2026-04-01', 14);
    expect(march.periods[0]).toMatchObject({ windowStart: '2026-03-01', windowEnd: '2026-03-31', counted: 1, status: 'met' });
  });

  it('counts only drills matching type, observer and secondary exit, oldest first', () => {
    const r = rule({ drillTypes: ['fire_evacuation'], minCount: 2, period: 'school_year', requiresObserver: 'fire_department', requiresSecondaryEgress: true });
    const a = drill('fire_evacuation', '2025-10-02', { observers: ['fire_department'], egress: true });
    const b = drill('fire_evacuation', '2025-09-02', { observers: ['fire_department', 'law_enforcement'], egress: true });
    const others = [drill('fire_evacuation', '2025-09-03', { egress: true }), drill('fire_evacuation', '2025-09-04', { observers: ['fire_department'] }), drill('lockdown', '2025-09-05', { observers: ['fire_department'], egress: true })];
    const result = evaluateRule(r, cal, [a, ...others, b], '2025-10-03', 14);
    expect(result.periods[0]).toMatchObject({ counted: 2, drillIds: [b.id, a.id], status: 'met' });
  });

  it('reports a rule without a minimum as no_minimum, listing the drills', () => {
    const result = evaluateRule(rule({ drillTypes: ['bomb_threat'], minCount: null, period: 'school_year' }), cal, [drill('bomb_threat', '2025-10-01')], '2026-06-01', 14);
    expect(result).toMatchObject({ status: 'no_minimum', periods: [{ required: null, counted: 1, status: null }] });
  });

  it('applies a rule to the school levels it names and to its own school only', () => {
    const high = { id: 's1', level: 'high' as const };
    expect(ruleApplies(rule({ drillTypes: ['earthquake'], minCount: 1, period: 'semester', schoolLevels: ['elementary'] }), high)).toBe(false);
    expect(ruleApplies(rule({ drillTypes: ['earthquake'], minCount: 1, period: 'semester', schoolLevels: ['high'] }), high)).toBe(true);
    expect(ruleApplies(rule({ drillTypes: ['earthquake'], minCount: 1, period: 'semester', schoolId: 's2' }), high)).toBe(false);
    expect(ruleApplies(rule({ drillTypes: ['earthquake'], minCount: 1, period: 'semester', schoolId: 's1' }), high)).toBe(true);
  });
});

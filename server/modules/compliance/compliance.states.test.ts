import { describe, expect, it } from 'vitest';
import type { StateSet } from '../../../common/preparedness.js';
import { STATE_TEMPLATES } from '../drill-rules/drill-rules.templates.js';
import { evaluateRule, ruleApplies, type EngineDrill } from './compliance.engine.js';
import { cal, drill } from './compliance.test-support.js';
import { expectEvery } from '../../test/expect-every.js';

// Every seeded state set, rule by rule, on the hand-worked calendar of compliance.test-support.ts
// (first day Tue 2025-08-19, last day Fri 2026-05-29, summer 2026-06-15..07-24).

/** Status of each rule of a state set, by title. */
function statuses(state: StateSet, drills: EngineDrill[], today: string, level: 'elementary' | 'middle' | 'high' = 'high', atRiskDays = 14) {
  return Object.fromEntries(STATE_TEMPLATES[state].rules
    .filter((r) => ruleApplies({ ...r, id: r.title }, { id: 's', level }))
    .map((r) => [r.title, evaluateRule({ ...r, id: r.title }, cal, drills, today, atRiskDays).status]));
}

function result(state: StateSet, title: string, drills: EngineDrill[], today: string) {
  const r = STATE_TEMPLATES[state].rules.find((x) => x.title === title)!;
  return evaluateRule({ ...r, id: title }, cal, drills, today, 14);
}

describe('New York (Educ. Law 807)', () => {
  const evac = ['2025-09-03', '2025-09-17', '2025-10-01', '2025-10-15', '2025-11-05', '2025-12-03', '2026-01-14', '2026-02-11'];
  const egress = new Set(['2025-10-01', '2025-10-15', '2025-12-03', '2026-02-11']);
  const year = [
    ...evac.map((d) => drill('fire_evacuation', d, { egress: egress.has(d) })),
    ...['2025-09-24', '2025-11-12', '2026-03-04', '2026-04-15'].map((d) => drill('lockdown', d)),
  ];

  it('meets the year: 8 evacuation (4 by a secondary exit), 4 lockdown, 8 of them Sep 1..Dec 31; summer judged apart', () => {
    // Summer: a lockdown on day 8 (06-22) misses the first week (06-15..06-21); with 07-01 the two summer drills are there.
    const summer = [drill('lockdown', '2026-06-22'), drill('fire_evacuation', '2026-07-01')];
    expect(statuses('NY', [...year, ...summer], '2026-07-10')).toEqual({
      'Evacuation drills': 'met', 'Evacuation drills using secondary egress': 'met', 'Lockdown drills': 'met',
      '8 of the 12 drills by December 31': 'met', 'Summer school drills': 'met', 'Summer school drill in the first week': 'missed',
    });
    expect(result('NY', '8 of the 12 drills by December 31', year, '2026-01-05').periods[0]).toMatchObject({
      windowStart: '2025-09-01', windowEnd: '2025-12-31', counted: 8,
    });
  });

  it('puts the secondary-exit rule at risk 9 days before the last day with 3 of 4, and missed after it', () => {
    const fewer = year.filter((d) => d.date !== '2026-02-11');
    expect(statuses('NY', fewer, '2026-05-20')['Evacuation drills using secondary egress']).toBe('at_risk');
    expect(statuses('NY', fewer, '2026-05-30')['Evacuation drills using secondary egress']).toBe('missed');
    expect(statuses('NY', fewer, '2026-05-20')['Evacuation drills']).toBe('at_risk');
  });
});

describe('Illinois (105 ILCS 128/20)', () => {
  const base = [
    drill('fire_evacuation', '2025-08-27', { observers: ['fire_department'] }), drill('fire_evacuation', '2025-09-24'),
    drill('shelter_hazmat', '2025-10-08'), drill('lockdown', '2025-10-01'),
  ];

  it('is at risk 7 days before the 90-day window closes (11-17, day 90 included) when the lockdown had no police', () => {
    expect(statuses('IL', base, '2025-11-10')).toEqual({
      'Evacuation drills': 'on_track', 'Evacuation drill with the fire department': 'met', 'Bus evacuation drill': 'on_track',
      'Severe weather / shelter-in-place drill': 'met', 'Law enforcement drill no later than 90 days after the first day': 'at_risk',
    });
  });

  it('is met by a police lockdown on the window\'s last day and missed without one after it', () => {
    const onTime = [...base, drill('lockdown', '2025-11-17', { observers: ['law_enforcement'] })];
    expect(statuses('IL', onTime, '2025-11-18')['Law enforcement drill no later than 90 days after the first day']).toBe('met');
    const late = [...base, drill('lockdown', '2025-11-18', { observers: ['law_enforcement'] })];
    expect(statuses('IL', late, '2025-11-18')['Law enforcement drill no later than 90 days after the first day']).toBe('missed');
  });
});

describe('Texas (TEC 37.114, 19 TAC 103.1209, fire marshal)', () => {
  // A fire drill in each month Sep..Apr (August has 9 instructional days: not required); none yet in May.
  const fire = ['2025-09-10', '2025-10-08', '2025-11-12', '2025-12-10', '2026-01-14', '2026-02-11', '2026-03-11', '2026-04-15'];
  const drills = [
    ...fire.map((d) => drill('fire_evacuation', d)), drill('lockdown', '2025-10-22'), drill('lockdown', '2026-02-25'),
    drill('secure', '2026-02-04'), drill('shelter_severe_weather', '2026-03-04'),
  ];

  it('counts semesters and months with 10+ instructional days; May and hazmat are at risk on 05-20', () => {
    expect(statuses('TX', drills, '2026-05-20')).toEqual({
      'Fire evacuation drills each semester': 'met', 'Lockdown drill each semester': 'met', 'Secure drill': 'met',
      'Severe weather shelter drill': 'met', 'Hazmat shelter-in-place drill': 'at_risk',
      'Fire drill each month with 10 or more instructional days': 'at_risk',
    });
    const monthly = result('TX', 'Fire drill each month with 10 or more instructional days', drills, '2026-05-20');
    expect(monthly.periods.map((p) => `${p.key}:${p.status}`)).toEqual([
      '2025-09:met', '2025-10:met', '2025-11:met', '2025-12:met', '2026-01:met', '2026-02:met', '2026-03:met', '2026-04:met', '2026-05:at_risk',
    ]);
  });

  it('turns May to met with a drill on the last day, and a semester short of a second fire drill to missed', () => {
    const withMay = [...drills, drill('fire_evacuation', '2026-05-29')];
    expect(statuses('TX', withMay, '2026-05-29')['Fire drill each month with 10 or more instructional days']).toBe('met');
    const semester = result('TX', 'Fire evacuation drills each semester', drills.filter((d) => d.date < '2025-10-01'), '2026-01-10');
    expect(semester.periods.map((p) => [p.key, p.counted, p.status])).toEqual([['S1', 1, 'missed'], ['S2', 0, 'on_track']]);
  });
});

describe('Michigan', () => {
  const drills = [
    drill('fire_evacuation', '2025-09-03'), drill('fire_evacuation', '2025-10-01'), drill('fire_evacuation', '2025-12-01'),
    drill('lockdown', '2025-12-02'), drill('shelter_severe_weather', '2025-10-15'),
  ];

  it('meets "3 fire drills by Dec 1" with one on Dec 1, misses "lockdown by Dec 1" with one on Dec 2', () => {
    expect(statuses('MI', drills, '2025-12-02')).toEqual({
      'Fire drills': 'on_track', 'Fire drills by December 1': 'met', 'Tornado drills': 'on_track', 'Tornado drill in March': 'on_track',
      'Lockdown drills': 'on_track', 'Lockdown drill by December 1': 'missed', 'Lockdown drill after January 1': 'on_track',
    });
  });

  it('needs the March tornado drill inside March', () => {
    const april = [...drills, drill('shelter_severe_weather', '2026-04-01')];
    expect(statuses('MI', april, '2026-04-01')['Tornado drill in March']).toBe('missed');
    expect(statuses('MI', april, '2026-04-01')['Tornado drills']).toBe('met');
    expect(statuses('MI', [...drills, drill('shelter_severe_weather', '2026-03-02')], '2026-03-20')['Tornado drill in March']).toBe('met');
  });
});

describe('California', () => {
  const fire = ['2025-08-20', '2025-09-10', '2025-10-08', '2025-11-12', '2025-12-10'].map((d) => drill('fire_evacuation', d));
  const quake = [drill('earthquake', '2025-09-18'), drill('earthquake', '2025-11-20')];

  it('holds an elementary school to a fire drill every month and two earthquake drills a semester', () => {
    expect(statuses('CA', [...fire, ...quake], '2026-01-20', 'elementary', 7)).toEqual({
      'Fire drill each month (elementary and intermediate)': 'on_track', 'Earthquake drop drills each quarter (elementary)': 'on_track',
    });
    expect(statuses('CA', [...fire, ...quake], '2026-01-20', 'elementary', 14)['Fire drill each month (elementary and intermediate)']).toBe('at_risk');
    expect(statuses('CA', fire, '2026-01-20', 'elementary')['Earthquake drop drills each quarter (elementary)']).toBe('missed');
  });

  it('holds a high school to two fire drills a year and one earthquake drill a semester', () => {
    expect(statuses('CA', [...fire, ...quake], '2026-01-20', 'high')).toEqual({
      'Fire drills (secondary)': 'met', 'Earthquake drop drill each semester (secondary)': 'on_track',
    });
    expect(statuses('CA', [...fire, ...quake], '2026-01-20', 'middle')).toHaveProperty(['Fire drill each month (elementary and intermediate)']);
  });
});

describe('Florida', () => {
  it('ships the drill types without counts, says so, and judges nothing', () => {
    expect(STATE_TEMPLATES.FL.hasCounts).toBe(false);
    expect(STATE_TEMPLATES.FL.notes).toMatch(/without counts/);
    expectEvery(STATE_TEMPLATES.FL.rules, (r) => r.minCount === null);
    expect(new Set(Object.values(statuses('FL', [drill('bomb_threat', '2025-10-01')], '2026-06-01')))).toEqual(new Set(['no_minimum']));
  });
});

import { describe, expect, it } from 'vitest';
import type { DrillType, ObserverKind, StateSet } from '../../../common/preparedness.js';
import { STATE_TEMPLATES } from '../drill-rules/drill-rules.templates.js';
import { evaluateRule } from './compliance.engine.js';
import { cal, drill, rule } from './compliance.test-support.js';

// Both edges of every window of every seeded state rule, on the hand-worked calendar of
// compliance.test-support.ts: first day Tue 2025-08-19, last day Fri 2026-05-29, semesters 08-19..12-19 and
// 01-06..05-29, summer session 06-15..07-24. Each row: the rule, the period, the days a drill counts in it
// (first and last allowed day) and the days it does not (the day before the first, the day after the last).
// The dates are worked by hand from the statute's words, not read back from the engine.

type Row = [state: StateSet, title: string, period: string, inside: string[], outside: string[]];

const YEAR_IN = ['2025-08-19', '2026-05-29'];
const YEAR_OUT = ['2025-08-18', '2026-05-30'];
const year = (state: StateSet, title: string): Row => [state, title, 'year', YEAR_IN, YEAR_OUT];

const ROWS: Row[] = [
  year('NY', 'Evacuation drills'),
  year('NY', 'Evacuation drills using secondary egress'),
  year('NY', 'Lockdown drills'),
  // "between September first and December thirty-first": both days in.
  ['NY', '8 of the 12 drills by December 31', 'year', ['2025-09-01', '2025-12-31'], ['2025-08-31', '2026-01-01']],
  ['NY', 'Summer school drills', 'summer', ['2026-06-15', '2026-07-24'], ['2026-06-14', '2026-07-25']],
  // "during the first week of summer school": days 1..7 of the session.
  ['NY', 'Summer school drill in the first week', 'summer', ['2026-06-15', '2026-06-21'], ['2026-06-14', '2026-06-22']],
  year('IL', 'Evacuation drills'),
  year('IL', 'Evacuation drill with the fire department'),
  year('IL', 'Bus evacuation drill'),
  year('IL', 'Severe weather / shelter-in-place drill'),
  // "No later than 90 days after the first day": 08-19 + 90 days = 11-17, which is still in.
  ['IL', 'Law enforcement drill no later than 90 days after the first day', 'year', ['2025-08-19', '2025-11-17'], ['2025-08-18', '2025-11-18']],
  ['TX', 'Fire evacuation drills each semester', 'S1', ['2025-08-19', '2025-12-19'], ['2025-08-18', '2025-12-20']],
  ['TX', 'Fire evacuation drills each semester', 'S2', ['2026-01-06', '2026-05-29'], ['2026-01-05', '2026-05-30']],
  ['TX', 'Lockdown drill each semester', 'S1', ['2025-08-19', '2025-12-19'], ['2025-08-18', '2025-12-20']],
  ['TX', 'Lockdown drill each semester', 'S2', ['2026-01-06', '2026-05-29'], ['2026-01-05', '2026-05-30']],
  year('TX', 'Secure drill'),
  year('TX', 'Severe weather shelter drill'),
  year('TX', 'Hazmat shelter-in-place drill'),
  // Each month with 10+ instructional days (August has 9: no August period); a month is its own window.
  ['TX', 'Fire drill each month with 10 or more instructional days', '2025-09', ['2025-09-01', '2025-09-30'], ['2025-08-31', '2025-10-01']],
  ['TX', 'Fire drill each month with 10 or more instructional days', '2026-05', ['2026-05-01', '2026-05-29'], ['2026-04-30', '2026-05-30']],
  year('MI', 'Fire drills'),
  // "by December 1": December 1 is in.
  ['MI', 'Fire drills by December 1', 'year', ['2025-08-19', '2025-12-01'], ['2025-08-18', '2025-12-02']],
  year('MI', 'Tornado drills'),
  ['MI', 'Tornado drill in March', 'year', ['2026-03-01', '2026-03-31'], ['2026-02-28', '2026-04-01']],
  year('MI', 'Lockdown drills'),
  ['MI', 'Lockdown drill by December 1', 'year', ['2025-08-19', '2025-12-01'], ['2025-08-18', '2025-12-02']],
  // "after January 1": January 1 itself is out.
  ['MI', 'Lockdown drill after January 1', 'year', ['2026-01-02', '2026-05-29'], ['2026-01-01', '2026-05-30']],
  ['CA', 'Fire drill each month (elementary and intermediate)', '2025-08', ['2025-08-19', '2025-08-31'], ['2025-08-18', '2025-09-01']],
  ['CA', 'Fire drill each month (elementary and intermediate)', '2026-05', ['2026-05-01', '2026-05-29'], ['2026-04-30', '2026-05-30']],
  year('CA', 'Fire drills (secondary)'),
  ['CA', 'Earthquake drop drills each quarter (elementary)', 'S1', ['2025-08-19', '2025-12-19'], ['2025-08-18', '2025-12-20']],
  ['CA', 'Earthquake drop drill each semester (secondary)', 'S2', ['2026-01-06', '2026-05-29'], ['2026-01-05', '2026-05-30']],
  year('FL', 'Fire drills'),
  year('FL', 'Natural disaster drills'),
  year('FL', 'Active assailant / hostage drills'),
  year('FL', 'Bomb threat drills'),
];

function template(state: StateSet, title: string) {
  const found = STATE_TEMPLATES[state].rules.find((r) => r.title === title);
  if (!found) throw new Error(`no rule ${state} ${title}`);
  return { ...found, id: `${state}:${title}` };
}

/** A drill that meets every condition of the rule (type, observer, exit), dated `date`. */
function qualifyingDrill(r: ReturnType<typeof template>, date: string) {
  const observers: ObserverKind[] = r.requiresObserver ? [r.requiresObserver] : [];
  return drill(r.drillTypes[0] as DrillType, date, { observers, egress: r.requiresSecondaryEgress });
}

/** How many drills the period counted when the only drill is dated `date`. */
function countedIn(state: StateSet, title: string, period: string, date: string): number {
  const r = template(state, title);
  const result = evaluateRule(r, cal, [qualifyingDrill(r, date)], '2026-08-31', 14);
  const found = result.periods.find((p) => p.key === period);
  if (!found) throw new Error(`no period ${period} of ${title}`);
  return found.counted;
}

describe('every seeded state rule, both edges of its window', () => {
  const cases = ROWS.flatMap(([state, title, period, inside, outside]) => [
    ...inside.map((date) => [state, title, period, date, 1] as const),
    ...outside.map((date) => [state, title, period, date, 0] as const),
  ]);
  it.each(cases)('%s "%s" %s: a drill on %s counts %i', (state, title, period, date, expected) => {
    expect(countedIn(state, title, period, date)).toBe(expected);
  });

  it('covers every rule of every state set', () => {
    const covered = new Set(ROWS.map(([state, title]) => `${state}:${title}`));
    const all = Object.values(STATE_TEMPLATES).flatMap((t) => t.rules.map((r) => `${t.state}:${r.title}`));
    expect(all.filter((k) => !covered.has(k))).toEqual([]);
    expect(all.length).toBe(32);
  });
});

describe('window kinds and conditions', () => {
  it('keeps "each month with at least N instructional days" inclusive of N (August has 9)', () => {
    const august = (n: number) => evaluateRule(rule({ drillTypes: ['fire_evacuation'], minCount: 1, period: 'month', minInstructionalDays: n }), cal, [], '2025-08-19', 14)
      .periods.some((p) => p.key === '2025-08');
    expect(august(9)).toBe(true);
    expect(august(10)).toBe(false);
  });

  it('tells "within the first N days" (day N - 1 after the start) from "no later than N days after" (day N after)', () => {
    const end = (kind: 'days_from_start' | 'days_after_start') => evaluateRule(
      rule({ drillTypes: ['lockdown'], minCount: 1, period: 'school_year', window: { kind, days: 10 } }), cal, [], '2025-08-19', 14,
    ).periods[0]!.windowEnd;
    expect(end('days_from_start')).toBe('2025-08-28');
    expect(end('days_after_start')).toBe('2025-08-29');
  });

  it('does not count a drill missing the observer or the secondary exit the rule asks for', () => {
    const police = template('IL', 'Law enforcement drill no later than 90 days after the first day');
    expect(evaluateRule(police, cal, [drill('lockdown', '2025-09-10')], '2026-01-01', 14).periods[0]!.counted).toBe(0);
    const egress = template('NY', 'Evacuation drills using secondary egress');
    expect(evaluateRule(egress, cal, [drill('fire_evacuation', '2025-09-10')], '2026-01-01', 14).periods[0]!.counted).toBe(0);
  });

  it('cites a section, quotes its words and records the day it was checked for every rule', () => {
    for (const t of Object.values(STATE_TEMPLATES)) {
      for (const r of t.rules) {
        expect(r.citation, `${t.state} ${r.title}`).toMatchObject({ checkedOn: '2026-12-07' });
        expect(r.citation!.section.length).toBeGreaterThan(3);
        expect(r.citation!.quote.length).toBeGreaterThan(10);
      }
    }
    expect(template('IL', 'Law enforcement drill no later than 90 days after the first day').citation).toMatchObject({
      section: '105 ILCS 128/20(c)', verbatim: true, quote: expect.stringContaining('No later than 90 days after the first day'),
    });
  });
});

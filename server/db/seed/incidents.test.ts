import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUSES } from '../../../common/incidents.js';
import { WEAPON_REQUIRED_CODES, nibrsOffense } from '../../../common/nibrs.js';
import { DEMO_SEED, generateDemoData } from './generate.js';
import { generateCaseData } from './incidents.js';
import { Rng } from './random.js';
import { expectEvery } from '../../test/expect-every.js';

const data = generateDemoData();
const cases = generateCaseData(new Rng(DEMO_SEED), data);

describe('demo case data', () => {
  it('is the same on every run', () => {
    const again = generateCaseData(new Rng(DEMO_SEED), data);
    expect(again.incidents.map((i) => i.id)).toEqual(cases.incidents.map((i) => i.id));
    expect(again.calls.at(-1)).toEqual(cases.calls.at(-1));
  });

  it('spans a year in every status, with sealed records, supplements, referrals and open calls', () => {
    const statuses = new Set(cases.incidents.map((i) => i.status));
    expect([...statuses].sort()).toEqual([...INCIDENT_STATUSES].sort());
    expect(cases.incidents.filter((i) => i.sealedAt)).toHaveLength(2);
    expect(cases.supplements.length).toBeGreaterThan(0);
    expect(cases.referrals.map((r) => r.kind)).toEqual(expect.arrayContaining(['administration', 'counseling']));
    expect(cases.calls.filter((c) => !c.clearedAt).length).toBeGreaterThan(0);
    const times = cases.incidents.map((i) => i.occurredAt.getTime());
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(300 * 24 * 3600 * 1000);
  });

  it('numbers incidents gap-free per year, each from a call, with valid NIBRS codes and weapons where required', () => {
    for (const year of [2025, 2026]) {
      const numbers = cases.incidents.map((i) => i.number).filter((n) => n.startsWith(`${year}-`)).sort();
      expect(numbers.map((n) => Number(n.slice(5)))).toEqual(numbers.map((_, i) => i + 1));
      expect(cases.counters.find((c) => c.kind === 'incident' && c.year === year)?.lastValue).toBe(numbers.length);
    }
    const callIds = new Set(cases.calls.map((c) => c.id));
    expectEvery(cases.incidents, (i) => callIds.has(i.callId!));
    for (const o of cases.offenses.filter((x) => x.kind === 'nibrs')) {
      expect(nibrsOffense(o.nibrsCode!), o.nibrsCode!).toBeDefined();
      if (WEAPON_REQUIRED_CODES.has(o.nibrsCode!)) expect(o.weaponForce!.length).toBeGreaterThan(0);
    }
  });

  it('gives every arrest its implied law-enforcement referral and notification clocks', () => {
    const arrests = cases.actions.filter((a) => a.kind === 'arrest');
    expect(arrests.length).toBeGreaterThan(0);
    for (const a of arrests) {
      expect(cases.actions.some((b) => b.kind === 'referral_law_enforcement' && b.personId === a.personId && b.implied)).toBe(true);
      expect(cases.tasks.filter((t) => t.personId === a.personId && t.kind === 'notification')).toHaveLength(2);
    }
  });
});

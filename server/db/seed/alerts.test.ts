import { describe, expect, it } from 'vitest';
import { generateAlertHistory } from './alerts.js';
import { generateDemoData } from './generate.js';
import { expectEvery } from '../../test/expect-every.js';

describe('demo alert history', () => {
  const data = generateDemoData();
  const history = generateAlertHistory(data);

  it('is the same on every run', () => {
    expect(generateAlertHistory(data)).toEqual(history);
  });

  it('has cleared drills at every school with timelines and check-ins', () => {
    expect(new Set(history.alertSchools.map((s) => s.schoolId)).size).toBe(data.schools.length);
    expectEvery(history.alerts, (a) => a.drill && a.status === 'cleared');
    for (const alert of history.alerts) {
      const kinds = history.timeline.filter((e) => e.alertId === alert.id).map((e) => e.kind);
      expect(kinds[0]).toBe('raised');
      expect(kinds.at(-1)).toBe('all_clear');
      expect(history.checkIns.some((c) => c.alertId === alert.id)).toBe(true);
    }
  });

  it('has one past reunification releasing only to adults the roster allows, with a refusal', () => {
    expect(history.reunifications).toHaveLength(1);
    const allowed = new Set(data.studentGuardians.filter((t) => t.mayPickUp).map((t) => `${t.studentId}/${t.guardianId}`));
    const released = history.requests.filter((r) => r.status === 'released');
    expect(released.length).toBeGreaterThanOrEqual(3);
    for (const r of released) expect(allowed.has(`${r.studentId}/${r.guardianId}`)).toBe(true);
    expect(history.requests.filter((r) => r.status === 'refused')).toHaveLength(1);
  });
});

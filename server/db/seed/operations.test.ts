import { describe, expect, it } from 'vitest';
import { generateCaseData } from './incidents.js';
import { generateOperations } from './operations.js';
import { Rng } from './random.js';
import { DEMO_SEED, generateDemoData } from './generate.js';
import { expectEvery } from '../../test/expect-every.js';

describe('demo operations', () => {
  const data = generateDemoData();
  const cases = generateCaseData(new Rng((DEMO_SEED ^ 0x1c1de47) >>> 0), data);
  const ops = generateOperations(data, cases.calls);
  const demoSro = data.users.find((u) => u.email === 'sro@demo.test')!.id;

  it('is the same on every run', () => {
    expect(generateOperations(data, cases.calls)).toEqual(ops);
  });

  it('gives the demo SRO a term of patrols, classes, mentoring, and a year of calls in the log', () => {
    const mine = ops.activity.filter((a) => a.userId === demoSro);
    const months = new Set(mine.filter((a) => a.sourceType === 'patrol_entry').map((a) => (a.startedAt as Date).toISOString().slice(0, 7)));
    expect([...months].sort()).toEqual(['2026-08', '2026-09', '2026-10', '2026-11']);
    for (const kind of ['patrol', 'visibility', 'traffic', 'class', 'mentoring', 'meeting', 'event', 'call']) {
      expect(mine.some((a) => a.kind === kind), kind).toBe(true);
    }
    expectEvery(mine.filter((a) => a.kind === 'class'), (a) => (a.participants ?? 0) > 0);
    for (const p of ops.patrols) expect(ops.activity.some((a) => a.sourceType === 'patrol_entry' && a.sourceId === p.id)).toBe(true);
  });

  it('keeps every patrol area at its own school and every log entry within a day', () => {
    const schoolOf = new Map(data.areas.map((a) => [a.id, a.schoolId]));
    for (const p of ops.patrols) if (p.areaId) expect(schoolOf.get(p.areaId)).toBe(p.schoolId);
    for (const a of ops.activity) expect(a.durationMinutes).toBeGreaterThanOrEqual(1);
    for (const a of ops.activity) expect(a.durationMinutes).toBeLessThanOrEqual(1440);
    expect(new Set(ops.activity.filter((a) => a.sourceId).map((a) => `${a.sourceType}:${a.sourceId}`)).size).toBe(ops.activity.filter((a) => a.sourceId).length);
  });

  it('walks a check list weekly with a few failed items, each with its work order and a note', () => {
    const failed = ops.results.filter((r) => !r.passed);
    expect(failed.length).toBeGreaterThanOrEqual(3);
    expect(failed.length).toBeLessThan(ops.results.length / 10);
    for (const r of failed) {
      expect(r.note).toBeTruthy();
      const order = ops.workOrders.find((w) => w.id === r.workOrderId)!;
      expect(order).toMatchObject({ source: 'patrol_check', sourceId: r.runId });
    }
    expect(ops.workOrders.some((w) => w.status === 'open')).toBe(true);
    for (const run of ops.runs) expect(ops.results.filter((r) => r.runId === run.id && !r.passed)).toHaveLength(run.failedCount!);
  });
});

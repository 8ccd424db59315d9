import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { equipmentInspections } from '../../db/schema/index.js';
import { startWorld, type World } from '../drills/drills.test-support.js';
import { derivedCondition, partProblems } from './equipment.policy.js';

// Equipment that cannot contradict itself. The clock reads 2025-11-10 (America/Chicago).
let w: World;

beforeAll(async () => {
  w = await startWorld();
}, 60_000);
afterAll(async () => {
  await w?.t.close();
});

const AED_KEYS = ['status_light', 'pads_in_date', 'battery_in_date', 'rescue_kit', 'cabinet_alarm'];
const answers = (keys: string[], fail: string[] = []) => keys.map((key) => ({ key, passed: !fail.includes(key) }));
const inspections = async () => Number((await w.t.db.select({ n: sql<number>`count(*)::int` }).from(equipmentInspections))[0]!.n);

async function add(body: Record<string, unknown>): Promise<string> {
  const res = await (await w.as('principal.north')).post('/api/equipment', { schoolId: w.north.id, purchasedOn: '2021-06-01', ...body });
  expect(res.status).toBe(201);
  return res.body.id;
}

describe('an inspection cannot pass while a part is expired or missing', () => {
  it('refuses a passed inspection of an AED whose pads expired two years ago with 400 naming the pads; nothing written', async () => {
    const id = await add({ type: 'aed', name: 'AED old pads', padsExpireOn: '2023-11-10', batteryExpiresOn: '2027-01-01' });
    const before = await inspections();
    const security = await w.as('principal.north');
    const res = await security.post(`/api/equipment/${id}/inspections`, { inspectedOn: '2025-11-10', results: answers(AED_KEYS) });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', field: 'results.1.passed' });
    expect(res.body.error.message).toContain('Pads: expired on 2023-11-10');
    // Failing some other check does not make "pads in date: passed" true either.
    const other = await security.post(`/api/equipment/${id}/inspections`, { inspectedOn: '2025-11-10', results: answers(AED_KEYS, ['rescue_kit']) });
    expect(other.status).toBe(400);
    expect(other.body.error.field).toBe('results.1.passed');
    expect(await inspections()).toBe(before);
    const honest = await security.post(`/api/equipment/${id}/inspections`, { inspectedOn: '2025-11-10', results: answers(AED_KEYS, ['pads_in_date']) });
    expect(honest.status).toBe(201);
    expect(honest.body.passed).toBe(false);
  });

  it('refuses a pass while a required part is missing (an AED without a battery date)', async () => {
    const id = await add({ type: 'aed', name: 'AED no battery', padsExpireOn: '2026-06-01' });
    const res = await (await w.as('principal.north')).post(`/api/equipment/${id}/inspections`, { inspectedOn: '2025-11-10', results: answers(AED_KEYS) });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('results.2.passed');
    expect(res.body.error.message).toContain('Battery: missing');
  });

  it('judges a part on the inspection day: in date the day it expires, expired the day after', async () => {
    const id = await add({ type: 'naloxone', name: 'Narcan', expiresOn: '2025-11-01' });
    const keys = ['doses_present', 'in_date', 'storage_temperature'];
    const principal = await w.as('principal.north');
    expect((await principal.post(`/api/equipment/${id}/inspections`, { inspectedOn: '2025-11-01', results: answers(keys) })).status).toBe(201);
    const late = await principal.post(`/api/equipment/${id}/inspections`, { inspectedOn: '2025-11-02', results: answers(keys) });
    expect(late.status).toBe(400);
    expect(late.body.error.field).toBe('results.1.passed');
  });
});

describe('condition is derived from the parts and the last inspection', () => {
  it('shows the AED with pads expired two years ago as out of service, not "Good", and says why', async () => {
    const id = await add({ type: 'aed', name: 'AED shown', padsExpireOn: '2023-11-10', batteryExpiresOn: '2027-01-01', condition: 'good' });
    const item = (await (await w.as('principal.north')).get(`/api/equipment/${id}`)).body;
    expect(item).toMatchObject({ condition: 'out_of_service', recordedCondition: 'good', conditionReasons: ['Pads: expired on 2023-11-10'] });
  });

  it('takes the worse of the recorded condition and the derived one', () => {
    const base = { type: 'radio' as const, condition: 'good' as const, lastInspectionPassed: true };
    expect(derivedCondition(base, '2025-11-10')).toEqual({ condition: 'good', reasons: [] });
    expect(derivedCondition({ ...base, lastInspectionPassed: false }, '2025-11-10')).toEqual({ condition: 'poor', reasons: ['Last inspection failed'] });
    expect(derivedCondition({ ...base, condition: 'out_of_service', lastInspectionPassed: false }, '2025-11-10').condition).toBe('out_of_service');
    expect(derivedCondition({ ...base, expiresOn: '2025-11-09' }, '2025-11-10').condition).toBe('out_of_service');
    expect(derivedCondition({ ...base, expiresOn: '2025-11-10' }, '2025-11-10').condition).toBe('good');
    expect(partProblems('aed', { padsExpireOn: null, batteryExpiresOn: '2030-01-01' }, '2025-11-10')).toEqual([{ field: 'padsExpireOn', text: 'Pads: missing (no expiry on record)' }]);
  });
});

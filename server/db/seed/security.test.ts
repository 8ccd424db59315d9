import { describe, expect, it } from 'vitest';
import { addDays } from '../../modules/calendars/calendars.days.js';
import { derivedCondition, expiryState, inspectionState, nextExpiry, partProblems } from '../../modules/equipment/equipment.policy.js';
import { generateDemoData } from './generate.js';
import { generateCampusSecurity } from './security.js';
import { expectEvery } from '../../test/expect-every.js';

const data = generateDemoData();
const vendors = { securityVendor: '00000000-0000-4000-8000-0000000000a1', doorVendor: '00000000-0000-4000-8000-0000000000a2' };
const TODAY = '2026-11-20';
const campus = generateCampusSecurity(data, TODAY, vendors);
const hs = data.schools.filter((s) => s.level === 'high');

describe('campus-security demo data', () => {
  it('is the same for the same day', () => {
    expect(generateCampusSecurity(data, TODAY, vendors)).toEqual(campus);
  });

  it('gives every school an inventory where something is overdue or expiring, and Riverbend High all of it', () => {
    for (const school of data.schools) expect(campus.equipment.filter((e) => e.schoolId === school.id).length, school.name).toBeGreaterThan(10);
    const hs1 = campus.equipment.filter((e) => e.schoolId === hs[0]!.id);
    const states = hs1.map((e) => ({ inspection: inspectionState(e.nextInspectionOn, TODAY), expiry: expiryState(nextExpiry(e)?.on, TODAY) }));
    expect(states.some((s) => s.inspection === 'overdue')).toBe(true);
    expect(states.some((s) => s.expiry === 'expired')).toBe(true);
    expect(states.some((s) => s.expiry === 'within_30')).toBe(true);
    for (const e of campus.equipment) {
      for (const on of [e.padsExpireOn, e.batteryExpiresOn, e.expiresOn]) if (on) expect(on >= e.purchasedOn!, e.name).toBe(true);
    }
  });

  it('obeys the inspection rule: no passed inspection while a part was expired or missing that day; conditions derive', () => {
    const items = new Map(campus.equipment.map((e) => [e.id, e]));
    const passedWithBadPart = campus.inspections.filter((i) => i.passed && partProblems(items.get(i.equipmentId)!.type, items.get(i.equipmentId)!, i.inspectedOn).length > 0);
    expect(passedWithBadPart).toEqual([]);
    // No item with an expired part shows Good; the expired naloxone kit of the story is out of service.
    for (const e of campus.equipment) {
      const shown = derivedCondition({ ...e, condition: e.condition ?? 'good', lastInspectionPassed: e.lastInspectionPassed ?? null }, TODAY);
      if (partProblems(e.type, e, TODAY).length > 0) expect(shown.condition, e.name).toBe('out_of_service');
    }
    const expired = campus.equipment.filter((e) => e.schoolId === hs[0]!.id && e.type === 'naloxone' && e.expiresOn! < TODAY);
    expect(expired.length).toBeGreaterThan(0);
  });

  it('links every work order to the failed inspection, outage or finding it came from', () => {
    const sources = new Set([...campus.inspections.map((i) => i.id), ...campus.systems.map((s) => s.id), ...campus.findings.map((f) => f.id)]);
    for (const w of campus.workOrders) expect(sources.has(w.sourceId), w.title).toBe(true);
    const linked = [...campus.inspections, ...campus.events, ...campus.findings].map((r) => r.workOrderId).filter(Boolean);
    expect(new Set(linked)).toEqual(new Set(campus.workOrders.map((w) => w.id)));
    expect(campus.workOrders.filter((w) => w.source === 'equipment_inspection').length).toBeGreaterThan(0);
  });

  it('has a few systems down with open work orders and one restored', () => {
    expect(campus.systems.filter((s) => s.status !== 'working')).toHaveLength(3);
    const outages = campus.workOrders.filter((w) => w.source === 'security_outage');
    expect(outages.map((w) => w.completedOn === null)).toEqual([true, true, true, false]);
    expectEvery(outages, (w) => w.vendorId !== null);
    expect(campus.events.filter((e) => e.kind === 'change')).toHaveLength(1);
  });

  it('assesses each high school once, fully rated, with findings', () => {
    expect(campus.assessments.map((a) => a.schoolId)).toEqual(hs.map((s) => s.id));
    for (const a of campus.assessments) {
      const items = campus.items.filter((i) => i.assessmentId === a.id);
      expect(items).toHaveLength(campus.template.length);
      expectEvery(items, (i) => Boolean(i.rating));
      expect(a.status).toBe('completed');
      expect(a.completedOn! <= TODAY && a.startedOn >= addDays(TODAY, -90)).toBe(true);
      expect(campus.findings.filter((f) => f.assessmentId === a.id).length).toBeGreaterThan(1);
    }
  });
});

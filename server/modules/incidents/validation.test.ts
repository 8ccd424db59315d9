import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, incidentPersons, incidents } from '../../db/schema/index.js';
import { createIncident, createWorld, incidentBody, rowCount, type World } from './incidents.test-support.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
}, 60_000);
afterAll(async () => w?.t.close());

async function refused(body: Record<string, unknown>, field: string) {
  const before = [await rowCount(w, incidents), await rowCount(w, incidentPersons), await rowCount(w, auditEvents)];
  const res = await w.as.sro!.post('/api/incidents', incidentBody(w, body));
  expect(res.status, res.text).toBe(400);
  expect(res.body.error.field).toBe(field);
  expect([await rowCount(w, incidents), await rowCount(w, incidentPersons), await rowCount(w, auditEvents)]).toEqual(before);
  return res.body.error;
}

describe('creating an incident', () => {
  it('starts a numbered draft with offenses, persons from the roster, and the K-12 location 53', async () => {
    const detail = await createIncident(w);
    expect(detail).toMatchObject({
      number: '2026-000001', status: 'draft', version: 1, locationCode: '53', schoolName: 'North High', areaName: 'Cafeteria',
      hasJuvenile: false, narrative: expect.stringContaining('punches'),
    });
    expect(detail.offenses.map((o: { label: string }) => o.label)).toEqual(['13B Simple Assault', 'Fight']);
    expect(detail.persons[0]).toMatchObject({ kind: 'student', firstName: 'Ada', lastName: 'Oldman', juvenile: false, grade: 12 });
    expect(detail.persons[0]).not.toHaveProperty('sex');
    expect(detail.can).toMatchObject({ edit: true, submit: true, review: false });
    const second = await createIncident(w, 'sro', { persons: [{ kind: 'student', role: 'victim', studentId: w.juvenile }], actions: [] });
    expect(second.number).toBe('2026-000002');
    expect(second.hasJuvenile).toBe(true);
  });

  it('refuses an unknown NIBRS code (400 offenses.0.code)', async () => {
    const error = await refused({ offenses: [{ kind: 'nibrs', code: '99Z' }] }, 'offenses.0.code');
    expect(error.message).toContain('99Z');
  });

  it('refuses a missing weapon/force where NIBRS requires one (400 offenses.1.weaponForce)', async () => {
    await refused({ offenses: [{ kind: 'school', category: 'fight' }, { kind: 'nibrs', code: '13A' }] }, 'offenses.1.weaponForce');
  });

  it('refuses an arrest without a person (400 actions.0.person)', async () => {
    const error = await refused({ actions: [{ kind: 'arrest' }] }, 'actions.0.person');
    expect(error.message).toContain('arrest');
    await refused({ actions: [{ kind: 'arrest', person: 5 }] }, 'actions.0.person');
  });

  it('refuses a date in the future (400 occurredAt) and a future action time', async () => {
    await refused({ occurredAt: '2026-11-03T10:00:00Z' }, 'occurredAt');
    await refused({ actions: [{ kind: 'warning', person: 0, at: '2026-12-01T00:00:00Z' }] }, 'actions.0.at');
  });

  it('refuses typed names for a roster student, a student without roster id, and a non-student without name', async () => {
    await refused({ persons: [{ kind: 'student', role: 'victim', studentId: w.adult, firstName: 'Typed' }], actions: [] }, 'persons.0.firstName');
    await refused({ persons: [{ kind: 'student', role: 'victim' }], actions: [] }, 'persons.0.studentId');
    await refused({ persons: [{ kind: 'staff', role: 'witness', firstName: 'Only' }], actions: [] }, 'persons.0.lastName');
    await refused({ persons: [{ kind: 'student', role: 'victim', studentId: '00000000-0000-4000-8000-000000000000' }], actions: [] }, 'persons.0.studentId');
  });

  it('refuses a wrong NIBRS location: other than 53 on campus, none or unknown off campus', async () => {
    await refused({ locationCode: '52' }, 'locationCode');
    await refused({ onCampus: false, areaId: null }, 'locationCode');
    await refused({ onCampus: false, areaId: null, locationCode: '99' }, 'locationCode');
    const off = await createIncident(w, 'sro', { onCampus: false, areaId: null, locationCode: '50', locationText: 'Park across the street' });
    expect(off).toMatchObject({ locationCode: '50', locationName: 'Park/Playground' });
  });

  it('refuses an unknown field, a body without school, and a school of another district (404)', async () => {
    expect((await w.as.sro!.post('/api/incidents', { ...incidentBody(w), extra: 1 })).status).toBe(400);
    expect((await w.as.sro!.post('/api/incidents', incidentBody(w, { schoolId: w.foreign }))).status).toBe(404);
    expect((await w.as.sro!.post('/api/incidents', incidentBody(w, { schoolId: w.south }))).status).toBe(404);
  });

  it('an arrest implies a referral to law enforcement and starts the superintendent clock (24 hours or before the next school day)', async () => {
    const detail = await createIncident(w, 'sro', {
      persons: [{ kind: 'student', role: 'suspect', studentId: w.juvenile }], actions: [{ person: 0, kind: 'arrest', at: '2026-11-02T11:00:00Z' }],
    });
    const kinds = detail.actions.map((a: { kind: string; implied: boolean }) => `${a.kind}:${a.implied}`).sort();
    expect(kinds).toEqual(['arrest:false', 'referral_law_enforcement:true']);
    // Texas CCP 15.27(a): within 24 hours or before the next school day, whichever is earlier: Tuesday 00:00 in Chicago.
    const oral = detail.tasks.find((t: { rule: string }) => t.rule === 'superintendent_oral_24h');
    expect(oral).toMatchObject({ kind: 'notification', dueAt: '2026-11-03T06:00:00.000Z', overdue: false, msRemaining: 16 * 3600 * 1000 });
    expect(detail.tasks).toHaveLength(2);
  });

  it('staff, counselors and school administrators cannot create incidents (403)', async () => {
    for (const who of ['staff', 'counselor', 'principal', 'security']) {
      expect((await w.as[who]!.post('/api/incidents', incidentBody(w))).status, who).toBe(403);
    }
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection.js';
import { incidentActions, incidentOffenses, incidentPersons, incidents, students } from '../../db/schema/index.js';
import { CRDC_DISABILITY, CRDC_OFFENSES, CRDC_RACES, type CrdcBreakdown, type CrdcTables } from '../../../common/analytics.js';
import { readPdf } from '../../test/pdf-text.js';
import { auditOf, startWorld, type World } from '../drills/drills.test-support.js';
import { expectEvery } from '../../test/expect-every.js';

// Worked CRDC examples at North High, school year 2025-26 (1 July 2025 to 30 June 2026, Central time):
//   A  Black, male, IDEA, English learner: arrested (13A with a handgun) and referred again later -> referred once, arrested once
//   B  White, female, Section 504 only: cited (13C with a knife) -> a citation is a referral
//   C  Hispanic, female: arrested off campus -> not school-related, not counted
//   D  Asian, male: arrested, record sealed -> never counted
//   E  Two or more races, male: referred on a draft report -> not a record yet
//   F  White, male, IDEA and 504: referred at 23:30 on 30 June 2026 local (04:30 UTC on 1 July) -> inside the year
//   G  White, male: referred at 23:30 on 30 June 2025 local -> the year before, outside
let w: World;
let number = 0;
const sid: Record<string, string> = {};
const YEAR = 'from=2025-07-01&to=2026-06-30';

async function student(db: Db, key: string, values: Partial<typeof students.$inferInsert>, schoolId = w.north.id) {
  const [row] = await db.insert(students).values({
    districtId: w.districtId, schoolId, studentNumber: `S-${key}-${randomUUID().slice(0, 6)}`, firstName: key, lastName: 'Student', grade: 10,
    dateOfBirth: '2010-01-01', sex: 'male', raceEthnicity: 'white', ...values,
  }).returning();
  sid[key] = row!.id;
  return row!.id;
}

/** One incident with one student, one offense and one action. */
async function incident(db: Db, o: {
  studentId: string; at: string; action: 'arrest' | 'citation' | 'referral_law_enforcement'; code: string; weapons?: string[];
  status?: 'draft' | 'approved'; onCampus?: boolean; sealed?: boolean; schoolId?: string;
}) {
  const [i] = await db.insert(incidents).values({
    districtId: w.districtId, schoolId: o.schoolId ?? w.north.id, number: `2026-${String(++number).padStart(6, '0')}`, onCampus: o.onCampus ?? true,
    locationCode: o.onCampus === false ? '20' : '53', occurredAt: new Date(o.at), status: o.status ?? 'approved', authorId: w.ids['sro.north']!,
    sealedAt: o.sealed ? new Date(o.at) : null, sealedReason: o.sealed ? 'Court order' : null,
  }).returning();
  await db.insert(incidentOffenses).values({ incidentId: i!.id, position: 0, kind: 'nibrs', nibrsCode: o.code, weaponForce: o.weapons ?? [] });
  const [p] = await db.insert(incidentPersons).values({ incidentId: i!.id, position: 0, kind: 'student', role: 'suspect', studentId: o.studentId, firstName: 'x', lastName: 'y', juvenile: true }).returning();
  await db.insert(incidentActions).values({ incidentId: i!.id, personId: p!.id, kind: o.action, at: new Date(o.at) });
  return i!.id;
}

beforeAll(async () => {
  w = await startWorld();
  const db = w.t.db;
  await student(db, 'A', { raceEthnicity: 'black', idea: true, englishLearner: true });
  await student(db, 'B', { sex: 'female', section504: true });
  await student(db, 'C', { sex: 'female', raceEthnicity: 'hispanic_latino' });
  await student(db, 'D', { raceEthnicity: 'asian' });
  await student(db, 'E', { raceEthnicity: 'two_or_more' });
  await student(db, 'F', { idea: true, section504: true });
  await student(db, 'G', {});
  await incident(db, { studentId: sid.A!, at: '2025-10-01T15:00:00Z', action: 'arrest', code: '13A', weapons: ['12'] });
  await incident(db, { studentId: sid.A!, at: '2026-02-01T15:00:00Z', action: 'referral_law_enforcement', code: '13B', weapons: ['40'] });
  await incident(db, { studentId: sid.B!, at: '2025-11-03T17:00:00Z', action: 'citation', code: '13C', weapons: ['20'] });
  await incident(db, { studentId: sid.C!, at: '2025-11-04T17:00:00Z', action: 'arrest', code: '120', onCampus: false });
  await incident(db, { studentId: sid.D!, at: '2025-11-05T17:00:00Z', action: 'arrest', code: '11A', weapons: ['40'], sealed: true });
  await incident(db, { studentId: sid.E!, at: '2025-11-06T17:00:00Z', action: 'referral_law_enforcement', code: '13B', status: 'draft' });
  await incident(db, { studentId: sid.F!, at: '2026-07-01T04:30:00Z', action: 'referral_law_enforcement', code: '520', weapons: ['60'] });
  await incident(db, { studentId: sid.G!, at: '2025-07-01T04:30:00Z', action: 'referral_law_enforcement', code: '13B', weapons: ['99'] });
  // Enrolment for the equity page: 40 more White and 20 more Black students, none referred; one student at East.
  await db.insert(students).values(Array.from({ length: 60 }, (_, k) => ({
    districtId: w.districtId, schoolId: w.north.id, studentNumber: `F-${k}-${randomUUID().slice(0, 6)}`, firstName: `Filler${k}`, lastName: 'Student',
    grade: 10, dateOfBirth: '2010-01-01', sex: k % 2 ? 'female' as const : 'male' as const, raceEthnicity: k < 40 ? 'white' as const : 'black' as const,
  })));
  await student(db, 'H', { raceEthnicity: 'asian' }, w.east.id);
  await incident(db, { studentId: sid.H!, at: '2025-12-01T17:00:00Z', action: 'arrest', code: '13B', weapons: ['40'], schoolId: w.east.id });
}, 60_000);
afterAll(async () => w?.t.close());

describe('CRDC tables', () => {
  it('count each student once per table by the CRDC definitions: citations are referrals, every arrest is a referral', async () => {
    const res = await (await w.as('director')).get(`/api/analytics/crdc?${YEAR}`);
    expect(res.status).toBe(200);
    const north = res.body.schools.find((s: { school: { id: string } }) => s.school.id === w.north.id);
    expect(north.referrals).toEqual({
      total: 3,
      race: { hispanic_latino: 0, american_indian_alaska_native: 0, asian: 0, native_hawaiian_pacific_islander: 0, black: 1, white: 2, two_or_more: 0 },
      sex: { male: 2, female: 1 },
      disability: { none: 0, idea: 2, section504: 1 },
      englishLearner: 1,
    });
    expect(north.arrests.total).toBe(1);
    expect(north.arrests.race.black).toBe(1);
    expect(north.arrests.disability.idea).toBe(1);
  });

  it('leave out off-campus, sealed and draft records, and days outside the district-local school year', async () => {
    const north = (await (await w.as('director')).get(`/api/analytics/crdc?${YEAR}`)).body.schools.find((s: { school: { id: string } }) => s.school.id === w.north.id);
    // C off campus, D sealed, E draft, G the evening of 30 June 2025 local: none of them in any count.
    expect(north.referrals.race.hispanic_latino).toBe(0);
    expect(north.referrals.race.asian).toBe(0);
    expect(north.referrals.race.two_or_more).toBe(0);
    expect(north.referrals.total).toBe(3);
    // The next year starts at local midnight: F (23:30 on 30 June 2026 local) is not in it.
    const next = (await (await w.as('director')).get('/api/analytics/crdc?from=2026-07-01&to=2027-06-30')).body.schools.find((s: { school: { id: string } }) => s.school.id === w.north.id);
    expect(next.referrals.total).toBe(0);
  });

  it('count incidents by CRDC offense category from the NIBRS code and the weapon', async () => {
    const north = (await (await w.as('director')).get(`/api/analytics/crdc?${YEAR}`)).body.schools.find((s: { school: { id: string } }) => s.school.id === w.north.id);
    expect(north.offenses).toMatchObject({
      attack_firearm: 1, attack_no_weapon: 1, threat_weapon: 1, possession_firearm: 1, rape: 0, robbery_no_weapon: 0,
    });
  });

  it('are a CSV with a byte-order mark, the owner label and a row per school and table; the export is audited', async () => {
    const director = await w.as('director');
    const before = (await auditOf(w.t.db, 'analytics.viewed', 'crdc')).length;
    const res = await director.get(`/api/analytics/crdc.csv?${YEAR}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.text.startsWith('\uFEFF"Education record (FERPA)')).toBe(true);
    expect(res.text).toContain('North High,');
    expect(res.text).toMatch(/North High,\d+,Referred to law enforcement,3,/);
    expect((await auditOf(w.t.db, 'analytics.viewed', 'crdc')).length).toBe(before + 1);
  });

  it('are a PDF with the same numbers as the JSON, school by school', async () => {
    const director = await w.as('director');
    const tables = (await director.get(`/api/analytics/crdc?${YEAR}`)).body as CrdcTables;
    const cookie = [...director.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await w.t.app.inject({ method: 'GET', url: `/api/analytics/crdc.pdf?${YEAR}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('crdc-2025-07-01-2026-06-30.pdf');
    const { text, title } = await readPdf(res.rawPayload);
    expect(title).toBe('CRDC tables 2025-07-01 to 2026-06-30');
    const numbers = (b: CrdcBreakdown) => [b.total, ...CRDC_RACES.map((r) => b.race[r]), b.sex.male ?? 0, b.sex.female ?? 0, b.sex.nonbinary ?? 0,
      ...CRDC_DISABILITY.map((d) => b.disability[d]), b.englishLearner];
    const starts = tables.schools.map((s) => text.indexOf(`${s.school.name} (NCES`));
    expectEvery(starts, (i) => i >= 0);
    tables.schools.forEach((s, k) => {
      const section = text.slice(starts[k], starts[k + 1] ?? text.length).replace(/CRDC tables [^·]*· page \d+ of \d+/g, '');
      const printed = [...section.matchAll(/:\s*(\d+)/g)].map((m) => Number(m[1]));
      expect(printed).toEqual([...numbers(s.referrals), ...numbers(s.arrests), ...CRDC_OFFENSES.map((o) => s.offenses[o])]);
    });
    expect(tables.schools.find((s) => s.school.id === w.north.id)!.referrals.total).toBe(3);
  });

  it('show a principal only their school, and refuse a school outside the scope as not found', async () => {
    const principal = await w.as('principal.north');
    const res = await principal.get(`/api/analytics/crdc?${YEAR}`);
    expect(res.status).toBe(200);
    expect(res.body.schools.map((s: { school: { id: string } }) => s.school.id)).toEqual([w.north.id]);
    const other = await principal.get(`/api/analytics/crdc?${YEAR}&schoolIds=${w.east.id}`);
    expect(other.status).toBe(404);
    expect(other.body.error).toMatchObject({ code: 'not_found', field: 'schoolIds' });
  });

  it('are refused to roles without report.export', async () => {
    for (const who of ['sro.north', 'counselor.north', 'staff.north', 'security.north']) {
      const res = await (await w.as(who)).get(`/api/analytics/crdc?${YEAR}`);
      expect(res.status, who).toBe(403);
      expect(res.body.error.code, who).toBe('forbidden');
    }
  });
});

describe('dashboard', () => {
  it('gives the director key figures and panels with tables over every school', async () => {
    const res = await (await w.as('director')).get(`/api/analytics/dashboard?${YEAR}`);
    expect(res.status).toBe(200);
    // A, A, B, F at North and H at East: approved or submitted, unsealed, in the year (C off campus counts as an incident).
    expect(res.body.figures.find((f: { key: string }) => f.key === 'incidents').value).toBe(6);
    const bySchool = res.body.panels.find((p: { id: string }) => p.id === 'incidents-by-school');
    expect(bySchool.rows).toEqual([{ school: 'North High', incidents: 5 }, { school: 'East Elementary', incidents: 1 }]);
    expect(bySchool.links).toHaveLength(2);
    const heat = res.body.panels.find((p: { id: string }) => p.id === 'incidents-by-hour');
    // 2025-10-01 15:00 UTC is Wednesday 10:00 in Chicago.
    expect(heat.rows[2].h10).toBe(1);
    expect(res.body.timezone).toBe('America/Chicago');
  });

  it('filters by school and level', async () => {
    const director = await w.as('director');
    const east = await director.get(`/api/analytics/dashboard?${YEAR}&schoolIds=${w.east.id}`);
    expect(east.body.figures.find((f: { key: string }) => f.key === 'incidents').value).toBe(1);
    const high = await director.get(`/api/analytics/dashboard?${YEAR}&level=high`);
    expect(high.body.schools.map((s: { id: string }) => s.id)).toEqual([w.north.id]);
  });

  it('scopes an SRO to their school, links records only where they may read them, and refuses staff', async () => {
    const sro = await (await w.as('sro.north')).get(`/api/analytics/dashboard?${YEAR}`);
    expect(sro.status).toBe(200);
    expect(sro.body.schools.map((s: { id: string }) => s.id)).toEqual([w.north.id]);
    expect(sro.body.panels.find((p: { id: string }) => p.id === 'incidents-by-school').links[0]).toContain(`/incidents?schoolId=${w.north.id}`);
    const principal = await (await w.as('principal.north')).get(`/api/analytics/dashboard?${YEAR}`);
    // A principal holds no incident.read: the number is shown, the records are not linked.
    expect(principal.body.panels.find((p: { id: string }) => p.id === 'incidents-by-school').links).toEqual([null]);
    const staff = await (await w.as('staff.north')).get(`/api/analytics/dashboard?${YEAR}`);
    expect(staff.status).toBe(403);
    expect(staff.body.error.code).toBe('forbidden');
  });

  it('answers 400 naming the field for a bad range or school list', async () => {
    const director = await w.as('director');
    const cases: [string, string][] = [
      ['from=2026-02-01&to=2026-01-01', 'to'], ['from=2026-02-30&to=2026-03-01', 'from'], ['from=2020-01-01&to=2026-01-01', 'to'],
      [`${YEAR}&schoolIds=nope`, 'schoolIds'], [`${YEAR}&level=college`, 'level'], ['to=2026-01-01', 'from'],
    ];
    for (const [query, field] of cases) {
      const res = await director.get(`/api/analytics/dashboard?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.field, query).toBe(field);
    }
  });
});

describe('equity', () => {
  it('shows rates per 1,000 and suppresses cells under the minimum count', async () => {
    const res = await (await w.as('director')).get(`/api/analytics/equity?${YEAR}`);
    expect(res.status).toBe(200);
    expect(res.body.minimumCount).toBe(10);
    const black = res.body.rows.find((r: { group: string }) => r.group === 'black');
    // 21 Black students enrolled at North (A and 20 more), one referred: under 10, so hidden.
    expect(black.enrolled).toBe(21);
    expect(black.measures.referral).toMatchObject({ students: null, suppressed: true });
    const asian = res.body.rows.find((r: { group: string }) => r.group === 'asian');
    // D (North) and H (East): 2 enrolled, under the minimum, so the whole group's rates are hidden.
    expect(asian.enrolled).toBeNull();
  });

  it('computes the relative rate index against all other students once the district lowers the minimum', async () => {
    const director = await w.as('director');
    const principal = await (await w.as('principal.north')).put('/api/analytics/settings', { equityMinimumCount: 3 });
    expect(principal.status).toBe(403);
    expect(principal.body.error.code).toBe('forbidden');
    const sysadmin = await w.as('sysadmin');
    expect((await sysadmin.put('/api/analytics/settings', { equityMinimumCount: 2 })).body.error.field).toBe('equityMinimumCount');
    expect((await sysadmin.put('/api/analytics/settings', { equityMinimumCount: 3 })).status).toBe(200);
    expect((await auditOf(w.t.db, 'analytics.settings_updated', w.districtId))[0]!.detail).toEqual({ equityMinimumCount: { from: 10, to: 3 } });
    const res = await director.get(`/api/analytics/equity?${YEAR}`);
    const white = res.body.rows.find((r: { group: string }) => r.group === 'white');
    // White: B, F, G + 40 = 43 enrolled, B and F referred (G is outside the year) -> 2, under 3: suppressed.
    expect(white.enrolled).toBe(43);
    expect(white.measures.referral.suppressed).toBe(true);
    const male = res.body.rows.find((r: { group: string }) => r.group === 'male');
    // Males referred: A, F at North and H at East (arrest) = 3 of 36 (A, D, E, F, G, H and 30 fillers) -> 83.33 per 1,000;
    // others: B of 32 females -> 31.25; RRI 2.667.
    expect(male.enrolled).toBe(36);
    expect(male.measures.referral.students).toBe(3);
    expect(male.measures.referral.ratePer1000).toBeCloseTo(83.333, 2);
    expect(male.measures.referral.rri).toBeCloseTo((3 / 36) / (1 / 32), 6);
    expect(male.measures.referral.ciLow).toBeLessThan(male.measures.referral.rri);
    await sysadmin.put('/api/analytics/settings', { equityMinimumCount: 10 });
  });

  it('is refused to roles without analytics.equity (the director and district administrators hold it)', async () => {
    for (const who of ['supervisor', 'principal.north', 'sro.north', 'counselor.north', 'staff.north']) {
      const res = await (await w.as(who)).get(`/api/analytics/equity?${YEAR}`);
      expect(res.status, who).toBe(403);
      expect(res.body.error.code, who).toBe('forbidden');
    }
  });
});

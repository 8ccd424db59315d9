import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient } from '../../test/app.js';
import { auditOf, calendarBody, startWorld, type World } from '../drills/drills.test-support.js';

// Compliance as of a past day (Illinois rules, hand-worked 2025-26 calendar, district in America/Chicago).
// Drills are recorded as the clock moves, so "recorded after the day" can be told from "dated after it":
//   recorded 2026-02-20: evacuation drills dated 2025-09-10 and 2026-02-18;
//   recorded 2026-03-01 23:30 Chicago: evacuation dated 2026-02-25 (the last minutes of March 1);
//   recorded 2026-03-02 00:30 Chicago: evacuation dated 2026-02-27 (the first minutes of March 2);
//   recorded 2026-09-15: bus evacuation dated 2026-05-28 (after the fact, after the school year ended).
let w: World;
const EVAC = 'Evacuation drills';
const BUS = 'Bus evacuation drill';

const moveTo = (at: string) => w.t.clock.advance(new Date(at).getTime() - w.t.clock.now().getTime());
// Sessions end after 12 hours: after the clock moves, each call signs in afresh.
const as = (who: string) => signedInClient(w.t, `${who}@prep.test`);
const record = async (type: string, date: string) => {
  const res = await (await as('sro.north')).post('/api/drills', { schoolId: w.north.id, type, status: 'completed', date, durationMinutes: 10 });
  expect(res.status).toBe(201);
  return res.body.id as string;
};
type RuleView = { title: string; status: string; periods: { counted: number; daysLeft: number | null; drillIds: string[] }[] };
const ruleOf = (body: { rules: RuleView[] }, title: string) => body.rules.find((r) => r.title === title)!;

beforeAll(async () => {
  w = await startWorld({ now: new Date('2026-02-20T16:00:00Z') });
  const director = await as('director');
  await director.put('/api/drill-rules/state', { state: 'IL' });
  await director.put('/api/calendars', calendarBody(null));
  await record('fire_evacuation', '2025-09-10');
  await record('fire_evacuation', '2026-02-18');
  moveTo('2026-03-02T05:30:00Z'); // 23:30 on March 1 in Chicago (CST, UTC-6)
  await record('fire_evacuation', '2026-02-25');
  moveTo('2026-03-02T06:30:00Z'); // 00:30 on March 2 in Chicago
  await record('fire_evacuation', '2026-02-27');
  moveTo('2026-09-15T15:00:00Z');
  await record('bus_evacuation', '2026-05-28');
}, 240_000);
afterAll(async () => {
  await w?.t.close();
});

describe('compliance as of a past day', () => {
  it('answers "where did we stand on March 1": drills recorded after that day do not count, the window shows as it stood', async () => {
    const res = await (await as('principal.north')).get(`/api/compliance/schools/${w.north.id}?asOf=2026-03-01`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ schoolYear: 2025, today: '2026-03-01', asOf: '2026-03-01' });
    // 09-10, 02-18 and 02-25 (recorded 23:30 on March 1) count; 02-27 was recorded on March 2.
    expect(ruleOf(res.body, EVAC)).toMatchObject({ status: 'met', periods: [{ counted: 3 }] });
    expect(ruleOf(res.body, BUS)).toMatchObject({ status: 'on_track', periods: [{ counted: 0, daysLeft: 89 }] });
  });

  it('answers "were we compliant on the last day of school last year": the bus drill recorded in September does not count then', async () => {
    const res = await (await as('principal.north')).get(`/api/compliance/schools/${w.north.id}?asOf=2026-05-29`);
    expect(res.body).toMatchObject({ schoolYear: 2025, today: '2026-05-29', asOf: '2026-05-29' });
    expect(ruleOf(res.body, EVAC)).toMatchObject({ status: 'met', periods: [{ counted: 4 }] });
    expect(ruleOf(res.body, BUS)).toMatchObject({ status: 'at_risk', periods: [{ counted: 0, daysLeft: 0 }] });
    // Today, the same year counts the drill recorded after the fact.
    const now = await (await as('principal.north')).get(`/api/compliance/schools/${w.north.id}?schoolYear=2025`);
    expect(now.body).toMatchObject({ today: '2026-09-15', asOf: null });
    expect(ruleOf(now.body, BUS)).toMatchObject({ status: 'met', periods: [{ counted: 1 }] });
  });

  it('judges the overview as of a day too', async () => {
    const o = (await (await as('director')).get('/api/compliance/overview?asOf=2025-12-01')).body;
    expect(o).toMatchObject({ schoolYear: 2025, today: '2025-12-01', asOf: '2025-12-01' });
    const north = o.schools.find((s: { schoolId: string }) => s.schoolId === w.north.id);
    expect(north.rules.find((r: { ruleId: string }) => r.ruleId === o.rules.find((x: { title: string }) => x.title === EVAC).ruleId).counted).toBe(0);
  });

  it('refuses a day after today and a malformed day with 400 naming asOf', async () => {
    const principal = await as('principal.north');
    for (const bad of ['2026-09-16', '2026-13-01', 'yesterday']) {
      const res = await principal.get(`/api/compliance/schools/${w.north.id}?asOf=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'validation_failed', field: 'asOf' });
    }
    expect((await principal.get(`/api/compliance/overview?asOf=2026-09-16`)).status).toBe(400);
    expect((await principal.get(`/api/compliance/schools/${w.north.id}?asOf=2026-09-15`)).status).toBe(200);
  });

  it('says "as of" in the CSV and PDF reports and their file names, audited with the day', async () => {
    const director = await as('director');
    const csv = await director.get(`/api/compliance/report.csv?schoolId=${w.north.id}&asOf=2026-03-01`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="drill-compliance-2025-as-of-2026-03-01.csv"');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]!.endsWith(',period_status,as_of')).toBe(true);
    expect(lines).toContain(`North High,2025-26,${EVAC},fire_evacuation,met,School year,2025-08-19,2026-05-29,3,3,met,2026-03-01`);
    const pdf = await director.get(`/api/compliance/report.pdf?schoolId=${w.north.id}&asOf=2026-03-01`);
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="drill-compliance-2025-as-of-2026-03-01.pdf"');
    expect((await auditOf(w.t.db, 'compliance.exported')).map((e) => e.detail.asOf)).toEqual(['2026-03-01', '2026-03-01']);
  });
});

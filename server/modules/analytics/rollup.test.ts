import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsQuery } from '../../../common/analytics.js';
import type { Actor } from '../../auth/access.js';
import { rows } from '../../db/connection.js';
import { ManualClock } from '../../lib/clock.js';
import type { ServiceContext } from '../../lib/context.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { createDistrict, createSchool, createUser } from '../../test/fixtures.js';
import * as raw from './analytics.repository.js';
import { getDashboard, windowOf } from './analytics.service.js';
import * as crdc from './crdc.repository.js';
import { getEquity } from './crdc.service.js';
import * as rollups from './rollup.repository.js';
import { rebuild, wholeMonths } from './rollup.repository.js';

// The summary tables (ADR 0004) against the raw aggregates they replace: random incidents, offenses, actions and
// activity, many of them within an hour of local midnight and on month, year and daylight-saving edges, written
// in statements of several rows and one row, then changed (approved, moved across midnight and between schools,
// sealed, unsealed, parts edited and deleted, records deleted), and every panel of the dashboard compared, from
// the summary tables and from the raw queries, under filters of school year, date ranges, schools and level.
const TZ = 'America/Chicago';
const SEED = Number(process.env.ROLLUP_SEED ?? Date.now() % 1_000_000);
let t: TestApp;
let ctx: ServiceContext;
let districtId: string;
let schoolIds: string[];
const areaIds: string[] = [];
const studentIds: string[] = [];

/** A small seeded generator (mulberry32), so a failure can be replayed with ROLLUP_SEED. */
function generator(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = generator(SEED);
const int = (n: number) => Math.floor(rnd() * n);
const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
const pad = (n: number) => String(n).padStart(2, '0');
const EDGES = ['2024-06-30', '2024-07-01', '2024-12-31', '2025-01-01', '2025-06-30', '2025-07-01', '2025-08-31', '2025-09-01', '2025-11-01',
  '2025-11-02', '2025-11-03', '2026-02-28', '2026-03-01', '2026-03-08', '2026-06-30', '2026-07-01'];
/** A local wall time: half on edge days, mostly an hour from midnight. */
function localTime(): string {
  const day = rnd() < 0.5 ? pick(EDGES) : new Date(Date.UTC(2024, 6, 1) + int(760) * 86_400_000).toISOString().slice(0, 10);
  const hour = rnd() < 0.6 ? pick([0, 23]) : int(24);
  return `${day} ${pad(hour)}:${pad(int(60))}:${pad(int(60))}`;
}
const at = (local: string) => sql`(${local}::timestamp at time zone ${TZ})`;
const values = (list: SQL[]) => sql.join(list, sql`, `);

let number = 0;
/** Inserts `n` incidents in one statement, with offenses, persons and actions in statements of their own. */
async function addIncidents(n: number, authorId: string) {
  const ids = Array.from({ length: n }, () => crypto.randomUUID());
  await t.db.execute(sql`insert into incidents (id, district_id, school_id, number, on_campus, location_code, area_id, occurred_at, status, author_id)
    values ${values(ids.map((id) => sql`(${id}::uuid, ${districtId}::uuid, ${pick(schoolIds)}::uuid, ${`R-${++number}`}, ${rnd() < 0.85}, ${pick(['53', '18', '20', '13'])},
      ${rnd() < 0.4 ? pick(areaIds) : null}::uuid, ${at(localTime())}, ${pick(['draft', 'submitted', 'approved', 'approved', 'returned'])}::incident_status, ${authorId}::uuid)`))}`);
  const offenses: SQL[] = [];
  const persons: SQL[] = [];
  const actions: SQL[] = [];
  for (const id of ids) {
    for (let p = 0; p < 1 + int(3); p++) {
      const nibrs = rnd() < 0.5;
      offenses.push(sql`(${id}::uuid, ${p}, ${nibrs ? 'nibrs' : 'school'}::offense_kind, ${nibrs ? pick(['13A', '13B', '13C', '520']) : null},
        ${nibrs ? null : pick(['fight', 'threat', 'vaping'])}::school_safety_category)`);
    }
    const people = Array.from({ length: int(3) }, (_, p) => {
      const pid = crypto.randomUUID();
      const student = rnd() < 0.7 ? pick(studentIds) : null;
      persons.push(sql`(${pid}::uuid, ${id}::uuid, ${p}, ${student ? 'student' : 'visitor'}::person_kind, 'suspect', ${student}::uuid, 'P', 'Q', false)`);
      return pid;
    });
    for (let a = 0; a < int(4); a++) {
      actions.push(sql`(${id}::uuid, ${people.length && rnd() < 0.8 ? pick(people) : null}::uuid,
        ${pick(['arrest', 'citation', 'referral_law_enforcement', 'warning'])}::action_kind, now())`);
    }
  }
  await t.db.execute(sql`insert into incident_offenses (incident_id, position, kind, nibrs_code, category) values ${values(offenses)}`);
  if (persons.length) await t.db.execute(sql`insert into incident_persons (id, incident_id, position, kind, role, student_id, first_name, last_name, juvenile) values ${values(persons)}`);
  if (actions.length) await t.db.execute(sql`insert into incident_actions (incident_id, person_id, kind, at) values ${values(actions)}`);
  return ids;
}

async function addActivity(n: number, officers: string[]) {
  await t.db.execute(sql`insert into activity_entries (district_id, school_id, user_id, kind, triad_role, started_at, duration_minutes, title, created_by)
    values ${values(Array.from({ length: n }, () => {
      const officer = pick(officers);
      const [kind, role] = pick([['patrol', 'law_enforcement'], ['mentoring', 'mentoring'], ['class', 'education']] as const);
      return sql`(${districtId}::uuid, ${rnd() < 0.9 ? pick(schoolIds) : null}::uuid, ${officer}::uuid, ${kind}, ${role}, ${at(localTime())}, ${15 + int(120)}, 'Random', ${officer}::uuid)`;
    }))}`);
}

/** A condition true for a share of activity rows, the same for the same seed. */
const share = (p: number) => sql`abs(hashtext(id::text || ${String(SEED + int(1000))})) % 100 < ${Math.round(p * 100)}`;
/** A random share of the ids. */
const some = (ids: string[], share: number) => ids.filter(() => rnd() < share);
const idList = (ids: string[]) => sql`(${sql.join((ids.length ? ids : ['00000000-0000-0000-0000-000000000000']).map((id) => sql`${id}::uuid`), sql`, `)})`;

const QUERIES: AnalyticsQuery[] = [];
function queries(): AnalyticsQuery[] {
  const list: AnalyticsQuery[] = [
    { from: '2025-07-01', to: '2026-06-30' }, { from: '2024-07-01', to: '2025-06-30' },
    { from: '2025-07-01', to: '2026-06-30', schoolIds: [schoolIds[0]!] }, { from: '2025-07-01', to: '2026-06-30', schoolIds: [schoolIds[1]!, schoolIds[2]!] },
    { from: '2025-07-01', to: '2026-06-30', level: 'high' }, { from: '2025-11-02', to: '2025-11-02' }, { from: '2025-08-31', to: '2025-09-01' },
    { from: '2025-10-15', to: '2026-03-08', level: 'elementary' }, { from: '2025-01-01', to: '2025-01-31' },
  ];
  for (let k = 0; k < 6; k++) {
    const a = new Date(Date.UTC(2024, 5, 25) + int(780) * 86_400_000).toISOString().slice(0, 10);
    const b = new Date(Date.parse(a) + int(400) * 86_400_000).toISOString().slice(0, 10);
    list.push({ from: a, to: b, ...(rnd() < 0.5 ? { schoolIds: some(schoolIds.slice(0, 3), 0.6) } : {}) });
  }
  return list.map((q) => (q.schoolIds && !q.schoolIds.length ? { ...q, schoolIds: undefined } : q));
}

const cells = <T>(list: T[]) => list.map((c) => JSON.stringify(c)).sort();

async function expectSameAsRaw() {
  let students = 0;
  for (const q of QUERIES) {
    const fromRollups = await getDashboard(ctx, q);
    const fromRaw = await getDashboard(ctx, q, raw);
    expect(fromRollups, `seed ${SEED}, ${JSON.stringify(q)}`).toEqual(fromRaw);
    expect(await getEquity(ctx, q), `seed ${SEED}, equity ${JSON.stringify(q)}`).toEqual(await getEquity(ctx, q, crdc));
    const { window } = await windowOf(ctx, q, 'analytics.equity');
    const counted = await rollups.equityStudents(t.db, window);
    expect(cells(counted), `seed ${SEED}, equity cells ${JSON.stringify(q)}`).toEqual(cells(await crdc.equityStudents(t.db, window)));
    students += counted.reduce((n, c) => n + c.referred, 0);
  }
  // Students must reach the equity counts compared (equal empty lists would prove nothing).
  expect(students).toBeGreaterThan(0);
}

/** The summary rows as a sorted list, to compare trigger-maintained rows with a rebuild. */
async function snapshot() {
  const incidentRows = rows<Record<string, unknown>>(await t.db.execute(sql`select school_id, grain, day::text, dim, k1, k2, k3, n from analytics_incident_rollup
    where district_id = ${districtId} order by 1, 2, 3, 4, 5, 6, 7, 8`));
  const studentRows = rows<Record<string, unknown>>(await t.db.execute(sql`select school_id, day::text, student_id, arrested, cited from analytics_student_events
    where district_id = ${districtId} order by 1, 2, 3`));
  const activityRows = rows<Record<string, unknown>>(await t.db.execute(sql`select school_id, grain, day::text, user_id, triad_role, minutes::int from analytics_activity_rollup
    where district_id = ${districtId} order by 1, 2, 3, 4, 5, 6`));
  return { incidentRows, activityRows, studentRows };
}

beforeAll(async () => {
  t = await createTestApp();
  const district = await createDistrict(t.db, { timezone: TZ });
  districtId = district.id;
  const levels = ['high', 'high', 'elementary', 'middle', 'high'] as const;
  schoolIds = [];
  for (const [k, level] of levels.entries()) schoolIds.push((await createSchool(t.db, { districtId, name: `School ${k}`, level })).id);
  for (const schoolId of schoolIds.slice(0, 3)) {
    for (const name of ['Gym', 'Cafeteria']) {
      areaIds.push(rows<{ id: string }>(await t.db.execute(sql`insert into campus_areas (school_id, kind, name) values (${schoolId}::uuid, 'room', ${name}) returning id`))[0]!.id);
    }
  }
  for (let k = 0; k < 14; k++) {
    studentIds.push(rows<{ id: string }>(await t.db.execute(sql`insert into students (district_id, school_id, student_number, first_name, last_name, grade, date_of_birth,
      sex, race_ethnicity, idea, section_504, english_learner) values (${districtId}::uuid, ${pick(schoolIds)}::uuid, ${`S-${SEED}-${k}`}, 'S', ${`N${k}`}, 9, '2010-01-01',
      ${pick(['male', 'female'])}::student_sex, ${pick(['white', 'black', 'hispanic_latino'])}::race_ethnicity, ${rnd() < 0.3}, ${rnd() < 0.2}, ${rnd() < 0.3}) returning id`))[0]!.id);
  }
  await t.db.execute(sql`insert into analytics_settings (district_id, equity_minimum_count) values (${districtId}::uuid, 3)`);
  const director = await createUser(t.db, { email: `director-${SEED}@rollup.test`, districtId, grants: [{ role: 'director', schoolId: null }] });
  const officers = [];
  for (let k = 0; k < 3; k++) officers.push((await createUser(t.db, { email: `sro${k}-${SEED}@rollup.test`, districtId, grants: [{ role: 'sro', schoolId: schoolIds[k]! }] })).id);
  const actor: Actor = { userId: director.id, districtId, name: 'Director', email: director.email, organizationId: null, grants: [{ role: 'director', schoolId: null }], timeZone: TZ };
  ctx = { db: t.db, actor, requestId: 'rollup-test', clock: new ManualClock(new Date('2026-06-30T20:00:00Z')) };

  await addIncidents(150, officers[0]!);
  await addIncidents(1, officers[1]!);
  await addIncidents(60, officers[2]!);
  await addActivity(200, officers);
  await addActivity(1, officers);
  QUERIES.push(...queries());
}, 180_000);
afterAll(async () => t?.close());

describe('dashboard summary tables', () => {
  it('find the whole months inside a window', () => {
    expect(wholeMonths('2025-07-01', '2026-06-30')).toEqual({ start: '2025-07-01', end: '2026-07-01' });
    expect(wholeMonths('2025-07-02', '2026-06-29')).toEqual({ start: '2025-08-01', end: '2026-06-01' });
    expect(wholeMonths('2025-12-15', '2026-01-31')).toEqual({ start: '2026-01-01', end: '2026-02-01' });
    expect(wholeMonths('2025-11-02', '2025-11-20')).toEqual({ start: '2025-11-02', end: '2025-11-02' });
    expect(wholeMonths('2024-02-01', '2024-02-29')).toEqual({ start: '2024-02-01', end: '2024-03-01' });
  });

  it('give every panel exactly as the raw aggregates do, after inserts', async () => {
    await expectSameAsRaw();
    // The data must reach the panels this compares (a test of empty dashboards would prove nothing).
    const year = await getDashboard(ctx, QUERIES[0]!);
    expect(year.figures.find((f) => f.key === 'incidents')!.value).toBeGreaterThan(10);
    expect(year.panels.find((p) => p.id === 'sro-time-by-school')!.rows.length).toBeGreaterThan(0);
  });

  it('stay equal through approvals, moves across midnight and schools, sealing, edits and deletions', async () => {
    const all = rows<{ id: string }>(await t.db.execute(sql`select id from incidents where district_id = ${districtId}`)).map((r) => r.id);
    await t.db.execute(sql`update incidents set status = 'approved' where id in ${idList(some(all, 0.2))}`);
    await t.db.execute(sql`update incidents set occurred_at = occurred_at + interval '47 minutes' where id in ${idList(some(all, 0.3))}`);
    await t.db.execute(sql`update incidents set school_id = ${schoolIds[3]!}::uuid, area_id = null where id in ${idList(some(all, 0.1))}`);
    await t.db.execute(sql`update incidents set on_campus = not on_campus, location_code = '25' where id in ${idList(some(all, 0.1))}`);
    const sealed = some(all, 0.15);
    await t.db.execute(sql`update incidents set sealed_at = now(), sealed_reason = 'Court order' where id in ${idList(sealed)}`);
    await t.db.execute(sql`update incidents set sealed_at = null, sealed_reason = null where id in ${idList(some(sealed, 0.3))}`);
    await t.db.execute(sql`update incident_offenses set nibrs_code = '13C', kind = 'nibrs', category = null where incident_id in ${idList(some(all, 0.2))}`);
    await t.db.execute(sql`delete from incident_offenses where position > 0 and incident_id in ${idList(some(all, 0.3))}`);
    await t.db.execute(sql`update incident_actions set kind = 'arrest' where incident_id in ${idList(some(all, 0.2))}`);
    await t.db.execute(sql`delete from incident_actions where incident_id in ${idList(some(all, 0.2))}`);
    await t.db.execute(sql`update incident_persons set student_id = ${studentIds[0]!}::uuid where student_id is not null and incident_id in ${idList(some(all, 0.2))}`);
    const gone = some(all, 0.1);
    for (const table of ['incident_actions', 'incident_persons', 'incident_offenses']) await t.db.execute(sql`delete from ${sql.identifier(table)} where incident_id in ${idList(gone)}`);
    await t.db.execute(sql`delete from incidents where id in ${idList(gone)}`);
    await t.db.execute(sql`update activity_entries set started_at = started_at + interval '71 minutes' where district_id = ${districtId} and ${share(0.3)}`);
    await t.db.execute(sql`update activity_entries set school_id = ${schoolIds[4]!}::uuid where district_id = ${districtId} and ${share(0.1)}`);
    await t.db.execute(sql`update activity_entries set duration_minutes = duration_minutes + 5 where district_id = ${districtId} and ${share(0.1)}`);
    await t.db.execute(sql`delete from activity_entries where district_id = ${districtId} and ${share(0.1)}`);
    // A renamed area and an inactive school: names are read as they are now, an inactive school is left out.
    await t.db.execute(sql`update campus_areas set name = 'Main gym' where id = ${areaIds[0]!}`);
    await t.db.execute(sql`update schools set active = false where id = ${schoolIds[4]!}`);
    await expectSameAsRaw();
    // Rows kept by the triggers are the rows a rebuild computes from scratch.
    const kept = await snapshot();
    await rebuild(t.db, districtId);
    expect(await snapshot()).toEqual(kept);
  });

  it('move every local day when the district changes its time zone', async () => {
    await t.db.execute(sql`update districts set timezone = 'America/Los_Angeles' where id = ${districtId}`);
    ctx = { ...ctx, actor: { ...ctx.actor, timeZone: 'America/Los_Angeles' } };
    await expectSameAsRaw();
    await t.db.execute(sql`update districts set timezone = ${TZ} where id = ${districtId}`);
  });
});

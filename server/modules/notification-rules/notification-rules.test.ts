import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { notificationRules, users } from '../../db/schema/index.js';
import { auditOf, createIncident, createWorld, rowCount, type World } from '../incidents/incidents.test-support.js';
import { expectEvery } from '../../test/expect-every.js';

// A Texas district in America/Chicago; the clock reads Monday 2026-11-02 14:00 UTC (08:00 CST). The district
// calendar 2026-27 closes Tuesday 2026-11-03 (a holiday), so "1 school day" after Monday ends Wednesday night.
let w: World;
const HOUR = 3_600_000;

beforeAll(async () => {
  w = await createWorld();
  const calendar = await w.as.director!.put('/api/calendars', {
    schoolId: null, schoolYear: 2026, firstDay: '2026-08-12', lastDay: '2027-05-28',
    semesters: [{ start: '2026-08-12', end: '2026-12-18' }, { start: '2027-01-05', end: '2027-05-28' }],
    summerSession: null, closedDays: [{ start: '2026-11-03', end: '2026-11-03', name: 'Election day' }],
  });
  expect(calendar.status).toBe(200);
}, 120_000);
afterAll(async () => w?.t.close());

const arrest = (at: string, offenses?: unknown[]) => ({
  persons: [{ kind: 'student', role: 'suspect', studentId: w.juvenile }], actions: [{ person: 0, kind: 'arrest', at }],
  ...(offenses ? { offenses } : {}),
});
const parentRule = {
  key: 'parent_drug_arrest', title: 'Tell a parent of the drug arrest', trigger: 'arrest', offenses: ['35A'], notify: 'parent',
  method: 'oral', deadlineAmount: 1, deadlineUnit: 'school_days',
};
type TaskView = { rule: string | null; dueAt: string; overdue: boolean; title: string };
const dueOf = (detail: { tasks: TaskView[] }, rule: string) => detail.tasks.find((t) => t.rule === rule)?.dueAt;

describe('the Texas defaults', () => {
  it('show as the state default, cited, until the district adopts them', async () => {
    const res = await w.as.sro!.get('/api/notification-rules');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'TX', source: 'state_default' });
    expect(res.body.rules.map((r: { key: string; id: string | null }) => [r.key, r.id])).toEqual([['superintendent_oral_24h', null], ['superintendent_written_7d', null]]);
    expect(res.body.rules[0].citation).toMatchObject({ section: 'Tex. Code Crim. Proc. art. 15.27(a)', verbatim: true, checkedOn: '2026-12-07' });
  });

  it('start the superintendent clocks of an arrest: 24 h or before the next school day (a holiday skipped), and 7 days', async () => {
    // Monday 07:00 CST: Tuesday is closed, so the next school day is Wednesday and 24 hours come first.
    const detail = await createIncident(w, 'sro', arrest('2026-11-02T13:00:00Z'));
    expect(dueOf(detail, 'superintendent_oral_24h')).toBe('2026-11-03T13:00:00.000Z');
    expect(dueOf(detail, 'superintendent_written_7d')).toBe('2026-11-10T06:00:00.000Z');
  });
});

describe('district-edited rules', () => {
  it('adopts the defaults and adds a rule for drug arrests only, due in school days; audited', async () => {
    const adopted = await w.as.director!.put('/api/notification-rules/defaults');
    expect(adopted.body).toMatchObject({ source: 'district' });
    expectEvery(adopted.body.rules, (r: { id: string | null }) => r.id !== null);
    const created = await w.as.director!.post('/api/notification-rules', parentRule);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: 'parent_drug_arrest', studentsOnly: true, active: true, citation: null });
    expect(await auditOf(w, 'notification_rules.defaults_adopted')).toHaveLength(1);
    expect(await auditOf(w, 'notification_rule.created', created.body.id)).toHaveLength(1);

    const drugs = await createIncident(w, 'sro', arrest('2026-11-02T13:00:00Z', [{ kind: 'nibrs', code: '35A' }]));
    // Monday morning; Tuesday closed: the first school day after is Wednesday, due at its end (Thursday 00:00 CST).
    expect(dueOf(drugs, 'parent_drug_arrest')).toBe('2026-11-05T06:00:00.000Z');
    const fight = await createIncident(w, 'sro', arrest('2026-11-02T13:00:00Z'));
    expect(dueOf(fight, 'parent_drug_arrest')).toBeUndefined();
  });

  it('changes a rule (audited before and after); an inactive rule starts no clock', async () => {
    const rules = (await w.as.director!.get('/api/notification-rules')).body.rules as { id: string; key: string }[];
    const written = rules.find((r) => r.key === 'superintendent_written_7d')!;
    const res = await w.as.director!.patch(`/api/notification-rules/${written.id}`, { active: false, deadlineAmount: 5 });
    expect(res.body).toMatchObject({ active: false, deadlineAmount: 5 });
    expect((await auditOf(w, 'notification_rule.updated', written.id))[0]!.detail).toMatchObject({
      changed: ['deadlineAmount', 'active'], before: { active: true, deadlineAmount: 7 }, after: { active: false, deadlineAmount: 5 },
    });
    const detail = await createIncident(w, 'sro', arrest('2026-11-02T12:00:00Z'));
    expect(dueOf(detail, 'superintendent_written_7d')).toBeUndefined();
    expect(dueOf(detail, 'superintendent_oral_24h')).toBeDefined();
  });

  it('answers 400 naming the field for a bad rule, 409 for a key taken; nothing written', async () => {
    const before = await rowCount(w, notificationRules);
    const cases: [Record<string, unknown>, string][] = [
      [{ offenses: ['99Z'] }, 'offenses.0'], [{ deadlineUnit: 'weeks' }, 'deadlineUnit'], [{ deadlineAmount: -1 }, 'deadlineAmount'],
      [{ notify: 'mayor' }, 'notify'], [{ key: 'Bad Key' }, 'key'], [{ trigger: 'warning' }, 'trigger'],
    ];
    for (const [change, field] of cases) {
      const res = await w.as.director!.post('/api/notification-rules', { ...parentRule, key: 'other_rule', ...change });
      expect(res.status, field).toBe(400);
      expect(res.body.error.field, field).toBe(field);
    }
    const taken = await w.as.director!.post('/api/notification-rules', parentRule);
    expect(taken.status).toBe(409);
    expect(taken.body.error.field).toBe('key');
    expect(await rowCount(w, notificationRules)).toBe(before);
  });

  it('lets only a district grant edit: SRO and principal 403 (no permission), a school-level supervisor 403, another district 404', async () => {
    expect((await w.as.sro!.post('/api/notification-rules', { ...parentRule, key: 'x_rule' })).status).toBe(403);
    expect((await w.as.principal!.get('/api/notification-rules')).status).toBe(403);
    const supervisor = await w.as.supervisor!.post('/api/notification-rules', { ...parentRule, key: 'x_rule' });
    expect(supervisor.status).toBe(403);
    expect(supervisor.body.error.code).toBe('forbidden');
    const id = (await w.as.director!.get('/api/notification-rules')).body.rules[0].id;
    expect((await w.as.supervisor!.delete(`/api/notification-rules/${id}`)).status).toBe(403);
    // A supervisor of another district holds a district grant there: this district's rule reads as absent.
    expect((await w.as.foreignSupervisor!.patch(`/api/notification-rules/${id}`, { active: false })).status).toBe(404);
  });
});

describe('overdue notifications', () => {
  it('show on the incident and in the supervisor\'s list of late notifications; not to a supervisor of another school', async () => {
    const detail = await createIncident(w, 'sro', arrest('2026-11-02T13:00:00Z'));
    w.t.clock.advance(30 * HOUR);
    // Sessions end after 12 hours: sign in again after the clock moved.
    const signIn = async (key: string) => {
      const [user] = await w.t.db.select({ email: users.email }).from(users).where(eq(users.id, w.users[key]!));
      const client = w.t.client();
      await client.signIn(user!.email);
      return client;
    };
    const sup = await signIn('supervisor');
    const late = await sup.get('/api/incident-tasks?scope=all&kind=notification&overdue=true');
    expect(late.status).toBe(200);
    const mine = late.body.items.filter((t: { incidentId: string }) => t.incidentId === detail.id);
    expect(mine.map((t: TaskView) => [t.rule, t.overdue])).toEqual([['superintendent_oral_24h', true]]);
    expectEvery(late.body.items, (t: TaskView & { kind: string }) => t.overdue && t.kind === 'notification');
    const incident = await sup.get(`/api/incidents/${detail.id}?reason=supervisor_review`);
    expect(incident.body.tasks.find((t: TaskView) => t.rule === 'superintendent_oral_24h').overdue).toBe(true);
    const south = await signIn('supervisorSouth');
    expect((await south.get('/api/incident-tasks?scope=all&kind=notification&overdue=true')).body.items).toEqual([]);
  });
});

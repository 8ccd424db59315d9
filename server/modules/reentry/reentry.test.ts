import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reentryPlans } from '../../db/schema/index.js';
import { auditOf, createSupportWorld, rowsIn, type SupportWorld } from '../support-referrals/support.test-support.js';

let w: SupportWorld;
let planId: string;

beforeAll(async () => {
  w = await createSupportWorld();
  const res = await w.as.counselor!.post('/api/support/reentry-plans', {
    studentId: w.students.north, returningFrom: 'Harlan County Juvenile Detention Center', startDate: '2026-10-26', endDate: '2027-01-29',
    summary: 'Returning after 45 days; credit recovery and daily check-ins', memberIds: [w.users.sro],
    goals: [{ description: 'Attend every class for four weeks', targetDate: '2026-11-27' }, { description: 'Meet the mentor weekly' }],
  });
  expect(res.status, res.text).toBe(201);
  planId = res.body.id;
}, 60_000);
afterAll(async () => w?.t.close());

describe('re-entry plans', () => {
  it('the creator and the members they named form the team; goals come with the plan; the creation is audited', async () => {
    const plan = (await w.as.sro!.get(`/api/support/reentry-plans/${planId}`)).body;
    expect(plan).toMatchObject({ status: 'active', member: true, endDate: '2027-01-29', openGoals: 2, lastCheckIn: null, createdBy: { id: w.users.counselor } });
    expect(plan.members.map((m: { id: string }) => m.id).sort()).toEqual([w.users.counselor, w.users.sro].sort());
    expect(await auditOf(w, 'reentry.created', planId)).toHaveLength(1);
  });

  it('members record check-ins and mark goals met; the list shows the latest check-in', async () => {
    const plan = (await w.as.sro!.get(`/api/support/reentry-plans/${planId}`)).body;
    const goal = plan.goals[0].id;
    const checked = await w.as.sro!.post(`/api/support/reentry-plans/${planId}/check-ins`, {
      date: '2026-11-02', note: 'Attended all classes today; talked about football tryouts', progress: 'on_track', goalId: goal,
    });
    expect(checked.status).toBe(201);
    expect(checked.body.checkIns[0]).toMatchObject({ progress: 'on_track', goalId: goal, author: { id: w.users.sro } });
    const met = await w.as.counselor!.patch(`/api/support/reentry-plans/${planId}/goals/${goal}`, { status: 'met' });
    expect(met.body.openGoals).toBe(1);
    const list = await w.as.counselor!.get('/api/support/reentry-plans');
    expect(list.body.items).toEqual([expect.objectContaining({ id: planId, lastCheckIn: { date: '2026-11-02', progress: 'on_track' }, member: true })]);
  });

  it('is seen by the team and by administrators and the director only', async () => {
    for (const who of ['principal', 'director']) {
      const res = await w.as[who]!.get(`/api/support/reentry-plans/${planId}`);
      expect(res.status, who).toBe(200);
      expect(res.body.member, who).toBe(false);
    }
    for (const who of ['counselor2', 'principalSouth', 'sroSouth', 'foreignDirector']) {
      expect((await w.as[who]!.get(`/api/support/reentry-plans/${planId}`)).status, who).toBe(404);
      const list = await w.as[who]!.get('/api/support/reentry-plans');
      expect(list.body.items ?? [], who).toEqual([]);
    }
    // An outside organization's counselor holds no re-entry permission at all (need to know: outsiders see their referrals only).
    for (const who of ['teacher', 'security', 'supervisor', 'sysadmin', 'vendorStaff']) {
      expect((await w.as[who]!.get(`/api/support/reentry-plans/${planId}`)).status, who).toBe(403);
      expect((await w.as[who]!.post('/api/support/reentry-plans', {})).status, who).toBe(403);
    }
    expect((await w.as.counselor2!.post(`/api/support/reentry-plans/${planId}/check-ins`, { date: '2026-11-02', note: 'x', progress: 'on_track' })).status).toBe(404);
    const reads = await auditOf(w, 'reentry.viewed', planId);
    expect(reads.map((e) => e.actorUserId)).toEqual(expect.arrayContaining([w.users.principal, w.users.director]));
  });

  it('names the field of a bad plan, check-in or team change and writes nothing', async () => {
    const before = await rowsIn(w, reentryPlans);
    const bad: [Record<string, unknown>, string][] = [
      [{ endDate: '2026-10-01' }, 'endDate'], [{ studentId: w.students.south }, 'studentId'], [{ memberIds: [w.users.teacher] }, 'memberIds'],
      [{ memberIds: [w.users.counselorSouth] }, 'memberIds'],
    ];
    for (const [overrides, field] of bad) {
      const res = await w.as.counselor!.post('/api/support/reentry-plans', {
        studentId: w.students.north2, returningFrom: 'Detention', startDate: '2026-10-26', endDate: '2027-01-29', ...overrides,
      });
      expect(res.body.error, field).toMatchObject({ code: 'validation_failed', field });
    }
    expect(await rowsIn(w, reentryPlans)).toBe(before);
    const url = `/api/support/reentry-plans/${planId}`;
    expect((await w.as.sro!.post(`${url}/check-ins`, { date: '2026-12-01', note: 'x', progress: 'on_track' })).body.error.field).toBe('date');
    expect((await w.as.sro!.post(`${url}/check-ins`, { date: '2026-11-01', note: 'x', progress: 'on_track', goalId: planId })).body.error.field).toBe('goalId');
    expect((await w.as.sro!.patch(url, { memberIds: [w.users.counselor] })).body.error.field).toBe('memberIds');
    const ended = await w.as.principal!.patch(url, { status: 'completed', memberIds: [w.users.counselor, w.users.sro, w.users.counselor2] });
    expect(ended.body).toMatchObject({ status: 'completed' });
    expect((await w.as.counselor2!.get(url)).status).toBe(200);
  });
});

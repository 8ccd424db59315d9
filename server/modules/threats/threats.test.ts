import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveEvents, threatCaseMembers } from '../../db/schema/index.js';
import { auditOf, createTipWorld, submit, type TipWorld } from '../tips/tips.test-support.js';

let w: TipWorld;
beforeAll(async () => { w = await createTipWorld(); }, 60_000);
afterAll(async () => w?.t.close());

describe('tip triage', () => {
  it('a life-safety tip stores a live event for tip.read at its school, and its acknowledgement another; staff outside the team get 404; reads are audited', async () => {
    const tip = await submit(w, { category: 'weapon', description: 'Gun in a car in the lot' });
    expect(tip.lifeSafety).toBe(true);
    const events = await w.t.db.select().from(liveEvents);
    expect(events.at(-1)).toMatchObject({ type: 'tip.life_safety', audience: 'tip.read', schoolIds: [w.north] });
    expect(JSON.stringify(events.at(-1)!.payload)).not.toContain('Gun in a car');
    expect((await w.as.sroSouth!.get(`/api/tips/${tip.id}`)).status).toBe(404);
    expect((await w.as.staff!.get(`/api/tips/${tip.id}`)).status).toBe(403);
    expect((await w.as.sroSouth!.get('/api/tips')).body.items).toEqual([]);
    const queue = await w.as.sro!.get('/api/tips');
    expect(queue.body.items[0]).toMatchObject({ id: tip.id, lifeSafety: true, acknowledgedAt: null });
    expect((await w.as.sro!.get(`/api/tips/${tip.id}`)).status).toBe(200);
    expect(await auditOf(w, 'tip.viewed', tip.id)).toHaveLength(1);
    const ack = await w.as.sro!.post(`/api/tips/${tip.id}/acknowledge`);
    expect(ack.body).toMatchObject({ status: 'acknowledged', acknowledgedByName: 'sro' });
    // Every dashboard showing the notice is told to take it down; acknowledging again tells nobody anything new.
    const afterAck = await w.t.db.select().from(liveEvents);
    expect(afterAck.at(-1)).toMatchObject({ type: 'tip.acknowledged', audience: 'tip.read', schoolIds: [w.north], payload: { tipId: tip.id } });
    await w.as.sro!.post(`/api/tips/${tip.id}/acknowledge`);
    expect(await w.t.db.$count(liveEvents)).toBe(afterAck.length);
    expect((await w.as.counselor!.post(`/api/tips/${tip.id}/acknowledge`)).status).toBe(403);
    const closed = await w.as.principal!.patch(`/api/tips/${tip.id}`, { status: 'closed' });
    expect(closed.status).toBe(400);
    expect(closed.body.error.field).toBe('outcome');
    expect((await w.as.principal!.patch(`/api/tips/${tip.id}`, { hoax: true })).body).toMatchObject({ status: 'closed', outcome: 'hoax', hoax: true });
  });
});

describe('CSTAG cases', () => {
  it('report to very serious: tasks, interview, safety plan, monitoring, closure, PDF; only the team and the director see it', async () => {
    const tip = await submit(w, { category: 'threat_of_violence', description: 'He said he would shoot up the school' });
    const opened = await w.as.sro!.post('/api/threat-cases', {
      schoolId: w.north, source: 'tip', tipId: tip.id, subjectStudentId: w.student, threatAsReported: 'Said he would bring a gun Friday',
      teamUserIds: [w.users.principal, w.users.counselor],
    });
    expect(opened.status, opened.text).toBe(201);
    const id = opened.body.id as string;
    expect(opened.body.team.map((m: { name: string }) => m.name).sort()).toEqual(['counselor', 'principal', 'sro']);
    expect((await w.as.sro!.post(`/api/threat-cases/${id}/classification`, { classification: 'serious', rationale: 'x' })).status).toBe(409);
    expect((await w.as.sro!.post(`/api/threat-cases/${id}/evaluation`, { studentAccount: 'He was angry after a fight' })).body.status).toBe('evaluated');
    const classified = await w.as.counselor!.post(`/api/threat-cases/${id}/classification`, { classification: 'very_serious', rationale: 'Threat to shoot; access to a rifle at home' });
    expect(classified.body.status).toBe('very_serious');
    expect(classified.body.tasks.map((t: { kind: string }) => t.kind)).toEqual(expect.arrayContaining(['consult_law_enforcement', 'mental_health_evaluation', 'safety_plan', 'notify_victim_parents']));
    const interview = await w.as.sro!.post(`/api/threat-cases/${id}/notes`, { kind: 'interview', body: 'Denies a plan' });
    expect(interview.body.error.field).toBe('interviewee');
    await w.as.sro!.post(`/api/threat-cases/${id}/notes`, { kind: 'interview', interviewee: 'Jordan', intervieweeRole: 'subject', body: 'Denies a plan' });
    await w.as.sro!.post(`/api/threat-cases/${id}/notes`, { kind: 'theme', theme: 'weapons_access', body: 'Rifle at home, locked' });
    expect((await w.as.sro!.post(`/api/threat-cases/${id}/monitoring`)).body.error.field).toBe('safetyPlan');
    const plan = await w.as.principal!.put(`/api/threat-cases/${id}/safety-plan`, { measures: ['Daily check-in with counselor', 'Backpack search on arrival'], reviewDates: ['2026-12-01', '2026-11-16'] });
    expect(plan.body).toMatchObject({ nextReviewOn: '2026-11-16', safetyPlan: { reviewDates: ['2026-11-16', '2026-12-01'] } });
    const task = plan.body.tasks[0];
    expect((await w.as.sro!.patch(`/api/threat-cases/${id}/tasks/${task.id}`, { done: true, ownerUserId: w.users.counselor })).body.openTasks).toBe(plan.body.tasks.length - 1);
    expect((await w.as.sro!.post(`/api/threat-cases/${id}/monitoring`)).body.status).toBe('monitoring');
    const pdf = await w.as.director!.get(`/api/threat-cases/${id}/summary.pdf`);
    expect(pdf.status, pdf.text).toBe(200);
    expect(pdf.text.startsWith('%PDF')).toBe(true);
    expect((await w.as.sro!.post(`/api/threat-cases/${id}/close`, { summary: 'Plan followed, no further concern' })).body.status).toBe('closed');

    // Another SRO of the same school, an SRO elsewhere, staff: outside the team it reads as absent.
    expect((await w.as.sroNorth2!.get(`/api/threat-cases/${id}`)).status).toBe(404);
    expect((await w.as.sroSouth!.get(`/api/threat-cases/${id}`)).status).toBe(404);
    expect((await w.as.staff!.get(`/api/threat-cases/${id}`)).status).toBe(403);
    expect((await w.as.sroNorth2!.get('/api/threat-cases')).body.items).toEqual([]);
    expect((await w.as.director!.get('/api/threat-cases')).body.items.map((c: { id: string }) => c.id)).toContain(id);
    expect((await auditOf(w, 'threat.viewed', id)).length).toBeGreaterThan(0);
    expect(await auditOf(w, 'threat.printed', id)).toHaveLength(1);
  });

  it('a transient threat is resolved with its resolution; the subject must be on the school roster', async () => {
    const bad = await w.as.sro!.post('/api/threat-cases', { schoolId: w.north, source: 'direct', subjectStudentId: w.users.sro, threatAsReported: 'x' });
    expect(bad.body.error.field).toBe('subjectStudentId');
    const c = (await w.as.sro!.post('/api/threat-cases', { schoolId: w.north, source: 'direct', subjectStudentId: w.student, threatAsReported: '"I will kill you" in a game' })).body;
    await w.as.sro!.post(`/api/threat-cases/${c.id}/evaluation`, { studentAccount: 'A figure of speech during a game' });
    expect((await w.as.sro!.post(`/api/threat-cases/${c.id}/classification`, { classification: 'transient', rationale: 'Joke' })).body.error.field).toBe('resolution');
    const done = await w.as.sro!.post(`/api/threat-cases/${c.id}/classification`, { classification: 'transient', rationale: 'Joke', resolution: 'Apologized' });
    expect(done.body).toMatchObject({ status: 'resolved_transient', classification: 'transient', tasks: [] });
  });

  it('a team member without threat access at the case\'s school (moved to another school) neither lists nor reads the case', async () => {
    const c = (await w.as.sro!.post('/api/threat-cases', { schoolId: w.north, source: 'direct', subjectStudentId: w.student, threatAsReported: 'Note in a locker' })).body;
    // Put on the team while at north, then moved: today the officer's only grant is at south.
    await w.t.db.insert(threatCaseMembers).values({ caseId: c.id, userId: w.users.sroSouth! });
    expect((await w.as.sroSouth!.get('/api/threat-cases')).body.items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    expect((await w.as.sroSouth!.get(`/api/threat-cases/${c.id}`)).status).toBe(404);
    expect((await w.as.sro!.get('/api/threat-cases')).body.items.map((x: { id: string }) => x.id)).toContain(c.id);
  });
});

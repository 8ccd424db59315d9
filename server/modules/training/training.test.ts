import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingSessions } from '../../db/schema/index.js';
import { auditOf, startWorld, type World } from '../drills/drills.test-support.js';

let w: World;
let requirementId: string;
let sessionId: string;
beforeAll(async () => { w = await startWorld(); }, 60_000);
afterAll(async () => w?.t.close());

const session = (schoolId: string | null, extra: Record<string, unknown> = {}) => ({ schoolId, topic: 'Standard Response Protocol', heldOn: '2025-08-14', durationMinutes: 45, materials: 'SRP slides', ...extra });

describe('staff training', () => {
  it('defines a district-wide required training (district only), readable by staff', async () => {
    expect((await (await w.as('principal.north')).post('/api/training-requirements', { schoolId: null, topic: 'SRP', roles: ['staff'], validMonths: 12 })).body.error.field).toBe('schoolId');
    const res = await (await w.as('director')).post('/api/training-requirements', { schoolId: null, topic: 'SRP annual training', roles: ['staff', 'counselor'], validMonths: 12 });
    expect(res.status).toBe(201);
    requirementId = res.body.id;
    expect((await (await w.as('staff.north')).get('/api/training-requirements')).body.items.map((r: { id: string }) => r.id)).toEqual([requirementId]);
    expect(await auditOf(w.t.db, 'training_requirement.created', requirementId)).toHaveLength(1);
  });

  it('lets the SRO record a session at their school with attendance, audited', async () => {
    const sro = await w.as('sro.north');
    const res = await sro.post('/api/trainings', session(w.north.id, { requirementId }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ schoolName: 'North High', presenter: { name: 'sro.north' }, attendeeCount: 0, attendees: [] });
    sessionId = res.body.id;
    const set = await sro.put(`/api/trainings/${sessionId}/attendance`, { userIds: [w.ids['staff.north'], w.ids['counselor.north'], w.ids['staff.north']] });
    expect(set.body).toMatchObject({ attendeeCount: 2 });
    expect(set.body.attendees.map((a: { name: string }) => a.name)).toEqual(['counselor.north', 'staff.north']);
    expect((await auditOf(w.t.db, 'training.attendance_set', sessionId))[0]!.detail).toEqual({ attendees: 2 });
    const mine = (await (await w.as('staff.north')).get('/api/trainings/mine')).body.items;
    expect(mine).toEqual([{ sessionId, topic: 'Standard Response Protocol', heldOn: '2025-08-14', durationMinutes: 45, requirementId, schoolName: 'North High' }]);
  });

  it('answers 400 naming the field for a negative duration, an unknown attendee or requirement; nothing written', async () => {
    const sro = await w.as('sro.north');
    const before = (await w.t.db.select().from(trainingSessions)).length;
    expect((await sro.post('/api/trainings', session(w.north.id, { durationMinutes: -10 }))).body.error.field).toBe('durationMinutes');
    expect((await sro.post('/api/trainings', session(w.north.id, { requirementId: w.north.id }))).body.error.field).toBe('requirementId');
    expect((await sro.put(`/api/trainings/${sessionId}/attendance`, { userIds: [w.ids['staff.north'], w.ids.outsider] })).body.error.field).toBe('userIds.1');
    expect((await w.t.db.select().from(trainingSessions)).length).toBe(before);
  });

  it('shows who is missing a required training: never trained, or trained too long ago', async () => {
    const missing = (await (await w.as('director')).get('/api/training-requirements/missing')).body.items;
    expect(missing.map((m: { user: { name: string } }) => m.user.name)).toEqual(['staff.east', 'staff2.north']);
    const old = await (await w.as('sro.east')).post('/api/trainings', session(w.east.id, { requirementId, heldOn: '2024-10-01' }));
    await (await w.as('sro.east')).put(`/api/trainings/${old.body.id}/attendance`, { userIds: [w.ids['staff.east']] });
    const east = (await (await w.as('principal.east')).get('/api/training-requirements/missing')).body.items;
    expect(east).toEqual([expect.objectContaining({ user: expect.objectContaining({ name: 'staff.east' }), schoolNames: ['East Elementary'], lastCompletedOn: '2024-10-01', expiredOn: '2025-10-01' })]);
  });

  it('denies training management to staff, counselors and security, and other schools\' sessions (404)', async () => {
    for (const who of ['staff.north', 'counselor.north', 'security.north', 'supervisor']) {
      expect((await (await w.as(who)).post('/api/trainings', session(w.north.id))).status, who).toBe(403);
      expect((await (await w.as(who)).get('/api/training-requirements/missing')).status, who).toBe(403);
    }
    expect((await (await w.as('sro.east')).get(`/api/trainings/${sessionId}`)).status).toBe(404);
    expect((await (await w.as('sro.east')).patch(`/api/trainings/${sessionId}`, { topic: 'x' })).status).toBe(404);
    const changed = await (await w.as('principal.north')).patch(`/api/trainings/${sessionId}`, { durationMinutes: 50 });
    expect(changed.body).toMatchObject({ durationMinutes: 50, requirementId });
    expect((await auditOf(w.t.db, 'training.updated', sessionId))[0]!.detail).toEqual({ changed: ['durationMinutes'] });
  });
});

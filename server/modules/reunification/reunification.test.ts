import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardians, studentGuardians, students } from '../../db/schema/index.js';
import { auditOf, createAlertWorld, listen, openStream, type AlertWorld, type SseClient } from '../alerts/alerts.test-support.js';

let w: AlertWorld;
let eventId: string;
let evacuationId: string;
let ana: string;
let mother: string;
let father: string;
let aunt: string;
let board: SseClient;

beforeAll(async () => {
  w = await createAlertWorld({ cancelWindowSeconds: 0 });
  const [student] = await w.t.db.insert(students).values({
    districtId: w.districtId, schoolId: w.north.id, studentNumber: `R${Date.now()}`, firstName: 'Ana', lastName: 'Lopez', grade: 10,
    dateOfBirth: '2010-03-01', sex: 'female', raceEthnicity: 'hispanic_latino',
  }).returning();
  ana = student!.id;
  const people = await w.t.db.insert(guardians).values([
    { districtId: w.districtId, firstName: 'Maria', lastName: 'Lopez', phone: '512-555-0101' },
    { districtId: w.districtId, firstName: 'Jorge', lastName: 'Lopez', phone: '512-555-0102' },
    { districtId: w.districtId, firstName: 'Rosa', lastName: 'Diaz', phone: '512-555-0103' },
  ]).returning();
  [mother, father, aunt] = people.map((p) => p.id) as [string, string, string];
  await w.t.db.insert(studentGuardians).values([
    { studentId: ana, guardianId: mother, relationship: 'mother', hasCustody: true, mayPickUp: true, isPrimary: true },
    { studentId: ana, guardianId: father, relationship: 'father', hasCustody: false, mayPickUp: false, restrictions: 'Court order: no contact' },
    { studentId: ana, guardianId: aunt, relationship: 'aunt', hasCustody: false, mayPickUp: true },
  ]);
  const evacuation = await w.as.sro!.post('/api/alerts', { action: 'evacuate', location: 'Church lot', schoolIds: [w.north.id], drill: true });
  evacuationId = evacuation.body.id;
  board = await openStream(await listen(w.t), w.as.principal!);
  await board.next('snapshot');
});
afterAll(async () => {
  board?.close();
  await w?.t.close();
});

const card = (body: Record<string, unknown>) => w.as.sro!.post(`/api/reunifications/${eventId}/requests`, body);

describe('a reunification event', () => {
  it('is opened by the reunification team after an evacuation, carrying the drill flag', async () => {
    const res = await w.as.sro!.post('/api/reunifications', { schoolId: w.north.id, alertId: evacuationId, site: 'First Baptist Church' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ school: { id: w.north.id, name: 'North High' }, alertId: evacuationId, drill: true, status: 'open' });
    eventId = res.body.id;
    expect(await auditOf(w.t, 'reunification.opened', eventId)).toHaveLength(1);
    const twice = await w.as.principal!.post('/api/reunifications', { schoolId: w.north.id, site: 'Gym' });
    expect(twice.body.error).toMatchObject({ code: 'conflict', field: 'schoolId' });
  });

  it('keeps guardians\' data to the reunification team: staff 403, another school\'s team 404', async () => {
    for (const who of ['teacher', 'counselor']) {
      expect((await w.as[who]!.get(`/api/reunifications/${eventId}`)).status, who).toBe(403);
      expect((await w.as[who]!.get(`/api/reunifications/${eventId}/students?q=Lopez`)).status, who).toBe(403);
    }
    expect((await w.as.southPrincipal!.get(`/api/reunifications/${eventId}/students?q=Lopez`)).status).toBe(404);
    expect((await w.as.southPrincipal!.get('/api/reunifications')).body.items).toEqual([]);
    const found = await w.as.sro!.get(`/api/reunifications/${eventId}/students?q=ana lop`);
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0].guardians.map((g: { relationship: string; mayPickUp: boolean }) => [g.relationship, g.mayPickUp]))
      .toEqual([['mother', true], ['aunt', true], ['father', false]]);
  });

  it('refuses release to an adult the roster does not allow, records why, and refuses releasing later', async () => {
    const stranger = await card({ studentId: ana, adultName: 'Tom Smith', idType: 'drivers_license', idChecked: true });
    expect(stranger.status).toBe(201);
    expect(stranger.body).toMatchObject({ status: 'refused', guardian: null });
    expect(stranger.body.refusalReason).toContain('not listed among the student\'s guardians');
    const barred = await card({ studentId: ana, guardianId: father, adultName: 'Jorge Lopez', idType: 'state_id', idChecked: true });
    expect(barred.body.status).toBe('refused');
    expect(barred.body.refusalReason).toBe('Jorge Lopez (father) is not allowed to pick this student up: Court order: no contact');
    const noId = await card({ studentId: ana, guardianId: aunt, adultName: 'Rosa Diaz', idType: 'other', idChecked: false });
    expect(noId.body.refusalReason).toBe('The photo ID was not checked');
    const release = await w.as.sro!.post(`/api/reunifications/${eventId}/requests/${barred.body.id}/release`, { studentConfirmed: true, initials: 'JS' });
    expect(release.status).toBe(409);
    expect(release.body.error.message).toContain('Court order');
    expect(await auditOf(w.t, 'reunification.refused', barred.body.id)).toHaveLength(1);
    const update = JSON.parse((await board.next('reunification.updated')).data);
    expect(update).toMatchObject({ reunificationId: eventId, schoolId: w.north.id, status: 'open' });
  });

  it('releases to a verified guardian: card, runner, the student confirms, time and initials', async () => {
    const request = await card({ studentId: ana, guardianId: mother, adultName: 'Maria Lopez', idType: 'drivers_license', idChecked: true });
    expect(request.body).toMatchObject({ status: 'requested', guardian: { id: mother, name: 'Maria Lopez', relationship: 'mother' } });
    let view = await w.as.principal!.get(`/api/reunifications/${eventId}`);
    expect(view.body.counts).toMatchObject({ roster: 1, requested: 1, waiting: 1, released: 0, refused: 3 });
    expect(view.body.requests[0].id).toBe(request.body.id);
    const runner = await w.as.sro!.post(`/api/reunifications/${eventId}/requests/${request.body.id}/runner`, { runnerName: 'Coach Reyes' });
    expect(runner.body).toMatchObject({ status: 'runner_sent', runnerName: 'Coach Reyes' });
    const badInitials = await w.as.sro!.post(`/api/reunifications/${eventId}/requests/${request.body.id}/release`, { studentConfirmed: true, initials: '' });
    expect(badInitials.body.error.field).toBe('initials');
    const released = await w.as.sro!.post(`/api/reunifications/${eventId}/requests/${request.body.id}/release`, { studentConfirmed: true, initials: 'jr' });
    expect(released.body).toMatchObject({ status: 'released', studentConfirmed: true, initials: 'JR' });
    expect(released.body.releasedAt).not.toBeNull();
    view = await w.as.principal!.get(`/api/reunifications/${eventId}`);
    expect(view.body.counts).toMatchObject({ waiting: 0, released: 1 });
    const again = await card({ studentId: ana, guardianId: aunt, adultName: 'Rosa Diaz', idType: 'state_id', idChecked: true });
    expect(again.body.error).toMatchObject({ code: 'conflict', field: 'studentId' });
  });

  it('refuses when the student does not confirm, and closes', async () => {
    const [other] = await w.t.db.insert(students).values({
      districtId: w.districtId, schoolId: w.north.id, studentNumber: `R${Date.now()}b`, firstName: 'Leo', lastName: 'Diaz', grade: 9,
      dateOfBirth: '2011-05-05', sex: 'male', raceEthnicity: 'white',
    }).returning();
    await w.t.db.insert(studentGuardians).values({ studentId: other!.id, guardianId: aunt, relationship: 'mother', hasCustody: true, mayPickUp: true });
    const request = await card({ studentId: other!.id, guardianId: aunt, adultName: 'Rosa Diaz', idType: 'passport', idChecked: true });
    const refused = await w.as.sro!.post(`/api/reunifications/${eventId}/requests/${request.body.id}/release`, { studentConfirmed: false, initials: 'JR' });
    expect(refused.body).toMatchObject({ status: 'refused', studentConfirmed: false, refusalReason: 'The student did not confirm being comfortable leaving with this adult' });
    const closed = await w.as.principal!.post(`/api/reunifications/${eventId}/close`);
    expect(closed.body.status).toBe('closed');
    expect((await card({ studentId: other!.id, guardianId: aunt, adultName: 'Rosa Diaz', idType: 'passport', idChecked: true })).status).toBe(409);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, createIncident, createWorld, type World } from './incidents.test-support.js';

let w: World;
beforeAll(async () => {
  w = await createWorld();
}, 60_000);
afterAll(async () => w?.t.close());

describe('review workflow', () => {
  let id: string;
  let version: number;

  it('the author saves a draft (autosave) and each save is a version', async () => {
    const created = await createIncident(w);
    id = created.id;
    const saved = await w.as.sro!.patch(`/api/incidents/${id}`, { version: 1, narrative: 'First draft of the narrative.' });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, narrative: 'First draft of the narrative.', status: 'draft' });
    expect(saved.body.persons).toHaveLength(2);
    expect(saved.body.actions).toHaveLength(1);
    version = saved.body.version;
  });

  it('a stale save answers 409 with the current record and writes nothing', async () => {
    const res = await w.as.sro2!.patch(`/api/incidents/${id}`, { version: 1, narrative: 'Overwriting with an old copy' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'conflict', field: 'version' });
    expect(res.body.current).toMatchObject({ id, version: 2, narrative: 'First draft of the narrative.' });
  });

  it('submitting needs a summary, a narrative and an offense', async () => {
    const empty = await createIncident(w, 'sro', { narrative: '', offenses: [] });
    const res = await w.as.sro!.post(`/api/incidents/${empty.id}/submit`, { version: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('narrative');
  });

  it('the author submits; a submitted report is locked for edits', async () => {
    const res = await w.as.sro!.post(`/api/incidents/${id}/submit`, { version });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ status: 'submitted', version: version + 1 });
    version = res.body.version;
    const edit = await w.as.sro!.patch(`/api/incidents/${id}`, { version, summary: 'changed' });
    expect(edit.status).toBe(409);
    expect(edit.body.error.field).toBe('status');
  });

  it('the author cannot review their own report; an SRO cannot review at all; a supervisor of another school gets 404', async () => {
    expect((await w.as.sro!.post(`/api/incidents/${id}/approve`, { version })).status).toBe(403);
    expect((await w.as.supervisorSouth!.post(`/api/incidents/${id}/approve`, { version })).status).toBe(404);
    expect((await w.as.foreignSupervisor!.post(`/api/incidents/${id}/approve`, { version })).status).toBe(404);
  });

  it('a supervisor who wrote a report cannot approve or return it, though they may review others\' (the rule, not a missing permission)', async () => {
    const own = await createIncident(w, 'supervisor');
    const submitted = await w.as.supervisor!.post(`/api/incidents/${own.id}/submit`, { version: own.version });
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.body.can.review).toBe(false);
    for (const step of ['approve', 'return']) {
      const res = await w.as.supervisor!.post(`/api/incidents/${own.id}/${step}`, { version: submitted.body.version, comment: 'Fine.' });
      expect(res.status, step).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'forbidden', message: 'You cannot review your own report' });
    }
    const after = await w.as.supervisor!.get(`/api/incidents/${own.id}`);
    expect(after.body).toMatchObject({ status: 'submitted', version: submitted.body.version });
  });

  it('the supervisor returns it with a comment; a return without comment is refused', async () => {
    expect((await w.as.supervisor!.post(`/api/incidents/${id}/return`, { version })).status).toBe(400);
    const res = await w.as.supervisor!.post(`/api/incidents/${id}/return`, { version, comment: 'Add the time the fight started.' });
    expect(res.status, res.text).toBe(200);
    expect(res.body.status).toBe('returned');
    expect(res.body.reviews.at(-1)).toMatchObject({ event: 'returned', comment: 'Add the time the fight started.', byName: 'supervisor user' });
    version = res.body.version;
  });

  it('the author corrects, resubmits, and the supervisor approves: the report is locked', async () => {
    const fixed = await w.as.sro!.patch(`/api/incidents/${id}`, { version, narrative: 'At 10:15 two students exchanged punches.' });
    expect(fixed.status).toBe(200);
    const submitted = await w.as.sro!.post(`/api/incidents/${id}/submit`, { version: fixed.body.version });
    const approved = await w.as.supervisor!.post(`/api/incidents/${id}/approve`, { version: submitted.body.version, comment: 'Good.' });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvedByName: 'supervisor user', can: { edit: false, review: false } });
    version = approved.body.version;
    const edit = await w.as.sro!.patch(`/api/incidents/${id}`, { version, narrative: 'sneaky change' });
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toContain('supplement');
    const author = await w.as.sro!.get(`/api/incidents/${id}`);
    expect(author.body.can).toMatchObject({ edit: false, supplement: true, print: true });
  });

  it('changes after approval come as supplements, reviewed the same way', async () => {
    const started = await w.as.sro!.post(`/api/incidents/${id}/supplements`, { narrative: 'Follow-up interview with the witness.' });
    expect(started.status, started.text).toBe(201);
    const s = started.body.supplements[0];
    expect(s).toMatchObject({ number: 1, status: 'draft', version: 1 });
    expect((await w.as.sro!.post(`/api/incidents/${id}/supplements`, { narrative: 'second' })).status).toBe(409);
    const stale = await w.as.sro!.patch(`/api/incidents/${id}/supplements/${s.id}`, { version: 7, narrative: 'x' });
    expect(stale.status).toBe(409);
    expect(stale.body.current.supplements[0].version).toBe(1);
    const saved = await w.as.sro!.patch(`/api/incidents/${id}/supplements/${s.id}`, { version: 1, narrative: 'Witness confirmed the account.' });
    expect(saved.body.supplements[0]).toMatchObject({ version: 2, narrative: 'Witness confirmed the account.' });
    const sub = await w.as.sro!.post(`/api/incidents/${id}/supplements/${s.id}/submit`, { version: 2 });
    expect(sub.body.supplements[0].status).toBe('submitted');
    expect((await w.as.sro!.post(`/api/incidents/${id}/supplements/${s.id}/approve`, { version: 3 })).status).toBe(403);
    const ret = await w.as.supervisor!.post(`/api/incidents/${id}/supplements/${s.id}/return`, { version: 3, comment: 'Name the witness.' });
    expect(ret.body.supplements[0].status).toBe('returned');
    await w.as.sro!.patch(`/api/incidents/${id}/supplements/${s.id}`, { version: 4, narrative: 'Witness Vera Visitor confirmed the account.' });
    await w.as.sro!.post(`/api/incidents/${id}/supplements/${s.id}/submit`, { version: 5 });
    const ok = await w.as.supervisor!.post(`/api/incidents/${id}/supplements/${s.id}/approve`, { version: 6 });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.supplements[0]).toMatchObject({ status: 'approved', approvedByName: 'supervisor user' });
    expect(ok.body.status).toBe('approved');
    expect((await w.as.sro!.patch(`/api/incidents/${id}/supplements/${s.id}`, { version: 7, narrative: 'late' })).status).toBe(409);
  });

  it('keeps every version and shows each one', async () => {
    const list = await w.as.supervisor!.get(`/api/incidents/${id}/versions`);
    expect(list.status).toBe(200);
    const events = list.body.items.map((v: { event: string; supplementNumber: number | null }) => `${v.supplementNumber ?? 'r'}:${v.event}`);
    expect(events).toEqual([
      'r:created', 'r:saved', 'r:submitted', 'r:returned', 'r:saved', 'r:submitted', 'r:approved',
      '1:created', '1:saved', '1:submitted', '1:returned', '1:saved', '1:submitted', '1:approved',
    ]);
    const second = list.body.items[1];
    const one = await w.as.supervisor!.get(`/api/incidents/${id}/versions/${second.id}`);
    expect(one.status).toBe(200);
    expect(one.body.snapshot).toMatchObject({ version: 2, narrative: 'First draft of the narrative.', status: 'draft' });
    expect(await auditOf(w, 'incident.version_viewed', id)).toHaveLength(1);
  });

  it('audits every step of the workflow', async () => {
    for (const type of ['incident.created', 'incident.updated', 'incident.submitted', 'incident.returned', 'incident.approved', 'incident.supplement_created']) {
      expect((await auditOf(w, type, id)).length, type).toBeGreaterThan(0);
    }
  });
});

describe('calls for service', () => {
  it('staff take a call; the SRO sees it in the live queue, arrives, files an incident from it and clears it', async () => {
    const call = await w.as.staff!.post('/api/calls', { schoolId: w.north, summary: 'Student with a vape in the restroom', priority: 'urgent', receivedAt: '2026-11-02T12:50:00Z' });
    expect(call.status, call.text).toBe(201);
    expect(call.body).toMatchObject({ source: 'staff', status: 'pending', number: 'C-2026-000001' });
    expect((await w.as.staff!.post('/api/calls', { schoolId: w.north, summary: 'x', source: 'dispatch' })).body.error.field).toBe('source');
    await w.as.sro!.post('/api/calls', { schoolId: w.north, summary: 'Routine check', priority: 'routine', source: 'self_initiated' });
    const queue = await w.as.sro!.get('/api/calls/queue');
    expect(queue.body.items.map((c: { priority: string }) => c.priority)).toEqual(['urgent', 'routine']);
    expect((await w.as.sroSouth!.get('/api/calls/queue')).body.items).toEqual([]);
    const arrived = await w.as.sro!.patch(`/api/calls/${call.body.id}`, { assignedUserId: w.users.sro, arrivedAt: '2026-11-02T13:00:00Z' });
    expect(arrived.body.status, arrived.text).toBe('on_scene');
    const incident = await createIncident(w, 'sro', { callId: call.body.id, offenses: [{ kind: 'school', category: 'vaping' }] });
    expect(incident.callId).toBe(call.body.id);
    expect((await w.as.sro!.post('/api/incidents', { ...incident, callId: call.body.id })).status).toBe(400);
    const noDisposition = await w.as.sro!.patch(`/api/calls/${call.body.id}`, { clearedAt: '2026-11-02T13:30:00Z' });
    expect(noDisposition.body.error.field).toBe('disposition');
    const cleared = await w.as.sro!.patch(`/api/calls/${call.body.id}`, { clearedAt: '2026-11-02T13:30:00Z', disposition: 'report_taken' });
    expect(cleared.body).toMatchObject({ status: 'cleared', incidentNumber: incident.number });
    expect((await w.as.sro!.get('/api/calls/queue')).body.items).toHaveLength(1);
    expect((await w.as.staff!.patch(`/api/calls/${call.body.id}`, { priority: 'routine' })).status).toBe(403);
    expect((await w.as.sroSouth!.get(`/api/calls/${call.body.id}`)).status).toBe(404);
    expect(await auditOf(w, 'call.updated', call.body.id)).toHaveLength(2);
  });
});

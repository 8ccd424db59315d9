import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_LIMITS } from '../../../common/incidents.js';
import { incidentAttachments, storedFiles } from '../../db/schema/index.js';
import { sniff } from './evidence.js';
import { approvedIncident, auditOf, createIncident, createWorld, rawGet, rawPost, rowCount, type World } from './incidents.test-support.js';
import { expectNotAtRest } from '../../files/at-rest.test-support.js';

const EVIDENCE_MARKER = 'at-rest marker: suspect Thaddeus Wren in the east stairwell';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7), Buffer.from(EVIDENCE_MARKER)]);

let w: World;
let draft: { id: string };
beforeAll(async () => {
  w = await createWorld();
  draft = await createIncident(w);
}, 60_000);
afterAll(async () => w?.t.close());

describe('evidence attachments', () => {
  it('recognises file types from their bytes only', () => {
    expect(sniff(PNG)).toEqual({ kind: 'image', mediaType: 'image/png' });
    expect(sniff(Buffer.from('%PDF-1.7\n...........'))).toEqual({ kind: 'pdf', mediaType: 'application/pdf' });
    expect(sniff(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toMatchObject({ kind: 'audio' });
    expect(sniff(Buffer.from('\0\0\0\x18ftypmp42\0\0\0\0', 'latin1'))).toMatchObject({ kind: 'video', mediaType: 'video/mp4' });
    expect(sniff(Buffer.from('<html><script>alert(1)</script>'))).toBeNull();
    expect(sniff(Buffer.from('MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0', 'latin1'))).toBeNull();
  });

  it('stores an image in the encrypted file store with its hash; serves it only through the authorized route, audited', async () => {
    const res = await rawPost(w, 'sro', `/api/incidents/${draft.id}/attachments?fileName=photo.png`, PNG, 'text/plain');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ kind: 'image', mediaType: 'image/png', size: PNG.length, fileName: 'photo.png' });
    expect(await rowCount(w, storedFiles)).toBe(1);
    expect(existsSync(path.join(w.t.config.webDir, 'evidence'))).toBe(false);
    const got = await rawGet(w, 'sro', `/api/incident-attachments/${res.body.id}/content`);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.bytes.equals(PNG)).toBe(true);
    await expectNotAtRest(w.t, EVIDENCE_MARKER);
    expect(await auditOf(w, 'incident.attachment_viewed', draft.id)).toHaveLength(1);
    expect((await rawGet(w, 'principal', `/api/incident-attachments/${res.body.id}/content`)).status).toBe(403);
    expect((await rawGet(w, 'sroSouth', `/api/incident-attachments/${res.body.id}/content`)).status).toBe(404);
    const detail = await w.as.sro!.get(`/api/incidents/${draft.id}`);
    expect(detail.body.attachments).toHaveLength(1);
  });

  it('refuses a file of another type (400 file) and writes nothing', async () => {
    const before = await rowCount(w, incidentAttachments);
    const res = await rawPost(w, 'sro', `/api/incidents/${draft.id}/attachments?fileName=evil.png`, Buffer.from('<html><script>alert(1)</script></html>'), 'image/png');
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('file');
    expect(await rowCount(w, incidentAttachments)).toBe(before);
    expect(await rowCount(w, storedFiles)).toBe(1);
  });

  it('refuses an image over its size limit (400 file) and leaves no file', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(ATTACHMENT_LIMITS.image, 1)]);
    const res = await rawPost(w, 'sro', `/api/incidents/${draft.id}/attachments?fileName=big.png`, big);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ field: 'file' });
    expect(res.body.error.message).toContain('too large');
    expect(await rowCount(w, storedFiles)).toBe(1);
  });

  it('an approved report takes evidence only with an open supplement', async () => {
    const approved = await approvedIncident(w);
    expect((await rawPost(w, 'sro', `/api/incidents/${approved.id}/attachments?fileName=a.png`, PNG)).status).toBe(409);
    const s = (await w.as.sro!.post(`/api/incidents/${approved.id}/supplements`, { narrative: 'More photos.' })).body.supplements[0];
    const res = await rawPost(w, 'sro', `/api/incidents/${approved.id}/attachments?fileName=a.png&supplementId=${s.id}`, PNG);
    expect(res.status).toBe(201);
    expect(res.body.supplementId).toBe(s.id);
  });
});

describe('tasks and CRDC counts', () => {
  it('follow-up tasks with owner and due date; my open tasks list with clocks; completing one', async () => {
    const res = await w.as.sro!.post(`/api/incidents/${draft.id}/tasks`, { title: 'Interview the witness', ownerId: w.users.sro2, dueAt: '2026-11-01T12:00:00Z' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ kind: 'follow_up', ownerName: 'sro2 user', overdue: true });
    const mine = await w.as.sro2!.get('/api/incident-tasks');
    expect(mine.body.items.map((t: { id: string }) => t.id)).toEqual([res.body.id]);
    const done = await w.as.sro2!.patch(`/api/incident-tasks/${res.body.id}`, { done: true });
    expect(done.body).toMatchObject({ doneByName: 'sro2 user', overdue: false, msRemaining: null });
    expect((await w.as.sro2!.get('/api/incident-tasks')).body.items).toEqual([]);
    expect((await w.as.sro!.post(`/api/incidents/${draft.id}/tasks`, { title: 'x', ownerId: w.users.foreignSupervisor, dueAt: '2026-11-05T12:00:00Z' })).body.error.field).toBe('ownerId');
  });

  it('counts student arrests and law-enforcement referrals of approved reports for CRDC, with roster demographics', async () => {
    await approvedIncident(w, {
      persons: [{ kind: 'student', role: 'suspect', studentId: w.adult }, { kind: 'student', role: 'suspect', studentId: w.juvenile }],
      actions: [{ person: 0, kind: 'arrest' }, { person: 1, kind: 'referral_law_enforcement' }],
    });
    const res = await w.as.supervisor!.get('/api/incidents/crdc?from=2026-07-01T00:00:00Z&to=2027-07-01T00:00:00Z');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const north = res.body.schools.find((s: { schoolId: string }) => s.schoolId === w.north);
    expect(north).toMatchObject({ referrals: { instances: 2, students: 2 }, arrests: { instances: 1, students: 1 } });
    expect(north.byGroup).toContainEqual({ measure: 'arrest', disability: 'idea', sex: 'male', raceEthnicity: 'black', englishLearner: false, students: 1 });
    expect(await auditOf(w, 'incident.student_arrested')).toHaveLength(1);
    expect((await w.as.sro!.get('/api/incidents/crdc?from=2026-07-01T00:00:00Z&to=2027-07-01T00:00:00Z')).status).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../../test/pdf-text.js';
import { approvedIncident, auditOf, createIncident, createWorld, rawGet, type World } from './incidents.test-support.js';

// Juvenile records: a per-person grant (sro2 and the director hold none) and a stated reason for every read.
let w: World;
let juvenile: { id: string; number: string };
let adult: { id: string };
beforeAll(async () => {
  w = await createWorld();
  juvenile = await approvedIncident(w, {
    summary: 'Juvenile matter', narrative: 'A juvenile was pushed in the hall.', persons: [{ kind: 'student', role: 'victim', studentId: w.juvenile }], actions: [],
  });
  adult = await approvedIncident(w);
}, 60_000);
afterAll(async () => w?.t.close());

const withReason = (id: string) => `/api/incidents/${id}?reason=court_request&reasonNote=${encodeURIComponent('DA subpoena 26-118')}`;

describe('juvenile records: per-person grant', () => {
  it('an officer of the same school without the grant reads the record as missing, in detail, list, PDF and search', async () => {
    expect((await w.as.sro2!.get(withReason(juvenile.id))).status).toBe(404);
    expect((await w.as.sro2!.get(`/api/incidents/${juvenile.id}/report.pdf?reason=active_investigation`)).status).toBe(404);
    const ids = (await w.as.sro2!.get('/api/incidents')).body.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(adult.id);
    expect(ids).not.toContain(juvenile.id);
    expect((await w.as.sro!.get('/api/incidents')).body.items.map((i: { id: string }) => i.id)).toContain(juvenile.id);
  });

  it('role by role: school roles are refused the route, the director and other schools read it as missing', async () => {
    for (const who of ['staff', 'counselor', 'security', 'principal']) expect((await w.as[who]!.get(withReason(juvenile.id))).status, who).toBe(403);
    for (const who of ['director', 'sroSouth', 'supervisorSouth', 'foreignSupervisor']) expect((await w.as[who]!.get(withReason(juvenile.id))).status, who).toBe(404);
  });
});

describe('juvenile records: a stated reason for every read', () => {
  it('with the grant but without a reason: 428 reason_required naming the field, nothing audited', async () => {
    const before = (await auditOf(w, 'incident.viewed', juvenile.id)).length;
    for (const url of [`/api/incidents/${juvenile.id}`, `/api/incidents/${juvenile.id}/report.pdf`]) {
      const res = await w.as.sro!.get(url);
      expect(res.status, url).toBe(428);
      expect(res.body.error).toMatchObject({ code: 'reason_required', field: 'reason' });
    }
    const other = await w.as.sro!.get(`/api/incidents/${juvenile.id}?reason=other`);
    expect(other.status).toBe(400);
    expect(other.body.error.field).toBe('reasonNote');
    expect((await w.as.sro!.get(`/api/incidents/${juvenile.id}?reason=gossip`)).status).toBe(400);
    expect(await auditOf(w, 'incident.viewed', juvenile.id)).toHaveLength(before);
  });

  it('with a reason the record opens and the audit event of the read carries it', async () => {
    const res = await w.as.supervisor!.get(withReason(juvenile.id));
    expect(res.status, res.text).toBe(200);
    expect((await auditOf(w, 'incident.viewed', juvenile.id)).at(-1)).toMatchObject({
      actorUserId: w.users.supervisor, detail: { reason: { reason: 'court_request', note: 'DA subpoena 26-118' } },
    });
    const pdf = await rawGet(w, 'sro', `/api/incidents/${juvenile.id}/report.pdf?reason=supervisor_review`);
    expect(pdf.status).toBe(200);
    // Whose record: the owner label heads every page, the agency's CJIS dissemination rule is at the foot.
    const { text } = await readPdf(pdf.bytes);
    expect(text).toContain('Law-enforcement record of the law-enforcement agency, not an education record');
    expect(text).toContain('(FBI CJIS Security Policy)');
    expect((await auditOf(w, 'incident.printed', juvenile.id)).at(-1)!.detail).toMatchObject({ reason: { reason: 'supervisor_review', note: null } });
  });

  it('the author writing their own draft states no reason (audited as authoring); anyone else opening it does', async () => {
    const draft = await createIncident(w, 'sro', { persons: [{ kind: 'student', role: 'witness', studentId: w.juvenile }], actions: [] });
    expect((await w.as.sro!.get(`/api/incidents/${draft.id}`)).status).toBe(200);
    expect((await auditOf(w, 'incident.viewed', draft.id)).at(-1)!.detail).toMatchObject({ reason: { reason: 'authoring' } });
    expect((await w.as.supervisor!.get(`/api/incidents/${draft.id}`)).status).toBe(428);
  });

  it('an adult record needs no reason and its audit event names none', async () => {
    expect((await w.as.sro2!.get(`/api/incidents/${adult.id}`)).status).toBe(200);
    expect((await auditOf(w, 'incident.viewed', adult.id)).at(-1)!.detail).not.toHaveProperty('reason');
  });
});

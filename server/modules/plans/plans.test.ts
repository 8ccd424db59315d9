import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safetyPlanVersions } from '../../db/schema/index.js';
import { signedInClient } from '../../test/app.js';
import { auditOf, startWorld, type World } from '../drills/drills.test-support.js';
import { expectNotAtRest } from '../../files/at-rest.test-support.js';

let w: World;
let planId: string;
beforeAll(async () => { w = await startWorld(); }, 60_000);
afterAll(async () => w?.t.close());

const plan = (schoolId: string | null, extra: Record<string, unknown> = {}) => ({ schoolId, kind: 'eop', title: 'Emergency operations plan', body: 'Section 1: command.', ...extra });
const PDF_MARKER = 'at-rest marker: evacuation route past Room 118 for Juniper Caldwell';
const PDF = Buffer.from(`%PDF-1.4\n% ${PDF_MARKER}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);

describe('writing and versioning plans', () => {
  it('lets a school administrator write a plan for their school, audited', async () => {
    const res = await (await w.as('principal.north')).post('/api/plans', plan(w.north.id));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ schoolName: 'North High', kind: 'eop', currentVersion: { version: 1, format: 'text' }, lastReviewedOn: null, reviewDueOn: '2026-11-10', reviewOverdue: false, acknowledgedByMe: false });
    planId = res.body.id;
    expect((await auditOf(w.t.db, 'plan.created', planId))[0]).toMatchObject({ schoolId: w.north.id });
  });

  it('lets staff read plans but not write, version, review or see acknowledgements (403)', async () => {
    const staff = await w.as('staff.north');
    expect((await staff.get('/api/plans')).body.items.map((p: { id: string }) => p.id)).toEqual([planId]);
    expect((await staff.get(`/api/plans/${planId}`)).body.versions[0].body).toBe('Section 1: command.');
    expect((await staff.post('/api/plans', plan(w.north.id))).status).toBe(403);
    expect((await staff.patch(`/api/plans/${planId}`, { title: 'Mine' })).status).toBe(403);
    expect((await staff.post(`/api/plans/${planId}/versions`, { body: 'x' })).status).toBe(403);
    expect((await staff.post(`/api/plans/${planId}/reviews`, { reviewedOn: '2025-11-01' })).status).toBe(403);
    expect((await staff.get(`/api/plans/${planId}/acknowledgements`)).status).toBe(403);
  });

  it('keeps a school plan from other schools and districts (404)', async () => {
    expect((await (await w.as('staff.east')).get(`/api/plans/${planId}`)).status).toBe(404);
    expect((await (await w.as('principal.east')).post(`/api/plans/${planId}/versions`, { body: 'x' })).status).toBe(404);
    expect((await (await w.as('outsider')).get(`/api/plans/${planId}`)).status).toBe(404);
    expect((await (await w.as('principal.east')).post('/api/plans', plan(w.north.id))).status).toBe(404);
  });

  it('keeps district plans to district roles; everyone in the district reads them', async () => {
    expect((await (await w.as('principal.north')).post('/api/plans', plan(null))).body.error).toMatchObject({ code: 'forbidden', field: 'schoolId' });
    const district = await (await w.as('director')).post('/api/plans', plan(null, { kind: 'protocol', title: 'SRP protocol', body: 'Hold, secure...' }));
    expect(district.status).toBe(201);
    expect((await (await w.as('staff.east')).get('/api/plans')).body.items.map((p: { title: string }) => p.title)).toEqual(['SRP protocol']);
    const srp = await (await w.as('staff.east')).get('/api/srp');
    expect(srp.body.actions.map((a: { term: string }) => a.term)).toEqual(['HOLD', 'SECURE', 'LOCKDOWN', 'EVACUATE', 'SHELTER']);
    expect(srp.body.protocols).toEqual([{ planId: district.body.id, title: 'SRP protocol', schoolName: null, version: 1 }]);
  });

  it('tells each reader what they may do with a plan, and the server agrees: a principal is offered nothing on a district plan', async () => {
    const district = (await (await w.as('staff.east')).get('/api/plans')).body.items.find((p: { title: string }) => p.title === 'SRP protocol');
    const school = (await (await w.as('principal.north')).get(`/api/plans/${planId}`)).body;
    expect(school.can).toEqual({ manage: true, approve: true });
    for (const who of ['principal.north', 'staff.east', 'sro.north', 'director']) {
      const client = await w.as(who);
      const { can } = (await client.get(`/api/plans/${district.id}`)).body;
      expect(can, who).toEqual(who === 'director' ? { manage: true, approve: true } : { manage: false, approve: false });
      const archive = await client.patch(`/api/plans/${district.id}`, { title: 'SRP protocol' });
      const review = await client.post(`/api/plans/${district.id}/reviews`, { reviewedOn: '2025-11-05' });
      const readers = await client.get(`/api/plans/${district.id}/acknowledgements`);
      expect([archive.status === 200, readers.status === 200], who).toEqual([can.manage, can.manage]);
      expect(review.status === 201 || review.status === 200, who).toBe(can.approve);
    }
  });

  it('uploads a PDF as the next version, checked by its bytes, and serves it back', async () => {
    const principal = await w.as('principal.north');
    const notPdf = await principal.request('POST', `/api/plans/${planId}/versions/pdf`, Buffer.from('hello'), { 'content-type': 'application/pdf' });
    expect(notPdf.body.error).toMatchObject({ code: 'validation_failed', field: 'file' });
    const res = await principal.request('POST', `/api/plans/${planId}/versions/pdf?fileName=eop-2025.pdf&changeSummary=Signed%20copy`, PDF, { 'content-type': 'application/pdf' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 2, format: 'pdf', fileName: 'eop-2025.pdf', fileSize: PDF.length, body: null, changeSummary: 'Signed copy' });
    const content = await (await w.as('staff.north')).get(`/api/plan-versions/${res.body.id}/content`);
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(content.text).toBe(PDF.toString('latin1'));
    await expectNotAtRest(w.t, PDF_MARKER);
    expect((await auditOf(w.t.db, 'plan.version_added', planId)).map((e) => e.detail.version)).toEqual([2]);
    expect((await w.t.db.select().from(safetyPlanVersions)).length).toBe(3);
  });
});

describe('acknowledgements and annual review', () => {
  it('records that staff read the current version, once, and shows who has not', async () => {
    const staff = await w.as('staff.north');
    const ack = await staff.post(`/api/plans/${planId}/acknowledge`);
    expect(ack.body).toMatchObject({ planId, version: 2 });
    expect((await staff.post(`/api/plans/${planId}/acknowledge`)).body.acknowledgedAt).toBe(ack.body.acknowledgedAt);
    expect(await auditOf(w.t.db, 'plan.acknowledged', planId)).toHaveLength(1);
    expect((await staff.get('/api/plans')).body.items.find((p: { id: string }) => p.id === planId).acknowledgedByMe).toBe(true);
    const status = (await (await w.as('principal.north')).get(`/api/plans/${planId}/acknowledgements`)).body;
    expect(status.acknowledged.map((p: { name: string }) => p.name)).toEqual(['staff.north']);
    expect(status.pending.map((p: { name: string }) => p.name)).toEqual(['counselor.north', 'principal.north', 'security.north', 'sro.north', 'staff2.north']);
  });

  it('asks for a new acknowledgement after a new version', async () => {
    await (await w.as('principal.north')).post(`/api/plans/${planId}/versions`, { body: 'Section 1: command, revised.', changeSummary: 'New command post' });
    expect((await (await w.as('staff.north')).get(`/api/plans/${planId}`)).body).toMatchObject({ acknowledgedByMe: false, currentVersion: { version: 3 } });
    const status = (await (await w.as('principal.north')).get(`/api/plans/${planId}/acknowledgements`)).body;
    expect(status).toMatchObject({ version: 3, acknowledged: [] });
  });

  it('lets administrators and the district approve the annual review; SROs, supervisors and counselors cannot', async () => {
    for (const who of ['sro.north', 'supervisor', 'counselor.north', 'security.north']) {
      expect((await (await w.as(who)).post(`/api/plans/${planId}/reviews`, { reviewedOn: '2025-11-01' })).status, who).toBe(403);
    }
    expect((await (await w.as('principal.north')).post(`/api/plans/${planId}/reviews`, { reviewedOn: '2025-11-11' })).body.error.field).toBe('reviewedOn');
    const review = await (await w.as('principal.north')).post(`/api/plans/${planId}/reviews`, { reviewedOn: '2025-11-05', notes: 'Reviewed with fire marshal' });
    expect(review.status).toBe(201);
    expect(review.body).toMatchObject({ version: 3, reviewedOn: '2025-11-05', approvedBy: { name: 'principal.north' } });
    const byDistrict = await (await w.as('director')).post(`/api/plans/${planId}/reviews`, { reviewedOn: '2025-11-06' });
    expect(byDistrict.status).toBe(201);
    expect((await (await w.as('staff.north')).get(`/api/plans/${planId}`)).body).toMatchObject({ lastReviewedOn: '2025-11-06', reviewDueOn: '2026-11-06' });
    expect((await auditOf(w.t.db, 'plan.reviewed', planId)).map((e) => e.detail.reviewedOn)).toEqual(['2025-11-05', '2025-11-06']);
  });

  it('shows the review overdue once a year has passed since the last one', async () => {
    w.t.clock.advance(361 * 86_400_000); // 2026-11-06, the day the review is due
    const onTheDay = await signedInClient(w.t, 'staff.north@prep.test');
    expect((await onTheDay.get(`/api/plans/${planId}`)).body).toMatchObject({ reviewDueOn: '2026-11-06', reviewOverdue: false });
    w.t.clock.advance(86_400_000);
    const dayAfter = await signedInClient(w.t, 'staff.north@prep.test');
    expect((await dayAfter.get(`/api/plans/${planId}`)).body.reviewOverdue).toBe(true);
  });
});

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentFindings, securityAssessments, workOrders } from '../../db/schema/index.js';
import type { TestClient } from '../../test/app.js';
import { auditOf, startWorld, type World } from '../drills/drills.test-support.js';
import { DEFAULT_TEMPLATE } from './assessments.defaults.js';
import { expectNotAtRest } from '../../files/at-rest.test-support.js';

// The clock reads 2025-11-10. The SRO of North High assesses it twice; the second assessment is compared with the first.
let w: World;
const ids: Record<string, string> = {};
const PHOTO_MARKER = 'at-rest marker: camera blind spot by gate 7';
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'), Buffer.from(PHOTO_MARKER)]);
type Item = { id: string; title: string; layer: string; rating: string | null };

beforeAll(async () => {
  w = await startWorld();
}, 60_000);
afterAll(async () => w?.t.close());

const rateAll = async (client: TestClient, id: string, ratings: (item: Item, index: number) => string) => {
  const items: Item[] = (await client.get(`/api/assessments/${id}`)).body.items;
  for (const [i, item] of items.entries()) {
    const res = await client.patch(`/api/assessments/${id}/items/${item.id}`, { rating: ratings(item, i), confidence: 'medium' });
    if (res.status !== 200) throw new Error(res.text);
  }
  return items;
};

describe('template', () => {
  it('gives the district the default template by CISA layer, which only district managers change', async () => {
    const template = (await (await w.as('sro.north')).get('/api/assessment-template')).body.items;
    expect(template).toHaveLength(DEFAULT_TEMPLATE.length);
    expect(new Set(template.map((t: { layer: string }) => t.layer))).toEqual(new Set(['district_policies', 'grounds_perimeter', 'building_exterior', 'building_interior', 'digital_infrastructure']));
    ids.template0 = template[0].id;
    expect((await (await w.as('sro.north')).patch(`/api/assessment-template/${ids.template0}`, { title: 'Changed' })).status).toBe(404);
    expect((await (await w.as('sro.north')).post('/api/assessment-template', { layer: 'building_interior', title: 'Door wedges removed' })).status).toBe(403);
    const director = await w.as('director');
    expect((await director.patch(`/api/assessment-template/${ids.template0}`, { guidance: 'Team meets monthly' })).body.guidance).toBe('Team meets monthly');
    expect((await director.post('/api/assessment-template', { layer: 'layer_six', title: 'x' })).body.error.field).toBe('layer');
  });
});

describe('assessing a campus', () => {
  it('starts an assessment from the active template; 400 naming startedOn in the future, 404 for a school out of reach', async () => {
    const sro = await w.as('sro.north');
    const res = await sro.post('/api/assessments', { schoolId: w.north.id, startedOn: '2024-10-01', title: 'Fall 2024' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'in_progress', itemCount: DEFAULT_TEMPLATE.length, ratedCount: 0, lead: { name: 'sro.north' } });
    expect(res.body.items[0]).toMatchObject({ layer: 'district_policies', rating: null, photos: [] });
    ids.first = res.body.id;
    const before = (await w.t.db.select({ n: sql<number>`count(*)::int` }).from(securityAssessments))[0]!.n;
    expect((await sro.post('/api/assessments', { schoolId: w.north.id, startedOn: '2025-11-11' })).body.error.field).toBe('startedOn');
    expect((await sro.post('/api/assessments', { schoolId: w.east.id, startedOn: '2025-11-01' })).status).toBe(404);
    expect((await w.t.db.select({ n: sql<number>`count(*)::int` }).from(securityAssessments))[0]!.n).toBe(before);
  });

  it('rates measures with a confidence and photos; refuses a bad rating, a non-image photo and completion before all are rated', async () => {
    const sro = await w.as('sro.north');
    const items: Item[] = (await sro.get(`/api/assessments/${ids.first}`)).body.items;
    ids.item0 = items[0]!.id;
    const rated = await sro.patch(`/api/assessments/${ids.first}/items/${ids.item0}`, { rating: 'absent', confidence: 'high', notes: 'No team yet' });
    expect(rated.body).toMatchObject({ rating: 'absent', confidence: 'high', notes: 'No team yet' });
    expect((await sro.patch(`/api/assessments/${ids.first}/items/${ids.item0}`, { rating: 'great' })).body.error.field).toBe('rating');
    const photo = await sro.post(`/api/assessments/${ids.first}/items/${ids.item0}/photos?caption=Entrance`, PNG, { 'content-type': 'image/png' });
    expect(photo.status).toBe(201);
    expect(photo.body).toMatchObject({ contentType: 'image/png', size: PNG.length, caption: 'Entrance' });
    const image = await (await w.as('principal.north')).get(photo.body.url);
    expect(image.headers['content-type']).toBe('image/png');
    expect(Number(image.headers['content-length'])).toBe(PNG.length);
    expect(image.text).toBe(PNG.toString('utf8'));
    await expectNotAtRest(w.t, PHOTO_MARKER);
    expect((await sro.post(`/api/assessments/${ids.first}/items/${ids.item0}/photos`, Buffer.from('<svg/>'), { 'content-type': 'image/png' })).status).toBe(415);
    expect((await sro.post(`/api/assessments/${ids.first}/complete`, { completedOn: '2024-10-20' })).status).toBe(409);
  });

  it('records findings with an owner and due date; one opens a work order (source assessment_finding)', async () => {
    const sro = await w.as('sro.north');
    const res = await sro.post(`/api/assessments/${ids.first}/findings`, {
      itemId: ids.item0, title: 'No threat assessment team', severity: 'critical', ownerId: w.ids['principal.north'], dueOn: '2025-01-15', createWorkOrder: true,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'open', severity: 'critical', owner: { name: 'principal.north' }, overdue: true, item: { id: ids.item0 } });
    const [order] = await w.t.db.select().from(workOrders).where(eq(workOrders.id, res.body.workOrder.id));
    expect(order).toMatchObject({ source: 'assessment_finding', sourceId: res.body.id, priority: 'urgent', dueOn: '2025-01-15' });
    ids.finding = res.body.id;
    const before = (await w.t.db.select().from(assessmentFindings)).length;
    expect((await sro.post(`/api/assessments/${ids.first}/findings`, { title: 'x', severity: 'low', ownerId: w.ids.outsider })).body.error.field).toBe('ownerId');
    expect((await sro.post(`/api/assessments/${ids.first}/findings`, { title: 'x', severity: 'severe' })).body.error.field).toBe('severity');
    expect((await sro.post(`/api/assessments/${ids.first}/findings`, { title: 'x', severity: 'low', itemId: ids.template0 })).body.error.field).toBe('itemId');
    expect((await w.t.db.select().from(assessmentFindings)).length).toBe(before);
    const done = await sro.patch(`/api/assessment-findings/${ids.finding}`, { status: 'remediated', remediationNotes: 'Team formed' });
    expect(done.body).toMatchObject({ status: 'remediated', overdue: false, resolvedAt: expect.any(String) });
  });

  it('completes the assessment once all measures are rated; it no longer changes', async () => {
    const sro = await w.as('sro.north');
    // First assessment: measure 0 absent (rated above), 1 in place, 2 not applicable, the rest partial.
    await rateAll(sro, ids.first!, (_item, i) => (i === 0 ? 'absent' : i === 1 ? 'in_place' : i === 2 ? 'not_applicable' : 'partial'));
    expect((await sro.post(`/api/assessments/${ids.first}/complete`, { completedOn: '2024-09-30' })).body.error.field).toBe('completedOn');
    const done = await sro.post(`/api/assessments/${ids.first}/complete`, { completedOn: '2024-10-20' });
    expect(done.body).toMatchObject({ status: 'completed', completedOn: '2024-10-20', ratingCounts: { absent: 1, in_place: 1, not_applicable: 1 } });
    expect((await sro.patch(`/api/assessments/${ids.first}/items/${ids.item0}`, { rating: 'in_place' })).status).toBe(409);
    expect(await auditOf(w.t.db, 'assessment.completed', ids.first)).toHaveLength(1);
  });
});

describe('comparison and report', () => {
  it('compares two assessments of the campus measure by measure', async () => {
    await (await w.as('director')).post('/api/assessment-template', { layer: 'building_interior', title: 'Door wedges removed' });
    const sro = await w.as('sro.north');
    ids.second = (await sro.post('/api/assessments', { schoolId: w.north.id, startedOn: '2025-11-01' })).body.id;
    // Second: measure 0 in place (improved), 1 partial (declined), 2 in place (was not applicable), the rest partial (same).
    const items = await rateAll(sro, ids.second!, (_item, i) => (i === 0 ? 'in_place' : i === 1 ? 'partial' : i === 2 ? 'in_place' : 'partial'));
    const res = await (await w.as('principal.north')).get(`/api/assessments/compare?from=${ids.first}&to=${ids.second}`);
    expect(res.status).toBe(200);
    const n = DEFAULT_TEMPLATE.length;
    expect(res.body.summary).toEqual({ improved: 1, declined: 1, same: n - 3, not_comparable: 2 });
    const row = (title: string) => res.body.rows.find((r: { title: string }) => r.title === title);
    expect(row(items[0]!.title)).toMatchObject({ then: 'absent', now: 'in_place', change: 'improved' });
    expect(row(items[1]!.title)).toMatchObject({ then: 'in_place', now: 'partial', change: 'declined' });
    expect(row(items[2]!.title)).toMatchObject({ then: 'not_applicable', now: 'in_place', change: 'not_comparable' });
    expect(row('Door wedges removed')).toMatchObject({ layer: 'building_interior', then: null, now: 'partial', change: 'not_comparable' });
    expect(res.body.rows).toHaveLength(n + 1);
    const other = (await (await w.as('director')).post('/api/assessments', { schoolId: w.east.id, startedOn: '2025-11-01' })).body.id;
    expect((await (await w.as('director')).get(`/api/assessments/compare?from=${ids.first}&to=${other}`)).body.error.field).toBe('to');
  });

  it('prints the report as PDF, audited', async () => {
    const res = await (await w.as('security.north')).get(`/api/assessments/${ids.first}/report.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.text.startsWith('%PDF')).toBe(true);
    expect(await auditOf(w.t.db, 'assessment.report_exported', ids.first)).toHaveLength(1);
  });
});

describe('who sees assessments', () => {
  it('shows them to administrators, SROs, security staff and the district', async () => {
    for (const who of ['principal.north', 'sro.north', 'security.north', 'director', 'supervisor']) {
      expect((await (await w.as(who)).get(`/api/assessments/${ids.first}`)).status, who).toBe(200);
      expect((await (await w.as(who)).get('/api/assessments')).body.items.length, who).toBeGreaterThan(0);
    }
  });

  it('hides them from counselors and staff (403) and from people of other schools (404)', async () => {
    for (const who of ['counselor.north', 'staff.north']) {
      const client = await w.as(who);
      for (const url of ['/api/assessments', `/api/assessments/${ids.first}`, `/api/assessments/${ids.first}/report.pdf`, '/api/assessment-findings', '/api/assessment-template']) {
        expect((await client.get(url)).status, `${who} ${url}`).toBe(403);
      }
    }
    for (const who of ['principal.east', 'sro.east', 'outsider']) {
      const client = await w.as(who);
      expect((await client.get(`/api/assessments/${ids.first}`)).status, who).toBe(404);
      expect((await client.get(`/api/assessments/${ids.first}/report.pdf`)).status, who).toBe(404);
    }
    expect((await (await w.as('sro.east')).patch(`/api/assessment-findings/${ids.finding}`, { status: 'open' })).status).toBe(404);
    expect((await (await w.as('principal.east')).get('/api/assessment-findings')).body.items).toEqual([]);
  });
});

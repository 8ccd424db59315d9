import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedIncident, auditOf, createIncident, createWorld, type World } from './incidents.test-support.js';

let w: World;
let adult: { id: string; number: string };
let juvenile: { id: string };
beforeAll(async () => {
  w = await createWorld();
  adult = await approvedIncident(w);
  juvenile = await createIncident(w, 'sro', {
    summary: 'Juvenile matter', narrative: 'A juvenile was pushed in the hall.', persons: [{ kind: 'student', role: 'victim', studentId: w.juvenile }], actions: [],
  });
}, 60_000);
afterAll(async () => w?.t.close());

describe('who reads incidents', () => {
  it('staff, counselors, security and school administrators cannot read incidents or narratives (403)', async () => {
    for (const who of ['staff', 'counselor', 'security', 'principal']) {
      expect((await w.as[who]!.get(`/api/incidents/${adult.id}`)).status, who).toBe(403);
      expect((await w.as[who]!.get('/api/incidents')).status, who).toBe(403);
    }
  });

  it('an SRO of another school, another district and a missing id all answer 404 alike', async () => {
    expect((await w.as.sroSouth!.get(`/api/incidents/${adult.id}`)).status).toBe(404);
    expect((await w.as.foreignSupervisor!.get(`/api/incidents/${adult.id}`)).status).toBe(404);
    expect((await w.as.sro!.get('/api/incidents/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await w.as.sroSouth!.get('/api/incidents')).body.items).toEqual([]);
    expect((await w.as.sroSouth!.get(`/api/incidents?schoolId=${w.north}`)).status).toBe(404);
  });

  it('every read of an incident is audited in the same transaction, lists with the ids shown', async () => {
    const before = (await auditOf(w, 'incident.viewed', adult.id)).length;
    expect((await w.as.supervisor!.get(`/api/incidents/${adult.id}`)).status).toBe(200);
    const after = await auditOf(w, 'incident.viewed', adult.id);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ actorUserId: w.users.supervisor, schoolId: w.north, detail: { narrative: true } });
    await w.as.supervisor!.get('/api/incidents?q=punches');
    const searched = (await auditOf(w, 'incident.searched')).at(-1)!;
    expect(searched.detail).toMatchObject({ ids: [adult.id], filters: { q: true } });
    expect(JSON.stringify(searched.detail)).not.toContain('punches');
  });

  it('juvenile records need the per-person grant: the director (without it) reads adult records only', async () => {
    expect((await w.as.director!.get(`/api/incidents/${adult.id}`)).status).toBe(200);
    expect((await w.as.director!.get(`/api/incidents/${juvenile.id}`)).status).toBe(404);
    const list = await w.as.director!.get('/api/incidents');
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([adult.id]);
    expect((await w.as.sro!.get(`/api/incidents/${juvenile.id}?reason=active_investigation`)).body.hasJuvenile).toBe(true);
  });

  it('the director cannot create incidents; supervisors of other schools cannot approve', async () => {
    expect((await w.as.director!.post('/api/incidents', {})).status).toBe(403);
  });

  it('only a supervisor whose grant covers the school returns or approves: not the director, not a principal', async () => {
    const draft = await createIncident(w);
    const submitted = (await w.as.sro!.post(`/api/incidents/${draft.id}/submit`, { version: draft.version })).body;
    for (const who of ['director', 'principal', 'sro2']) {
      expect((await w.as[who]!.post(`/api/incidents/${draft.id}/approve`, { version: submitted.version })).status, who).toBe(403);
      expect((await w.as[who]!.post(`/api/incidents/${draft.id}/return`, { version: submitted.version, comment: 'No' })).status, who).toBe(403);
    }
    expect((await w.as.supervisorSouth!.post(`/api/incidents/${draft.id}/approve`, { version: submitted.version })).status).toBe(404);
    expect((await w.as.director!.get(`/api/incidents/${draft.id}`)).body.can.review).toBe(false);
    const approved = await w.as.supervisor!.post(`/api/incidents/${draft.id}/approve`, { version: submitted.version });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.status).toBe('approved');
  });
});

describe('referrals: the discipline boundary', () => {
  let referral: string;

  it('the SRO refers to administration sharing a chosen summary, never the narrative', async () => {
    const detail = (await w.as.sro!.get(`/api/incidents/${adult.id}`)).body;
    const res = await w.as.sro!.post(`/api/incidents/${adult.id}/referrals`, {
      kind: 'administration', summary: 'Student involved in a cafeteria fight; please follow school policy.', personIds: [detail.persons[0].id], shareOffenses: true,
    });
    expect(res.status, res.text).toBe(201);
    referral = res.body.id;
    expect(res.body).toMatchObject({ kind: 'administration', status: 'open', persons: [{ firstName: 'Ada', lastName: 'Oldman', role: 'suspect' }], offenses: ['13B Simple Assault', 'Fight'] });
    expect(JSON.stringify(res.body)).not.toContain('punches');
    const bad = await w.as.sro!.post(`/api/incidents/${adult.id}/referrals`, { kind: 'counseling', summary: 'x', personIds: [adult.id] });
    expect(bad.body.error.field).toBe('personIds.0');
    await w.as.sro!.post(`/api/incidents/${adult.id}/referrals`, { kind: 'counseling', summary: 'Check in with the student.' });
    expect((await auditOf(w, 'incident.referred', adult.id))).toHaveLength(2);
  });

  it('the principal sees only referrals to their school, with only what they share; another principal sees none', async () => {
    const mine = await w.as.principal!.get('/api/discipline-referrals');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((r: { id: string }) => r.id)).toEqual([referral]);
    expect(Object.keys(mine.body.items[0])).not.toContain('narrative');
    expect(JSON.stringify(mine.body)).not.toContain('punches');
    expect((await w.as.principalSouth!.get('/api/discipline-referrals')).body.items).toEqual([]);
    expect((await w.as.principalSouth!.patch(`/api/discipline-referrals/${referral}`, { status: 'acknowledged' })).status).toBe(404);
    const ack = await w.as.principal!.patch(`/api/discipline-referrals/${referral}`, { status: 'acknowledged', note: 'Parent meeting set.' });
    expect(ack.body).toMatchObject({ status: 'acknowledged', handledByName: 'principal user' });
    expect((await auditOf(w, 'referral.listed')).length).toBeGreaterThanOrEqual(2);
  });

  it('the counselor sees counseling referrals only, and neither staff nor SROs read the inboxes', async () => {
    const res = await w.as.counselor!.get('/api/counseling-referrals');
    expect(res.body.items.map((r: { summary: string }) => r.summary)).toEqual(['Check in with the student.']);
    expect((await w.as.counselor!.get('/api/discipline-referrals')).status).toBe(403);
    expect((await w.as.staff!.get('/api/counseling-referrals')).status).toBe(403);
    expect((await w.as.sro!.get('/api/discipline-referrals')).status).toBe(403);
  });
});

describe('sealing', () => {
  it('removes the record from every view; the audit view keeps only that a sealing happened', async () => {
    const sealed = await approvedIncident(w, { summary: 'To be sealed', narrative: 'Zebracorn narrative text.' });
    expect((await w.as.sro!.post(`/api/incidents/${sealed.id}/seal`, { reason: 'Court order 2026-JV-118' })).status).toBe(403);
    expect((await w.as.supervisor!.post(`/api/incidents/${sealed.id}/seal`, { reason: 'short' })).status).toBe(400);
    expect((await w.as.supervisor!.post(`/api/incidents/${sealed.id}/seal`, { reason: 'Court order 2026-JV-118' })).status).toBe(204);
    for (const who of ['sro', 'supervisor', 'director']) {
      expect((await w.as[who]!.get(`/api/incidents/${sealed.id}`)).status, who).toBe(404);
      expect((await w.as[who]!.get('/api/incidents?q=zebracorn')).body.items, who).toEqual([]);
      expect((await w.as[who]!.get('/api/incidents')).body.items.map((i: { id: string }) => i.id), who).not.toContain(sealed.id);
      expect((await w.as[who]!.get('/api/incidents/export.csv')).text, who).not.toContain(sealed.number);
    }
    expect((await w.as.supervisor!.post(`/api/incidents/${sealed.id}/seal`, { reason: 'Court order again' })).status).toBe(404);
    const audit = await w.as.supervisor!.get('/api/audit?limit=200');
    const about = audit.body.items.filter((e: { subjectId: string | null }) => e.subjectId === sealed.id);
    expect(about.map((e: { eventType: string }) => e.eventType)).toEqual(['incident.sealed']);
    expect(JSON.stringify(about)).not.toContain('Court order');
    expect((await auditOf(w, 'incident.created', sealed.id))).toHaveLength(1);
  });
});

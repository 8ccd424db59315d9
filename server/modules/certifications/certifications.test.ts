import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInClient } from '../../test/app.js';
import { createUser } from '../../test/fixtures.js';
import { auditOf, startWorld, type World } from '../drills/drills.test-support.js';
import { expectNotAtRest } from '../../files/at-rest.test-support.js';

// The clock reads 2025-11-10: a certification expiring 2025-12-20 is due (40 days), one that expired 2025-10-01 has lapsed.
let w: World;
const ids: Record<string, string> = {};
beforeAll(async () => {
  w = await startWorld();
  await createUser(w.t.db, { email: 'sergeant.east@prep.test', districtId: w.districtId, grants: [{ role: 'supervisor', schoolId: w.east.id }] });
}, 60_000);
afterAll(async () => w?.t.close());

const cert = (extra: Record<string, unknown> = {}) => ({ kind: 'first_aid', name: 'First aid / CPR', issuedOn: '2023-12-20', expiresOn: '2025-12-20', ...extra });

describe('SRO certifications', () => {
  it('lets an SRO record their own certifications; the states follow the expiry dates', async () => {
    const sro = await w.as('sro.north');
    const firstAid = await sro.post('/api/certifications/mine', cert({ issuer: 'Red Cross', hours: 4 }));
    expect(firstAid.status).toBe(201);
    expect(firstAid.body).toMatchObject({ user: { name: 'sro.north' }, state: 'due', daysToExpiry: 40, document: null });
    ids.firstAid = firstAid.body.id;
    ids.inService = (await sro.post('/api/certifications/mine', cert({ kind: 'annual_in_service', name: 'In-service 2024', issuedOn: '2024-10-01', expiresOn: '2025-10-01' }))).body.id;
    const basic = await sro.post('/api/certifications/mine', cert({ kind: 'basic_sro', name: 'NASRO basic SRO course', hours: 40, issuedOn: '2019-06-01', expiresOn: null }));
    expect(basic.body.state).toBe('no_expiry');
    ids.east = (await (await w.as('sro.east')).post('/api/certifications/mine', cert({ expiresOn: '2026-09-01' }))).body.id;
    expect((await sro.get('/api/certifications/mine')).body.items.map((c: { state: string }) => c.state)).toEqual(['lapsed', 'no_expiry', 'due']);
    expect((await auditOf(w.t.db, 'certification.created', ids.firstAid))[0]!.detail).toMatchObject({ kind: 'first_aid' });
  });

  it('answers 400 naming the field for an expiry before the issue date and negative hours', async () => {
    const sro = await w.as('sro.north');
    expect((await sro.post('/api/certifications/mine', cert({ expiresOn: '2023-01-01' }))).body.error.field).toBe('expiresOn');
    expect((await sro.post('/api/certifications/mine', cert({ hours: -2 }))).body.error.field).toBe('hours');
    expect((await sro.post('/api/certifications/mine', cert({ kind: 'black_belt' }))).body.error.field).toBe('kind');
    expect((await sro.patch(`/api/certifications/${ids.firstAid}`, { expiresOn: '2020-01-01' })).body.error.field).toBe('expiresOn');
  });

  it('shows the supervisor who is due within 60 days and who has lapsed; a renewal takes one off', async () => {
    const supervisor = await w.as('supervisor');
    const due = (await supervisor.get('/api/certifications/due')).body;
    expect(due).toMatchObject({ today: '2025-11-10', dueWithinDays: 60 });
    expect(due.due.map((c: { id: string }) => c.id)).toEqual([ids.firstAid]);
    expect(due.lapsed.map((c: { id: string }) => c.id)).toEqual([ids.inService]);
    const renewal = await supervisor.post('/api/certifications', { ...cert({ kind: 'annual_in_service', name: 'In-service 2025', issuedOn: '2025-11-03', expiresOn: '2026-11-03' }), userId: w.ids['sro.north'] });
    expect(renewal.status).toBe(201);
    expect((await supervisor.get('/api/certifications/due')).body.lapsed).toEqual([]);
  });

  it('keeps certifications to the SRO and their supervisor: everyone else is refused', async () => {
    for (const who of ['director', 'principal.north', 'counselor.north', 'staff.north', 'sro.north', 'sysadmin']) {
      expect((await (await w.as(who)).get('/api/certifications')).status, who).toBe(403);
      expect((await (await w.as(who)).get('/api/certifications/due')).status, who).toBe(403);
    }
    for (const who of ['director', 'principal.north', 'sro.east', 'staff.north', 'outsider']) {
      expect((await (await w.as(who)).patch(`/api/certifications/${ids.firstAid}`, { notes: 'x' })).status, who).not.toBe(200);
    }
    expect((await (await w.as('sro.east')).patch(`/api/certifications/${ids.firstAid}`, { notes: 'x' })).status).toBe(404);
    expect((await (await w.as('staff.north')).post('/api/certifications/mine', cert())).status).toBe(403);
    const eastSergeant = await signedInClient(w.t, 'sergeant.east@prep.test');
    const seen = (await eastSergeant.get('/api/certifications')).body.items.map((c: { id: string }) => c.id);
    expect(seen).toEqual([ids.east]);
    expect((await eastSergeant.patch(`/api/certifications/${ids.firstAid}`, { notes: 'x' })).status).toBe(404);
    expect((await eastSergeant.post('/api/certifications', { ...cert(), userId: w.ids['sro.north'] })).status).toBe(404);
    expect((await eastSergeant.post('/api/certifications', { ...cert(), userId: w.ids['staff.east'] })).status).toBe(404);
    expect((await eastSergeant.patch(`/api/certifications/${ids.east}`, { notes: 'Checked' })).body.notes).toBe('Checked');
    expect((await auditOf(w.t.db, 'certification.updated', ids.east))[0]!.detail).toMatchObject({ changed: ['notes'] });
  });

  it('attaches a document checked by its bytes, readable by the SRO and the supervisor only', async () => {
    const sro = await w.as('sro.north');
    const pdf = Buffer.from('%PDF-1.4\n% at-rest marker: certificate of Officer Quillan Marsh\n%%EOF\n');
    const wrong = await sro.request('PUT', `/api/certifications/${ids.firstAid}/document`, Buffer.from('%PDF'.padEnd(3, 'x')), { 'content-type': 'image/png' });
    expect(wrong.body.error.field).toBe('file');
    const res = await sro.request('PUT', `/api/certifications/${ids.firstAid}/document?fileName=cpr.pdf`, pdf, { 'content-type': 'application/pdf' });
    expect(res.body.document).toEqual({ fileName: 'cpr.pdf', mediaType: 'application/pdf', size: pdf.length });
    expect((await (await w.as('supervisor')).get(`/api/certifications/${ids.firstAid}/document`)).text).toBe(pdf.toString('latin1'));
    expect((await (await w.as('sro.east')).get(`/api/certifications/${ids.firstAid}/document`)).status).toBe(404);
    expect((await (await w.as('director')).get(`/api/certifications/${ids.firstAid}/document`)).status).toBe(404);
    expect(await auditOf(w.t.db, 'certification.document_added', ids.firstAid)).toHaveLength(1);
    await expectNotAtRest(w.t, 'certificate of Officer Quillan Marsh');
  });
});

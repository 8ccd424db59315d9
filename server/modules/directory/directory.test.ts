import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directoryOrganizations } from '../../db/schema/index.js';
import { auditOf, startWorld, type World } from '../drills/drills.test-support.js';
import { requireDirectoryEntry } from './directory.service.js';

let w: World;
const ids: Record<string, string> = {};
beforeAll(async () => {
  w = await startWorld();
}, 60_000);
afterAll(async () => w?.t.close());

const entry = (extra: Record<string, unknown> = {}) => ({
  name: 'Lakeside Behavioral Health', kind: 'mental_health_vendor', phone: '555-0100', email: 'intake@lakeside.test',
  services: 'Counseling, crisis evaluation', ...extra,
});

describe('contact directory', () => {
  it('lets the supervisor add agencies and vendors with the schools they serve; everyone in the district reads them', async () => {
    const supervisor = await w.as('supervisor');
    const vendor = await supervisor.post('/api/directory', entry({ schoolIds: [w.north.id] }));
    expect(vendor.status).toBe(201);
    expect(vendor.body).toMatchObject({ name: 'Lakeside Behavioral Health', schools: [{ id: w.north.id, name: 'North High' }], active: true });
    ids.vendor = vendor.body.id;
    ids.police = (await supervisor.post('/api/directory', entry({ name: 'City Police Department', kind: 'law_enforcement', services: null }))).body.id;
    expect((await auditOf(w.t.db, 'directory.created', ids.vendor))[0]!.detail).toEqual({ kind: 'mental_health_vendor' });

    const eastSro = await w.as('sro.east');
    const forEast = (await eastSro.get(`/api/directory?schoolId=${w.east.id}`)).body.items.map((e: { name: string }) => e.name);
    expect(forEast).toEqual(['City Police Department']);
    const counselor = await w.as('counselor.north');
    expect((await counselor.get('/api/directory?q=crisis')).body.items.map((e: { id: string }) => e.id)).toEqual([ids.vendor]);
    expect((await counselor.get('/api/directory?kind=law_enforcement')).body.items.map((e: { id: string }) => e.id)).toEqual([ids.police]);
  });

  it('answers 400 naming the field for a bad kind, e-mail or school, and 409 for a second entry of the same name; nothing written', async () => {
    const supervisor = await w.as('supervisor');
    expect((await supervisor.post('/api/directory', entry({ name: 'X', kind: 'wizard' }))).body.error.field).toBe('kind');
    expect((await supervisor.post('/api/directory', entry({ name: 'X', email: 'not-mail' }))).body.error.field).toBe('email');
    const foreignSchool = await supervisor.post('/api/directory', entry({ name: 'X', schoolIds: [w.foreign.id] }));
    expect(foreignSchool.status).toBe(400);
    expect(foreignSchool.body.error.field).toBe('schoolIds');
    const twice = await supervisor.post('/api/directory', entry({ name: 'lakeside behavioral health' }));
    expect(twice.status).toBe(409);
    expect(twice.body.error.field).toBe('name');
    expect(await w.t.db.$count(directoryOrganizations)).toBe(2);
  });

  it('retires an entry: it leaves the default list and can no longer be referenced', async () => {
    const supervisor = await w.as('supervisor');
    const retired = await supervisor.patch(`/api/directory/${ids.police}`, { active: false, phone: '555-0199' });
    expect(retired.body).toMatchObject({ active: false, phone: '555-0199' });
    expect((await auditOf(w.t.db, 'directory.updated', ids.police))[0]!.detail).toEqual({ fields: ['phone', 'active'] });
    expect((await supervisor.get('/api/directory')).body.items.map((e: { id: string }) => e.id)).toEqual([ids.vendor]);
    expect((await supervisor.get('/api/directory?active=all')).body.items).toHaveLength(2);
    await expect(requireDirectoryEntry(w.t.db, w.districtId, ids.police!, 'vendorId')).rejects.toMatchObject({ code: 'validation_failed', field: 'vendorId' });
    await expect(requireDirectoryEntry(w.t.db, w.districtId, ids.vendor!, 'vendorId', ['maintenance_vendor'])).rejects.toMatchObject({ field: 'vendorId' });
    await expect(requireDirectoryEntry(w.t.db, w.districtId, ids.vendor!, 'vendorId', ['mental_health_vendor'])).resolves.toMatchObject({ name: 'Lakeside Behavioral Health' });
  });

  it('keeps changes to holders of directory.manage and entries to their district', async () => {
    for (const who of ['sro.north', 'principal.north', 'counselor.north', 'security.north', 'staff.north']) {
      const client = await w.as(who);
      expect((await client.post('/api/directory', entry({ name: `By ${who}` }))).status, who).toBe(403);
      expect((await client.patch(`/api/directory/${ids.vendor}`, { notes: 'x' })).status, who).toBe(403);
    }
    const outsider = await w.as('outsider');
    expect((await outsider.get(`/api/directory/${ids.vendor}`)).status).toBe(404);
    expect((await outsider.get('/api/directory?active=all')).body.items).toEqual([]);
  });
});

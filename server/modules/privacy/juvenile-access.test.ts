import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetSessions } from '../../auth/sessions.js';
import { juvenileAccessGrants } from '../../db/schema/index.js';
import { createIncident, createWorld, auditOf, type World } from '../incidents/incidents.test-support.js';

// Juvenile law-enforcement records open to a person the district administrator named, not to a role.
let w: World;
let juvenileIncident: string;

beforeAll(async () => {
  w = await createWorld();
  juvenileIncident = (await createIncident(w, 'sro', { persons: [{ kind: 'student', role: 'suspect', studentId: w.juvenile }], actions: [] })).id;
}, 120_000);
afterAll(async () => w?.t.close());

describe('juvenile-record access', () => {
  it('an SRO without a grant reads the juvenile record as absent (404), though the role is eligible', async () => {
    await w.t.db.delete(juvenileAccessGrants).where(eq(juvenileAccessGrants.userId, w.users.sro2!));
    forgetSessions(w.users.sro2);
    expect((await w.as.sro2!.get(`/api/incidents/${juvenileIncident}`)).status).toBe(404);
    expect((await w.as.sro!.get(`/api/incidents/${juvenileIncident}`)).status).toBe(200);
  });

  it('the director gives and revokes it per person, audited; the next request already follows the grant', async () => {
    const granted = await w.as.director!.post('/api/juvenile-access', { userId: w.users.sro2, reason: 'Covers North High investigations' });
    expect(granted.status).toBe(201);
    expect((await w.as.sro2!.get(`/api/incidents/${juvenileIncident}`)).status).toBe(200);
    const again = await w.as.director!.post('/api/juvenile-access', { userId: w.users.sro2, reason: 'Covers North High investigations' });
    expect([again.status, again.body.error.code]).toEqual([409, 'conflict']);
    expect((await auditOf(w, 'juvenile_access.granted', w.users.sro2)).length).toBe(1);
    const list = (await w.as.director!.get('/api/juvenile-access')).body.items as { id: string; user: { id: string } }[];
    const mine = list.find((g) => g.user.id === w.users.sro2)!;
    expect((await w.as.director!.delete(`/api/juvenile-access/${mine.id}`)).status).toBe(204);
    expect((await w.as.sro2!.get(`/api/incidents/${juvenileIncident}`)).status).toBe(404);
    expect((await auditOf(w, 'juvenile_access.revoked', w.users.sro2)).length).toBe(1);
  });

  it('refuses a person whose role is not eligible, naming the field, and refuses every other role', async () => {
    const staff = await w.as.director!.post('/api/juvenile-access', { userId: w.users.staff, reason: 'Wants to read everything' });
    expect([staff.status, staff.body.error.field]).toEqual([400, 'userId']);
    const noReason = await w.as.director!.post('/api/juvenile-access', { userId: w.users.sro2 });
    expect([noReason.status, noReason.body.error.code]).toEqual([400, 'validation_failed']);
    for (const who of ['sro', 'supervisor', 'principal', 'counselor']) {
      const res = await w.as[who]!.post('/api/juvenile-access', { userId: w.users.sro2, reason: 'Self-service attempt' });
      expect([res.status, res.body.error.code], who).toEqual([403, 'forbidden']);
    }
  });
});

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotentRequests, incidents, patrolCheckRuns, patrolEntries, workOrders } from '../../db/schema/index.js';
import { auditOf, startWorld, type World } from '../drills/drills.test-support.js';

let w: World;
beforeAll(async () => {
  w = await startWorld();
}, 60_000);
afterAll(async () => w?.t.close());

const count = async (table: typeof patrolEntries | typeof patrolCheckRuns | typeof workOrders | typeof incidents) =>
  (await w.t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
const key = (name: string) => ({ 'idempotency-key': `test-${name}-0123456789` });

describe('Idempotency-Key on the writes of the offline queue', () => {
  it('a retried patrol with the same key answers the first result and writes (and audits) once', async () => {
    const sro = await w.as('sro.north');
    const before = await count(patrolEntries);
    const body = { schoolId: w.north.id, kind: 'grounds', notes: 'Sent twice after a lost answer' };
    const first = await sro.post('/api/patrols', body, key('patrol'));
    const again = await sro.post('/api/patrols', body, key('patrol'));
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await count(patrolEntries)).toBe(before + 1);
    expect(await auditOf(w.t.db, 'patrol.logged', first.body.id)).toHaveLength(1);
    // Without a key every request is its own write.
    await sro.post('/api/patrols', body);
    expect(await count(patrolEntries)).toBe(before + 2);
  });

  it('two requests with one key at the same moment write once', async () => {
    const sro = await w.as('sro.north');
    const before = await count(patrolEntries);
    const body = { schoolId: w.north.id, kind: 'parking' };
    const answers = await Promise.all([sro.post('/api/patrols', body, key('race')), sro.post('/api/patrols', body, key('race'))]);
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    expect(answers[1]!.body.id).toBe(answers[0]!.body.id);
    expect(await count(patrolEntries)).toBe(before + 1);
  });

  it('a key is the sender\'s own: another user with the same key gets their own write', async () => {
    const body = { schoolId: w.north.id, kind: 'bus_loop' };
    const mine = await (await w.as('sro.north')).post('/api/patrols', body, key('shared'));
    const theirs = await (await w.as('security.north')).post('/api/patrols', body, key('shared'));
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.body.officer.id).toBe(w.ids['security.north']);
  });

  it('the same key with another request is a 409 naming the header; a malformed key is a 400', async () => {
    const sro = await w.as('sro.north');
    await sro.post('/api/patrols', { schoolId: w.north.id, kind: 'grounds' }, key('reused'));
    const other = await sro.post('/api/patrols', { schoolId: w.north.id, kind: 'parking' }, key('reused'));
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({ code: 'conflict', field: 'Idempotency-Key' });
    for (const bad of ['short', 'has spaces in it', 'x'.repeat(101)]) {
      const res = await sro.post('/api/patrols', { schoolId: w.north.id, kind: 'grounds' }, { 'idempotency-key': bad });
      expect(res.body.error, bad).toMatchObject({ code: 'validation_failed', field: 'Idempotency-Key' });
    }
  });

  it('a refused write keeps nothing under its key: the corrected retry runs', async () => {
    const sro = await w.as('sro.north');
    const bad = await sro.post('/api/patrols', { schoolId: w.north.id, kind: 'grounds', durationMinutes: 0 }, key('refused'));
    expect(bad.status).toBe(400);
    expect(await w.t.db.select().from(idempotentRequests).where(eq(idempotentRequests.key, key('refused')['idempotency-key']))).toEqual([]);
    // The same key with the same (still bad) body is refused again, not answered from a store.
    expect((await sro.post('/api/patrols', { schoolId: w.north.id, kind: 'grounds', durationMinutes: 0 }, key('refused'))).status).toBe(400);
  });

  it('a retried security check run with a failed item opens one work order, not two', async () => {
    const principal = await w.as('principal.north');
    const list = (await principal.post('/api/patrol-checklists', { schoolId: w.north.id, name: 'Evening lock-up', items: [{ label: 'Doors' }, { label: 'Gates' }] })).body;
    const sro = await w.as('sro.north');
    const body = { checklistId: list.id, results: [{ itemId: list.items[0].id, passed: false, note: 'Latch broken' }, { itemId: list.items[1].id, passed: true }] };
    const [runs, orders] = [await count(patrolCheckRuns), await count(workOrders)];
    const first = await sro.post('/api/patrol-checks', body, key('check'));
    const again = await sro.post('/api/patrol-checks', body, key('check'));
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.id).toBe(first.body.id);
    expect([await count(patrolCheckRuns), await count(workOrders)]).toEqual([runs + 1, orders + 1]);
  });

  it('a retried draft report written offline creates one draft with one report number', async () => {
    const sro = await w.as('sro.north');
    const body = {
      schoolId: w.north.id, onCampus: true, occurredAt: '2025-11-10T14:00:00.000Z', summary: 'Fight at the bus loop', narrative: 'Written without signal.',
      offenses: [], property: [], clearance: null, persons: [], actions: [],
    };
    const before = await count(incidents);
    const first = await sro.post('/api/incidents', body, key('incident'));
    const again = await sro.post('/api/incidents', body, key('incident'));
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toMatchObject({ id: first.body.id, number: first.body.number });
    expect(await count(incidents)).toBe(before + 1);
  });
});

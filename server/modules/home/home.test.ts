import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NeedItem } from '../../../common/home.js';
import { calls, schoolEvents, tips } from '../../db/schema/index.js';
import { createIncident, createWorld, type World } from '../incidents/incidents.test-support.js';

// The "today" home: each role's needs from the modules, scoped like the modules' own lists, ordered.
let w: World;
let returned: { id: string; number: string; version: number };

const keysOf = (items: NeedItem[]) => items.map((i) => i.key);
async function home(who: string): Promise<NeedItem[]> {
  const res = await w.as[who]!.get('/api/home');
  expect(res.status).toBe(200);
  return res.body.items as NeedItem[];
}

beforeAll(async () => {
  w = await createWorld();
  const now = w.t.clock.now();
  const draft = await createIncident(w);
  const submitted = await w.as.sro!.post(`/api/incidents/${draft.id}/submit`, { version: draft.version });
  expect(submitted.status).toBe(200);
  returned = draft;
  await w.t.db.insert(schoolEvents).values({
    districtId: w.districtId, schoolId: w.north, kind: 'game', title: 'Varsity football', startsAt: new Date(now.getTime() + 3_600_000),
    endsAt: new Date(now.getTime() + 3 * 3_600_000), coverSroId: w.users.sro!, createdBy: w.users.supervisor!,
  });
  await w.t.db.insert(calls).values({
    districtId: w.districtId, schoolId: w.north, number: 'C-2026-000001', source: 'staff', priority: 'urgent', summary: 'Fight in the gym',
    receivedAt: new Date(now.getTime() - 23 * 60_000), assignedUserId: w.users.sro!, takenById: w.users.sro!,
  });
}, 120_000);
afterAll(async () => w?.t.close());

describe('GET /api/home', () => {
  it('shows the supervisor the review queue with its age, and not a supervisor of another school', async () => {
    const items = await home('supervisor');
    expect(items.find((i) => i.key === 'incidents.review')).toMatchObject({ count: 1, link: '/incidents/review', priority: 'high' });
    expect(keysOf(await home('supervisorSouth'))).not.toContain('incidents.review');
  });

  it('shows the SRO a returned report, today\'s event and an old open call first, in the district clock', async () => {
    const before = await home('sro');
    expect(before.find((i) => i.key === 'calls.mine')).toMatchObject({ count: 1, priority: 'urgent', detail: 'Oldest open for 23 min' });
    expect(before.find((i) => i.key === 'events.covering')).toMatchObject({ count: 1, link: '/events' });
    expect(keysOf(before)).not.toContain('incidents.returned');
    const sent = await w.as.supervisor!.post(`/api/incidents/${returned.id}/return`, { version: returned.version + 1, comment: 'Add the witness statement' });
    expect(sent.status).toBe(200);
    const after = await home('sro');
    expect(after[0]!.key).toBe('calls.mine');
    const item = after.find((i) => i.key === 'incidents.returned')!;
    expect(item).toMatchObject({ count: 1, priority: 'high' });
    expect(item.dueLabel).toMatch(/2026/);
    const bell = await w.as.sro!.get('/api/notifications');
    expect(bell.body.items[0]).toMatchObject({ kind: 'report_returned', link: `/incidents/${returned.id}` });
  });

  it('keeps one officer\'s needs from another', async () => {
    const other = keysOf(await home('sro2'));
    expect(other).not.toContain('incidents.returned');
    expect(other).not.toContain('calls.mine');
    expect(other).not.toContain('events.covering');
  });

  it('puts an unacknowledged life-safety tip before those who may acknowledge it, never on a home that could only look', async () => {
    await w.t.db.insert(tips).values({
      districtId: w.districtId, schoolId: w.north, number: 'T-HOME-1', codeHash: 'x', passphraseHash: 'x', category: 'self_harm',
      description: 'A student said goodbye to everyone', lifeSafety: true, lifeSafetyBy: 'category', createdAt: w.t.clock.now(), updatedAt: w.t.clock.now(),
    });
    for (const who of ['director', 'principal', 'sro', 'supervisor']) expect(keysOf(await home(who)), who).toContain('tips.life_safety');
    for (const who of ['counselor', 'staff', 'sroSouth']) expect(keysOf(await home(who)), who).not.toContain('tips.life_safety');
    // The counselor reads tips but cannot acknowledge one: the home must not send them to a dead end.
    expect((await w.as.counselor!.get('/api/tips')).status).toBe(200);
  });

  it('says nothing needs a staff member with nothing waiting', async () => {
    expect(await home('staff')).toEqual([]);
  });

  it('answers 401 without a session', async () => {
    expect((await w.t.client().get('/api/home')).status).toBe(401);
  });
});

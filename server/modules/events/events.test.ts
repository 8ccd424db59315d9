import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { activityEntries, schoolEvents } from '../../db/schema/index.js';
import { auditOf, startOperationsWorld, type World } from '../notices/operations.test-support.js';
import { expectEvery } from '../../test/expect-every.js';

let w: World;
beforeAll(async () => { w = await startOperationsWorld(); }, 60_000);
afterAll(async () => w?.t.close());

const game = (schoolId: string, extra: Record<string, unknown> = {}) => ({
  schoolId, kind: 'game', title: 'Football: North vs. Central', place: 'Stadium', startsAt: '2025-11-14T23:00:00Z', endsAt: '2025-11-15T02:00:00Z', ...extra,
});
let gameId: string;
let danceId: string;

describe('events and coverage', () => {
  it('lets an administrator add an event to their school; the list flags it uncovered', async () => {
    const principal = await w.as('principal.north');
    const res = await principal.post('/api/events', game(w.north.id));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ schoolName: 'North High', kind: 'game', coverage: null, uncovered: true, conflicts: [] });
    gameId = res.body.id;
    const list = await (await w.as('supervisor')).get('/api/events?uncovered=true');
    expect(list.body.items.map((e: { id: string }) => e.id)).toEqual([gameId]);
    expect(await auditOf(w.t.db, 'event.created', gameId)).toHaveLength(1);
  });

  it('answers 400 naming endsAt when the event ends before it starts, and writes nothing', async () => {
    const before = (await w.t.db.select().from(schoolEvents)).length;
    const res = await (await w.as('principal.north')).post('/api/events', game(w.north.id, { endsAt: '2025-11-14T22:00:00Z' }));
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('endsAt');
    expect((await (await w.as('principal.north')).post('/api/events', game(w.north.id, { kind: 'rodeo' }))).body.error.field).toBe('kind');
    expect((await (await w.as('principal.north')).patch(`/api/events/${gameId}`, { endsAt: '2025-11-14T20:00:00Z' })).body.error.field).toBe('endsAt');
    expect((await w.t.db.select().from(schoolEvents)).length).toBe(before);
  });

  it('keeps another school\'s events from administrators and SROs there (404), and SROs cannot create events', async () => {
    expect((await (await w.as('principal.east')).get(`/api/events/${gameId}`)).status).toBe(404);
    expect((await (await w.as('principal.east')).get('/api/events')).body.items).toEqual([]);
    expect((await (await w.as('principal.east')).post('/api/events', game(w.north.id))).status).toBe(404);
    expect((await (await w.as('outsider')).get(`/api/events/${gameId}`)).status).toBe(404);
    expect((await (await w.as('sro.north')).post('/api/events', game(w.north.id))).status).toBe(403);
    expect((await (await w.as('staff.north')).get(`/api/events/${gameId}`)).status).toBe(200);
  });

  it('offers the SROs of the school and its feeders, and designates one; others are 400 naming sroId', async () => {
    const supervisor = await w.as('supervisor');
    const candidates = (await supervisor.get(`/api/events/${gameId}/candidates`)).body.items;
    expect(candidates.map((c: { name: string; assignment: string }) => [c.name, c.assignment])).toEqual([
      ['sro.east', 'feeder'], ['sro.north', 'primary'], ['sro2.north', 'primary'],
    ]);
    expect((await supervisor.put(`/api/events/${gameId}/coverage`, { sroId: w.ids.outsider })).body.error.field).toBe('sroId');
    expect((await (await w.as('principal.north')).put(`/api/events/${gameId}/coverage`, { sroId: w.ids['sro.north'] })).status).toBe(403);
    const res = await supervisor.put(`/api/events/${gameId}/coverage`, { sroId: w.ids['sro.north'] });
    expect(res.body).toMatchObject({ uncovered: false, coverage: { sro: { name: 'sro.north' }, assignedBy: { name: 'supervisor' } } });
    expect((await auditOf(w.t.db, 'event.coverage_set', gameId))[0]!.detail).toEqual({ from: null, to: w.ids['sro.north'] });
    const logged = await w.t.db.select().from(activityEntries).where(and(eq(activityEntries.sourceType, 'event_coverage'), eq(activityEntries.sourceId, gameId)));
    expect(logged).toEqual([expect.objectContaining({
      userId: w.ids['sro.north'], kind: 'event', triadRole: 'law_enforcement', durationMinutes: 180, schoolId: w.north.id,
      startedAt: new Date('2025-11-14T23:00:00Z'), title: 'Game coverage: Football: North vs. Central',
    })]);
  });

  it('flags conflicting assignments: the same SRO on two overlapping events', async () => {
    const dance = await (await w.as('principal.east')).post('/api/events', game(w.east.id, { kind: 'dance', title: 'Fall dance', startsAt: '2025-11-15T01:00:00Z', endsAt: '2025-11-15T03:00:00Z' }));
    danceId = dance.body.id;
    const supervisor = await w.as('supervisor');
    const candidates = (await supervisor.get(`/api/events/${danceId}/candidates`)).body.items;
    expect(candidates.find((c: { name: string }) => c.name === 'sro.north').conflicts).toEqual([expect.objectContaining({ eventId: gameId })]);
    await supervisor.put(`/api/events/${danceId}/coverage`, { sroId: w.ids['sro.north'] });
    const flagged = (await supervisor.get('/api/events?conflicts=true')).body.items;
    expect(flagged.map((e: { id: string }) => e.id).sort()).toEqual([gameId, danceId].sort());
    // The North administrator learns the SRO is busy elsewhere, not what the East event is.
    const seenByNorth = (await (await w.as('principal.north')).get(`/api/events/${gameId}`)).body;
    expect(seenByNorth.conflicts).toEqual([expect.objectContaining({ eventId: danceId, title: 'Another event', schoolName: 'East Elementary' })]);
    await supervisor.put(`/api/events/${danceId}/coverage`, { sroId: w.ids['sro.east'] });
    expect((await supervisor.get('/api/events?conflicts=true')).body.items).toEqual([]);
    const danceLog = () => w.t.db.select().from(activityEntries).where(and(eq(activityEntries.sourceType, 'event_coverage'), eq(activityEntries.sourceId, danceId)));
    expect((await danceLog()).map((a) => a.userId)).toEqual([w.ids['sro.east']]);
    await (await w.as('principal.east')).patch(`/api/events/${danceId}`, { endsAt: '2025-11-15T04:00:00Z' });
    expect((await danceLog())[0]!.durationMinutes).toBe(180);
    await (await w.as('principal.east')).patch(`/api/events/${danceId}`, { cancelled: true });
    expect(await danceLog()).toEqual([]);
    await (await w.as('principal.east')).patch(`/api/events/${danceId}`, { cancelled: false });
  });

  it('takes post-event notes from the covering SRO only, once the event has started', async () => {
    const sro = await w.as('sro.north');
    expect((await sro.put(`/api/events/${gameId}/notes`, { notes: 'Quiet game' })).body.error.field).toBe('notes');
    const past = await (await w.as('principal.north')).post('/api/events', game(w.north.id, { kind: 'assembly', title: 'Veterans Day assembly', startsAt: '2025-11-10T14:00:00Z', endsAt: '2025-11-10T15:30:00Z' }));
    await (await w.as('supervisor')).put(`/api/events/${past.body.id}/coverage`, { sroId: w.ids['sro.north'] });
    expect((await (await w.as('principal.north')).put(`/api/events/${past.body.id}/notes`, { notes: 'x' })).status).toBe(403);
    expect((await (await w.as('sro2.north')).put(`/api/events/${past.body.id}/notes`, { notes: 'x' })).status).toBe(403);
    const res = await sro.put(`/api/events/${past.body.id}/notes`, { notes: 'Crowd of 800; one student escorted out.' });
    expect(res.body).toMatchObject({ notes: 'Crowd of 800; one student escorted out.', notesAt: '2025-11-10T15:00:00.000Z' });
    expect(await auditOf(w.t.db, 'event.notes_written', past.body.id)).toHaveLength(1);
  });
});

describe('iCalendar feeds', () => {
  it('serves the events an SRO covers at a secret URL without a session: CRLF, folded, escaped', async () => {
    await (await w.as('principal.north')).patch(`/api/events/${gameId}`, { title: `Football: North vs. Central, senior night ${'and band '.repeat(6)}` });
    const created = await (await w.as('sro.north')).post('/api/event-feeds', { scope: 'sro' });
    expect(created.status).toBe(201);
    const url = new URL(created.body.url);
    expect(url.pathname).toMatch(/^\/api\/ical\/[A-Za-z0-9_-]{43}\.ics$/);
    const res = await w.t.client().get(url.pathname);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const physical = res.text.split('\r\n');
    expectEvery(physical, (l) => Buffer.byteLength(l) <= 75);
    expect(physical.some((l) => l.startsWith(' '))).toBe(true);
    const lines = res.text.replace(/\r\n /g, '').split('\r\n');
    expect(lines).toContain(`SUMMARY:Football: North vs. Central\\, senior night ${'and band '.repeat(6).trim()} (North High)`);
    expect(lines).toContain('DTSTART:20251114T230000Z');
    expect(lines).toContain(`UID:${gameId}@srodesk`);
    expect(lines).toContain('LOCATION:Stadium\\, North High');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect((await (await w.as('sro.north')).get('/api/event-feeds')).body.items).toEqual([expect.objectContaining({ id: created.body.id, url: null })]);
  });

  it('answers 404 to a wrong or rotated token, and to another user\'s feed id', async () => {
    const sro = await w.as('sro.north');
    const created = await sro.post('/api/event-feeds', { scope: 'sro' });
    const old = new URL(created.body.url).pathname;
    expect((await w.t.client().get('/api/ical/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics')).status).toBe(404);
    expect((await (await w.as('sro2.north')).post(`/api/event-feeds/${created.body.id}/rotate`)).status).toBe(404);
    const rotated = await sro.post(`/api/event-feeds/${created.body.id}/rotate`);
    expect((await w.t.client().get(old)).status).toBe(404);
    expect((await w.t.client().get(new URL(rotated.body.url).pathname)).status).toBe(200);
    expect((await sro.delete(`/api/event-feeds/${created.body.id}`)).status).toBe(204);
    expect((await w.t.client().get(new URL(rotated.body.url).pathname)).status).toBe(404);
  });

  it('gives a school feed only for a school the user reads events at', async () => {
    expect((await (await w.as('principal.east')).post('/api/event-feeds', { scope: 'school', schoolId: w.north.id })).status).toBe(404);
    expect((await (await w.as('principal.east')).post('/api/event-feeds', { scope: 'sro' })).body.error.field).toBe('scope');
    const feed = await (await w.as('principal.east')).post('/api/event-feeds', { scope: 'school', schoolId: w.east.id });
    const text = (await w.t.client().get(new URL(feed.body.url).pathname)).text;
    expect(text).toContain('SUMMARY:Fall dance');
    expect(text).not.toContain('Football');
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEntries, mediations, mentoringContacts } from '../../db/schema/index.js';
import { auditOf } from '../drills/drills.test-support.js';
import { startSupportWorld, type SupportWorld } from '../education/education.test-support.js';

// Clock: 2025-11-10 15:00 UTC. sro.north and sro2.north serve North; sro.east serves East.
let w: SupportWorld;
const ids: Record<string, string> = {};
beforeAll(async () => {
  w = await startSupportWorld();
}, 60_000);
afterAll(async () => w?.t.close());

const contact = (extra: Record<string, unknown> = {}) => ({
  studentId: w.students.Riley, occurredAt: '2025-11-10T13:30:00Z', durationMinutes: 20, topic: 'attendance',
  note: 'Riley says mornings are hard since her mother works nights.', ...extra,
});
const logOf = async (sourceId: string) => w.t.db.select().from(activityEntries).where(sql`${activityEntries.sourceId} = ${sourceId}`);
const count = async (table: typeof mentoringContacts | typeof mediations) =>
  Number((await w.t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n);

describe('mentoring contacts', () => {
  it('lets an SRO record a contact with a student of their school; the answer carries the note to its author', async () => {
    const sro = await w.as('sro.north');
    const res = await sro.post('/api/mentoring/contacts', contact());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      schoolId: w.north.id, schoolName: 'North High', student: { id: w.students.Riley, name: 'Riley Novak', grade: 10 },
      kind: 'mentoring', topic: 'attendance', durationMinutes: 20, mine: true, note: contact().note, author: { name: 'sro.north' },
    });
    ids.contact = res.body.id;
    const [created] = await auditOf(w.t.db, 'mentoring.contact_created', ids.contact);
    expect(created!.detail).toEqual({ studentId: w.students.Riley, topic: 'attendance', durationMinutes: 20 });
    expect(JSON.stringify(created!.detail)).not.toContain('mornings');
    const [entry] = await logOf(ids.contact!);
    expect(entry).toMatchObject({
      kind: 'mentoring', triadRole: 'mentoring', userId: w.ids['sro.north'], schoolId: w.north.id, durationMinutes: 20,
      sourceType: 'mentoring_contact', title: 'Mentoring contact: attendance',
    });
    expect(entry!.startedAt.toISOString()).toBe('2025-11-10T13:30:00.000Z');
  });

  it('shows the private note to its author and nobody else: another SRO, the counselor, the supervisor and the director see only that it happened', async () => {
    const mine = await (await w.as('sro.north')).get(`/api/mentoring/contacts/${ids.contact}`);
    expect(mine.status).toBe(200);
    expect(mine.body.note).toBe(contact().note);
    for (const who of ['sro2.north', 'counselor.north', 'supervisor', 'director']) {
      const res = await (await w.as(who)).get(`/api/mentoring/contacts/${ids.contact}`);
      expect(res.status, who).toBe(200);
      expect(res.body, who).toMatchObject({ occurredAt: '2025-11-10T13:30:00.000Z', topic: 'attendance', durationMinutes: 20, mine: false, note: null });
      expect(res.text, who).not.toContain('mornings');
    }
    const reads = await auditOf(w.t.db, 'mentoring.contact_viewed', ids.contact);
    expect(reads.map((r) => [r.actorUserId, r.detail])).toEqual([
      [w.ids['sro.north'], { withNote: true }], [w.ids['sro2.north'], { withNote: false }], [w.ids['counselor.north'], { withNote: false }],
      [w.ids.supervisor, { withNote: false }], [w.ids.director, { withNote: false }],
    ]);
  });

  it('never puts a note in a list, not even for its author', async () => {
    for (const who of ['sro.north', 'supervisor']) {
      const list = await (await w.as(who)).get('/api/mentoring/contacts?topic=attendance');
      expect(list.body.total, who).toBe(1);
      expect(list.body.items[0].note, who).toBeNull();
      expect(list.text, who).not.toContain('mornings');
    }
    expect((await (await w.as('sro2.north')).get('/api/mentoring/contacts?mine=true')).body.total).toBe(0);
  });

  it('refuses roles without support.read (403) and finds contacts of other schools and districts absent (404)', async () => {
    for (const who of ['principal.north', 'staff.north', 'security.north', 'sysadmin']) {
      expect((await (await w.as(who)).get(`/api/mentoring/contacts/${ids.contact}`)).status, who).toBe(403);
      expect((await (await w.as(who)).get('/api/mentoring/contacts')).status, who).toBe(403);
    }
    for (const who of ['sro.east', 'outsider']) {
      expect((await (await w.as(who)).get(`/api/mentoring/contacts/${ids.contact}`)).status, who).toBe(404);
      expect((await (await w.as(who)).get('/api/mentoring/contacts')).body.total, who).toBe(0);
    }
  });

  it('lets only the author change or delete a contact; the other SRO of the school finds it absent', async () => {
    expect((await (await w.as('sro2.north')).patch(`/api/mentoring/contacts/${ids.contact}`, { durationMinutes: 5 })).status).toBe(404);
    expect((await (await w.as('sro2.north')).delete(`/api/mentoring/contacts/${ids.contact}`)).status).toBe(404);
    expect((await (await w.as('supervisor')).patch(`/api/mentoring/contacts/${ids.contact}`, { durationMinutes: 5 })).status).toBe(403);
    const changed = await (await w.as('sro.north')).patch(`/api/mentoring/contacts/${ids.contact}`, { durationMinutes: 25, topic: 'family' });
    expect(changed.body).toMatchObject({ durationMinutes: 25, topic: 'family', note: contact().note });
    expect((await auditOf(w.t.db, 'mentoring.contact_updated', ids.contact))[0]!.detail).toEqual({ changed: ['durationMinutes', 'topic'] });
    expect((await logOf(ids.contact!))[0]).toMatchObject({ durationMinutes: 25, title: 'Mentoring contact: family' });
  });

  it('answers 400 naming the field and writes nothing for a bad duration, topic, student or time', async () => {
    const sro = await w.as('sro.north');
    const before = await count(mentoringContacts);
    const cases: [Record<string, unknown>, string][] = [
      [{ durationMinutes: 0 }, 'durationMinutes'], [{ durationMinutes: 1441 }, 'durationMinutes'], [{ topic: 'gossip' }, 'topic'],
      [{ studentId: w.students.Emma }, 'studentId'], [{ occurredAt: '2025-11-11T09:00:00Z' }, 'occurredAt'], [{ occurredAt: 'yesterday' }, 'occurredAt'],
    ];
    for (const [change, field] of cases) {
      const res = await sro.post('/api/mentoring/contacts', contact(change));
      expect(res.status, field).toBe(400);
      expect(res.body.error, field).toMatchObject({ code: 'validation_failed', field });
    }
    expect(await count(mentoringContacts)).toBe(before);
    expect((await sro.post('/api/mentoring/contacts', contact({ durationMinutes: 1440, note: null }))).status).toBe(201);
  });

  it('finds roster students of a school the SRO serves only', async () => {
    const sro = await w.as('sro.north');
    const found = await sro.get(`/api/mentoring/students?schoolId=${w.north.id}&q=re`);
    expect(found.body.items.map((s: { name: string }) => s.name)).toEqual(['Jordan Reyes']);
    expect((await sro.get(`/api/mentoring/students?schoolId=${w.east.id}&q=st`)).status).toBe(404);
    expect((await (await w.as('supervisor')).get(`/api/mentoring/students?schoolId=${w.north.id}&q=re`)).status).toBe(403);
  });
});

describe('conflict mediations', () => {
  const mediation = (extra: Record<string, unknown> = {}) => ({
    schoolId: w.north.id, occurredAt: '2025-11-07T19:00:00Z', durationMinutes: 45, outcome: 'partially_resolved', followUpOn: '2025-11-10',
    parties: [{ kind: 'student', studentId: w.students.Jordan }, { kind: 'student', studentId: w.students.Avery }, { kind: 'other', name: 'Ms. Reyes', relation: 'parent' }],
    note: 'Dispute started over a shared locker.', ...extra,
  });

  it('records a mediation between students and a named parent; the note stays with its author', async () => {
    const res = await (await w.as('sro.north')).post('/api/mentoring/mediations', mediation());
    expect(res.status).toBe(201);
    expect(res.body.parties).toEqual([
      { kind: 'student', studentId: w.students.Jordan, name: 'Jordan Reyes', grade: 11, relation: null },
      { kind: 'student', studentId: w.students.Avery, name: 'Avery Okafor', grade: 9, relation: null },
      { kind: 'other', studentId: null, name: 'Ms. Reyes', grade: null, relation: 'parent' },
    ]);
    ids.mediation = res.body.id;
    expect((await logOf(ids.mediation!))[0]).toMatchObject({
      kind: 'mediation', triadRole: 'mentoring', durationMinutes: 45, title: 'Conflict mediation (2 students, 1 other)', sourceType: 'mediation',
    });
    for (const who of ['sro2.north', 'counselor.north', 'supervisor', 'director']) {
      const seen = await (await w.as(who)).get(`/api/mentoring/mediations/${ids.mediation}`);
      expect(seen.body, who).toMatchObject({ outcome: 'partially_resolved', followUpOn: '2025-11-10', note: null });
    }
    expect((await (await w.as('sro.north')).get(`/api/mentoring/mediations/${ids.mediation}`)).body.note).toBe('Dispute started over a shared locker.');
    expect((await (await w.as('principal.north')).get(`/api/mentoring/mediations/${ids.mediation}`)).status).toBe(403);
    expect((await (await w.as('sro.east')).get(`/api/mentoring/mediations/${ids.mediation}`)).status).toBe(404);
  });

  it('lists mediations by student and follow-up due', async () => {
    const sro = await w.as('sro2.north');
    expect((await sro.get(`/api/mentoring/mediations?studentId=${w.students.Avery}`)).body.total).toBe(1);
    expect((await sro.get(`/api/mentoring/mediations?studentId=${w.students.Riley}`)).body.total).toBe(0);
    expect((await sro.get('/api/mentoring/mediations?followUpDue=true')).body.items.map((m: { id: string }) => m.id)).toEqual([ids.mediation]);
  });

  it('answers 400 naming the field for one party, a student of another school, a student named twice, a follow-up before it', async () => {
    const sro = await w.as('sro.north');
    const before = await count(mediations);
    const cases: [Record<string, unknown>, string][] = [
      [{ parties: [{ kind: 'student', studentId: w.students.Jordan }] }, 'parties'],
      [{ parties: [{ kind: 'student', studentId: w.students.Jordan }, { kind: 'student', studentId: w.students.Emma }] }, 'parties'],
      [{ parties: [{ kind: 'student', studentId: w.students.Jordan }, { kind: 'student', studentId: w.students.Jordan }] }, 'parties'],
      [{ followUpOn: '2025-11-01' }, 'followUpOn'], [{ outcome: 'settled' }, 'outcome'], [{ schoolId: w.east.id }, 'schoolId'],
    ];
    for (const [change, field] of cases) {
      const res = await sro.post('/api/mentoring/mediations', mediation(change));
      expect(res.status, field).toBe(400);
      expect(res.body.error.field, field).toBe(field);
    }
    expect(await count(mediations)).toBe(before);
  });

  it('lets only its author change the outcome; deleting removes it', async () => {
    expect((await (await w.as('sro2.north')).patch(`/api/mentoring/mediations/${ids.mediation}`, { outcome: 'resolved' })).status).toBe(404);
    const sro = await w.as('sro.north');
    const changed = await sro.patch(`/api/mentoring/mediations/${ids.mediation}`, { outcome: 'resolved', followUpOn: null });
    expect(changed.body).toMatchObject({ outcome: 'resolved', followUpOn: null });
    expect((await sro.delete(`/api/mentoring/mediations/${ids.mediation}`)).status).toBe(204);
    expect((await sro.get(`/api/mentoring/mediations/${ids.mediation}`)).status).toBe(404);
    expect(await logOf(ids.mediation!)).toEqual([]);
  });
});

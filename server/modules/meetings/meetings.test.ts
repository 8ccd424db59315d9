import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityEntries, meetings, meetingSeries } from '../../db/schema/index.js';
import { auditOf, startOperationsWorld, type World } from '../notices/operations.test-support.js';
import { expectNotAtRest } from '../../files/at-rest.test-support.js';

let w: World;
beforeAll(async () => { w = await startOperationsWorld(); }, 60_000);
afterAll(async () => w?.t.close());

// Mondays at 3:30 PM in Chicago (CST after Nov 2): 21:30 UTC.
const series = (extra: Record<string, unknown> = {}) => ({
  schoolId: w.north.id, title: 'SRO and administration weekly', place: 'Main office', recurrence: 'weekly',
  firstStartsAt: '2025-11-03T21:30:00Z', durationMinutes: 45, until: '2025-12-01', ...extra,
});
let seriesId: string;
let pastId: string;
let futureId: string;

describe('meetings with the administration', () => {
  it('sets up a weekly series with its occurrences', async () => {
    const res = await (await w.as('principal.north')).post('/api/meeting-series', series());
    expect(res.status).toBe(201);
    seriesId = res.body.id;
    expect(res.body).toMatchObject({ recurrence: 'weekly', until: '2025-12-01', nextMeeting: { startsAt: '2025-11-10T21:30:00.000Z' } });
    const list = (await (await w.as('sro.north')).get('/api/meetings?from=2025-11-01')).body.items;
    expect(list.map((m: { startsAt: string }) => m.startsAt.slice(0, 10))).toEqual(['2025-11-03', '2025-11-10', '2025-11-17', '2025-11-24', '2025-12-01']);
    pastId = list[0].id;
    futureId = list[1].id;
    expect((await auditOf(w.t.db, 'meeting_series.created', seriesId))[0]!.detail).toEqual({ recurrence: 'weekly', occurrences: 5 });
  });

  it('answers 400 naming the field and writes nothing', async () => {
    const principal = await w.as('principal.north');
    const before = [(await w.t.db.select().from(meetingSeries)).length, (await w.t.db.select().from(meetings)).length];
    expect((await principal.post('/api/meeting-series', series({ until: '2025-10-01' }))).body.error.field).toBe('until');
    expect((await principal.post('/api/meeting-series', series({ recurrence: 'daily' }))).body.error.field).toBe('recurrence');
    expect((await principal.post(`/api/meetings/${pastId}/action-items`, { title: 'Call parents', ownerId: w.ids['staff.east'] })).body.error.field).toBe('ownerId');
    expect([(await w.t.db.select().from(meetingSeries)).length, (await w.t.db.select().from(meetings)).length]).toEqual(before);
  });

  it('keeps minutes and action items with owners; attendance puts the meeting in the SRO\'s activity log', async () => {
    const sro = await w.as('sro.north');
    await sro.patch(`/api/meetings/${pastId}`, { agenda: '1. Dismissal traffic\n2. Vaping in restrooms', minutes: 'Agreed on a second officer at dismissal.' });
    const item = await sro.post(`/api/meetings/${pastId}/action-items`, { title: 'Ask the city for a crossing guard', ownerId: w.ids['principal.north'], dueOn: '2025-11-07' });
    expect(item.status).toBe(201);
    expect(item.body.actionItems).toEqual([expect.objectContaining({ owner: { id: w.ids['principal.north'], name: 'principal.north' }, status: 'open', overdue: true })]);
    expect((await sro.put(`/api/meetings/${futureId}/attendance`, { attended: true })).body.error.field).toBe('attended');
    const attended = await sro.put(`/api/meetings/${pastId}/attendance`, { attended: true });
    expect(attended.body.attendees).toEqual([{ id: w.ids['sro.north'], name: 'sro.north', attended: true }]);
    const logged = await w.t.db.select().from(activityEntries).where(and(eq(activityEntries.sourceType, 'meeting'), eq(activityEntries.userId, w.ids['sro.north']!)));
    expect(logged).toEqual([expect.objectContaining({ kind: 'meeting', durationMinutes: 45, startedAt: new Date('2025-11-03T21:30:00Z'), schoolId: w.north.id })]);
    await (await w.as('principal.north')).put(`/api/meetings/${pastId}/attendance`, { attended: true });
    expect(await w.t.db.select().from(activityEntries).where(eq(activityEntries.sourceType, 'meeting'))).toHaveLength(1);
    await sro.put(`/api/meetings/${pastId}/attendance`, { attended: false });
    expect(await w.t.db.select().from(activityEntries).where(eq(activityEntries.sourceType, 'meeting'))).toEqual([]);

    const done = await (await w.as('principal.north')).patch(`/api/action-items/${item.body.actionItems[0].id}`, { status: 'done' });
    expect(done.body).toMatchObject({ status: 'done', overdue: false, doneAt: '2025-11-10T15:00:00.000Z' });
    expect((await sro.get('/api/action-items?status=open')).body.items).toEqual([]);
  });

  it('ending a series cancels its future meetings that have no minutes', async () => {
    const res = await (await w.as('principal.north')).patch(`/api/meeting-series/${seriesId}`, { active: false });
    expect(res.body).toMatchObject({ active: false, nextMeeting: null });
    const list = (await (await w.as('sro.north')).get('/api/meetings?from=2025-11-01')).body.items;
    expect(list.map((m: { cancelled: boolean }) => m.cancelled)).toEqual([false, true, true, true, true]);
  });

  it('keeps another school\'s meetings from its administrators and SROs (404), and from staff (403)', async () => {
    for (const who of ['principal.east', 'sro.east', 'outsider']) {
      expect((await (await w.as(who)).get(`/api/meetings/${pastId}`)).status, who).toBe(404);
      expect((await (await w.as(who)).patch(`/api/meetings/${pastId}`, { minutes: 'x' })).status, who).toBe(404);
    }
    expect((await (await w.as('principal.east')).get('/api/meetings?from=2025-11-01')).body.items).toEqual([]);
    expect((await (await w.as('staff.north')).get('/api/meetings')).status).toBe(403);
  });
});

describe('MOU and written expectations', () => {
  it('keeps every version by upload date; the newest is current; PDFs are served back', async () => {
    const principal = await w.as('principal.north');
    const text = await principal.post('/api/school-documents', { schoolId: w.north.id, kind: 'mou', title: 'MOU 2024-25', body: 'The SRO will not enforce school discipline.' });
    expect(text.status).toBe(201);
    expect(text.body).toMatchObject({ format: 'text', current: true, body: 'The SRO will not enforce school discipline.' });
    w.t.clock.advance(60_000);
    const pdf = Buffer.from('%PDF-1.4\n% at-rest marker: MOU signed by Chief Ottoline Brack\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const upload = await principal.request('POST', `/api/school-documents/pdf?schoolId=${w.north.id}&kind=mou&title=MOU%202025-26&fileName=mou.pdf`, pdf, { 'content-type': 'application/pdf' });
    expect(upload.status).toBe(201);
    expect(upload.body).toMatchObject({ format: 'pdf', fileName: 'mou.pdf', fileSize: pdf.length, current: true });
    const list = (await (await w.as('sro.north')).get(`/api/school-documents?schoolId=${w.north.id}`)).body.items;
    expect(list.map((d: { title: string; current: boolean }) => [d.title, d.current])).toEqual([['MOU 2025-26', true], ['MOU 2024-25', false]]);
    const file = await (await w.as('sro.north')).get(`/api/school-documents/${upload.body.id}/file`);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.text).toBe(pdf.toString('latin1'));
    await expectNotAtRest(w.t, 'MOU signed by Chief Ottoline Brack');
    expect((await (await w.as('sro.north')).get(`/api/school-documents/${text.body.id}/file`)).status).toBe(404);
    expect((await (await w.as('principal.east')).get(`/api/school-documents/${text.body.id}`)).status).toBe(404);
    const notPdf = await principal.request('POST', `/api/school-documents/pdf?schoolId=${w.north.id}&kind=mou&title=x`, Buffer.from('hello'), { 'content-type': 'application/pdf' });
    expect(notPdf.body.error.field).toBe('file');
    expect(await auditOf(w.t.db, 'school_document.uploaded')).toHaveLength(2);
  });
});

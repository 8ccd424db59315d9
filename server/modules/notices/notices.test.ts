import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceNotices, outbox, presenceNotices } from '../../db/schema/index.js';
import { startSmtpServer, type TestSmtpServer } from '../../test/smtp.js';
import { listen, openStream, type SseClient } from '../alerts/alerts.test-support.js';
import { auditOf, startOperationsWorld, type World } from './operations.test-support.js';
import { expectEvery } from '../../test/expect-every.js';

let w: World;
let smtp: TestSmtpServer;
let base: string;
const streams: SseClient[] = [];
beforeAll(async () => {
  smtp = await startSmtpServer();
  w = await startOperationsWorld({ smtpUrl: smtp.url });
  base = await listen(w.t);
}, 60_000);
afterAll(async () => {
  for (const s of streams) s.close();
  await w?.t.close();
  await smtp?.close();
});

const leave = { reason: 'Call for service', expectedReturnAt: '2025-11-10T16:30:00Z', backupContact: 'Sgt. Diaz, 555-0142' };
let noticeId: string;

describe('leaving the building', () => {
  it('tells every staff member of the school at once: live on open dashboards and by e-mail', async () => {
    const teacher = await openStream(base, await w.as('staff.north'));
    const eastTeacher = await openStream(base, await w.as('staff.east'));
    streams.push(teacher, eastTeacher);
    await teacher.next('snapshot');
    await eastTeacher.next('snapshot');
    const res = await (await w.as('sro.north')).post('/api/presence/leave', { schoolId: w.north.id, ...leave });
    expect(res.status).toBe(201);
    noticeId = res.body.id;
    // Everyone with a grant at North but the SRO: sro2, principal, counselor, security, two staff.
    expect(res.body).toMatchObject({ schoolName: 'North High', sro: { name: 'sro.north' }, returnedAt: null, recipients: 6 });
    const live = JSON.parse((await teacher.next('notice.presence')).data);
    expect(live.notice.id).toBe(noticeId);
    expect(live.status).toMatchObject({ status: 'away', sro: { name: 'sro.north' }, overdue: false });
    const mail = await smtp.waitFor('staff2.north@prep.test');
    expect(mail.subject).toBe('SRO sro.north has left North High, back by Mon, Nov 10, 10:30 AM');
    expect(mail.text).toContain('Meanwhile contact: Sgt. Diaz, 555-0142');
    for (const who of ['principal.north', 'counselor.north', 'security.north', 'staff.north', 'sro2.north']) await smtp.waitFor(`${who}@prep.test`);
    expect(smtp.messages.some((m) => m.to.includes('sro.north@prep.test') || m.to.includes('staff.east@prep.test'))).toBe(false);
    expect(eastTeacher.events.filter((e) => e.event === 'notice.presence')).toEqual([]);
    expect((await auditOf(w.t.db, 'presence.left', noticeId))[0]!.detail).toEqual({ recipients: 6 });
  });

  it('shows the SRO\'s status to everyone at the school, and not to another school', async () => {
    const north = (await (await w.as('staff.north')).get('/api/presence')).body.items;
    expect(north.map((s: { sro: { name: string }; status: string }) => [s.sro.name, s.status])).toEqual([['sro.north', 'away'], ['sro2.north', 'on_campus']]);
    expect(north[0].notice).toMatchObject({ id: noticeId, backupContact: 'Sgt. Diaz, 555-0142' });
    const east = (await (await w.as('principal.east')).get('/api/presence')).body.items;
    expect(east.map((s: { sro: { name: string }; status: string }) => [s.sro.name, s.status])).toEqual([['sro.east', 'on_campus']]);
    expect((await (await w.as('principal.east')).get(`/api/presence?schoolId=${w.north.id}`)).status).toBe(404);
    expect((await (await w.as('principal.east')).get('/api/presence/history')).body.items).toEqual([]);
  });

  it('answers 400 naming the field, 409 when already away, and writes nothing', async () => {
    const sro = await w.as('sro.north');
    const count = async () => [(await w.t.db.select().from(presenceNotices)).length, (await w.t.db.select().from(outbox)).length];
    const before = await count();
    expect((await sro.post('/api/presence/leave', { schoolId: w.north.id, ...leave, expectedReturnAt: '2025-11-10T14:00:00Z' })).body.error.field).toBe('expectedReturnAt');
    expect((await sro.post('/api/presence/leave', { schoolId: w.north.id, ...leave, backupContact: '' })).body.error.field).toBe('backupContact');
    expect((await sro.post('/api/presence/leave', { schoolId: w.east.id, ...leave })).status).toBe(404);
    expect((await (await w.as('sro.east')).post('/api/presence/leave', { schoolId: w.north.id, ...leave })).status).toBe(404);
    expect((await (await w.as('supervisor')).post('/api/presence/leave', { schoolId: w.north.id, ...leave })).body.error.field).toBe('schoolId');
    expect((await sro.post('/api/presence/leave', { schoolId: w.north.id, ...leave })).status).toBe(409);
    expect(await count()).toEqual(before);
  });

  it('lets an SRO change only their own presence', async () => {
    const other = await w.as('sro2.north');
    expect((await other.post(`/api/presence/${noticeId}/return`)).status).toBe(403);
    expect((await other.patch(`/api/presence/${noticeId}`, { backupContact: 'me' })).status).toBe(403);
    expect((await (await w.as('sro.east')).post(`/api/presence/${noticeId}/return`)).status).toBe(404);
    expect((await (await w.as('principal.north')).post(`/api/presence/${noticeId}/return`)).status).toBe(403);
    const [row] = await w.t.db.select().from(presenceNotices);
    expect(row!.returnedAt).toBeNull();
  });

  it('says "back on campus" to the same staff, live and by e-mail', async () => {
    const teacher = await openStream(base, await w.as('staff2.north'));
    streams.push(teacher);
    await teacher.next('snapshot');
    const sro = await w.as('sro.north');
    expect((await sro.patch(`/api/presence/${noticeId}`, { expectedReturnAt: '2025-11-10T17:00:00Z' })).body.expectedReturnAt).toBe('2025-11-10T17:00:00.000Z');
    const res = await sro.post(`/api/presence/${noticeId}/return`);
    expect(res.body.returnedAt).toBe('2025-11-10T15:00:00.000Z');
    const events = [await teacher.next('notice.presence'), await teacher.next('notice.presence')].map((e) => JSON.parse(e.data));
    expect(events[1].status).toMatchObject({ status: 'on_campus', since: '2025-11-10T15:00:00.000Z' });
    const back = () => smtp.messages.filter((m) => m.subject === 'SRO sro.north is back on campus at North High');
    await expect.poll(() => back().length).toBe(6);
    expectEvery(back(), (m) => m.text.includes('back on campus'));
    expect((await sro.post(`/api/presence/${noticeId}/return`)).status).toBe(409);
  });
});

describe('advance notices', () => {
  const notice = { schoolIds: [] as string[], kind: 'training', fromDate: '2025-11-20', toDate: '2025-11-21', coverage: 'Ofc. Park' };

  it('goes to the school administrators and the supervisor, with the days of notice stored', async () => {
    const res = await (await w.as('sro.north')).post('/api/advance-notices', { ...notice, schoolIds: [w.north.id] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'training', daysNotice: 10, recipients: 2, schools: [{ id: w.north.id, name: 'North High' }] });
    for (const who of ['principal.north', 'supervisor']) {
      await expect.poll(() => smtp.messages.find((m) => m.to.includes(`${who}@prep.test`) && m.subject.startsWith('Advance'))?.subject)
        .toBe('Advance notice: SRO sro.north away 2025-11-20 to 2025-11-21 (Training)');
    }
    expect(smtp.messages.some((m) => m.subject.startsWith('Advance notice') && m.to.includes('staff.north@prep.test'))).toBe(false);
    expect((await (await w.as('staff.north')).get('/api/advance-notices?upcoming=true')).body.items.map((n: { id: string }) => n.id)).toEqual([res.body.id]);
    expect((await (await w.as('principal.east')).get('/api/advance-notices')).body.items).toEqual([]);
    expect((await (await w.as('principal.east')).get(`/api/advance-notices/${res.body.id}`)).status).toBe(404);
  });

  it('answers 400 naming toDate, fromDate or the school, and writes nothing', async () => {
    const sro = await w.as('sro.north');
    const before = (await w.t.db.select().from(advanceNotices)).length;
    expect((await sro.post('/api/advance-notices', { ...notice, schoolIds: [w.north.id], toDate: '2025-11-19' })).body.error.field).toBe('toDate');
    expect((await sro.post('/api/advance-notices', { ...notice, schoolIds: [w.north.id], fromDate: '2025-11-09' })).body.error.field).toBe('fromDate');
    expect((await sro.post('/api/advance-notices', { ...notice, schoolIds: [w.north.id, w.east.id] })).body.error.field).toBe('schoolIds.1');
    expect((await sro.post('/api/advance-notices', { ...notice, schoolIds: [w.north.id], kind: 'holiday' })).body.error.field).toBe('kind');
    expect((await w.t.db.select().from(advanceNotices)).length).toBe(before);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alerts, alertSchools } from '../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { testEngine } from '../../test/database.js';
import { startSmtpServer, type TestSmtpServer } from '../../test/smtp.js';
import { liveHubOf } from '../live/live.hub.js';
import { createAlertWorld, listen, openStream, type AlertWorld, type SseClient } from './alerts.test-support.js';

let w: AlertWorld;
let base: string;
let smtp: TestSmtpServer;
const streams: SseClient[] = [];

beforeAll(async () => {
  smtp = await startSmtpServer();
  w = await createAlertWorld({ cancelWindowSeconds: 0, smtpUrl: smtp.url });
  base = await listen(w.t);
});
afterAll(async () => {
  for (const s of streams) s.close();
  await w?.t.close();
  await smtp?.close();
});

async function stream(who: string, lastEventId?: string): Promise<SseClient> {
  const s = await openStream(base, w.as[who]!, lastEventId);
  streams.push(s);
  return s;
}
const raise = (who: string, body: Record<string, unknown> = {}) =>
  w.as[who]!.post('/api/alerts', { action: 'lockdown', schoolIds: [w.north.id], drill: true, ...body });

describe('live delivery over Server-Sent Events', () => {
  it('refuses the stream without a session, and to a user without alert.receive', async () => {
    const anonymous = await fetch(`${base}/api/live`);
    expect(anonymous.status).toBe(401);
    expect((await w.as.sysadmin!.get('/api/live')).status).toBe(403);
  });

  it('starts with a snapshot and delivers the alert to the staff of the school only, with event ids', async () => {
    const teacher = await stream('teacher');
    const southTeacher = await stream('southTeacher');
    const snapshot = await teacher.next('snapshot');
    expect(JSON.parse(snapshot.data)).toEqual({ alerts: [] });
    await southTeacher.next('snapshot');
    const res = await raise('sro');
    const announced = await teacher.next('alert.announced');
    expect(Number(announced.id)).toBeGreaterThan(Number(snapshot.id));
    expect(JSON.parse(announced.data).alert).toMatchObject({
      id: res.body.id, term: 'LOCKDOWN', directive: 'Locks, lights, out of sight.', drill: true, raisedBy: { name: 'sro' },
    });
    const cleared = await w.as.sro!.post(`/api/alerts/${res.body.id}/all-clear`, {});
    expect(cleared.status).toBe(200);
    expect(JSON.parse((await teacher.next('alert.cleared')).data).alert.status).toBe('cleared');
    expect(southTeacher.events.filter((e) => e.event.startsWith('alert.'))).toEqual([]);
  });

  it('replays what a client missed when it reconnects with Last-Event-ID', async () => {
    const first = await stream('teacher2');
    const snapshot = await first.next('snapshot');
    first.close();
    const missed = await raise('principal', { action: 'hold' });
    await w.as.principal!.post(`/api/alerts/${missed.body.id}/escalate`, { action: 'lockdown' });
    const again = await stream('teacher2', snapshot.id!);
    const replayed = await again.next('alert.announced');
    expect(JSON.parse(replayed.data).alert).toMatchObject({ id: missed.body.id, action: 'hold' });
    const updated = await again.next('alert.updated');
    expect(JSON.parse(updated.data).alert.action).toBe('lockdown');
    expect(Number(updated.id)).toBeGreaterThan(Number(replayed.id));
    expect(again.events.some((e) => e.event === 'snapshot')).toBe(false);
    // A fresh connection sees the alert in force in its snapshot instead.
    const fresh = await stream('teacher2');
    expect(JSON.parse((await fresh.next('snapshot')).data).alerts.map((a: { id: string }) => a.id)).toContain(missed.body.id);
    await w.as.principal!.post(`/api/alerts/${missed.body.id}/all-clear`, {});
  });

  it('sends check-ins to the school\'s board holders and not to other staff; records delivery', async () => {
    const board = await stream('principal');
    const teacher = await stream('teacher2');
    await board.next('snapshot');
    await teacher.next('snapshot');
    const res = await raise('teacher');
    await teacher.next('alert.announced');
    await w.as.teacher2!.post(`/api/alerts/${res.body.id}/check-ins`, { status: 'need_help', location: 'Room 12', studentsWithMe: 24, injured: 1 });
    const event = JSON.parse((await board.next('checkin.recorded')).data);
    expect(event).toMatchObject({ alertId: res.body.id, schoolId: w.north.id, checkIn: { status: 'need_help', location: 'Room 12' }, totals: { needHelp: 1, injured: 1, students: 24 } });
    expect(teacher.events.some((e) => e.event === 'checkin.recorded')).toBe(false);
    const timeline = (await w.as.principal!.get(`/api/alerts/${res.body.id}/timeline`)).body.items as { kind: string; detail: { screens?: number } }[];
    const delivered = timeline.find((e) => e.kind === 'delivered');
    expect(delivered?.detail.screens).toBeGreaterThanOrEqual(2);
    await w.as.principal!.post(`/api/alerts/${res.body.id}/all-clear`, {});
  });

  it('e-mails the staff of the school as a second path, marked DRILL', async () => {
    const res = await raise('sro', { action: 'evacuate', location: 'Football field' });
    const evacuation = () => smtp.messages.find((m) => m.subject.includes('EVACUATE') && m.to.includes(w.emails.teacher!));
    await expect.poll(evacuation, { timeout: 10_000 }).toBeDefined();
    const mail = evacuation()!;
    expect(mail.subject).toBe('DRILL EVACUATE at North High: Evacuate to Football field.');
    expect(mail.text).toContain('THIS IS A DRILL');
    await expect.poll(async () => ((await w.as.sro!.get(`/api/alerts/${res.body.id}/timeline`)).body.items as { kind: string }[])
      .some((e) => e.kind === 'emailed'), { timeout: 10_000 }).toBe(true);
    const recipients = smtp.messages.filter((m) => m.subject.includes('EVACUATE')).flatMap((m) => m.to);
    expect(recipients).toContain(w.emails.director);
    expect(recipients).not.toContain(w.emails.southTeacher);
    await w.as.sro!.post(`/api/alerts/${res.body.id}/all-clear`, {});
  });
});

describe('an alert is never lost', () => {
  it('announces an alert stored before a crash when a process starts, and delivers it on reconnect', async () => {
    // The client saw the stream up to here, then lost its connection.
    const client = await stream('counselor');
    const snapshot = await client.next('snapshot');
    client.close();
    // A process stored the alert, then died before its window passed: no timer, no announcement. (The running app's
    // own sweep may announce it first on a slow machine; either way the reconnecting client must receive it.)
    const now = w.t.clock.now();
    const [row] = await w.t.db.insert(alerts).values({
      districtId: w.districtId, action: 'secure', drill: false, status: 'pending', raisedBy: w.ids.sro!,
      raisedAt: new Date(now.getTime() - 10_000), announceAt: new Date(now.getTime() - 5000),
    }).returning();
    await w.t.db.insert(alertSchools).values({ alertId: row!.id, schoolId: w.north.id });
    // The restarted process (a second app on the same database) sweeps at start.
    const restarted = await createTestApp({ database: w.t.database });
    try {
      const after = await w.as.counselor!.get(`/api/alerts/${row!.id}`);
      expect(after.body).toMatchObject({ status: 'active', term: 'SECURE' });
      const back = await stream('counselor', snapshot.id!);
      expect(JSON.parse((await back.next('alert.announced')).data).alert.id).toBe(row!.id);
    } finally {
      await restarted.close();
    }
    await w.as.sro!.post(`/api/alerts/${row!.id}/all-clear`, {});
  });
});

describe.runIf(testEngine() === 'postgres')('several processes on one PostgreSQL database', () => {
  let other: TestApp;
  let otherBase: string;
  beforeAll(async () => {
    other = await createTestApp({ database: w.t.database });
    otherBase = await listen(other);
  });
  afterAll(async () => other?.close());

  it('delivers an alert raised in one process to clients of the other (LISTEN/NOTIFY)', async () => {
    const cookieClient = other.client();
    await cookieClient.signIn(w.emails.teacher2!);
    const remote = await openStream(otherBase, cookieClient);
    const local = await stream('teacher');
    streams.push(remote);
    await remote.next('snapshot');
    await local.next('snapshot');
    const hub = liveHubOf(other.app.deps);
    const before = hub.notifications;
    const res = await raise('sro');
    expect(JSON.parse((await remote.next('alert.announced')).data).alert.id).toBe(res.body.id);
    expect(JSON.parse((await local.next('alert.announced')).data).alert.id).toBe(res.body.id);
    await w.as.sro!.post(`/api/alerts/${res.body.id}/all-clear`, {});
    expect(JSON.parse((await remote.next('alert.cleared')).data).alert.id).toBe(res.body.id);
    // The other process heard of both events from PostgreSQL, not only through its safety poll.
    expect(hub.notifications - before).toBeGreaterThanOrEqual(2);
  });
});

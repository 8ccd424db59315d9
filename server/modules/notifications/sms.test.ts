import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, outbox } from '../../db/schema/index.js';
import { startSmtpServer, type TestSmtpServer } from '../../test/smtp.js';
import { startSmsApi, type TestSmsApi } from '../../test/sms-api.js';
import { createAlertWorld, type AlertWorld } from '../alerts/alerts.test-support.js';
import { deliverDue } from '../outbox/outbox.service.js';
import { createTipWorld, submit, type TipWorld } from '../tips/tips.test-support.js';
import { runEscalations } from './notifications.escalation.js';

// Text messages (SMS) through the outbox: the HTTP provider against an in-process API of the common REST shape,
// the e-mail-to-SMS gateway path against the in-process SMTP server. The app clock is moved by hand.
const MINUTE = 60_000;
const credentials = { account: 'AC0123456789', token: 'sms-test-token' };

async function smsRows(db: AlertWorld['t']['db'], kind: string) {
  return db.select().from(outbox).where(and(eq(outbox.channel, 'sms'), eq(outbox.kind, kind)));
}

describe('SMS through an HTTP provider', () => {
  let w: AlertWorld;
  let api: TestSmsApi;
  beforeAll(async () => {
    api = await startSmsApi(credentials);
    w = await createAlertWorld({ env: { SMS_PROVIDER: 'http', SMS_URL: api.url, SMS_ACCOUNT: credentials.account, SMS_TOKEN: credentials.token, SMS_FROM: '+15550001111' } });
  }, 60_000);
  afterAll(async () => {
    await w?.t.close();
    await api?.close();
  });

  it('keeps my mobile number in my profile: validated, normalized, audited without the number', async () => {
    const teacher = w.as.teacher!;
    expect((await teacher.get('/api/notifications/mobile')).body).toEqual({ mobilePhone: null, smsGateway: null, smsConfigured: true });
    const bad = await teacher.put('/api/notifications/mobile', { mobilePhone: 'call me', smsGateway: null });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'validation_failed', field: 'mobilePhone' });
    const saved = await teacher.put('/api/notifications/mobile', { mobilePhone: '+1 (555) 123-4567', smsGateway: null });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ mobilePhone: '+15551234567', smsGateway: null, smsConfigured: true });
    const [event] = await w.t.db.select().from(auditEvents).where(and(eq(auditEvents.eventType, 'notification.mobile_changed'), eq(auditEvents.subjectId, w.ids.teacher!)));
    expect(event!.detail).toEqual({ hadNumber: false, hasNumber: true, smsGateway: null });
    expect(JSON.stringify(event!.detail)).not.toContain('1234567');
  });

  it('offers SMS per kind, off by default, and keeps it on for life-safety, alerts and escalations', async () => {
    const teacher = w.as.teacher!;
    const items = (await teacher.get('/api/notifications/preferences')).body.items as { kind: string; sms: boolean; mandatory: boolean }[];
    expect(items.find((p) => p.kind === 'task_assigned')).toMatchObject({ sms: false, mandatory: false });
    expect(items.find((p) => p.kind === 'alert')).toMatchObject({ sms: true, mandatory: true });
    const off = await teacher.put('/api/notifications/preferences', { kind: 'life_safety', inApp: true, email: true, sms: false });
    expect(off.status).toBe(400);
    expect(off.body.error.field).toBe('kind');
    const on = await teacher.put('/api/notifications/preferences', { kind: 'task_assigned', inApp: true, email: false, sms: true });
    expect(on.body.items.find((p: { kind: string }) => p.kind === 'task_assigned')).toMatchObject({ inApp: true, email: false, sms: true });
    // Leaving sms out (an older client) keeps the stored choice.
    const kept = await teacher.put('/api/notifications/preferences', { kind: 'task_assigned', inApp: true, email: true });
    expect(kept.body.items.find((p: { kind: string }) => p.kind === 'task_assigned')).toMatchObject({ email: true, sms: true });
  });

  it('texts an alert to recipients with a number through the outbox; a 500 is retried and the status recorded', async () => {
    api.failNext(1, 500);
    const raised = await w.as.principal!.post('/api/alerts', { action: 'lockdown', schoolIds: [w.north.id], drill: true });
    expect(raised.status).toBe(201);
    // Queued in the announcing transaction, one per recipient with a number (only the teacher has one).
    const [row] = await smsRows(w.t.db, 'alert.sms');
    expect(await smsRows(w.t.db, 'alert.sms')).toHaveLength(1);
    expect(row).toMatchObject({ toAddress: '+15551234567', channel: 'sms' });
    // The immediate attempt met the 500: it waits for its retry with the error shown.
    await expect.poll(async () => (await smsRows(w.t.db, 'alert.sms'))[0]!.lastError, { timeout: 5000 }).toMatch(/SMS provider answered 500/);
    const admin = w.as.sysadmin!;
    const pending = (await admin.get('/api/outbox?status=pending')).body.items.filter((m: { channel: string }) => m.channel === 'sms');
    expect(pending).toEqual([expect.objectContaining({ channel: 'sms', kind: 'alert.sms', attempts: 1, status: 'pending' })]);

    expect(await deliverDue(w.t.db, w.t.app.deps.mailer, w.t.clock, 50, w.t.app.deps.sms)).toEqual({ sent: 0, failed: 0 });
    w.t.clock.advance(MINUTE + 1000);
    expect(await deliverDue(w.t.db, w.t.app.deps.mailer, w.t.clock, 50, w.t.app.deps.sms)).toEqual({ sent: 1, failed: 0 });
    const sms = await api.waitFor('+15551234567');
    expect(sms).toMatchObject({ from: '+15550001111', account: credentials.account, token: credentials.token });
    expect(sms.body).toMatch(/^DRILL.*LOCKDOWN.*North High.*Check in: http.*\/alerts\//s);
    expect(sms.body.length).toBeLessThanOrEqual(480);
    const sent = (await admin.get('/api/outbox?status=sent')).body.items.filter((m: { channel: string }) => m.channel === 'sms');
    expect(sent).toEqual([expect.objectContaining({ kind: 'alert.sms', attempts: 2, lastError: null, sentAt: expect.any(String) })]);
    expect(api.messages).toHaveLength(1);
  });

  it('gives up after five attempts and audits it with the channel', async () => {
    api.failNext(10, 503);
    const raised = await w.as.principal!.post('/api/alerts', { action: 'hold', schoolIds: [w.north.id], drill: true });
    expect(raised.status).toBe(201);
    await expect.poll(async () => (await smsRows(w.t.db, 'alert.sms')).filter((m) => m.lastError?.includes('503')).length, { timeout: 5000 }).toBe(1);
    for (let i = 0; i < 5; i++) {
      w.t.clock.advance(16 * MINUTE);
      await deliverDue(w.t.db, w.t.app.deps.mailer, w.t.clock, 50, w.t.app.deps.sms);
    }
    const failed = (await smsRows(w.t.db, 'alert.sms')).filter((m) => m.failedAt);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ attempts: 5, lastError: expect.stringMatching(/503/) });
    const [event] = await w.t.db.select().from(auditEvents).where(and(eq(auditEvents.eventType, 'outbox.failed'), eq(auditEvents.subjectId, failed[0]!.id)));
    expect(event!.detail).toMatchObject({ channel: 'sms', kind: 'alert.sms', attempts: 5 });
    api.failNext(0);
  });
});

describe('SMS through carrier e-mail-to-SMS gateways', () => {
  let w: TipWorld;
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    w = await createTipWorld({ smtpUrl: smtp.url, env: { SMS_PROVIDER: 'email-gateway' } });
  }, 60_000);
  afterAll(async () => {
    await w?.t.close();
    await smtp?.close();
  });

  it('texts a life-safety tip escalation to the school leadership as mail to the carrier gateway', async () => {
    expect((await w.as.principal!.put('/api/notifications/mobile', { mobilePhone: '555-123-9876', smsGateway: 'TXT.ATT.NET' })).body)
      .toEqual({ mobilePhone: '5551239876', smsGateway: 'txt.att.net', smsConfigured: true });
    // A number without a gateway cannot be reached by this provider: the attempt fails and says why.
    expect((await w.as.sro!.put('/api/notifications/mobile', { mobilePhone: '5551110000', smsGateway: null })).status).toBe(200);
    const bad = await w.as.sro!.put('/api/notifications/mobile', { mobilePhone: '5551110000', smsGateway: 'not a domain' });
    expect(bad.body.error).toMatchObject({ code: 'validation_failed', field: 'smsGateway' });

    const tip = await submit(w, { category: 'weapon', description: 'He showed something in his bag at lunch today' });
    w.t.clock.advance(5 * MINUTE);
    expect(await runEscalations(w.t.db, w.t.clock, 'http://sro.test')).toBe(1);
    const queued = await w.t.db.select().from(outbox).where(and(eq(outbox.channel, 'sms'), eq(outbox.kind, 'notification.escalation')));
    expect(queued.map((m) => m.toAddress)).toEqual(['5551239876@txt.att.net']);

    await deliverDue(w.t.db, w.t.app.deps.mailer, w.t.clock, 200, w.t.app.deps.sms);
    const mail = await smtp.waitFor('5551239876@txt.att.net');
    expect(mail.text.trim()).toBe(`SRO Desk: ESCALATED: life-safety tip ${(await w.as.principal!.get(`/api/tips/${tip.id}`)).body.number} not acknowledged after 5 minutes http://sro.test/tips/${tip.id}`);
    expect(mail.subject).toBe('');
    const [row] = await w.t.db.select().from(outbox).where(eq(outbox.toAddress, '5551239876@txt.att.net'));
    expect(row).toMatchObject({ sentAt: expect.any(Date), attempts: 1, lastError: null });
  });

  it('records why a number without a gateway cannot be texted', async () => {
    const { notify } = await import('./notifications.service.js');
    await w.t.db.transaction((tx) => notify(tx, w.t.clock, 'http://sro.test', {
      districtId: w.districtId, schoolId: w.north, kind: 'alert', title: 'Lockdown at Northside', link: '/alerts', to: [w.users.sro!],
    }));
    await deliverDue(w.t.db, w.t.app.deps.mailer, w.t.clock, 200, w.t.app.deps.sms);
    const [row] = await w.t.db.select().from(outbox).where(and(eq(outbox.channel, 'sms'), eq(outbox.toAddress, '5551110000')));
    expect(row).toMatchObject({ sentAt: null, attempts: 1, lastError: expect.stringMatching(/No carrier gateway/) });
  });
});

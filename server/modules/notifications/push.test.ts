import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, outbox } from '../../db/schema/index.js';
import { startPushService, type TestPushService } from '../../test/push-service.js';
import { createAlertWorld, type AlertWorld } from '../alerts/alerts.test-support.js';

// Web Push (RFC 8030/8291/8292) through the outbox, against a push service written for the tests that checks the
// VAPID signature and decrypts each message with the subscriber's private key, as a browser does.
let w: AlertWorld;
let push: TestPushService;
beforeAll(async () => {
  push = await startPushService();
  w = await createAlertWorld({ env: { PUSH_ALLOW_HTTP_LOOPBACK: 'true' } });
}, 60_000);
afterAll(async () => {
  await w?.t.close();
  await push?.close();
});

const pushRows = (kind: string) => w.t.db.select().from(outbox).where(and(eq(outbox.channel, 'push'), eq(outbox.kind, kind)));

describe('Web Push', () => {
  it('gives the VAPID key and stores one subscription per device, audited; endpoints must be https', async () => {
    const state = (await w.as.teacher!.get('/api/notifications/push')).body;
    expect(state).toEqual({ publicKey: expect.stringMatching(/^[\w-]{87}$/), devices: [] });
    expect(Buffer.from(state.publicKey as string, 'base64url')[0]).toBe(4);
    const insecure = await w.as.teacher!.post('/api/notifications/push/subscriptions', { endpoint: 'http://push.example.test/x', keys: push.subscribe().subscription.keys });
    expect(insecure.status).toBe(400);
    expect(insecure.body.error.field).toBe('endpoint');
    const badKey = await w.as.teacher!.post('/api/notifications/push/subscriptions', { ...push.subscribe().subscription, keys: { p256dh: 'abc', auth: 'def' } });
    expect(badKey.body.error.field).toBe('keys.p256dh');

    const { subscription } = push.subscribe();
    const saved = await w.as.teacher!.post('/api/notifications/push/subscriptions', { ...subscription, expirationTime: null });
    expect(saved.status).toBe(200);
    expect(saved.body.devices).toEqual([expect.objectContaining({ endpoint: subscription.endpoint, lastSentAt: null })]);
    const [event] = await w.t.db.select().from(auditEvents).where(and(eq(auditEvents.eventType, 'notification.push_subscribed'), eq(auditEvents.actorUserId, w.ids.teacher!)));
    expect(event!.detail).toEqual({ pushService: new URL(push.origin).host });
    // Another user cannot remove it.
    expect((await w.as.teacher2!.post('/api/notifications/push/unsubscribe', { endpoint: subscription.endpoint })).status).toBe(404);
    expect((await w.as.teacher!.post('/api/notifications/push/unsubscribe', { endpoint: subscription.endpoint })).body.devices).toEqual([]);
  });

  it('pushes an alert to every subscribed device of its recipients, encrypted and signed, and records delivery', async () => {
    const phone = push.subscribe();
    const laptop = push.subscribe();
    await w.as.teacher!.post('/api/notifications/push/subscriptions', phone.subscription);
    await w.as.principal!.post('/api/notifications/push/subscriptions', laptop.subscription);
    const raised = await w.as.sro!.post('/api/alerts', { action: 'lockdown', schoolIds: [w.north.id], drill: true });
    expect(raised.status).toBe(201);
    const messages = await push.waitFor(2);
    expect(push.refused).toEqual([]);
    for (const m of messages) {
      expect(m.payload).toEqual({
        title: expect.stringMatching(/LOCKDOWN.*North High/), body: 'Locks, lights, out of sight.', url: `/alerts/${raised.body.id}`, kind: 'alert.push', tag: `alert:${raised.body.id}`,
      });
      expect(m.headers).toEqual({ ttl: '3600', urgency: 'high', contentEncoding: 'aes128gcm' });
      expect(m.jwt).toMatchObject({ aud: push.origin, sub: expect.stringMatching(/^mailto:|^https:/) });
    }
    await expect.poll(async () => (await pushRows('alert.push')).filter((r) => r.sentAt).length).toBe(2);
    const devices = (await w.as.teacher!.get('/api/notifications/push')).body.devices;
    expect(devices).toEqual([expect.objectContaining({ endpoint: phone.subscription.endpoint, lastSentAt: expect.any(String) })]);
    // Shown to administrators with its channel.
    const sent = (await w.as.sysadmin!.get('/api/outbox?status=sent')).body.items.filter((m: { channel: string }) => m.channel === 'push');
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatchObject({ kind: 'alert.push', attempts: 1 });
  });

  it('forgets a device the push service says is gone (410): given up at once, not retried, not audited as a failure', async () => {
    const before = (await pushRows('alert.push')).length;
    const gone = push.subscribe();
    await w.as.teacher2!.post('/api/notifications/push/subscriptions', gone.subscription);
    push.expire(gone);
    const raised = await w.as.sro!.post('/api/alerts', { action: 'hold', schoolIds: [w.north.id], drill: true });
    expect(raised.status).toBe(201);
    await expect.poll(async () => (await pushRows('alert.push')).filter((r) => r.failedAt).length).toBe(1);
    const [failed] = (await pushRows('alert.push')).filter((r) => r.failedAt);
    expect(failed).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/410/) });
    expect((await pushRows('alert.push')).length).toBe(before + 3);
    expect((await w.as.teacher2!.get('/api/notifications/push')).body.devices).toEqual([]);
    expect(await w.t.db.select().from(auditEvents).where(and(eq(auditEvents.eventType, 'outbox.failed'), eq(auditEvents.subjectId, failed!.id)))).toEqual([]);
  });
});

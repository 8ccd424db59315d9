import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../auth/plugin.js';
import { countJob } from '../../ops/metrics.js';
import { liveHubOf } from '../live/live.hub.js';
import { runEscalations } from './notifications.escalation.js';
import {
  idParams, listNotificationsQuery, mobileBody, mobileSchema, pushStateSchema, pushSubscriptionBody, pushUnsubscribeBody, notificationPage, notificationSettingsBody, notificationSettingsSchema, preferenceBody, preferenceSchema, readAllSchema,
} from './notifications.schemas.js';
import * as service from './notifications.service.js';

const tags = ['notifications'];
const EVERY_MS = 30_000;

/** The notification centre (bell, preferences), the district's escalation settings and the escalation sweep. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/notifications', {
    config: { category: 'self' },
    schema: { tags, operationId: 'listNotifications', summary: 'My latest notifications and how many are unread', querystring: listNotificationsQuery, response: { 200: notificationPage } },
  }, async (request) => service.findMine(contextOf(request), request.query.unread === 'true'));

  app.post('/notifications/:id/read', {
    config: { category: 'self' },
    schema: { tags, operationId: 'readNotification', summary: 'Mark one of my notifications read', params: idParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await service.markRead(contextOf(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.post('/notifications/read-all', {
    config: { category: 'self' },
    schema: { tags, operationId: 'readAllNotifications', summary: 'Mark all my notifications read', response: { 200: readAllSchema } },
  }, async (request) => service.markAllRead(contextOf(request)));

  app.get('/notifications/preferences', {
    config: { category: 'self' },
    schema: { tags, operationId: 'getNotificationPreferences', summary: 'How I am notified of each kind', response: { 200: z.object({ items: z.array(preferenceSchema) }) } },
  }, async (request) => ({ items: await service.findPreferences(contextOf(request)) }));

  app.put('/notifications/preferences', {
    config: { category: 'self' },
    schema: { tags, operationId: 'updateNotificationPreference', summary: 'Choose the channels of one kind (life-safety, alerts and escalations stay on)', body: preferenceBody, response: { 200: z.object({ items: z.array(preferenceSchema) }) } },
  }, async (request) => ({ items: await service.updatePreference(contextOf(request), request.body) }));

  app.get('/notifications/mobile', {
    config: { category: 'self' },
    schema: { tags, operationId: 'getMyMobile', summary: 'My mobile number and carrier gateway for text messages', response: { 200: mobileSchema } },
  }, async (request) => service.findMobile(contextOf(request), app.deps.sms !== null));

  app.put('/notifications/mobile', {
    config: { category: 'self' },
    schema: { tags, operationId: 'updateMyMobile', summary: 'Set or remove my mobile number for text messages (audited)', body: mobileBody, response: { 200: mobileSchema } },
  }, async (request) => service.updateMobile(contextOf(request), app.deps.sms !== null, request.body));

  app.get('/notifications/push', {
    config: { category: 'self' },
    schema: { tags, operationId: 'getMyPush', summary: 'The Web Push public key and my subscribed devices', response: { 200: pushStateSchema } },
  }, async (request) => service.findPushState(contextOf(request), app.deps.push.keys.publicKey));

  app.post('/notifications/push/subscriptions', {
    config: { category: 'self' },
    schema: { tags, operationId: 'subscribeMyPush', summary: 'Turn on Web Push on this device (a PushSubscription; audited)', body: pushSubscriptionBody, response: { 200: pushStateSchema } },
  }, async (request) => service.subscribePush(contextOf(request), { publicKey: app.deps.push.keys.publicKey, allowHttpLoopback: app.deps.config.pushAllowHttpLoopback === true }, request.body, request.headers['user-agent']));

  app.post('/notifications/push/unsubscribe', {
    config: { category: 'self' },
    schema: { tags, operationId: 'unsubscribeMyPush', summary: 'Turn off Web Push on a device of mine (audited)', body: pushUnsubscribeBody, response: { 200: pushStateSchema } },
  }, async (request) => service.unsubscribePush(contextOf(request), app.deps.push.keys.publicKey, request.body.endpoint));

  app.get('/notifications/settings', {
    config: { permission: 'district.read' },
    schema: { tags, operationId: 'getNotificationSettings', summary: 'Minutes before a life-safety tip escalates; hours between plan reminders', response: { 200: notificationSettingsSchema } },
  }, async (request) => service.findSettings(contextOf(request)));

  app.put('/notifications/settings', {
    config: { permission: 'district.manage' },
    schema: { tags, operationId: 'updateNotificationSettings', summary: 'Change escalation minutes and reminder hours (audited)', body: notificationSettingsBody, response: { 200: notificationSettingsSchema } },
  }, async (request) => service.updateSettings(contextOf(request), request.body));

  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const sweep = () => {
    if (running) return;
    running = true;
    countJob('escalations', () => runEscalations(app.deps.database.db, app.deps.clock, app.deps.config.publicUrl))
      .then((taken) => { if (taken) liveHubOf(app.deps).poke(); })
      .catch((error: unknown) => app.log.error({ err: error }, 'escalation sweep failed'))
      .finally(() => { running = false; });
  };
  // At start (a step may have come due while the app was down), then every 30 s.
  app.addHook('onReady', async () => {
    setImmediate(sweep);
    timer = setInterval(sweep, EVERY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
};

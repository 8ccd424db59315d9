import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../auth/plugin.js';
import { countJob } from '../../ops/metrics.js';
import { listOutboxQuery, outboxPageSchema, outboxSettingsSchema, outboxStatusSchema, updateOutboxSettingsBody } from './outbox.schemas.js';
import { deliverDue, listOutbox, outboxSettingsOf, outboxStatus, updateOutboxSettings } from './outbox.service.js';

const EVERY_MS = 30_000;

/**
 * The e-mail outbox: its status for operations, and the sender, run every 30 seconds while the app is up
 * (only when SMTP is configured). Services queue mail with `queueMail` inside their transactions.
 */
export const outboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/outbox/status', {
    config: { permission: 'district.manage' },
    schema: { tags: ['outbox'], operationId: 'getOutboxStatus', summary: 'E-mail waiting, sent and given up in my district', response: { 200: outboxStatusSchema } },
  }, async (request) => outboxStatus(contextOf(request)));

  app.get('/outbox', {
    config: { permission: 'district.manage' },
    schema: { tags: ['outbox'], operationId: 'listOutbox', summary: 'E-mail of my district with status, attempts and last error (paged)', querystring: listOutboxQuery, response: { 200: outboxPageSchema } },
  }, async (request) => listOutbox(contextOf(request), app.deps.mailer.enabled, request.query));

  app.get('/outbox/settings', {
    config: { permission: 'district.manage' },
    schema: { tags: ['outbox'], operationId: 'getOutboxSettings', summary: 'How long e-mail may wait before it is expired unsent', response: { 200: outboxSettingsSchema } },
  }, async (request) => outboxSettingsOf(contextOf(request)));

  app.put('/outbox/settings', {
    config: { permission: 'district.manage' },
    schema: { tags: ['outbox'], operationId: 'updateOutboxSettings', summary: 'Change how long e-mail may wait before it is expired unsent (audited)', body: updateOutboxSettingsBody, response: { 200: outboxSettingsSchema } },
  }, async (request) => updateOutboxSettings(contextOf(request), request.body));

  // Without SMTP the sweep still runs: stale mail is expired, so configuring SMTP later sends nothing late.
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  app.addHook('onReady', async () => {
    timer = setInterval(() => {
      if (running) return;
      running = true;
      countJob('outbox', () => deliverDue(app.deps.database.db, app.deps.mailer, app.deps.clock, 50, app.deps.sms, app.deps.push))
        .catch((error: unknown) => app.log.error({ err: error }, 'outbox delivery failed'))
        .finally(() => { running = false; });
    }, EVERY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
};

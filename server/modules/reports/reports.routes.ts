import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import { countJob } from '../../ops/metrics.js';
import {
  automaticSubscriptionBody, createSubscriptionBody, idParams, subscriptionListSchema, subscriptionSchema, updateSubscriptionBody,
} from './reports.schemas.js';
import { runDueReports } from './reports.sender.js';
import * as service from './reports.service.js';

const tags = ['reports'];
const EVERY_MS = 60_000;

/**
 * Scheduled reports: a user's subscriptions and the sweep that queues due reports by e-mail, every minute while the
 * app is up. Every role that reads any report holds analytics.read; the report's own permission (analytics.equity,
 * report.export, activity.read) and its scope are checked in the service, now and at every send.
 */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = { permission: 'analytics.read' } as const;
  app.get('/report-subscriptions', {
    config,
    schema: { tags, operationId: 'listReportSubscriptions', summary: 'Reports I receive by e-mail, and those I set up for others', response: { 200: subscriptionListSchema } },
  }, async (request) => ({ items: await service.listMine(contextOf(request)) }));

  app.post('/report-subscriptions', {
    config,
    schema: { tags, operationId: 'createReportSubscription', summary: 'Receive a report by e-mail, weekly or monthly, as PDF or CSV (audited)', body: createSubscriptionBody, response: { 201: subscriptionSchema } },
  }, async (request, reply) => reply.code(201).send(await service.subscribe(contextOf(request), request.body)));

  app.post('/report-subscriptions/automatic', {
    config: { permission: 'activity.read' },
    schema: { tags, operationId: 'createAutomaticActivityReports', summary: 'Send an SRO\'s monthly activity report to the principals of the SRO\'s schools (audited)', body: automaticSubscriptionBody, response: { 201: subscriptionListSchema } },
  }, async (request, reply) => reply.code(201).send({ items: await service.subscribePrincipals(contextOf(request), request.body) }));

  app.patch('/report-subscriptions/:id', {
    config,
    schema: { tags, operationId: 'updateReportSubscription', summary: 'Change, pause or resume a report subscription (audited)', params: idParams, body: updateSubscriptionBody, response: { 200: subscriptionSchema } },
  }, async (request) => service.update(contextOf(request), request.params.id, request.body));

  app.delete('/report-subscriptions/:id', {
    config,
    schema: { tags, operationId: 'deleteReportSubscription', summary: 'Stop a report subscription (audited)', params: idParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await service.remove(contextOf(request), request.params.id);
    return reply.code(204).send(null);
  });

  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const sweep = () => {
    if (running) return;
    running = true;
    countJob('reports', () => runDueReports(app.deps.database.db, app.deps.clock, app.deps.config.publicUrl))
      .catch((error: unknown) => app.log.error({ err: error }, 'scheduled report sweep failed'))
      .finally(() => { running = false; });
  };
  // At start (a send may have come due while the app was down), then every minute.
  app.addHook('onReady', async () => {
    setImmediate(sweep);
    timer = setInterval(sweep, EVERY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
};

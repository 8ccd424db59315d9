import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import { requireTarget } from '../drills/drills.scope.js';
import { deliverDue } from '../outbox/outbox.service.js';
import {
  complianceOverviewSchema, drillReminderSchema, overviewQuery, reportQuery, schoolComplianceSchema,
} from './compliance.schemas.js';
import * as service from './compliance.service.js';

const tags = ['compliance'];
const schoolParams = z.strictObject({ schoolId: z.uuid() });
const HOUR_MS = 60 * 60_000;

/** Drill compliance per school and for the district, reports, and reminders before windows close. */
export const complianceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/compliance/schools/:schoolId', {
    config: { permission: 'drill.read' },
    schema: { tags, operationId: 'getSchoolCompliance', summary: 'One school\'s compliance for a school year', params: schoolParams, querystring: overviewQuery, response: { 200: schoolComplianceSchema } },
  }, async (request) => service.getSchoolCompliance(contextOf(request), request.params.schoolId, request.query));

  app.get('/compliance/overview', {
    config: { permission: 'drill.read' },
    schema: { tags, operationId: 'getComplianceOverview', summary: 'Compliance of every school of my scope', querystring: overviewQuery, response: { 200: complianceOverviewSchema } },
  }, async (request) => service.getOverview(contextOf(request), request.query));

  app.get('/compliance/report.csv', {
    config: { permission: 'drill.read' },
    schema: { tags, operationId: 'getComplianceCsv', summary: 'Compliance report as CSV', querystring: reportQuery },
  }, async (request, reply) => {
    const { body, fileName } = await service.exportReport(contextOf(request), 'csv', request.query);
    return reply.header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${fileName}"`).send(body);
  });

  app.get('/compliance/report.pdf', {
    config: { permission: 'drill.read' },
    schema: { tags, operationId: 'getCompliancePdf', summary: 'Compliance report as PDF', querystring: reportQuery },
  }, async (request, reply) => {
    const { body, fileName } = await service.exportReport(contextOf(request), 'pdf', request.query);
    return reply.header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${fileName}"`).send(body);
  });

  app.get('/drill-reminders', {
    config: { permission: 'drill.read' },
    schema: { tags, operationId: 'listDrillReminders', summary: 'Reminders of drill windows closing soon at my schools', response: { 200: z.object({ items: z.array(drillReminderSchema) }) } },
  }, async (request) => ({ items: await service.findReminders(contextOf(request)) }));

  app.post('/drill-reminders/run', {
    config: { permission: 'drill.rules.manage' },
    schema: { tags, operationId: 'runDrillReminders', summary: 'Make reminders now and send their e-mail', response: { 200: z.object({ created: z.number().int() }) } },
  }, async (request) => {
    const ctx = contextOf(request);
    await requireTarget(ctx.db, ctx.actor, 'drill.rules.manage', null);
    const { deps } = request.server;
    const answer = await service.runReminders(ctx, deps.config.publicUrl);
    await deliverDue(ctx.db, deps.mailer, deps.clock);
    return answer;
  });

  // Every hour (first run a minute after start), reminders are made for every district.
  let timer: NodeJS.Timeout | undefined;
  const run = () => {
    const { database, clock, config, mailer } = app.deps;
    service.runAllReminders(database.db, clock, config.publicUrl)
      .then(() => deliverDue(database.db, mailer, clock))
      .catch((error: unknown) => app.log.error({ err: error }, 'drill reminders failed'));
  };
  app.addHook('onReady', async () => {
    timer = setTimeout(function tick() {
      run();
      timer = setTimeout(tick, HOUR_MS).unref();
    }, 60_000).unref();
  });
  app.addHook('onClose', async () => clearTimeout(timer));
};

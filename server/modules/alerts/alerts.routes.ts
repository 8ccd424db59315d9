import { pdfDisposition } from '../../lib/pdf.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import { liveHubOf } from '../live/live.hub.js';
import { idempotencyKeyOf, idempotent } from '../idempotency/idempotency.service.js';
import { checkIn, confirmReceived, findMyCheckIns, getBoard } from './alerts.accountability.js';
import { announcerOf, startAnnouncer } from './alerts.announcer.js';
import { afterActionReport, findTimeline } from './alerts.record.js';
import {
  alertSchema, alertSettingsSchema, allClearBody, boardSchema, checkInBody, checkInSchema, escalateBody, idParams,
  listAlertsQuery, raiseAlertBody, timelineEntrySchema, updateAlertSettingsBody,
} from './alerts.schemas.js';
import * as service from './alerts.service.js';

const tags = ['alerts'];
const items = <T extends z.ZodType>(schema: T) => z.object({ items: z.array(schema) });

function alertsContext(request: FastifyRequest): service.AlertsContext {
  const { deps } = request.server;
  return { ...contextOf(request), live: liveHubOf(deps), announcer: announcerOf(deps) };
}

/** SRP alerts: raising with a cancel window, accountability check-ins, the board, All Clear and the record. */
export const alertRoutes: FastifyPluginAsyncZod = async (app) => {
  const announcer = await startAnnouncer(app.deps, liveHubOf(app.deps), app.log);
  app.addHook('preClose', async () => announcer.close());

  app.get('/alerts/settings', {
    config: { permission: 'district.read' },
    schema: { tags, operationId: 'getAlertSettings', summary: 'The district\'s alert settings (cancel window)', response: { 200: alertSettingsSchema } },
  }, async (request) => service.getSettings(contextOf(request)));

  app.patch('/alerts/settings', {
    config: { permission: 'district.manage' },
    schema: { tags, operationId: 'updateAlertSettings', summary: 'Change the cancel window', body: updateAlertSettingsBody, response: { 200: alertSettingsSchema } },
  }, async (request) => service.updateSettings(contextOf(request), request.body));

  app.post('/alerts', {
    config: { permission: 'alert.raise' },
    schema: { tags, operationId: 'raiseAlert', summary: 'Raise an SRP alert (announced when the cancel window passes)', body: raiseAlertBody, response: { 201: alertSchema } },
  }, async (request, reply) => reply.code(201).send(await service.raiseAlert(alertsContext(request), request.body)));

  app.get('/alerts', {
    config: { permission: 'alert.receive' },
    schema: { tags, operationId: 'listAlerts', summary: 'Alerts of my schools, newest first', querystring: listAlertsQuery, response: { 200: items(alertSchema) } },
  }, async (request) => ({ items: await service.findAlerts(contextOf(request), request.query) }));

  app.get('/alerts/active', {
    config: { permission: 'alert.receive' },
    schema: { tags, operationId: 'listActiveAlerts', summary: 'Alerts in force at my schools, and mine still in their cancel window', response: { 200: items(alertSchema) } },
  }, async (request) => {
    const ctx = contextOf(request);
    return { items: await service.findActiveAlerts(ctx.db, ctx.actor) };
  });

  app.get('/alerts/:id', {
    config: { permission: 'alert.receive' },
    schema: { tags, operationId: 'getAlert', summary: 'One alert of my schools', params: idParams, response: { 200: alertSchema } },
  }, async (request) => service.getAlert(contextOf(request), request.params.id));

  app.post('/alerts/:id/cancel', {
    config: { permission: 'alert.raise' },
    schema: { tags, operationId: 'cancelAlert', summary: 'Cancel an alert inside its cancel window (it stays on record)', params: idParams, response: { 200: alertSchema } },
  }, async (request) => service.cancelAlert(alertsContext(request), request.params.id));

  app.post('/alerts/:id/received', {
    config: { permission: 'alert.receive' },
    schema: { tags, operationId: 'confirmAlertReceived', summary: 'My screen showed the alert', params: idParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await confirmReceived(contextOf(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.post('/alerts/:id/check-ins', {
    config: { permission: 'alert.receive' },
    schema: { tags, operationId: 'checkIn', summary: 'Check in (safe or need help) or update my check-in (Idempotency-Key: a retry answers the first result)', params: idParams, body: checkInBody, response: { 200: checkInSchema } },
  }, async (request) => idempotent(alertsContext(request), idempotencyKeyOf(request), 'checkIn', [request.params.id, request.body], (ctx) => checkIn(ctx, request.params.id, request.body)));

  app.get('/alerts/:id/check-ins/mine', {
    config: { permission: 'alert.receive' },
    schema: { tags, operationId: 'listMyCheckIns', summary: 'My check-ins for the alert', params: idParams, response: { 200: items(checkInSchema) } },
  }, async (request) => ({ items: await findMyCheckIns(contextOf(request), request.params.id) }));

  app.get('/alerts/:id/board', {
    config: { permission: 'alert.manage' },
    schema: { tags, operationId: 'getAlertBoard', summary: 'Accountability board per school', params: idParams, response: { 200: boardSchema } },
  }, async (request) => getBoard(contextOf(request), request.params.id));

  app.post('/alerts/:id/escalate', {
    config: { permission: 'alert.manage' },
    schema: { tags, operationId: 'escalateAlert', summary: 'Change the action of an active alert', params: idParams, body: escalateBody, response: { 200: alertSchema } },
  }, async (request) => service.escalateAlert(alertsContext(request), request.params.id, request.body));

  app.post('/alerts/:id/all-clear', {
    config: { permission: 'alert.manage' },
    schema: { tags, operationId: 'allClear', summary: 'End an active alert (SRO, administrator, district)', params: idParams, body: allClearBody, response: { 200: alertSchema } },
  }, async (request) => service.allClear(alertsContext(request), request.params.id, request.body));

  app.get('/alerts/:id/timeline', {
    config: { permission: 'alert.manage' },
    schema: { tags, operationId: 'getAlertTimeline', summary: 'The record of the alert', params: idParams, response: { 200: items(timelineEntrySchema) } },
  }, async (request) => ({ items: await findTimeline(contextOf(request), request.params.id) }));

  app.get('/alerts/:id/report.pdf', {
    config: { permission: 'alert.manage' },
    schema: { tags, operationId: 'getAlertReport', summary: 'After-action report (PDF)', params: idParams },
  }, async (request, reply) => {
    const { filename, pdf } = await afterActionReport(contextOf(request), request.params.id);
    return reply.type('application/pdf').header('content-disposition', pdfDisposition(filename)).send(pdf);
  });
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import {
  decisionBody, holdBody, holdSchema, idParams, liftBody, rejectBody, reportRecordsQuery, reportRecordsSchema, reportSchema, scheduleSchema,
  scheduleUpdateBody,
} from './retention.schemas.js';
import * as service from './retention.service.js';

const tags = ['retention'];

/** Retention: the district's schedules, destruction reports and their approval, legal holds. */
export const retentionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/retention/schedules', {
    config: { permission: 'retention.manage' },
    schema: { tags, operationId: 'listRetentionSchedules', summary: 'Retention period per record type: the district\'s own or the state default, with its citation', response: { 200: z.object({ state: z.string().nullable(), items: z.array(scheduleSchema) }) } },
  }, async (request) => service.listSchedules(contextOf(request)));

  app.put('/retention/schedules', {
    config: { permission: 'retention.manage' },
    schema: { tags, operationId: 'updateRetentionSchedule', summary: 'Set the district\'s period for a record type, or reset it to the state default (audited)', body: scheduleUpdateBody, response: { 200: scheduleSchema } },
  }, async (request) => {
    const { recordType, ...change } = request.body;
    return service.updateSchedule(contextOf(request), recordType, change);
  });

  app.get('/retention/reports', {
    config: { permission: 'retention.manage' },
    schema: { tags, operationId: 'listDestructionReports', summary: 'Destruction reports: counts and dates by record type, state and decision', response: { 200: z.object({ items: z.array(reportSchema) }) } },
  }, async (request) => ({ items: await service.listReports(contextOf(request)) }));

  app.get('/retention/reports/:id/records', {
    config: { permission: 'retention.manage' },
    schema: { tags, operationId: 'listDestructionReportRecords', summary: 'The numbers of the records of one type a report would destroy (audited)', params: idParams, querystring: reportRecordsQuery, response: { 200: reportRecordsSchema } },
  }, async (request) => service.reportRecords(contextOf(request), request.params.id, request.query.recordType, request.query.offset));

  app.post('/retention/reports/:id/approve', {
    config: { permission: 'retention.approve' },
    schema: { tags, operationId: 'approveDestructionReport', summary: 'Approve a destruction report: its records are purged with their files, versions and links', params: idParams, body: decisionBody, response: { 200: reportSchema } },
  }, async (request) => service.approveReport(contextOf(request), request.params.id, request.body.note));

  app.post('/retention/reports/:id/reject', {
    config: { permission: 'retention.approve' },
    schema: { tags, operationId: 'rejectDestructionReport', summary: 'Reject a destruction report (nothing is destroyed); a note is required', params: idParams, body: rejectBody, response: { 200: reportSchema } },
  }, async (request) => service.rejectReport(contextOf(request), request.params.id, request.body.note));

  app.get('/retention/holds', {
    config: { permission: 'retention.hold' },
    schema: { tags, operationId: 'listLegalHolds', summary: 'Legal holds on records and cases, active first (audited)', response: { 200: z.object({ items: z.array(holdSchema) }) } },
  }, async (request) => ({ items: await service.listHolds(contextOf(request)) }));

  app.post('/retention/holds', {
    config: { permission: 'retention.hold' },
    schema: { tags, operationId: 'setLegalHold', summary: 'Put a legal hold on a record or case (stops its destruction); reason required', body: holdBody, response: { 201: holdSchema } },
  }, async (request, reply) => reply.code(201).send(await service.setHold(contextOf(request), request.body)));

  app.post('/retention/holds/:id/lift', {
    config: { permission: 'retention.hold' },
    schema: { tags, operationId: 'liftLegalHold', summary: 'Lift a legal hold; reason required (audited)', params: idParams, body: liftBody, response: { 204: z.null() } },
  }, async (request, reply) => {
    await service.liftHold(contextOf(request), request.params.id, request.body.reason);
    return reply.code(204).send(null);
  });
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import { MAX_EXPORT_ROWS, auditFilterQuery, auditPageSchema, eventTypesSchema, listAuditQuery } from './audit.schemas.js';
import * as service from './audit.service.js';

const tags = ['audit'];

/** The audit log page of administrators: list, CSV export and the catalogue of event types. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/audit', {
    config: { permission: 'audit.read', csv: { list: 'audit', owner: 'operational' } },
    schema: { tags, operationId: 'listAuditEvents', summary: 'Audit events of my district (or my schools), newest first', querystring: listAuditQuery, response: { 200: auditPageSchema } },
  }, async (request) => service.listEvents(contextOf(request), request.query));

  app.get('/audit/export.csv', {
    config: { permission: 'audit.read' },
    schema: {
      tags, operationId: 'exportAuditEvents', summary: 'The audit log as CSV (audited)',
      description: `Same filters as the list; at most ${MAX_EXPORT_ROWS.toLocaleString('en-US')} rows, newest first. `,
      querystring: auditFilterQuery, produces: ['text/csv'],
      response: { 200: z.string().describe('RFC 4180 CSV with a header row; cells that a spreadsheet would run as formulas start with \'') },
    },
  }, async (request, reply) => {
    const { filename, csv } = await service.exportEvents(contextOf(request), request.query);
    return reply.header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${filename}"`).send(csv);
  });

  app.get('/audit/event-types', {
    config: { permission: 'audit.read' },
    schema: { tags, operationId: 'listAuditEventTypes', summary: 'Every audit event type with its meaning', response: { 200: eventTypesSchema } },
  }, async () => service.eventTypes());
};

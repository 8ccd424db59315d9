import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { nibrsExportListSchema, nibrsMonthBody, nibrsMonthQuery, nibrsPreviewSchema } from '../../../common/incidents.js';
import { contextOf } from '../../auth/plugin.js';
import * as service from './nibrs.service.js';

const tags = ['nibrs'];

/** NIBRS submission files and their pre-submission report. */
export const nibrsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/nibrs/submissions/preview', {
    config: { permission: 'nibrs.submit' },
    schema: { tags, operationId: 'previewNibrsSubmission', summary: 'The pre-submission report of a month: what the file carries and every incident failing an edit', querystring: nibrsMonthQuery, response: { 200: nibrsPreviewSchema } },
  }, async (request) => service.previewMonth(contextOf(request), request.query.month));

  app.post('/nibrs/submissions', {
    config: { permission: 'nibrs.submit' },
    schema: { tags, operationId: 'createNibrsSubmission', summary: 'Generate the month\'s FBI NIBRS XML submission file (application/xml)', body: nibrsMonthBody },
  }, async (request, reply) => {
    const { xml, fileName } = await service.exportMonth(contextOf(request), request.body.month);
    return reply.header('content-type', 'application/xml; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`)
      .header('cache-control', 'no-store').send(xml);
  });

  app.get('/nibrs/submissions', {
    config: { permission: 'nibrs.submit' },
    schema: { tags, operationId: 'listNibrsSubmissions', summary: 'NIBRS files generated so far', response: { 200: nibrsExportListSchema } },
  }, async (request) => service.listExports(contextOf(request)));
};

import { z } from 'zod';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { ROSTER_LIMITS } from '../../../common/roster-import.js';
import { contextOf } from '../../auth/plugin.js';
import { idParams, rosterImportJobSchema, rosterImportReportSchema, uploadQuery } from './roster-import.schemas.js';
import * as service from './roster-import.service.js';

const tags = ['roster-import'];

/** OneRoster 1.1 CSV roster import: upload a zip, follow the job, read its report. */
export const rosterImportRoutes: FastifyPluginAsyncZod = async (app) => {
  // The zip arrives as the raw body; it is read entry by entry, never unpacked whole.
  await app.register(async (raw) => {
    const uploads = raw.withTypeProvider<ZodTypeProvider>();
    uploads.addContentTypeParser(['application/zip', 'application/x-zip-compressed'], { parseAs: 'buffer', bodyLimit: ROSTER_LIMITS.maxZipBytes },
      (_request, body, done) => done(null, body));
    uploads.post('/roster-imports', {
      config: { permission: 'import.run', uploadTypes: ['application/zip', 'application/x-zip-compressed'] },
      bodyLimit: ROSTER_LIMITS.maxZipBytes,
      schema: {
        tags, operationId: 'startRosterImport', summary: 'Import a OneRoster 1.1 CSV package (raw body, application/zip)',
        querystring: uploadQuery, response: { 202: rosterImportJobSchema },
      },
    }, async (request, reply) => reply.code(202).send(await service.startImport(contextOf(request), request.query.fileName, request.body as Buffer)));
  });

  app.get('/roster-imports', {
    config: { permission: 'import.run' },
    schema: {
      tags, operationId: 'listRosterImports', summary: 'Recent roster imports of my district',
      response: { 200: z.object({ items: z.array(rosterImportJobSchema) }) },
    },
  }, async (request) => service.findImports(contextOf(request)));

  app.get('/roster-imports/:id', {
    config: { permission: 'import.run' },
    schema: {
      tags, operationId: 'getRosterImport', summary: 'One roster import: progress, counts, rejected rows', params: idParams,
      response: { 200: rosterImportReportSchema },
    },
  }, async (request) => service.getImport(contextOf(request), request.params.id));
};

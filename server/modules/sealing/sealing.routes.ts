import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../auth/plugin.js';
import { expungeBody, idParams, sealedRecordListSchema, sealedRecordSchema, sealedRecordsQuery, unsealedSchema, unsealQuery } from './sealing.schemas.js';
import * as service from './sealing.service.js';

const tags = ['sealing'];

/** Sealed records: the list of seals and tombstones, unsealing and expungement by court order. */
export const sealingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/sealed-records', {
    config: { permission: 'incident.unseal' },
    schema: { tags, operationId: 'listSealedRecords', summary: 'Sealed and expunged records: orders, dates and who; never their content (audited)', querystring: sealedRecordsQuery, response: { 200: sealedRecordListSchema } },
  }, async (request) => ({ items: await service.findSealedRecords(contextOf(request), request.server.deps.config.dataDir, request.query) }));

  app.post('/sealed-records/:id/expunge', {
    config: { permission: 'incident.expunge' },
    schema: { tags, operationId: 'expungeSealedRecord', summary: 'Destroy a sealed record for good by court order; only the tombstone stays', params: idParams, body: expungeBody, response: { 200: sealedRecordSchema } },
  }, async (request) => service.expungeRecord(contextOf(request), request.server.deps.config.dataDir, request.params.id, request.body));

  // The court order arrives as the raw PDF body (its type is sniffed from the bytes), the order's facts in the query.
  await app.register(async (plain) => {
    const uploads = plain.withTypeProvider<ZodTypeProvider>();
    uploads.removeAllContentTypeParsers();
    uploads.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    uploads.post('/sealed-records/:id/unseal', {
      config: { permission: 'incident.unseal' },
      schema: { tags, operationId: 'unsealSealedRecord', summary: 'Unseal by court order (order number, date, the order PDF as the body); restores every copy', params: idParams, querystring: unsealQuery, response: { 200: unsealedSchema } },
    }, async (request) => service.unsealRecord(contextOf(request), request.server.deps.config.dataDir, request.params.id, request.query, request.body as Readable));
  });
};

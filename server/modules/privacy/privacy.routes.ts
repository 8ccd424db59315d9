import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import { courtOrderOf } from './privacy.orders.js';
import { expungeBody, idParams, juvenileGrantBody, juvenileGrantListSchema, juvenileGrantSchema, sealedListSchema, unsealBody } from './privacy.schemas.js';
import { grantJuvenileAccess, listJuvenileAccess, revokeJuvenileAccess } from './juvenile-access.service.js';
import { expungeIncident, finishPendingSeals, listSealed, unsealIncident } from './sealing.service.js';

const tags = ['privacy'];
const noContent = z.null();

/** Sealed records: the list (nothing identifying), unseal and expunge by court order; unfinished seals resume at start. */
export const privacyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onReady', async () => {
    await finishPendingSeals(app.deps.database.db, app.deps);
  });

  app.get('/sealed-records', {
    config: { permission: 'incident.unseal' },
    schema: { tags, operationId: 'listSealedRecords', summary: 'Sealed and expunged records: state, dates and court orders only (audited)', response: { 200: sealedListSchema } },
  }, async (request) => listSealed(contextOf(request)));

  app.post('/incidents/:id/unseal', {
    config: { permission: 'incident.unseal' },
    schema: { tags, operationId: 'unsealIncident', summary: 'Unseal by court order (number, date, the signed order as PDF)', params: idParams, body: unsealBody, response: { 204: noContent } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    await unsealIncident(ctx, app.deps, request.params.id, await courtOrderOf(ctx, request.body, request.body.document));
    return reply.code(204).send(null);
  });

  app.post('/incidents/:id/expunge', {
    config: { permission: 'incident.expunge' },
    schema: { tags, operationId: 'expungeIncident', summary: 'Expunge by court order: irreversible; a tombstone (order, date, who) stays', params: idParams, body: expungeBody, response: { 204: noContent } },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    await expungeIncident(ctx, app.deps, request.params.id, await courtOrderOf(ctx, request.body, null));
    return reply.code(204).send(null);
  });

  app.get('/juvenile-access', {
    config: { permission: 'juvenile.grant' },
    schema: { tags, operationId: 'listJuvenileAccess', summary: 'People holding per-person access to juvenile law-enforcement records (audited)', response: { 200: juvenileGrantListSchema } },
  }, async (request) => listJuvenileAccess(contextOf(request)));

  app.post('/juvenile-access', {
    config: { permission: 'juvenile.grant' },
    schema: { tags, operationId: 'grantJuvenileAccess', summary: 'Give an SRO or supervisor access to juvenile records (district administrator; audited)', body: juvenileGrantBody, response: { 201: juvenileGrantSchema } },
  }, async (request, reply) => reply.code(201).send(await grantJuvenileAccess(contextOf(request), request.body)));

  app.delete('/juvenile-access/:id', {
    config: { permission: 'juvenile.grant' },
    schema: { tags, operationId: 'revokeJuvenileAccess', summary: 'Revoke a juvenile-record grant (audited)', params: idParams, response: { 204: noContent } },
  }, async (request, reply) => {
    await revokeJuvenileAccess(contextOf(request), request.params.id);
    return reply.code(204).send(null);
  });
};

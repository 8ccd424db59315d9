import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../auth/plugin.js';
import { callPageSchema, callQueueSchema, callSchema, createCallBody, idParams, listCallsQuery, updateCallBody } from './incidents.schemas.js';
import * as service from './calls.service.js';

// Calls for service live in the incidents module (a call becomes an incident), so they carry its tag.
const tags = ['incidents'];

/** Calls for service: intake, the live queue, dispatch and clearance. */
export const callRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/calls', {
    config: { permission: 'call.read', csv: { list: 'calls', owner: 'law_enforcement' } },
    schema: { tags, operationId: 'listCalls', summary: 'Calls at my schools, newest first (keyset pages)', querystring: listCallsQuery, response: { 200: callPageSchema } },
  }, async (request) => service.findCalls(contextOf(request), request.query));

  app.get('/calls/queue', {
    config: { permission: 'call.read' },
    schema: { tags, operationId: 'callQueue', summary: 'Live queue: open calls at my schools, emergencies first, then oldest (poll it)', response: { 200: callQueueSchema } },
  }, async (request) => service.callQueue(contextOf(request)));

  app.post('/calls', {
    config: { permission: 'call.create' },
    schema: { tags, operationId: 'createCall', summary: 'Take a call for service', body: createCallBody, response: { 201: callSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createCall(contextOf(request), request.body)));

  app.get('/calls/:id', {
    config: { permission: 'call.read' },
    schema: { tags, operationId: 'getCall', summary: 'One call (audited)', params: idParams, response: { 200: callSchema } },
  }, async (request) => service.getCall(contextOf(request), request.params.id));

  app.patch('/calls/:id', {
    config: { permission: 'call.dispatch' },
    schema: { tags, operationId: 'updateCall', summary: 'Assign, arrive, clear (with a disposition) or change a call', params: idParams, body: updateCallBody, response: { 200: callSchema } },
  }, async (request) => service.updateCall(contextOf(request), request.params.id, request.body));
};

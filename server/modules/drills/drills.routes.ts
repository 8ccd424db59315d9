import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import { drillBody, drillSchema, idParams, listDrillsQuery, updateDrillBody } from './drills.schemas.js';
import * as service from './drills.service.js';

const tags = ['drills'];

/** Drills: scheduled, conducted and recorded (after the fact too). */
export const drillRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/drills', {
    config: { permission: 'drill.read', csv: { list: 'drills', owner: 'operational' } },
    schema: { tags, operationId: 'listDrills', summary: 'Drills of my schools, newest first', querystring: listDrillsQuery, response: { 200: z.object({ items: z.array(drillSchema) }) } },
  }, async (request) => ({ items: await service.findDrills(contextOf(request), request.query) }));

  app.post('/drills', {
    config: { permission: 'drill.record' },
    schema: { tags, operationId: 'createDrill', summary: 'Schedule a drill or record one that happened', body: drillBody, response: { 201: drillSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createDrill(contextOf(request), request.body)));

  app.get('/drills/:id', {
    config: { permission: 'drill.read' },
    schema: { tags, operationId: 'getDrill', summary: 'One drill', params: idParams, response: { 200: drillSchema } },
  }, async (request) => service.getDrill(contextOf(request), request.params.id));

  app.patch('/drills/:id', {
    config: { permission: 'drill.record' },
    schema: { tags, operationId: 'updateDrill', summary: 'Change, conduct or cancel a drill', params: idParams, body: updateDrillBody, response: { 200: drillSchema } },
  }, async (request) => service.updateDrill(contextOf(request), request.params.id, request.body));
};

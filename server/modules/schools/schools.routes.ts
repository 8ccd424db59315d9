import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import {
  addFeederBody, areaSchema, createAreaBody, createSchoolBody, feederParams, feedersSchema, idParams, listSchoolsQuery,
  schoolSchema, updateAreaBody, updateSchoolBody,
} from './schools.schemas.js';
import * as service from './schools.service.js';

const tags = ['schools'];

/** Schools, feeder relations and campus areas. */
export const schoolRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/schools', {
    config: { permission: 'school.read' },
    schema: { tags, operationId: 'listSchools', summary: 'Schools I work at (all for district roles)', querystring: listSchoolsQuery, response: { 200: z.object({ items: z.array(schoolSchema) }) } },
  }, async (request) => ({
    items: await service.findSchools(contextOf(request), { ...request.query, includeInactive: request.query.includeInactive === 'true' }),
  }));

  app.post('/schools', {
    config: { permission: 'school.manage' },
    schema: { tags, operationId: 'createSchool', summary: 'Add a school', body: createSchoolBody, response: { 201: schoolSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createSchool(contextOf(request), request.body)));

  app.get('/schools/:id', {
    config: { permission: 'school.read' },
    schema: { tags, operationId: 'getSchool', summary: 'One school (audited read)', params: idParams, response: { 200: schoolSchema } },
  }, async (request) => service.getSchool(contextOf(request), request.params.id));

  app.patch('/schools/:id', {
    config: { permission: 'school.manage' },
    schema: { tags, operationId: 'updateSchool', summary: 'Change a school', params: idParams, body: updateSchoolBody, response: { 200: schoolSchema } },
  }, async (request) => service.updateSchool(contextOf(request), request.params.id, request.body));

  app.get('/schools/:id/feeders', {
    config: { permission: 'school.read' },
    schema: { tags, operationId: 'listFeeders', summary: 'Feeder relations of a school', params: idParams, response: { 200: feedersSchema } },
  }, async (request) => service.findFeeders(contextOf(request), request.params.id));

  app.post('/schools/:id/feeders', {
    config: { permission: 'school.manage' },
    schema: { tags, operationId: 'addFeeder', summary: 'Record that another school feeds this one', params: idParams, body: addFeederBody, response: { 200: feedersSchema } },
  }, async (request) => service.addFeeder(contextOf(request), request.params.id, request.body.feederSchoolId));

  app.delete('/schools/:id/feeders/:feederSchoolId', {
    config: { permission: 'school.manage' },
    schema: { tags, operationId: 'removeFeeder', summary: 'Remove a feeder relation', params: feederParams, response: { 200: feedersSchema } },
  }, async (request) => service.removeFeeder(contextOf(request), request.params.id, request.params.feederSchoolId));

  app.get('/schools/:id/areas', {
    config: { permission: 'area.read' },
    schema: { tags, operationId: 'listAreas', summary: 'Campus areas of a school', params: idParams, response: { 200: z.object({ items: z.array(areaSchema) }) } },
  }, async (request) => ({ items: await service.findAreas(contextOf(request), request.params.id) }));

  app.post('/schools/:id/areas', {
    config: { permission: 'area.manage' },
    schema: { tags, operationId: 'createArea', summary: 'Add a campus area', params: idParams, body: createAreaBody, response: { 201: areaSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createArea(contextOf(request), request.params.id, request.body)));

  app.patch('/areas/:id', {
    config: { permission: 'area.manage' },
    schema: { tags, operationId: 'updateArea', summary: 'Change a campus area', params: idParams, body: updateAreaBody, response: { 200: areaSchema } },
  }, async (request) => service.updateArea(contextOf(request), request.params.id, request.body));
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import { assignmentSchema, createAssignmentBody, idParams, listAssignmentsQuery, updateAssignmentBody } from './assignments.schemas.js';
import * as service from './assignments.service.js';

const tags = ['assignments'];

/** SRO assignments: which officer serves which school (primary or feeder), and when. */
export const assignmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/assignments', {
    config: { permission: 'assignment.read' },
    schema: { tags, operationId: 'listAssignments', summary: 'SRO assignments at my schools (all for district roles)', querystring: listAssignmentsQuery, response: { 200: z.object({ items: z.array(assignmentSchema) }) } },
  }, async (request) => ({ items: await service.findAssignments(contextOf(request), request.query) }));

  app.post('/assignments', {
    config: { permission: 'assignment.manage' },
    schema: { tags, operationId: 'createAssignment', summary: 'Assign an SRO to a school', body: createAssignmentBody, response: { 201: assignmentSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createAssignment(contextOf(request), request.body)));

  app.patch('/assignments/:id', {
    config: { permission: 'assignment.manage' },
    schema: { tags, operationId: 'updateAssignment', summary: 'Change or end an SRO assignment', params: idParams, body: updateAssignmentBody, response: { 200: assignmentSchema } },
  }, async (request) => service.updateAssignment(contextOf(request), request.params.id, request.body));
};

import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import { liveHubOf } from '../live/live.hub.js';
import {
  idParams, listReunificationsQuery, openReunificationBody, releaseBody, requestParams, reunificationBoardSchema,
  reunificationRequestBody, reunificationRequestSchema, reunificationSchema, reunificationStudentSchema, runnerBody, studentSearchQuery,
} from './reunification.schemas.js';
import * as service from './reunification.service.js';

const tags = ['reunification'];
const config = { permission: 'reunification.manage' as const };

function ctxOf(request: FastifyRequest): service.ReunificationContext {
  return { ...contextOf(request), live: liveHubOf(request.server.deps) };
}

/** Reunification after an evacuation: guardian cards, runners, release with the student's confirmation. */
export const reunificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/reunifications', {
    config, schema: { tags, operationId: 'openReunification', summary: 'Open a reunification event for a school', body: openReunificationBody, response: { 201: reunificationSchema } },
  }, async (request, reply) => reply.code(201).send(await service.openEvent(ctxOf(request), request.body)));

  app.get('/reunifications', {
    config, schema: { tags, operationId: 'listReunifications', summary: 'Reunification events of my schools', querystring: listReunificationsQuery, response: { 200: z.object({ items: z.array(reunificationSchema) }) } },
  }, async (request) => ({ items: await service.findEvents(contextOf(request), request.query) }));

  app.get('/reunifications/:id', {
    config, schema: { tags, operationId: 'getReunificationBoard', summary: 'The live board of a reunification', params: idParams, response: { 200: reunificationBoardSchema } },
  }, async (request) => service.getBoard(contextOf(request), request.params.id));

  app.get('/reunifications/:id/students', {
    config, schema: { tags, operationId: 'searchReunificationStudents', summary: 'Students of the school with their roster guardians', params: idParams, querystring: studentSearchQuery, response: { 200: z.object({ items: z.array(reunificationStudentSchema) }) } },
  }, async (request) => ({ items: await service.searchStudents(contextOf(request), request.params.id, request.query.q ?? '') }));

  app.post('/reunifications/:id/requests', {
    config, schema: { tags, operationId: 'createReunificationRequest', summary: 'Record a checked reunification card (refused with a reason when the adult is not allowed)', params: idParams, body: reunificationRequestBody, response: { 201: reunificationRequestSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createRequest(ctxOf(request), request.params.id, request.body)));

  app.post('/reunifications/:id/requests/:requestId/runner', {
    config, schema: { tags, operationId: 'sendReunificationRunner', summary: 'Send a runner for the student', params: requestParams, body: runnerBody, response: { 200: reunificationRequestSchema } },
  }, async (request) => service.sendRunner(ctxOf(request), request.params.id, request.params.requestId, request.body.runnerName));

  app.post('/reunifications/:id/requests/:requestId/release', {
    config, schema: { tags, operationId: 'releaseReunificationStudent', summary: 'Release the student (the student confirms; staff initials)', params: requestParams, body: releaseBody, response: { 200: reunificationRequestSchema } },
  }, async (request) => service.release(ctxOf(request), request.params.id, request.params.requestId, request.body));

  app.post('/reunifications/:id/close', {
    config, schema: { tags, operationId: 'closeReunification', summary: 'Close the reunification event', params: idParams, response: { 200: reunificationSchema } },
  }, async (request) => service.closeEvent(ctxOf(request), request.params.id));
};

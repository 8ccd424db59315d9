import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import { idempotencyKeyOf, idempotent } from '../idempotency/idempotency.service.js';
import * as checks from './checks.service.js';
import {
  checkRunBody, checkRunDetailSchema, checkRunPageSchema, checklistBody, checklistSchema, checklistUpdateBody, idParams, listCheckRunsQuery,
  listChecklistsQuery, listPatrolsQuery, patrolEntryBody, patrolEntryPageSchema, patrolEntrySchema, patrolEntryUpdateBody,
} from './patrols.schemas.js';
import * as service from './patrols.service.js';

const tags = ['patrols'];

/** Patrol log entries, security check lists and check runs. */
export const patrolRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/patrols', {
    config: { permission: 'patrol.read', csv: { list: 'patrols', owner: 'law_enforcement' } },
    schema: { tags, operationId: 'listPatrols', summary: 'Patrol entries: mine and those at my schools', querystring: listPatrolsQuery, response: { 200: patrolEntryPageSchema } },
  }, async (request) => service.findEntries(contextOf(request), request.query));

  app.post('/patrols', {
    config: { permission: 'patrol.log' },
    schema: { tags, operationId: 'createPatrol', summary: 'Log a patrol, visibility period or traffic duty (Idempotency-Key: a retry answers the first result)', body: patrolEntryBody, response: { 201: patrolEntrySchema } },
  }, async (request, reply) => reply.code(201).send(await idempotent(contextOf(request), idempotencyKeyOf(request), 'createPatrol', request.body, (ctx) => service.createEntry(ctx, request.body), 201)));

  app.get('/patrols/:id', {
    config: { permission: 'patrol.read' },
    schema: { tags, operationId: 'getPatrol', summary: 'One patrol entry', params: idParams, response: { 200: patrolEntrySchema } },
  }, async (request) => service.getEntry(contextOf(request), request.params.id));

  app.patch('/patrols/:id', {
    config: { permission: 'patrol.log' },
    schema: { tags, operationId: 'updatePatrol', summary: 'Change my patrol entry', params: idParams, body: patrolEntryUpdateBody, response: { 200: patrolEntrySchema } },
  }, async (request) => service.updateEntry(contextOf(request), request.params.id, request.body));

  app.delete('/patrols/:id', {
    config: { permission: 'patrol.log' },
    schema: { tags, operationId: 'deletePatrol', summary: 'Delete my patrol entry', params: idParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await service.deleteEntry(contextOf(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.get('/patrol-checklists', {
    config: { permission: 'patrol.read' },
    schema: { tags, operationId: 'listPatrolChecklists', summary: 'Security check lists of my schools', querystring: listChecklistsQuery, response: { 200: z.object({ items: z.array(checklistSchema) }) } },
  }, async (request) => ({ items: await checks.findChecklists(contextOf(request), request.query) }));

  app.post('/patrol-checklists', {
    config: { permission: 'patrol.checklist.manage' },
    schema: { tags, operationId: 'createPatrolChecklist', summary: 'Create a school\'s check list', body: checklistBody, response: { 201: checklistSchema } },
  }, async (request, reply) => reply.code(201).send(await checks.createChecklist(contextOf(request), request.body)));

  app.get('/patrol-checklists/:id', {
    config: { permission: 'patrol.read' },
    schema: { tags, operationId: 'getPatrolChecklist', summary: 'One check list with its items', params: idParams, response: { 200: checklistSchema } },
  }, async (request) => checks.getChecklist(contextOf(request), request.params.id));

  app.patch('/patrol-checklists/:id', {
    config: { permission: 'patrol.checklist.manage' },
    schema: { tags, operationId: 'updatePatrolChecklist', summary: 'Rename, archive or replace the items of a check list', params: idParams, body: checklistUpdateBody, response: { 200: checklistSchema } },
  }, async (request) => checks.updateChecklist(contextOf(request), request.params.id, request.body));

  app.get('/patrol-checks', {
    config: { permission: 'patrol.read', csv: { list: 'patrol-checks', owner: 'operational' } },
    schema: { tags, operationId: 'listPatrolChecks', summary: 'Security check runs at my schools', querystring: listCheckRunsQuery, response: { 200: checkRunPageSchema } },
  }, async (request) => checks.findRuns(contextOf(request), request.query));

  app.post('/patrol-checks', {
    config: { permission: 'patrol.log' },
    schema: { tags, operationId: 'createPatrolCheck', summary: 'Record a check run; failed items open work orders (Idempotency-Key: a retry answers the first result)', body: checkRunBody, response: { 201: checkRunDetailSchema } },
  }, async (request, reply) => reply.code(201).send(await idempotent(contextOf(request), idempotencyKeyOf(request), 'createPatrolCheck', request.body, (ctx) => checks.createRun(ctx, request.body), 201)));

  app.get('/patrol-checks/:id', {
    config: { permission: 'patrol.read' },
    schema: { tags, operationId: 'getPatrolCheck', summary: 'One check run with its results', params: idParams, response: { 200: checkRunDetailSchema } },
  }, async (request) => checks.getRun(contextOf(request), request.params.id));
};

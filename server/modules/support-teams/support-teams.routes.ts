import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  actionItemBody, actionItemUpdateBody, listTeamsQuery, membersQuery, supportTeamBody, supportTeamSchema, supportTeamSummarySchema,
  supportTeamUpdateBody, teamCaseBody, teamCaseUpdateBody, teamMeetingBody,
} from '../../../common/support-plans.js';
import { contextOf } from '../../auth/plugin.js';
import * as service from './support-teams.service.js';

const tags = ['support-teams'];
const idParams = z.strictObject({ id: z.uuid() });
const caseParams = z.strictObject({ id: z.uuid(), caseId: z.uuid() });
const itemParams = z.strictObject({ id: z.uuid(), itemId: z.uuid() });
const config = { permission: 'support.plan' as const };
const one = { 200: supportTeamSchema };
const created = { 201: supportTeamSchema };

/** Problem-solving teams per school (truancy, substance use, safety concerns): members, meetings, cases, action items. */
export const supportTeamRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/support/members', {
    config,
    schema: {
      tags, operationId: 'listSupportMembers', summary: 'Users who may be on a re-entry plan or a team of the school', querystring: membersQuery,
      response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) }) },
    },
  }, async (request) => service.findMembersFor(contextOf(request), request.query.schoolId));

  app.get('/support/teams', {
    config,
    schema: {
      tags, operationId: 'listSupportTeams', summary: 'Teams I am on or oversee (audited)', querystring: listTeamsQuery,
      response: { 200: z.object({ items: z.array(supportTeamSummarySchema) }) },
    },
  }, async (request) => service.findTeams(contextOf(request), request.query));

  app.post('/support/teams', {
    config, schema: { tags, operationId: 'createSupportTeam', summary: 'Form a problem-solving team; I join it', body: supportTeamBody, response: created },
  }, async (request, reply) => reply.code(201).send(await service.createTeam(contextOf(request), request.body)));

  app.get('/support/teams/:id', {
    config, schema: { tags, operationId: 'getSupportTeam', summary: 'One team with cases and action items (audited)', params: idParams, response: one },
  }, async (request) => service.getTeam(contextOf(request), request.params.id));

  app.patch('/support/teams/:id', {
    config, schema: { tags, operationId: 'updateSupportTeam', summary: 'Name, focus, members or active', params: idParams, body: supportTeamUpdateBody, response: one },
  }, async (request) => service.changeTeam(contextOf(request), request.params.id, { kind: 'team', input: request.body }));

  app.post('/support/teams/:id/meetings', {
    config, schema: { tags, operationId: 'addSupportTeamMeeting', summary: 'Record a meeting', params: idParams, body: teamMeetingBody, response: created },
  }, async (request, reply) => reply.code(201).send(await service.changeTeam(contextOf(request), request.params.id, { kind: 'meeting', input: request.body })));

  app.post('/support/teams/:id/cases', {
    config, schema: { tags, operationId: 'openSupportTeamCase', summary: 'Open a student case', params: idParams, body: teamCaseBody, response: created },
  }, async (request, reply) => reply.code(201).send(await service.changeTeam(contextOf(request), request.params.id, { kind: 'case', input: request.body })));

  app.patch('/support/teams/:id/cases/:caseId', {
    config, schema: { tags, operationId: 'updateSupportTeamCase', summary: 'Change or close a case', params: caseParams, body: teamCaseUpdateBody, response: one },
  }, async (request) => service.changeTeam(contextOf(request), request.params.id, { kind: 'case_update', caseId: request.params.caseId, input: request.body }));

  app.post('/support/teams/:id/action-items', {
    config, schema: { tags, operationId: 'addSupportTeamActionItem', summary: 'Add an action item', params: idParams, body: actionItemBody, response: created },
  }, async (request, reply) => reply.code(201).send(await service.changeTeam(contextOf(request), request.params.id, { kind: 'action', input: request.body })));

  app.patch('/support/teams/:id/action-items/:itemId', {
    config,
    schema: { tags, operationId: 'updateSupportTeamActionItem', summary: 'Change an action item or its status', params: itemParams, body: actionItemUpdateBody, response: one },
  }, async (request) => service.changeTeam(contextOf(request), request.params.id, { kind: 'action_update', itemId: request.params.itemId, input: request.body }));
};

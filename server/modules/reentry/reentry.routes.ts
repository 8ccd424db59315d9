import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  listReentryPlansQuery, reentryCheckInBody, reentryGoalBody, reentryGoalUpdateBody, reentryPlanBody, reentryPlanSchema,
  reentryPlanSummarySchema, reentryPlanUpdateBody,
} from '../../../common/support-plans.js';
import { contextOf } from '../../auth/plugin.js';
import * as service from './reentry.service.js';

const tags = ['reentry'];
const idParams = z.strictObject({ id: z.uuid() });
const goalParams = z.strictObject({ id: z.uuid(), goalId: z.uuid() });
const config = { permission: 'support.plan' as const };

/** Re-entry and transition plans for students returning from the juvenile justice system: team, goals, check-ins. */
export const reentryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/support/reentry-plans', {
    config: { ...config, csv: { list: 'reentry-plans', owner: 'counseling' } },
    schema: {
      tags, operationId: 'listReentryPlans', summary: 'Re-entry plans I am on or oversee (audited)', querystring: listReentryPlansQuery,
      response: { 200: z.object({ items: z.array(reentryPlanSummarySchema) }) },
    },
  }, async (request) => service.findPlans(contextOf(request), request.query));

  app.post('/support/reentry-plans', {
    config,
    schema: { tags, operationId: 'createReentryPlan', summary: 'Open a re-entry plan; I join its team', body: reentryPlanBody, response: { 201: reentryPlanSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createPlan(contextOf(request), request.body)));

  app.get('/support/reentry-plans/:id', {
    config,
    schema: { tags, operationId: 'getReentryPlan', summary: 'One plan with team, goals and check-ins (audited)', params: idParams, response: { 200: reentryPlanSchema } },
  }, async (request) => service.getPlan(contextOf(request), request.params.id));

  app.patch('/support/reentry-plans/:id', {
    config,
    schema: {
      tags, operationId: 'updateReentryPlan', summary: 'Team, end date, summary or status', params: idParams, body: reentryPlanUpdateBody,
      response: { 200: reentryPlanSchema },
    },
  }, async (request) => service.changePlan(contextOf(request), request.params.id, { kind: 'plan', input: request.body }));

  app.post('/support/reentry-plans/:id/goals', {
    config,
    schema: { tags, operationId: 'addReentryGoal', summary: 'Add a goal', params: idParams, body: reentryGoalBody, response: { 201: reentryPlanSchema } },
  }, async (request, reply) => reply.code(201).send(await service.changePlan(contextOf(request), request.params.id, { kind: 'goal', input: request.body })));

  app.patch('/support/reentry-plans/:id/goals/:goalId', {
    config,
    schema: {
      tags, operationId: 'updateReentryGoal', summary: 'Change a goal or mark it met', params: goalParams, body: reentryGoalUpdateBody,
      response: { 200: reentryPlanSchema },
    },
  }, async (request) => service.changePlan(contextOf(request), request.params.id, { kind: 'goal_update', goalId: request.params.goalId, input: request.body }));

  app.post('/support/reentry-plans/:id/check-ins', {
    config,
    schema: {
      tags, operationId: 'addReentryCheckIn', summary: 'Record a check-in (date, note, progress)', params: idParams, body: reentryCheckInBody,
      response: { 201: reentryPlanSchema },
    },
  }, async (request, reply) => reply.code(201).send(await service.changePlan(contextOf(request), request.params.id, { kind: 'check_in', input: request.body })));
};

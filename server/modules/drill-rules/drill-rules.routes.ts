import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import {
  chooseStateBody, drillRuleSchema, idParams, ruleBody, ruleSetSchema, ruleSettingsBody, ruleTemplateSchema, updateRuleBody,
} from './drill-rules.schemas.js';
import * as service from './drill-rules.service.js';

const tags = ['drill-rules'];

/** Drill rule sets: seeded state templates, the district's copy, school additions. */
export const drillRuleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/drill-rules/templates', {
    config: { permission: 'drill.read' },
    schema: { tags, operationId: 'listDrillRuleTemplates', summary: 'The seeded state rule sets', response: { 200: z.object({ items: z.array(ruleTemplateSchema) }) } },
  }, async () => ({ items: service.findTemplates() }));

  app.get('/drill-rules', {
    config: { permission: 'drill.read' },
    schema: { tags, operationId: 'getDrillRuleSet', summary: 'The district rule set and my schools\' own rules', response: { 200: ruleSetSchema } },
  }, async (request) => service.getRuleSet(contextOf(request)));

  app.put('/drill-rules/state', {
    config: { permission: 'drill.rules.manage' },
    schema: { tags, operationId: 'chooseDrillRuleState', summary: 'Pick a state set (replaces the district-wide rules)', body: chooseStateBody, response: { 200: ruleSetSchema } },
  }, async (request) => service.chooseState(contextOf(request), request.body.state));

  app.patch('/drill-rules/settings', {
    config: { permission: 'drill.rules.manage' },
    schema: { tags, operationId: 'updateDrillRuleSettings', summary: 'Change compliance settings', body: ruleSettingsBody, response: { 200: ruleSetSchema } },
  }, async (request) => service.updateSettings(contextOf(request), request.body));

  app.post('/drill-rules', {
    config: { permission: 'drill.rules.manage' },
    schema: { tags, operationId: 'createDrillRule', summary: 'Add a rule (district-wide or for one school)', body: ruleBody, response: { 201: drillRuleSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createRule(contextOf(request), request.body)));

  app.patch('/drill-rules/:id', {
    config: { permission: 'drill.rules.manage' },
    schema: { tags, operationId: 'updateDrillRule', summary: 'Change a rule', params: idParams, body: updateRuleBody, response: { 200: drillRuleSchema } },
  }, async (request) => service.updateRule(contextOf(request), request.params.id, request.body));

  app.delete('/drill-rules/:id', {
    config: { permission: 'drill.rules.manage' },
    schema: { tags, operationId: 'deleteDrillRule', summary: 'Remove a rule', params: idParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await service.deleteRule(contextOf(request), request.params.id);
    return reply.code(204).send(null);
  });
};

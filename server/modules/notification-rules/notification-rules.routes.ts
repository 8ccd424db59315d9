import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import {
  notificationRuleBody, notificationRuleSchema, notificationRuleSetSchema, updateNotificationRuleBody,
} from './notification-rules.schemas.js';
import * as service from './notification-rules.service.js';

const tags = ['notification-rules'];
const idParams = z.strictObject({ id: z.uuid() });

/** Notification rules: which actions require telling whom, by when (district data; state defaults until adopted). */
export const notificationRuleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/notification-rules', {
    config: { permission: 'incident.read' },
    schema: { tags, operationId: 'getNotificationRules', summary: 'The district\'s notification rules (or its state defaults)', response: { 200: notificationRuleSetSchema } },
  }, async (request) => service.getRuleSet(contextOf(request)));

  app.put('/notification-rules/defaults', {
    config: { permission: 'notification_rule.manage' },
    schema: { tags, operationId: 'adoptNotificationDefaults', summary: 'Replace the district\'s rules by its state\'s defaults', response: { 200: notificationRuleSetSchema } },
  }, async (request) => service.adoptDefaults(contextOf(request)));

  app.post('/notification-rules', {
    config: { permission: 'notification_rule.manage' },
    schema: { tags, operationId: 'createNotificationRule', summary: 'Add a notification rule', body: notificationRuleBody, response: { 201: notificationRuleSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createRule(contextOf(request), request.body)));

  app.patch('/notification-rules/:id', {
    config: { permission: 'notification_rule.manage' },
    schema: { tags, operationId: 'updateNotificationRule', summary: 'Change a notification rule', params: idParams, body: updateNotificationRuleBody, response: { 200: notificationRuleSchema } },
  }, async (request) => service.updateRule(contextOf(request), request.params.id, request.body));

  app.delete('/notification-rules/:id', {
    config: { permission: 'notification_rule.manage' },
    schema: { tags, operationId: 'deleteNotificationRule', summary: 'Remove a notification rule', params: idParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await service.deleteRule(contextOf(request), request.params.id);
    return reply.code(204).send(null);
  });
};

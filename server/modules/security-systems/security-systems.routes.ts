import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import {
  districtOverviewSchema, glanceQuery, glanceSchema, idParams, listSecuritySystemsQuery, outageBody, outageResultSchema,
  securitySystemBody, securitySystemDetailSchema, securitySystemSchema, securitySystemUpdateBody, statusBody,
} from './security-systems.schemas.js';
import * as service from './security-systems.service.js';

const tags = ['security-systems'];

/** Security systems: registry, outage reports (staff too) with work orders, status history and overviews. */
export const securitySystemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/security-systems', {
    config: { permission: 'security_system.read', csv: { list: 'security-systems', owner: 'operational' } },
    schema: { tags, operationId: 'listSecuritySystems', summary: 'Security systems of my schools', querystring: listSecuritySystemsQuery, response: { 200: z.object({ items: z.array(securitySystemSchema) }) } },
  }, async (request) => ({ items: await service.findSystems(contextOf(request), request.query) }));

  app.post('/security-systems', {
    config: { permission: 'security_system.manage' },
    schema: { tags, operationId: 'createSecuritySystem', summary: 'Add a system to the registry', body: securitySystemBody, response: { 201: securitySystemSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createSystem(contextOf(request), request.body)));

  app.get('/security-systems/glance', {
    config: { permission: 'security_system.read' },
    schema: { tags, operationId: 'getSecuritySystemsGlance', summary: 'One school\'s systems at a glance', querystring: glanceQuery, response: { 200: glanceSchema } },
  }, async (request) => service.getGlance(contextOf(request), request.query.schoolId));

  app.get('/security-systems/district', {
    config: { permission: 'security_system.read' },
    schema: { tags, operationId: 'getSecuritySystemsDistrict', summary: 'Outages by school (map or table)', response: { 200: districtOverviewSchema } },
  }, async (request) => service.getDistrictOverview(contextOf(request)));

  app.get('/security-systems/:id', {
    config: { permission: 'security_system.read' },
    schema: { tags, operationId: 'getSecuritySystem', summary: 'One system with its status history', params: idParams, response: { 200: securitySystemDetailSchema } },
  }, async (request) => service.getSystem(contextOf(request), request.params.id));

  app.patch('/security-systems/:id', {
    config: { permission: 'security_system.manage' },
    schema: { tags, operationId: 'updateSecuritySystem', summary: 'Change or retire a registry entry', params: idParams, body: securitySystemUpdateBody, response: { 200: securitySystemSchema } },
  }, async (request) => service.updateSystem(contextOf(request), request.params.id, request.body));

  app.post('/security-systems/:id/outages', {
    config: { permission: 'security_system.report' },
    schema: { tags, operationId: 'reportSecuritySystemOutage', summary: 'Report an outage (sets the status, opens a work order)', params: idParams, body: outageBody, response: { 201: outageResultSchema } },
  }, async (request, reply) => reply.code(201).send(await service.reportOutage(contextOf(request), request.params.id, request.body)));

  app.post('/security-systems/:id/status', {
    config: { permission: 'security_system.manage' },
    schema: { tags, operationId: 'setSecuritySystemStatus', summary: 'Set the status by hand (e.g. restored)', params: idParams, body: statusBody, response: { 200: securitySystemDetailSchema } },
  }, async (request) => service.setStatus(contextOf(request), request.params.id, request.body));
};

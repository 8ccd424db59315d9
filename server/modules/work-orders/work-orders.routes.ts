import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import {
  idParams, listWorkOrdersQuery, workOrderBody, workOrderDetailSchema, workOrderNoteBody, workOrderSchema, workOrderUpdateBody,
} from './work-orders.schemas.js';
import * as service from './work-orders.service.js';

const tags = ['work-orders'];

/** Work orders of equipment, security systems, failed checks and findings, and requests by hand. */
export const workOrderRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/work-orders', {
    config: { permission: 'work_order.read', csv: { list: 'work-orders', owner: 'operational' } },
    schema: { tags, operationId: 'listWorkOrders', summary: 'Work orders at my schools (active by default)', querystring: listWorkOrdersQuery, response: { 200: z.object({ items: z.array(workOrderSchema) }) } },
  }, async (request) => ({ items: await service.findWorkOrders(contextOf(request), request.query) }));

  app.post('/work-orders', {
    config: { permission: 'work_order.manage' },
    schema: { tags, operationId: 'createWorkOrder', summary: 'Request a work order', body: workOrderBody, response: { 201: workOrderDetailSchema } },
  }, async (request, reply) => reply.code(201).send(await service.requestWorkOrder(contextOf(request), request.body)));

  app.get('/work-orders/:id', {
    config: { permission: 'work_order.read' },
    schema: { tags, operationId: 'getWorkOrder', summary: 'One work order with its notes', params: idParams, response: { 200: workOrderDetailSchema } },
  }, async (request) => service.getWorkOrder(contextOf(request), request.params.id));

  app.patch('/work-orders/:id', {
    config: { permission: 'work_order.manage' },
    schema: { tags, operationId: 'updateWorkOrder', summary: 'Assign, reschedule, change status or close', params: idParams, body: workOrderUpdateBody, response: { 200: workOrderDetailSchema } },
  }, async (request) => service.updateWorkOrder(contextOf(request), request.params.id, request.body));

  app.post('/work-orders/:id/notes', {
    config: { permission: 'work_order.manage' },
    schema: { tags, operationId: 'addWorkOrderNote', summary: 'Add a note', params: idParams, body: workOrderNoteBody, response: { 201: workOrderDetailSchema } },
  }, async (request, reply) => reply.code(201).send(await service.addNote(contextOf(request), request.params.id, request.body.text)));
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import { directoryBody, directoryEntrySchema, directoryUpdateBody, idParams, listDirectoryQuery } from './directory.schemas.js';
import * as service from './directory.service.js';

const tags = ['directory'];

/** The contact directory: agencies, vendors and community organizations with the schools they serve. */
export const directoryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/directory', {
    config: { permission: 'directory.read', csv: { list: 'directory', owner: 'operational' } },
    schema: { tags, operationId: 'listDirectory', summary: 'Agencies, vendors and community organizations', querystring: listDirectoryQuery, response: { 200: z.object({ items: z.array(directoryEntrySchema) }) } },
  }, async (request) => ({ items: await service.findEntries(contextOf(request), request.query) }));

  app.post('/directory', {
    config: { permission: 'directory.manage' },
    schema: { tags, operationId: 'createDirectoryEntry', summary: 'Add an entry', body: directoryBody, response: { 201: directoryEntrySchema } },
  }, async (request, reply) => reply.code(201).send(await service.createEntry(contextOf(request), request.body)));

  app.get('/directory/:id', {
    config: { permission: 'directory.read' },
    schema: { tags, operationId: 'getDirectoryEntry', summary: 'One entry', params: idParams, response: { 200: directoryEntrySchema } },
  }, async (request) => service.getEntry(contextOf(request), request.params.id));

  app.patch('/directory/:id', {
    config: { permission: 'directory.manage' },
    schema: { tags, operationId: 'updateDirectoryEntry', summary: 'Change or retire an entry', params: idParams, body: directoryUpdateBody, response: { 200: directoryEntrySchema } },
  }, async (request) => service.updateEntry(contextOf(request), request.params.id, request.body));
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import {
  createdUserSchema, createUserBody, grantBody, grantParams, idParams, listUsersQuery, passwordResetSchema,
  juvenileAccessBody, updateUserBody, userGrantSchema, userPageSchema, userSchema,
} from './users.schemas.js';
import * as service from './users.service.js';

const tags = ['users'];

/** Users of the district, their roles and school scopes, and their passwords. */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/users', {
    config: { permission: 'user.read', csv: { list: 'users', owner: 'operational' } },
    schema: { tags, operationId: 'listUsers', summary: 'Users I may see (those of my schools, all for district roles)', querystring: listUsersQuery, response: { 200: userPageSchema } },
  }, async (request) => service.findUsers(contextOf(request), request.query));

  app.post('/users', {
    config: { permission: 'user.manage' },
    schema: { tags, operationId: 'createUser', summary: 'Add a user with a temporary password', body: createUserBody, response: { 201: createdUserSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createUser(contextOf(request), app.deps, request.body)));

  app.get('/users/:id', {
    config: { permission: 'user.read' },
    schema: { tags, operationId: 'getUser', summary: 'One user', params: idParams, response: { 200: userSchema } },
  }, async (request) => service.getUser(contextOf(request), request.params.id));

  app.patch('/users/:id', {
    config: { permission: 'user.manage' },
    schema: { tags, operationId: 'updateUser', summary: 'Change or deactivate a user', params: idParams, body: updateUserBody, response: { 200: userSchema } },
  }, async (request) => service.updateUser(contextOf(request), request.params.id, request.body));

  app.put('/users/:id/juvenile-access', {
    config: { permission: 'role.grant' },
    schema: { tags, operationId: 'setJuvenileAccess', summary: 'Give or take back one person\'s access to juvenile law-enforcement records (district administrator; audited)', params: idParams, body: juvenileAccessBody, response: { 200: userSchema } },
  }, async (request) => service.setJuvenileAccess(contextOf(request), request.params.id, request.body.granted));

  app.post('/users/:id/reset-password', {
    config: { permission: 'user.manage' },
    schema: { tags, operationId: 'resetUserPassword', summary: 'Give a user a new temporary password and sign them out', params: idParams, response: { 200: passwordResetSchema } },
  }, async (request) => service.resetPassword(contextOf(request), app.deps, request.params.id));

  app.post('/users/:id/grants', {
    config: { permission: 'role.grant' },
    schema: { tags, operationId: 'grantRole', summary: 'Grant a role at a school or district-wide', params: idParams, body: grantBody, response: { 201: userGrantSchema } },
  }, async (request, reply) => reply.code(201).send(await service.addGrant(contextOf(request), request.params.id, request.body)));

  app.delete('/users/:id/grants/:grantId', {
    config: { permission: 'role.grant' },
    schema: { tags, operationId: 'revokeRole', summary: 'Revoke a role', params: grantParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await service.removeGrant(contextOf(request), request.params.id, request.params.grantId);
    return reply.code(204).send(null);
  });
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf, setSessionCookie } from '../../auth/plugin.js';
import {
  authenticatorAnswer, authenticatorBody, checkAnswer, checkBody, completeBody, createdDistrict, deploymentDistrictList,
  newDistrictBody, statusAnswer,
} from './setup.schemas.js';
import * as service from './setup.service.js';
import { sessionBody } from '../auth/auth.schemas.js';
import { sessionForToken, sessionView } from '../auth/auth.service.js';

const tags = ['setup'];

/**
 * First-run set-up (public, guarded by the one-time link whose secret travels in the body) and the deployment
 * operator's districts.
 */
export const setupRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.get('/setup/status', {
    config: { access: 'public' },
    schema: { tags, operationId: 'getSetupStatus', summary: 'Whether the deployment still waits for its first district', response: { 200: statusAnswer } },
  }, async () => service.setupStatus(deps));

  app.post('/setup/check', {
    config: { access: 'public' },
    schema: { tags, operationId: 'checkSetupLink', summary: 'Check a one-time set-up link (404 once used, expired or unknown)', body: checkBody, response: { 200: checkAnswer } },
  }, async (request) => service.checkLink(deps, request.body.token));

  app.post('/setup/authenticator', {
    config: { access: 'public' },
    schema: {
      tags, operationId: 'offerSetupAuthenticator', summary: 'Validate the set-up form and get the administrator\'s authenticator secret',
      body: authenticatorBody, response: { 200: authenticatorAnswer },
    },
  }, async (request) => service.offerAuthenticator(deps, request.body));

  app.post('/setup/complete', {
    config: { access: 'public' },
    schema: {
      tags, operationId: 'completeSetup', summary: 'Create the first district and its administrator (authenticator code required); signs the administrator in',
      body: completeBody, response: { 200: sessionBody },
    },
  }, async (request, reply) => {
    const token = await service.completeSetup(deps, request.body, request.id);
    setSessionCookie(reply, token);
    return sessionView(deps, await sessionForToken(deps, token));
  });

  app.get('/deployment/districts', {
    config: { permission: 'deployment.manage' },
    schema: { tags, operationId: 'listDeploymentDistricts', summary: 'Every district of this deployment (deployment operator only)', response: { 200: deploymentDistrictList } },
  }, async (request) => service.listDistricts(contextOf(request)));

  app.post('/deployment/districts', {
    config: { permission: 'deployment.manage' },
    schema: {
      tags, operationId: 'createDeploymentDistrict', summary: 'Create another district with its first administrator (deployment operator only)',
      body: newDistrictBody, response: { 201: createdDistrict },
    },
  }, async (request, reply) => reply.code(201).send(await service.createDistrict(contextOf(request), request.body)));
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../../auth/plugin.js';
import type { LoadedSession } from '../../auth/sessions.js';
import { AppError } from '../../lib/errors.js';
import {
  changePasswordBody, disableMfaBody, mfaCodeBody, mfaSetupBody, sessionBody, signInBody,
} from './auth.schemas.js';
import * as service from './auth.service.js';

const tags = ['auth'];

function sessionOf(request: { session: LoadedSession | null }): LoadedSession {
  if (!request.session) throw new AppError('unauthenticated', 'Sign in to continue');
  return request.session;
}

/** Sign-in, two-step sign-in, sign-out, password change and the current session. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { deps } = app;

  app.get('/auth/session', {
    config: { access: 'public' },
    schema: { tags, operationId: 'getSession', summary: 'The current session, user, roles and schools', response: { 200: sessionBody } },
  }, async (request) => service.sessionView(deps, request.session));

  app.post('/auth/sign-in', {
    config: { access: 'public' },
    schema: { tags, operationId: 'signIn', summary: 'Sign in with e-mail and password', body: signInBody, response: { 200: sessionBody } },
  }, async (request, reply) => {
    // The browser's earlier session (another user's, or the same one's) ends with this sign-in.
    const token = await service.signIn(deps, request.body.email, request.body.password, request.id, request.cookies[SESSION_COOKIE]);
    setSessionCookie(reply, token);
    return service.sessionView(deps, await service.sessionForToken(deps, token));
  });

  app.post('/auth/mfa/verify', {
    config: { access: 'pending' },
    schema: { tags, operationId: 'verifyMfa', summary: 'Finish sign-in with the authenticator code', body: mfaCodeBody, response: { 200: sessionBody } },
  }, async (request, reply) => {
    const token = await service.verifyMfa(deps, sessionOf(request), request.body.code, request.id);
    setSessionCookie(reply, token);
    return service.sessionView(deps, await service.sessionForToken(deps, token));
  });

  app.post('/auth/sign-out', {
    config: { access: 'pending' },
    schema: { tags, operationId: 'signOut', summary: 'Sign out', response: { 204: z.null() } },
  }, async (request, reply) => {
    await service.signOut(deps, sessionOf(request), request.id);
    clearSessionCookie(reply);
    return reply.code(204).send(null);
  });

  app.post('/auth/password', {
    config: { category: 'self' },
    schema: { tags, operationId: 'changePassword', summary: 'Change my password', body: changePasswordBody, response: { 204: z.null() } },
  }, async (request, reply) => {
    await service.changePassword(deps, sessionOf(request), request.body, request.id);
    return reply.code(204).send(null);
  });

  app.post('/auth/mfa/setup', {
    config: { access: 'pending' },
    schema: { tags, operationId: 'setupMfa', summary: 'Start two-step sign-in enrolment', response: { 200: mfaSetupBody } },
  }, async (request) => service.setupMfa(deps, sessionOf(request)));

  app.post('/auth/mfa/enable', {
    config: { access: 'pending' },
    schema: { tags, operationId: 'enableMfa', summary: 'Confirm enrolment with a code', body: mfaCodeBody, response: { 200: sessionBody } },
  }, async (request) => {
    const session = sessionOf(request);
    await service.enableMfa(deps, session, request.body.code, request.id);
    return service.sessionView(deps, { ...session, mfaEnabled: true });
  });

  app.post('/auth/mfa/disable', {
    config: { category: 'self' },
    schema: { tags, operationId: 'disableMfa', summary: 'Turn two-step sign-in off', body: disableMfaBody, response: { 204: z.null() } },
  }, async (request, reply) => {
    await service.disableMfa(deps, sessionOf(request), request.body.password, request.id);
    return reply.code(204).send(null);
  });
};

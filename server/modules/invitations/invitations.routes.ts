import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { acceptInvitationBody } from './invitations.schemas.js';
import { acceptInvitation } from './invitations.service.js';

/** Invitations e-mailed to accounts the roster sync created: the set-password link lands here (no session). */
export const invitationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/auth/invitations/accept', {
    // The token is a secret: no request line in the log.
    config: { access: 'public' }, logLevel: 'error',
    schema: {
      tags: ['invitations'], operationId: 'acceptInvitation', summary: 'Set the first password of an invited account (token from the e-mail)',
      body: acceptInvitationBody,
    },
  }, async (request, reply) => {
    await acceptInvitation(app.deps.database.db, app.deps.clock, request.body, request.id);
    return reply.code(204).send(null);
  });
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isDraining } from '../../ops/operations.js';
import { healthSchema, liveSchema, readySchema } from './health.schemas.js';
import { getHealth, getReadiness } from './health.service.js';

/**
 * GET /api/health (database kind and migration version), /api/health/live (the process answers) and
 * /api/health/ready (database reachable, migrations current, file store answers, not draining: 503 otherwise). Probe request
 * lines are logged at debug (server/ops/operations.ts).
 */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/health', {
    config: { access: 'public' },
    schema: { tags: ['health'], operationId: 'getHealth', summary: 'Server and database health', response: { 200: healthSchema } },
  }, async () => getHealth(app.deps.database));

  app.get('/health/live', {
    config: { access: 'public' },
    schema: { tags: ['health'], operationId: 'getLiveness', summary: 'Liveness: the process answers (restart it when this fails)', response: { 200: liveSchema } },
  }, async () => ({ status: 'live' as const }));

  app.get('/health/ready', {
    config: { access: 'public' },
    schema: {
      tags: ['health'], operationId: 'getReadiness',
      summary: 'Readiness: database reachable, migrations current, file store answers, not draining (503 otherwise: send no traffic)',
      response: { 200: readySchema, 503: readySchema },
    },
  }, async (_request, reply) => {
    const readiness = await getReadiness(app.deps.database, isDraining(app.deps));
    return reply.code(readiness.status === 'ready' ? 200 : 503).send(readiness);
  });
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthSchema } from './health.schemas.js';
import { getHealth } from './health.service.js';

/** GET /api/health: liveness, database kind and migration version. */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/health', {
    config: { access: 'public', category: 'operational' },
    schema: { tags: ['health'], operationId: 'getHealth', summary: 'Server and database health', response: { 200: healthSchema } },
  }, async () => getHealth(app.deps.database));
};

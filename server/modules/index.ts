import type { FastifyPluginAsync } from 'fastify';
import { healthRoutes } from './health/health.routes.js';

/** Registers every domain module under /api. A new module adds one line here. */
export const registerModules: FastifyPluginAsync = async (app) => {
  await app.register(healthRoutes);
};

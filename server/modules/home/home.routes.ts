import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../auth/plugin.js';
import { homePage } from './home.schemas.js';
import { findNeeds } from './home.service.js';

/** The "today" home: what needs the signed-in user, from every module, most urgent first. */
export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/home', {
    config: { category: 'self' },
    schema: { tags: ['home'], operationId: 'getHome', summary: 'What needs me today, most urgent first (counts, due times in the district clock, links)', response: { 200: homePage } },
  }, async (request) => findNeeds(contextOf(request)));
};

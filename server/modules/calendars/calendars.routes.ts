import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import { calendarBody, calendarSchema, listCalendarsQuery } from './calendars.schemas.js';
import * as service from './calendars.service.js';

const tags = ['calendars'];

/** School calendars: instructional days, semesters and summer session of each school year. */
export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/calendars', {
    config: { permission: 'drill.read' },
    schema: { tags, operationId: 'listCalendars', summary: 'Calendars of my schools and the district default', querystring: listCalendarsQuery, response: { 200: z.object({ items: z.array(calendarSchema) }) } },
  }, async (request) => ({ items: await service.findCalendars(contextOf(request), request.query) }));

  app.put('/calendars', {
    config: { permission: 'drill.rules.manage' },
    schema: { tags, operationId: 'saveCalendar', summary: 'Create or replace the calendar of a school year', body: calendarBody, response: { 200: calendarSchema } },
  }, async (request) => service.saveCalendar(contextOf(request), request.body));
};

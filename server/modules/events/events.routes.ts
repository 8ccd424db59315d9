import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../auth/plugin.js';
import { notFound } from '../../lib/errors.js';
import {
  coverageBody, coverageCandidateSchema, eventBody, eventFeedBody, eventFeedListSchema, eventFeedSchema, eventListSchema,
  eventNotesBody, eventSchema, eventUpdateBody, idParams, listEventsQuery, tokenParams,
} from './events.schemas.js';
import * as feeds from './events.feeds.js';
import * as service from './events.service.js';

const tags = ['events'];

/** Extracurricular events, their coverage by SROs, post-event notes and the iCalendar feeds. */
export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/events', {
    config: { permission: 'event.read', csv: { list: 'events', owner: 'operational' } },
    schema: { tags, operationId: 'listEvents', summary: 'Events of my schools with coverage, conflicts and uncovered flags', querystring: listEventsQuery, response: { 200: eventListSchema } },
  }, async (request) => ({ items: await service.findEvents(contextOf(request), request.query) }));

  app.post('/events', {
    config: { permission: 'event.manage' },
    schema: { tags, operationId: 'createEvent', summary: 'Add an event to a school calendar', body: eventBody, response: { 201: eventSchema } },
  }, async (request, reply) => reply.code(201).send(await service.createEvent(contextOf(request), request.body)));

  app.get('/events/:id', {
    config: { permission: 'event.read' },
    schema: { tags, operationId: 'getEvent', summary: 'One event', params: idParams, response: { 200: eventSchema } },
  }, async (request) => service.getEvent(contextOf(request), request.params.id));

  app.patch('/events/:id', {
    config: { permission: 'event.manage' },
    schema: { tags, operationId: 'updateEvent', summary: 'Change or cancel an event', params: idParams, body: eventUpdateBody, response: { 200: eventSchema } },
  }, async (request) => service.updateEvent(contextOf(request), request.params.id, request.body));

  app.get('/events/:id/candidates', {
    config: { permission: 'event.assign' },
    schema: { tags, operationId: 'listEventCoverageCandidates', summary: 'SROs who may cover an event, with their conflicts', params: idParams, response: { 200: z.object({ items: z.array(coverageCandidateSchema) }) } },
  }, async (request) => ({ items: await service.findCandidates(contextOf(request), request.params.id) }));

  app.put('/events/:id/coverage', {
    config: { permission: 'event.assign' },
    schema: { tags, operationId: 'setEventCoverage', summary: 'Designate (or remove) the SRO covering an event', params: idParams, body: coverageBody, response: { 200: eventSchema } },
  }, async (request) => service.setCoverage(contextOf(request), request.params.id, request.body.sroId));

  app.put('/events/:id/notes', {
    config: { permission: 'event.read' },
    schema: { tags, operationId: 'setEventNotes', summary: 'Post-event notes of the covering SRO', params: idParams, body: eventNotesBody, response: { 200: eventSchema } },
  }, async (request) => service.setNotes(contextOf(request), request.params.id, request.body.notes));

  app.get('/event-feeds', {
    config: { permission: 'event.read' },
    schema: { tags, operationId: 'listEventFeeds', summary: 'My iCalendar feeds', response: { 200: eventFeedListSchema } },
  }, async (request) => ({ items: await feeds.findFeeds(contextOf(request)) }));

  app.post('/event-feeds', {
    config: { permission: 'event.read' },
    schema: { tags, operationId: 'createEventFeed', summary: 'A secret iCalendar URL for a school or for the events I cover', body: eventFeedBody, response: { 201: eventFeedSchema } },
  }, async (request, reply) => reply.code(201).send(await feeds.createFeed(contextOf(request), app.deps.config.publicUrl, request.body)));

  app.post('/event-feeds/:id/rotate', {
    config: { permission: 'event.read' },
    schema: { tags, operationId: 'rotateEventFeed', summary: 'Replace the secret of a feed (the old URL stops working)', params: idParams, response: { 200: eventFeedSchema } },
  }, async (request) => feeds.rotateFeed(contextOf(request), app.deps.config.publicUrl, request.params.id));

  app.delete('/event-feeds/:id', {
    config: { permission: 'event.read' },
    schema: { tags, operationId: 'revokeEventFeed', summary: 'Revoke a feed', params: idParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await feeds.revokeFeed(contextOf(request), request.params.id);
    return reply.code(204).send(null);
  });

  // No session: calendar apps fetch this with the secret in the URL alone.
  app.get('/ical/:token', {
    config: { access: 'public' },
    schema: { tags, operationId: 'getEventFeedCalendar', summary: 'iCalendar (RFC 5545) of a feed; the path is the secret URL ending in .ics', params: tokenParams },
  }, async (request, reply) => {
    const token = request.params.token.endsWith('.ics') ? request.params.token.slice(0, -4) : '';
    const text = await feeds.feedCalendar(app.deps.database.db, app.deps.clock, token);
    if (text === null) throw notFound('Feed');
    return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'no-store').send(text);
  });
};

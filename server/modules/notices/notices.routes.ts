import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../auth/plugin.js';
import { liveHubOf } from '../live/live.hub.js';
import * as advance from './notices.advance.js';
import { deliverSoon } from './notices.mail.js';
import {
  advanceNoticeBody, advanceNoticeListSchema, advanceNoticeSchema, idParams, leaveBody, listAdvanceNoticesQuery, presenceHistoryQuery,
  presenceNoticeListSchema, presenceNoticeSchema, presenceQuery, presenceStatusListSchema, presenceUpdateBody,
} from './notices.schemas.js';
import * as service from './notices.service.js';

const tags = ['notices'];

/** SRO presence ("leaving the building", "back on campus") and advance notices to schools. */
export const noticeRoutes: FastifyPluginAsyncZod = async (app) => {
  // Once a notice commits, its live event is written to open screens before the answer and before its e-mail is
  // sent (on PGlite's single connection the sender's queries would otherwise queue the hub's read).
  const contextFor = (request: FastifyRequest) => ({
    ...contextOf(request), publicUrl: app.deps.config.publicUrl, committed: () => liveHubOf(app.deps).deliverNow(),
  });
  // After a notice commits: live screens are poked (advance notices) and its e-mail goes out in the background.
  const sent = <T>(value: T, log: FastifyBaseLogger): T => {
    liveHubOf(app.deps).poke();
    deliverSoon(app.deps, log);
    return value;
  };

  app.get('/presence', {
    config: { permission: 'notice.read' },
    schema: { tags, operationId: 'listPresence', summary: 'Where the SROs of my schools are now', querystring: presenceQuery, response: { 200: presenceStatusListSchema } },
  }, async (request) => ({ items: await service.findStatus(contextOf(request), request.query.schoolId) }));

  app.get('/presence/history', {
    config: { permission: 'notice.read', csv: { list: 'presence-notices', owner: 'operational' } },
    schema: { tags, operationId: 'listPresenceHistory', summary: 'Leaving and back-on-campus notices, newest first', querystring: presenceHistoryQuery, response: { 200: presenceNoticeListSchema } },
  }, async (request) => ({ items: await service.findHistory(contextOf(request), request.query) }));

  app.post('/presence/leave', {
    config: { permission: 'notice.send' },
    schema: { tags, operationId: 'leaveBuilding', summary: 'Leaving the building: tell every staff member of the school, live and by e-mail', body: leaveBody, response: { 201: presenceNoticeSchema } },
  }, async (request, reply) => {
    const notice = await service.leave(contextFor(request), request.body);
    return reply.code(201).send(sent(notice, request.log));
  });

  app.post('/presence/:id/return', {
    config: { permission: 'notice.send' },
    schema: { tags, operationId: 'returnToCampus', summary: 'Back on campus (my own notice only)', params: idParams, response: { 200: presenceNoticeSchema } },
  }, async (request) => sent(await service.comeBack(contextFor(request), request.params.id), request.log));

  app.patch('/presence/:id', {
    config: { permission: 'notice.send' },
    schema: { tags, operationId: 'updatePresence', summary: 'Change the expected return or backup contact of my open notice', params: idParams, body: presenceUpdateBody, response: { 200: presenceNoticeSchema } },
  }, async (request) => sent(await service.updateLeave(contextFor(request), request.params.id, request.body), request.log));

  app.get('/advance-notices', {
    config: { permission: 'notice.read', csv: { list: 'advance-notices', owner: 'operational' } },
    schema: { tags, operationId: 'listAdvanceNotices', summary: 'Advance notices of training, leave and vacation to my schools', querystring: listAdvanceNoticesQuery, response: { 200: advanceNoticeListSchema } },
  }, async (request) => ({ items: await advance.findAdvance(contextOf(request), request.query) }));

  app.post('/advance-notices', {
    config: { permission: 'notice.send' },
    schema: { tags, operationId: 'sendAdvanceNotice', summary: 'Give advance notice to the administrators and the supervisor', body: advanceNoticeBody, response: { 201: advanceNoticeSchema } },
  }, async (request, reply) => reply.code(201).send(sent(await advance.sendAdvance(contextFor(request), request.body), request.log)));

  app.get('/advance-notices/:id', {
    config: { permission: 'notice.read' },
    schema: { tags, operationId: 'getAdvanceNotice', summary: 'One advance notice', params: idParams, response: { 200: advanceNoticeSchema } },
  }, async (request) => advance.getAdvance(contextOf(request), request.params.id));
};

import { availableParallelism } from 'node:os';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  cannedReply, CANNED_REPLIES, listTipsQuery, publicSchool, reporterMessageBody, reporterView, staffReplyBody, submitTipBody,
  tipAccessBody, tipLinkBody, tipReceipt, tipSchema, tipToken, updateTipBody,
} from '../../../common/tips.js';
import { contextOf } from '../../auth/plugin.js';
import { liveHubOf } from '../live/live.hub.js';
import { TipTokens } from './tips.anonymity.js';
import * as publicService from './tips.public.js';
import * as service from './tips.service.js';
import { searchSchools } from './tips.repository.js';
import { text } from '../../../common/text.js';
import { tipQueuePage } from '../../../common/tip-queue.js';
import { FloodGate, HashQueue } from './tips.pow.js';
import { limiterOf, rateLimited } from '../../lib/rate-limit.js';

const idParams = z.object({ id: z.uuid() });
const tags = ['tips'];
// Public tip routes log only errors, and then only the request id, method and path (see server/lib/logger.ts):
// no address, user agent or header of a reporter ever reaches the log.
const publicConfig = { access: 'public' as const };
const quiet = 'error' as const;
const ATTACHMENT_BODY_LIMIT = 8 * 1024 * 1024;

/** Anonymous tips: the public reporting channel and the staff triage queue. */
export const tipRoutes: FastifyPluginAsyncZod = async (app) => {
  const tokens = new TipTokens(app.deps.config.sessionSecret, () => app.deps.clock.now());
  const gate = new FloodGate(() => Date.now(), app.deps.config.rateLimitScale);
  // The line-wide tip budget counts only tips sent with a free token (server/lib/rate-limit.ts, ADR 0002).
  const takeFreeTip = () => {
    const wait = limiterOf(app.deps).takeLineWide('tip-submit');
    if (wait > 0) throw rateLimited(wait);
  };
  const hashing = new HashQueue(Math.max(1, availableParallelism()));
  const deps = (): publicService.PublicTipDeps => ({ ...app.deps, tokens, gate, takeFreeTip, hashing, log: app.log, hub: liveHubOf(app.deps) });

  app.get('/public/tips/schools', {
    config: publicConfig, logLevel: quiet,
    schema: { tags, operationId: 'searchTipSchools', summary: 'Schools matching a name (public)', querystring: z.object({ q: text(100).min(2) }), response: { 200: z.object({ items: z.array(publicSchool) }) } },
  }, async (request) => ({ items: await searchSchools(app.deps.database.db, request.query.q) }));

  app.get('/public/tips/token', {
    config: publicConfig, logLevel: quiet,
    schema: { tags, operationId: 'tipToken', summary: 'A short-lived abuse-control token (public; never stored)', response: { 200: tipToken } },
  }, async () => {
    const issued = tokens.issue();
    // Past the line-wide token budget a token is still issued, asking for the heavy work: a flood never locks out a reporter.
    const difficulty = gate.difficultyForNewToken(limiterOf(app.deps).takeLineWide('tip-token') > 0);
    if (difficulty) gate.require(issued.token, difficulty, Date.parse(issued.expiresAt));
    return { ...issued, pow: difficulty ? { difficulty } : null };
  });

  app.post('/public/tips', {
    config: publicConfig, logLevel: quiet, bodyLimit: ATTACHMENT_BODY_LIMIT,
    schema: { tags, operationId: 'submitTip', summary: 'Submit an anonymous tip (public)', body: submitTipBody, response: { 201: tipReceipt } },
  }, async (request, reply) => reply.code(201).send(await publicService.submitTip(deps(), request.body)));

  app.post('/public/tips/dialogue', {
    config: publicConfig, logLevel: quiet,
    schema: { tags, operationId: 'readTipDialogue', summary: 'Read my tip and replies with code and passphrase (public)', body: tipAccessBody, response: { 200: reporterView } },
  }, async (request) => publicService.readDialogue(deps(), request.body));

  app.post('/public/tips/messages', {
    config: publicConfig, logLevel: quiet,
    schema: { tags, operationId: 'answerTip', summary: 'Answer in my tip\'s dialogue (public)', body: reporterMessageBody, response: { 201: reporterView } },
  }, async (request, reply) => reply.code(201).send(await publicService.answer(deps(), request.body)));

  app.get('/tips', {
    config: { permission: 'tip.read', csv: { list: 'tips', owner: 'operational', omit: ['excerpt', 'unreadFromReporter', 'lastMessageAt'] } },
    schema: { tags, operationId: 'listTips', summary: 'Tip queue of my schools (audited)', querystring: listTipsQuery, response: { 200: tipQueuePage } },
  }, async (request) => service.findTips(contextOf(request), request.query));

  app.get('/tips/canned-replies', {
    config: { permission: 'tip.read' },
    schema: { tags, operationId: 'tipCannedReplies', summary: 'Canned replies', response: { 200: z.object({ items: z.array(cannedReply) }) } },
  }, async () => ({ items: CANNED_REPLIES.map((r) => ({ ...r })) }));

  app.get('/tips/:id', {
    config: { permission: 'tip.read' },
    schema: { tags, operationId: 'getTip', summary: 'One tip (audited)', params: idParams, response: { 200: tipSchema } },
  }, async (request) => service.getTip(contextOf(request), request.params.id));

  app.get('/tips/:id/attachment', {
    config: { permission: 'tip.read' },
    schema: { tags, operationId: 'getTipAttachment', summary: 'The tip\'s attachment, metadata stripped (audited)', params: idParams },
  }, async (request, reply) => {
    const file = await service.getAttachment(contextOf(request), request.params.id);
    return reply.header('content-type', file.mediaType).header('content-disposition', 'inline').header('x-content-type-options', 'nosniff').send(file.content);
  });

  app.post('/tips/:id/acknowledge', {
    config: { permission: 'tip.triage' },
    schema: { tags, operationId: 'acknowledgeTip', summary: 'Acknowledge a tip', params: idParams, response: { 200: tipSchema } },
  }, async (request) => service.acknowledge(contextOf(request), liveHubOf(app.deps), request.params.id));

  app.patch('/tips/:id', {
    config: { permission: 'tip.triage' },
    schema: { tags, operationId: 'updateTip', summary: 'Status, outcome, life-safety and hoax flags', params: idParams, body: updateTipBody, response: { 200: tipSchema } },
  }, async (request) => service.updateTip(contextOf(request), deps(), request.log, request.params.id, request.body));

  app.post('/tips/:id/messages', {
    config: { permission: 'tip.triage' },
    schema: { tags, operationId: 'replyToTip', summary: 'Reply to the reporter', params: idParams, body: staffReplyBody, response: { 201: tipSchema } },
  }, async (request, reply) => reply.code(201).send(await service.reply(contextOf(request), request.params.id, request.body)));

  app.post('/tips/:id/links', {
    config: { permission: 'tip.triage' },
    schema: { tags, operationId: 'linkTip', summary: 'Link to an incident, threat case or referral', params: idParams, body: tipLinkBody, response: { 201: tipSchema } },
  }, async (request, reply) => reply.code(201).send(await service.link(contextOf(request), request.params.id, request.body)));
};

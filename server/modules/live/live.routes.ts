import type { Socket } from 'node:net';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../auth/plugin.js';
import { liveQuery } from '../alerts/alerts.schemas.js';
import { findActiveAlerts } from '../alerts/alerts.service.js';
import { liveScopesOf, startLiveHub, type LiveSubscriber } from './live.hub.js';

/**
 * The live stream (Server-Sent Events): alerts, check-ins and reunification changes of the user's schools,
 * with event ids; a reconnecting client sends Last-Event-ID and gets what it missed. Starts the process's hub.
 */
export const liveRoutes: FastifyPluginAsyncZod = async (app) => {
  const hub = await startLiveHub(app.deps, app.log);
  // Before the HTTP server stops: open streams would otherwise keep it waiting.
  app.addHook('preClose', async () => hub.close());

  app.get('/live', {
    config: { permission: 'alert.receive' },
    schema: {
      tags: ['live'], operationId: 'liveStream', querystring: liveQuery,
      summary: 'Live stream of alerts, check-ins and reunification (text/event-stream); send Last-Event-ID to replay what was missed',
    },
  }, async (request, reply) => {
    const ctx = contextOf(request);
    const header = request.headers['last-event-id'];
    const given = typeof header === 'string' && /^\d{1,18}$/.test(header.trim()) ? header.trim() : request.query.lastEventId;
    const res = reply.raw;
    reply.hijack();
    // Small frames go out at once; injected requests (tests) have a socket without these methods.
    const socket = request.raw.socket as Partial<Socket> | undefined;
    socket?.setNoDelay?.(true);
    socket?.setKeepAlive?.(true, 30_000);
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': request.id,
    });
    res.write('retry: 1000\n\n');
    const sub: LiveSubscriber = {
      districtId: ctx.actor.districtId, scopes: liveScopesOf(ctx.actor), cursor: -1, ready: false, queue: [],
      write: (text) => res.write(text),
      buffered: () => res.writableLength,
      end: () => res.end(),
    };
    res.on('close', () => hub.detach(sub));
    try {
      await hub.attach(sub, given === undefined ? null : Number(given), async () => ({ alerts: await findActiveAlerts(ctx.db, ctx.actor) }));
      // The client may have gone while the replay ran, before 'close' could find it registered.
      if (res.destroyed) hub.detach(sub);
    } catch (error) {
      request.log.error({ err: error }, 'live: could not start a stream');
      res.end();
    }
  });
};

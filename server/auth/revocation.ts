import type { FastifyInstance } from 'fastify';
import type { Sql } from 'postgres';
import { applyRevocation, SESSION_CHANNEL } from './sessions.js';

/**
 * Follows session revocations of other processes sharing the PostgreSQL database (LISTEN on SESSION_CHANNEL),
 * so a token signed out on one process fails at once on every other instead of living on in their caches.
 * When the LISTEN connection is re-established after a drop, every cached session is dropped (a revocation
 * may have been missed meanwhile). PGlite is one process: its own changes already drop its cache.
 */
export function installSessionRevocation(app: FastifyInstance): void {
  let unlisten: (() => Promise<void>) | null = null;
  app.addHook('onReady', async () => {
    const { database } = app.deps;
    if (database.kind !== 'postgres') return;
    const client = (database.db as unknown as { $client: Sql }).$client;
    let first = true;
    const listening = await client.listen(SESSION_CHANNEL, (payload) => applyRevocation(payload), () => {
      if (!first) applyRevocation('*');
      first = false;
    });
    unlisten = listening.unlisten;
  });
  app.addHook('onClose', async () => {
    await unlisten?.().catch(() => undefined);
  });
}

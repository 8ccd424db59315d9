import type { FastifyInstance } from 'fastify';
import { deliverDue } from '../outbox/outbox.service.js';

/** Sends the queued mail now (a survey link) rather than at the outbox's next round; a failure stays queued for retry. */
export async function sendNow(app: Pick<FastifyInstance, 'deps' | 'log'>): Promise<void> {
  await deliverDue(app.deps.database.db, app.deps.mailer, app.deps.clock)
    .catch((error: unknown) => app.log.error({ err: error }, 'outbox delivery failed'));
}

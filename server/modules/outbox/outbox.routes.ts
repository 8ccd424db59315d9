import type { FastifyPluginAsync } from 'fastify';
import { deliverDue } from './outbox.service.js';

const EVERY_MS = 30_000;

/**
 * The outbox has no routes: this plugin runs the sender every 30 seconds while the app is up (and only
 * when SMTP is configured). Services queue mail with `queueMail` inside their transactions.
 */
export const outboxRoutes: FastifyPluginAsync = async (app) => {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  app.addHook('onReady', async () => {
    if (!app.deps.mailer.enabled) return;
    timer = setInterval(() => {
      if (running) return;
      running = true;
      deliverDue(app.deps.database.db, app.deps.mailer, app.deps.clock)
        .catch((error: unknown) => app.log.error({ err: error }, 'outbox delivery failed'))
        .finally(() => { running = false; });
    }, EVERY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
};

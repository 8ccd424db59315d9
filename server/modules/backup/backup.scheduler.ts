import type { FastifyInstance } from 'fastify';
import * as repo from './backup.repository.js';
import { runScheduledIfDue, type BackupDeps } from './backup.service.js';

const EVERY_MS = 60_000;
/** A PostgreSQL run "running" for longer than this belongs to a process that died (others may be live). */
const STALE_MS = 12 * 60 * 60 * 1000;

/**
 * Takes the scheduled backup from the running server: checks every minute whether the day's backup is due
 * (local time of the schedule's time zone); of several processes exactly one takes it (unique day per run).
 * Answers the function that stops it.
 */
export function startBackupScheduler(app: FastifyInstance): () => void {
  const deps: BackupDeps = { database: app.deps.database, config: app.deps.config, clock: app.deps.clock, log: app.log };
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      await runScheduledIfDue(deps);
    } catch (error) {
      app.log.error({ err: error }, 'scheduled backup check failed');
    } finally {
      busy = false;
    }
  };
  const now = deps.clock.now();
  const before = deps.database.kind === 'pglite' ? now : new Date(now.getTime() - STALE_MS);
  void repo.failInterrupted(deps.database.db, before, now)
    .catch((error: unknown) => app.log.error({ err: error }, 'could not close interrupted backups'))
    .then(tick);
  const timer = setInterval(() => void tick(), EVERY_MS);
  // Unreferenced: it never keeps the process up; called after listen, when hooks can no longer be added.
  timer.unref();
  return () => clearInterval(timer);
}

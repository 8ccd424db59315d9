import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/connection.js';
import type { Clock } from '../../lib/clock.js';
import type { Mailer } from '../../lib/mailer.js';
import { drainDue } from '../outbox/outbox.service.js';

/** "Mon, Nov 10, 3:30 PM" in the district's time zone. */
export function localTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(date);
}

/** Today (YYYY-MM-DD) in the district's time zone. */
export function localDay(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** Whole days from `from` to `to` (YYYY-MM-DD both). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** What delivery needs of the app. */
export interface DeliveryDeps {
  database: { db: Db };
  mailer: Mailer;
  clock: Clock;
}

/**
 * Sends what a notice queued right after its commit, in the background (the answer does not wait for SMTP),
 * batch after batch until nothing due is left. What fails stays in the outbox for its retries.
 */
export function deliverSoon(deps: DeliveryDeps, log: FastifyBaseLogger): void {
  if (!deps.mailer.enabled) return;
  drainDue(deps.database.db, deps.mailer, deps.clock, 100)
    .catch((error: unknown) => log.warn({ err: error }, 'notice e-mail delivery failed; the outbox retries'));
}

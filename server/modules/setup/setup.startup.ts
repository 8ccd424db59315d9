import type { FastifyInstance } from 'fastify';
import { issueSetupToken } from './setup.service.js';

/** The set-up page's address; the secret rides in the fragment, which browsers never send to a server. */
export function setupUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/setup#${token}`;
}

/** Writes human text on a terminal only: without one (a service), every line of output is JSON and the log has the link. */
function printOnTerminal(text: string): void {
  if (process.stdout.isTTY) process.stdout.write(text);
}

/**
 * At start-up on a deployment without a district: issues a fresh one-time set-up link (24 h), prints it and
 * writes it to the log once. Every start without a district issues a new link and ends the previous one.
 * Returns the link, or null when a district exists.
 */
export async function announceFirstRunSetup(app: FastifyInstance, print: (text: string) => void = printOnTerminal): Promise<string | null> {
  const { database, clock, config } = app.deps;
  const issued = await issueSetupToken(database.db, clock);
  if (!issued) return null;
  const url = setupUrl(config.publicUrl, issued.token);
  app.log.info({ setupUrl: url, expiresAt: issued.expiresAt.toISOString() }, 'first-run setup link issued');
  print([
    '',
    '  This SRO Desk has no district yet. Open this one-time set-up link (valid 24 hours) to create it:',
    `    ${url}`,
    '  Or, for a scripted install: npm run setup -- --help',
    '',
    '',
  ].join('\n'));
  return url;
}

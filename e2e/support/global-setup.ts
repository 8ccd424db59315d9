import { hasChromium, chromiumPath } from './browser.js';
import { ensureBuilt, startServer } from './server.js';

/** The environment variable through which specs find the shared server. */
export const BASE_URL_ENV = 'SRODESK_E2E_URL';

/**
 * Browser tier global setup: builds the web app when needed and starts ONE server with the demo district
 * for the whole run (seeding takes long; specs share it and create their own data when they change things).
 */
export default async function setup(): Promise<() => Promise<void>> {
  if (!hasChromium()) throw new Error(`the browser tier needs Chromium at ${chromiumPath()} (or CHROMIUM_PATH)`);
  ensureBuilt();
  // A spec that starts its own server (first-week, setup) may run without the demo one: E2E_SHARED_SERVER=false.
  if (process.env.E2E_SHARED_SERVER === 'false') return async () => undefined;
  const started = Date.now();
  // BACKUP_KEY lets the backups spec take a backup from the running server (never used for anything else).
  // E2E_STARTUP_MS waits longer for the demo seed on a machine shared with other work.
  const server = await startServer({ env: { BACKUP_KEY: 'e2e backup passphrase' }, timeoutMs: Number(process.env.E2E_STARTUP_MS ?? process.env.E2E_START_TIMEOUT_MS) || undefined });
  process.env[BASE_URL_ENV] = server.url;
  process.stderr.write(`[e2e] server at ${server.url} ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return async () => {
    await server.stop();
  };
}

import { dropPostgresRun, preparePgliteTemplate, preparePostgresTemplate, TEMPLATE_ENV, testEngine } from './database.js';

/**
 * Vitest global setup: builds the migrated template of the engine under test once per run. The worker
 * processes inherit the environment set here, which is how they find the template.
 */
export default async function setup(): Promise<() => Promise<void>> {
  process.env.SRODESK_TEST_RUN_PID = String(process.pid);
  const started = Date.now();
  if (testEngine() === 'postgres') {
    process.env[TEMPLATE_ENV.postgres] = await preparePostgresTemplate();
    log(`PostgreSQL template ${process.env[TEMPLATE_ENV.postgres]} ready in ${Date.now() - started} ms`);
    return async () => {
      await dropPostgresRun();
    };
  }
  process.env[TEMPLATE_ENV.pglite] = await preparePgliteTemplate();
  log(`PGlite template ready in ${Date.now() - started} ms`);
  // The PGlite template is kept: the next run with the same migrations reuses it.
  return async () => undefined;
}

function log(line: string): void {
  if (process.env.SRODESK_TEST_QUIET !== 'true') process.stderr.write(`[test setup] ${line}\n`);
}

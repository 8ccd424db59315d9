import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openConfiguredDatabase } from './db/open.js';
import { seedDemoIfEmpty } from './db/seed/seed.js';
import { announceFirstRunSetup } from './modules/setup/setup.startup.js';
import { announceStart, failStart, installShutdown } from './ops/startup.js';

/** Starts SRO Desk: configuration, database + migration lock, demo seed on first start, HTTP server, graceful shutdown. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  const app = await buildApp({ config, database });
  if (config.seedDemo) {
    const seeded = await seedDemoIfEmpty(database.db, (line) => app.log.info(line));
    if (seeded) app.log.info('Demo district created');
  }
  installShutdown(app, database, config.drainSeconds ?? 5);
  await app.listen({ port: config.port, host: config.host });
  await announceStart(app, config, database);
  await announceFirstRunSetup(app);
  void import('./modules/backup/backup.scheduler.js').then((m) => m.startBackupScheduler(app));
  void import('./modules/retention/retention.job.js').then((m) => m.startRetentionScheduler(app));
}

main().catch(failStart);

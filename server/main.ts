import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { DataDirLockedError } from './db/lock.js';
import { openConfiguredDatabase } from './db/open.js';
import { seedDemoIfEmpty } from './db/seed/seed.js';

/** Starts SRO Desk: configuration, database, demo seed on first start, HTTP server, graceful shutdown. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  const app = await buildApp({ config, database });
  if (config.seedDemo) {
    const seeded = await seedDemoIfEmpty(database.db, (line) => app.log.info(line));
    if (seeded) app.log.info('Demo district created');
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    // app.close stops accepting, waits for in-flight requests, then runs onClose hooks.
    const timer = setTimeout(() => process.exit(1), 10_000).unref();
    try {
      await app.close();
      await database.close();
    } finally {
      clearTimeout(timer);
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  void import('./modules/backup/backup.scheduler.js').then((m) => m.startBackupScheduler(app));
  printWelcome(config.publicUrl, database.kind);
}

function printWelcome(url: string, kind: string): void {
  const lines = [
    '',
    `  SRO Desk is running at ${url}  (database: ${kind})`,
    '',
    '  Demo sign-ins (password for all: srodesk-demo):',
    '    sro@demo.test         school resource officer',
    '    supervisor@demo.test  SRO supervisor',
    '    admin@demo.test       school administrator',
    '    counselor@demo.test   counselor',
    '    security@demo.test    security staff',
    '    staff@demo.test       staff (teacher)',
    '    director@demo.test    district safety director',
    '    sysadmin@demo.test    system administrator',
    '    vendor@demo.test      contracted mental-health clinician (sees only referrals to Lakeside Behavioral Health)',
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  if (error instanceof DataDirLockedError) {
    process.stderr.write(`\n${error.message}\n\n`);
    process.exit(2);
  }
  process.stderr.write(`SRO Desk could not start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

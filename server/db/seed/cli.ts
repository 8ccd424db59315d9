/* eslint-disable no-console */
/**
 * `npm run seed`: seeds the demo district into the configured database when it has no district yet.
 * `npm run seed -- --reset`: drops every table first (all data, audit log included), migrates, then seeds.
 */
import { loadConfig } from '../../config.js';
import { createFileStore, registerFileStore } from '../../files/registry.js';
import { DataDirLockedError } from '../lock.js';
import { openConfiguredDatabase } from '../open.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './generate.js';
import { resetDatabase, seedDemoIfEmpty } from './seed.js';
import { VENDOR_DEMO_ACCOUNT } from './student-support.js';

const USAGE = `Usage: npm run seed [-- --reset]

  (no option)  seed the demo district (Riverbend ISD) if the database has no district yet
  --reset      drop ALL data of the configured database (audit log included), migrate again, then seed
`;

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const unknown = argv.filter((a) => a !== '--reset');
  if (unknown.length > 0) {
    console.error(`Unknown option: ${unknown.join(' ')}\n\n${USAGE}`);
    return 64;
  }
  const reset = argv.includes('--reset');
  const started = performance.now();
  const config = loadConfig();
  const where = config.databaseUrl
    ? `PostgreSQL (${redact(config.databaseUrl)})`
    : `PGlite in ${config.dataDir}`;
  console.log(`Opening ${where}...`);
  const database = await openConfiguredDatabase(config);
  try {
    if (reset) {
      console.log('Resetting: dropping every table and the migration records...');
      await resetDatabase(database.db, (line) => console.log(`  ${line}`));
      await database.migrate();
      const version = await database.migrationVersion();
      console.log(`  Migrated again: ${version.applied} migrations, latest ${version.latest ?? 'none'}`);
    }
    registerFileStore(database, createFileStore(config, database));
    const seeded = await seedDemoIfEmpty(database.db, (line) => console.log(line));
    if (!seeded) {
      console.log(
        'The database already has a district; nothing seeded. Use `npm run seed -- --reset` to start over.',
      );
    } else {
      console.log(`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
      for (const account of [...DEMO_ACCOUNTS, VENDOR_DEMO_ACCOUNT])
        console.log(`  ${account.email.padEnd(22)} ${account.name}, ${account.title}`);
    }
  } finally {
    await database.close();
  }
  console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return 0;
}

/** The URL without its password, for printing. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DataDirLockedError) {
      console.error(`\n${error.message}\n`);
      process.exit(2);
    }
    console.error(
      `Seeding failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exit(1);
  },
);

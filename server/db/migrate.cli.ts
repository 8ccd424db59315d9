/**
 * `npm run migrate`: applies pending migrations to the configured database under the migration lock, for
 * upgrade pipelines (migrate once, then roll the servers). Prints one JSON line; exit 0 when current,
 * 1 on a failure, 3 when the database is newer than this code, 4 when the database cannot be reached.
 */
import { existsSync } from 'node:fs';
import { loadConfig } from '../config.js';
import { masterKeyFile } from '../files/crypto.js';
import { moveLegacyFiles } from '../files/legacy.js';
import { createFileStore } from '../files/registry.js';
import { DatabaseConnectError } from './connect-errors.js';
import { MIGRATIONS_DIR } from './connection.js';
import { schemaState, SchemaNewerError } from './migrate.js';
import { openConfiguredDatabase } from './open.js';

async function main(argv: readonly string[]): Promise<number> {
  const checkOnly = argv.includes('--check');
  const config = loadConfig();
  const database = await openConfiguredDatabase(config, { migrate: false });
  try {
    const before = await schemaState(database.db, MIGRATIONS_DIR);
    if (checkOnly) {
      const pending = before.known - before.applied;
      out({ level: 'info', msg: 'migration status', applied: before.applied, known: before.known, pending, newer: before.newer });
      return before.newer ? 3 : pending > 0 ? 5 : 0;
    }
    await database.migrate();
    const after = await schemaState(database.db, MIGRATIONS_DIR);
    out({ level: 'info', msg: 'migrations applied', engine: database.kind, before: before.applied, after: after.applied, known: after.known });
    // Files of releases before the encrypted store: moved now when the master key is known here, else at the first start.
    if (config.masterKey || existsSync(masterKeyFile(config.dataDir))) {
      out({ level: 'info', msg: 'earlier files moved into the encrypted file store', moved: await moveLegacyFiles(createFileStore(config, database)) });
    }
    return 0;
  } finally {
    await database.close();
  }
}

function out(line: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ time: Date.now(), ...line })}\n`);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const e = error as { code?: string; message?: string };
    out({ level: 'error', msg: e.message ?? String(error), code: e.code ?? 'MIGRATE_FAILED' });
    process.exit(error instanceof SchemaNewerError ? 3 : error instanceof DatabaseConnectError ? 4 : 1);
  },
);

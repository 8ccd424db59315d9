import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config.js';
import type { Database } from '../db/connection.js';
import { countJob } from '../ops/metrics.js';
import { loadKeyRing } from './crypto.js';
import { FileStore, type StoreKind } from './store.js';

const stores = new Map<string, FileStore>();

/** The backend for a configuration: FILE_STORE, else the database on PostgreSQL and the data folder on PGlite. */
export function storeKindOf(config: AppConfig, database: Database): StoreKind {
  return config.fileStore ?? (database.kind === 'postgres' ? 'db' : 'dir');
}

/** Builds the file store of a configuration (also used by the CLI commands). */
export function createFileStore(config: AppConfig, database: Database, kind = storeKindOf(config, database)): FileStore {
  const ring = loadKeyRing({ masterKey: config.masterKey, previous: process.env.MASTER_KEY_PREVIOUS, dataDir: config.dataDir });
  return new FileStore(database.db, ring, kind, path.join(config.dataDir, 'files'));
}

/**
 * Creates the app's file store and makes it the one `fileStoreFor(dataDir)` answers, so modules keep their
 * storage functions (which take the data folder) while the bytes go to the shared, encrypted store. Interrupted
 * uploads are swept at start and every hour.
 */
export function installFileStore(app: FastifyInstance): void {
  const { config, database, clock } = app.deps;
  const store = createFileStore(config, database);
  stores.set(config.dataDir, store);
  let timer: NodeJS.Timeout | undefined;
  const sweep = () => void countJob('files.sweep', () => store.sweepPartial(clock.now()))
    .catch((error: unknown) => app.log.error({ err: error }, 'sweeping partial uploads failed'));
  app.addHook('onReady', async () => {
    sweep();
    timer = setInterval(sweep, 3_600_000).unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    if (stores.get(config.dataDir) === store) stores.delete(config.dataDir);
  });
}

/** The file store of the app whose data folder is `dataDir`. */
export function fileStoreFor(dataDir: string): FileStore {
  const store = stores.get(dataDir);
  if (!store) throw new Error(`No file store is installed for ${dataDir}`);
  return store;
}

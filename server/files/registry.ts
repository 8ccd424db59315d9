import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config.js';
import type { Database, Db } from '../db/connection.js';
import { countJob } from '../ops/metrics.js';
import { loadKeyRing } from './crypto.js';
import { moveLegacyFiles } from './legacy.js';
import { S3Bucket } from './s3.js';
import { sweepPartial } from './maintenance.js';
import { FileStore, withFiles, type FileWork, type StoreKind } from './store.js';

const stores = new WeakMap<Db, FileStore>();

/** The configured object store refused or did not answer at start (exit code 5: fix the settings, not the code). */
export class FileStoreUnavailableError extends Error {
  readonly code = 'FILE_STORE_UNAVAILABLE';
}

/** The backend for a configuration: FILE_STORE, else the database on PostgreSQL and the data folder on PGlite. */
export function storeKindOf(config: AppConfig, database: Database): StoreKind {
  return config.fileStore ?? (database.kind === 'postgres' ? 'db' : 'dir');
}

/** Builds the file store of a configuration (also used by the CLI commands). */
export function createFileStore(config: AppConfig, database: Database, kind = storeKindOf(config, database)): FileStore {
  const ring = loadKeyRing({ masterKey: config.masterKey, previous: process.env.MASTER_KEY_PREVIOUS, dataDir: config.dataDir });
  return new FileStore(database.db, ring, kind, path.join(config.dataDir, 'files'), config.s3 ? new S3Bucket(config.s3) : undefined);
}

/** Makes `store` the one `filesOf(database.db)` answers (the app does it; so do CLI commands that seed). */
export function registerFileStore(database: Database, store: FileStore): void {
  stores.set(database.db, store);
}

/**
 * Creates the app's file store, registers it for the app's database handle (modules find it from `ctx.db`),
 * checks that an S3 bucket answers its credentials (else the start fails with the store's answer, rather than
 * every upload failing later), moves files of releases before the store into it before the app is ready, and
 * sweeps interrupted uploads at start and every hour.
 */
export function installFileStore(app: FastifyInstance): void {
  const { config, database, clock } = app.deps;
  const store = createFileStore(config, database);
  registerFileStore(database, store);
  let timer: NodeJS.Timeout | undefined;
  const sweep = () => void countJob('files.sweep', () => sweepPartial(store, clock.now()))
    .catch((error: unknown) => app.log.error({ err: error }, 'sweeping partial uploads failed'));
  app.addHook('onReady', async () => {
    if (store.bucket) {
      await store.probe().catch((error: unknown) => {
        throw new FileStoreUnavailableError(`The file store does not answer: ${(error as Error).message}. Check FILE_STORE, S3_ENDPOINT, S3_REGION and the S3 credentials`);
      });
    }
    const moved = await moveLegacyFiles(store);
    if (moved > 0) app.log.info({ moved }, 'files of an earlier release moved into the encrypted file store');
    sweep();
    timer = setInterval(sweep, 3_600_000).unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
  });
}

/** The file store of the app whose database handle is `db` (a service's `ctx.db`). */
export function filesOf(db: Db): FileStore {
  const store = stores.get(db);
  if (!store) throw new Error('No file store is installed for this database');
  return store;
}

/** The file store registered for `db`, if any (the demo seed runs with or without one). */
export function registeredFileStore(db: Db): FileStore | undefined {
  return stores.get(db);
}

/** Runs `work` in one transaction of `db` that may also store and remove files (see `withFiles`). */
export function transactionWithFiles<T>(db: Db, work: (tx: Db, files: FileWork) => Promise<T>): Promise<T> {
  return withFiles(filesOf(db), db, work);
}

/**
 * The whole content of a module's stored file (a document, a photo): from the store by its key, or, for a row an
 * older process wrote during a rolling upgrade and the start-up move has not reached yet, its legacy bytea.
 * `tx` reads inside the caller's transaction.
 */
export async function readStoredFile(db: Db, key: string | null, legacy?: Buffer | null, tx: Db = db): Promise<Buffer | null> {
  if (key) return filesOf(db).readAll(key, tx);
  return legacy ?? null;
}

/** A new random key for a file of `kind` (`tips`, `plans`, ...): names reveal nothing of the record. */
export function newFileKey(kind: string): string {
  return `${kind}/${randomUUID()}`;
}

import { MIGRATIONS_DIR, type Database } from '../../db/connection.js';
import { schemaState } from '../../db/migrate.js';
import { registeredFileStore } from '../../files/registry.js';
import { AppError } from '../../lib/errors.js';

export const APP_VERSION = '0.1.0';

/** Answers with the database kind and the last applied migration; 503 when the database does not answer. */
export async function getHealth(database: Database) {
  try {
    const version = await database.migrationVersion();
    return {
      status: 'ok' as const,
      version: APP_VERSION,
      database: { kind: database.kind, migrationsApplied: version.applied, migration: version.latest },
    };
  } catch {
    throw new AppError('unavailable', 'The database does not answer');
  }
}

const READY_DB_TIMEOUT_MS = 2_000;

/**
 * Readiness of this process for traffic: the database answers within 2 s, every migration this code ships is
 * applied and none newer, the file store answers within 2 s (an S3 bucket with these credentials; the data
 * folder writable), and the process is not draining after SIGTERM.
 */
export async function getReadiness(database: Database, draining: boolean) {
  const checks = {
    database: { ok: false, detail: 'no answer' },
    migrations: { ok: false, detail: 'not checked' },
    files: await fileStoreCheck(database),
    draining: { ok: !draining, detail: draining ? 'draining: finishing requests before stopping' : 'accepting requests' },
  };
  try {
    const state = await withTimeout(schemaState(database.db, MIGRATIONS_DIR), READY_DB_TIMEOUT_MS);
    checks.database = { ok: true, detail: `${database.kind} answers` };
    const current = !state.newer && state.applied === state.known;
    checks.migrations = {
      ok: current,
      detail: state.newer
        ? `database is newer than this code (${state.applied} applied, ${state.known} known)`
        : `${state.applied} of ${state.known} applied`,
    };
  } catch (error) {
    checks.database = { ok: false, detail: error instanceof Error && error.message === 'timeout' ? 'no answer within 2 s' : 'query failed' };
  }
  const ready = checks.database.ok && checks.migrations.ok && checks.files.ok && checks.draining.ok;
  return { status: ready ? ('ready' as const) : ('not_ready' as const), checks };
}

/** Whether the file store of this process answers; its message (never a credential) when it does not. */
async function fileStoreCheck(database: Database): Promise<{ ok: boolean; detail: string }> {
  const store = registeredFileStore(database.db);
  if (!store) return { ok: false, detail: 'no file store installed' };
  try {
    await withTimeout(store.probe(), READY_DB_TIMEOUT_MS);
    return { ok: true, detail: `${store.kind} store answers` };
  } catch (error) {
    return { ok: false, detail: error instanceof Error && error.message === 'timeout' ? `${store.kind} store: no answer within 2 s` : (error as Error).message };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('timeout')), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

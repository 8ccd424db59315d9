import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { migrateLocked } from './migrate.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** The database handle every repository takes; a transaction is one too. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseKind = 'pglite' | 'postgres';

/** An open database with the means to migrate and close it, the same for both engines. */
export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Applies pending migrations under the database-wide migration lock; refuses a schema newer than the code. */
  migrate(): Promise<void>;
  /** Size of the connection pool (1 for PGlite). */
  poolMax: number;
  /** The tag of the last applied migration, e.g. `0001_audit_append_only`, or null before any. */
  migrationVersion(): Promise<{ applied: number; latest: string | null }>;
  close(): Promise<void>;
}

/** Where the migration files live, resolved from this module so `dist/` and sources both work. */
export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  // from server/db (sources) or dist/server/db (build): walk up to the package root
  import.meta.url.includes('/dist/') ? '../../../server/db/migrations' : './migrations',
);

function journalTags(): string[] {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries.map((e) => e.tag);
}

function withMigrations(db: Db, kind: DatabaseKind, migrate: () => Promise<void>, close: () => Promise<void>, poolMax = 1): Database {
  return {
    db,
    kind,
    poolMax,
    migrate,
    close,
    async migrationVersion() {
      const exists = await db.execute<{ n: string | null }>(
        sql`select to_regclass('drizzle.__drizzle_migrations')::text as n`,
      );
      if (!rows<{ n: string | null }>(exists)[0]?.n) return { applied: 0, latest: null };
      const result = await db.execute<{ count: number }>(
        sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
      );
      const applied = Number(rows<{ count: number }>(result)[0]?.count ?? 0);
      return { applied, latest: applied > 0 ? (journalTags()[applied - 1] ?? null) : null };
    },
  };
}

/** Rows of a raw `execute` result: PGlite answers `{ rows }`, postgres.js answers the array itself. */
export function rows<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** Opens a PostgreSQL server database; `connectTimeout` in seconds (an unreachable host fails, it does not hang). */
export function openPostgres(url: string, options: { max?: number; connectTimeout?: number } = {}): Database {
  const common = {
    onnotice: () => undefined,
    connect_timeout: options.connectTimeout ?? 30,
    connection: { application_name: 'srodesk' },
  };
  const max = options.max ?? 10;
  const client = postgres(url, { ...common, max });
  const db = drizzlePostgres(client, { schema }) as unknown as Db;
  const migrate = async () => {
    // One connection of its own: the advisory lock and the migrator's statements share one session.
    const single = postgres(url, { ...common, max: 1 });
    try {
      const sdb = drizzlePostgres(single, { schema }) as unknown as Db;
      await migrateLocked(sdb, MIGRATIONS_DIR, () => migratePostgres(sdb as never, { migrationsFolder: MIGRATIONS_DIR }));
    } finally {
      await single.end({ timeout: 5 });
    }
  };
  return withMigrations(db, 'postgres', migrate, () => client.end({ timeout: 5 }), max);
}

/** Opens an embedded PGlite database: a folder on disk, or memory when `dataDir` is omitted. */
export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<Database> {
  const client = await PGlite.create({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return withMigrations(
    db,
    'pglite',
    // One process per folder, but the same path as PostgreSQL: lock, refuse a newer schema, migrate.
    () => migrateLocked(db, MIGRATIONS_DIR, () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR })),
    () => client.close(),
  );
}

/** The PGlite client behind a Database, for dumping a template in tests. */
export function pgliteClient(database: Database): PGlite {
  return (database.db as unknown as { $client: PGlite }).$client;
}

/** True when the handle talks to a PostgreSQL server (postgres.js), false for embedded PGlite. */
export function isServerDb(db: Db): boolean {
  return typeof (db as unknown as { $client?: unknown }).$client === 'function';
}

/**
 * The rows of `query` in batches of `size` through a server-side cursor, in one read-only repeatable-read
 * transaction (one snapshot for the whole stream). Each batch is fetched only when the previous one was taken,
 * so memory stays at one batch; a consumer that stops early closes the transaction.
 */
export async function* cursorBatches<T>(db: Db, query: SQL, size: number, prepare?: (tx: Db) => Promise<unknown>): AsyncGenerator<T[]> {
  let pending: { batch: T[]; next: (more: boolean) => void } | null = null;
  let notify: (() => void) | null = null;
  let finished = false;
  let stopped = false;
  const wake = () => { const n = notify; notify = null; n?.(); };
  const deliver = (batch: T[]) => new Promise<boolean>((next) => {
    if (stopped) { next(false); return; }
    pending = { batch, next };
    wake();
  });
  const work = db.transaction(async (tx) => {
    if (prepare) await prepare(tx);
    await tx.execute(sql`declare srodesk_batches no scroll cursor for ${query}`);
    for (;;) {
      const batch = rows<T>(await tx.execute(sql.raw(`fetch forward ${size} from srodesk_batches`)));
      if (!batch.length || !(await deliver(batch)) || batch.length < size) break;
    }
  }, { isolationLevel: 'repeatable read', accessMode: 'read only' }).finally(() => { finished = true; wake(); });
  // Handled here so an error while nobody waits is not an unhandled rejection; it is rethrown below.
  work.catch(() => undefined);
  try {
    for (;;) {
      while (!pending && !finished) await new Promise<void>((resolve) => { notify = resolve; });
      const taken = pending as { batch: T[]; next: (more: boolean) => void } | null;
      if (!taken) break;
      pending = null;
      yield taken.batch;
      taken.next(true);
    }
    await work;
  } finally {
    stopped = true;
    (pending as { next: (more: boolean) => void } | null)?.next(false);
    await work.catch(() => undefined);
  }
}

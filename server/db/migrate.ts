import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from './connection.js';

/** Key of the database-wide advisory lock every process takes around migrating ("SRODMIGR"). */
export const MIGRATION_LOCK_KEY = 0x5352_4f44_4d49_4752n;

/** Thrown when the database holds migrations this code does not know: it was upgraded by a newer release. */
export class SchemaNewerError extends Error {
  readonly code = 'SCHEMA_NEWER';
}

interface JournalEntry { tag: string; when: number }

/** The migrations this code ships, in order. */
export function journal(migrationsDir: string): JournalEntry[] {
  const parsed = JSON.parse(readFileSync(path.join(migrationsDir, 'meta/_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  return parsed.entries;
}

function resultRows<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** What the database has applied compared with what this code ships. */
export async function schemaState(db: Db, migrationsDir: string): Promise<{ applied: number; known: number; newer: boolean; lastAppliedAt: number | null }> {
  const entries = journal(migrationsDir);
  const exists = resultRows<{ n: string | null }>(await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations')::text as n`));
  if (!exists[0]?.n) return { applied: 0, known: entries.length, newer: false, lastAppliedAt: null };
  const [row] = resultRows<{ applied: number; last: string | null }>(await db.execute(
    sql`select count(*)::int as applied, max(created_at)::text as last from drizzle.__drizzle_migrations`,
  ));
  const applied = Number(row?.applied ?? 0);
  const lastAppliedAt = row?.last == null ? null : Number(row.last);
  const lastKnown = entries.at(-1)?.when ?? 0;
  // drizzle records each migration's journal time: a later time (or more rows) was written by newer code.
  const newer = applied > entries.length || (lastAppliedAt !== null && lastAppliedAt > lastKnown);
  return { applied, known: entries.length, newer, lastAppliedAt };
}

/**
 * Migrates under a database-wide advisory lock so any number of processes may start together: the first
 * migrates, the others wait and then find nothing to do. `db` must be one session (a single connection),
 * since an advisory lock belongs to the session that took it. Refuses a schema newer than this code.
 */
export async function migrateLocked(db: Db, migrationsDir: string, run: () => Promise<void>): Promise<void> {
  // An advisory lock is re-entrant within a session (PGlite has only one): callers in this process queue first.
  const previous = queues.get(migrationsDir) ?? Promise.resolve();
  const mine = previous.catch(() => undefined).then(() => underAdvisoryLock(db, migrationsDir, run));
  queues.set(migrationsDir, mine);
  return mine;
}

const queues = new Map<string, Promise<void>>();

async function underAdvisoryLock(db: Db, migrationsDir: string, run: () => Promise<void>): Promise<void> {
  const key = MIGRATION_LOCK_KEY.toString();
  await db.execute(sql`select pg_advisory_lock(${sql.raw(key)})`);
  try {
    await refuseNewerSchema(db, migrationsDir);
    await run();
  } finally {
    await db.execute(sql`select pg_advisory_unlock(${sql.raw(key)})`);
  }
}

/** Throws SchemaNewerError when the database was migrated by a newer release than this code. */
export async function refuseNewerSchema(db: Db, migrationsDir: string): Promise<void> {
  const state = await schemaState(db, migrationsDir);
  if (!state.newer) return;
  const last = journal(migrationsDir).at(-1)?.tag ?? 'none';
  throw new SchemaNewerError(
    `The database schema is newer than this release of SRO Desk: the database has ${state.applied} migrations, ` +
      `this code knows ${state.known} (up to ${last}). Run the release that migrated it (or newer); ` +
      'never run older code against an upgraded database (see docs/OPERATIONS.md, "Upgrades and rollbacks").',
  );
}

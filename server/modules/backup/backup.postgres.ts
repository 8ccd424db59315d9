import { spawn, spawnSync } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type postgres from 'postgres';
import { MIGRATIONS_DIR } from '../../db/connection.js';
import { BackupError } from './backup.archive.js';

/** A part's bytes as they are produced, for the archive writer. */
export type PartSource = { name: string; meta: Record<string, unknown>; stream: AsyncIterable<Buffer> };

/** The environment that points libpq tools at `url` without putting the password on the command line. */
export function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env, PGHOST: decodeURIComponent(u.hostname) || 'localhost', PGPORT: u.port || '5432' };
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  env.PGDATABASE = decodeURIComponent(u.pathname.replace(/^\//, ''));
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

/** The major version of a libpq tool on PATH (pg_dump, pg_restore), or null when it is missing. */
export function toolMajor(tool: 'pg_dump' | 'pg_restore'): number | null {
  const result = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  if (result.status !== 0) return null;
  const match = /(\d+)(?:\.\d+)?/.exec(result.stdout);
  return match ? Number(match[1]) : null;
}

/** Runs one SQL text and answers its rows: postgres.js (`sql.unsafe`) and PGlite (`query`) both fit. */
export type RunSql = (text: string) => Promise<Record<string, unknown>[]>;

/** A RunSql over a postgres.js connection or transaction. */
export const runOn = (sql: postgres.Sql | postgres.ReservedSql): RunSql => (text) => sql.unsafe(text) as unknown as Promise<Record<string, unknown>[]>;

/** The tables of the public schema with their stored (non-generated) columns, in name order. */
export async function tablesOf(run: RunSql): Promise<{ table: string; columns: string[] }[]> {
  const found = await run(`
    select c.relname::text as table, array_agg(a.attname::text order by a.attnum) as columns
    from pg_class c join pg_attribute a on a.attrelid = c.oid
    where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
      and a.attgenerated = ''
    group by c.relname order by c.relname`);
  return found.map((r) => ({ table: String(r.table), columns: r.columns as string[] }));
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Rows per table of the public schema. */
export async function countTables(run: RunSql): Promise<Record<string, number>> {
  const tables = await tablesOf(run);
  if (tables.length === 0) return {};
  const query = tables.map((t) => `select '${t.table.replace(/'/g, "''")}'::text as t, count(*)::bigint as n from ${ident(t.table)}`).join(' union all ');
  const result = await run(query);
  return Object.fromEntries(result.map((r) => [String(r.t), Number(r.n)]));
}

/** The number of migrations applied to a PostgreSQL database (0 when none). */
export async function appliedMigrations(sql: postgres.Sql | postgres.ReservedSql): Promise<number> {
  const [exists] = await sql<{ n: string | null }[]>`select to_regclass('drizzle.__drizzle_migrations')::text as n`;
  if (!exists?.n) return 0;
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`;
  return row?.n ?? 0;
}

/** True when the database holds no table of ours and no migration record: a safe restore target. */
export async function isEmptyDatabase(sql: postgres.Sql | postgres.ReservedSql): Promise<boolean> {
  return (await tablesOf(runOn(sql))).length === 0 && (await appliedMigrations(sql)) === 0;
}

/**
 * Streams `pg_dump --format=custom` of the snapshot `snapshot` (exported by the caller's open transaction, so
 * the counts in the manifest describe exactly the dumped data).
 */
export async function* pgDumpStream(url: string, snapshot: string): AsyncGenerator<Buffer> {
  const child = spawn('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`], {
    env: libpqEnv(url),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const errors: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  for await (const chunk of child.stdout as Readable) yield chunk as Buffer;
  const code = await exited;
  if (code !== 0) throw new BackupError('failed', `pg_dump failed (exit ${code}): ${Buffer.concat(errors).toString('utf8').trim()}`);
}

/** A running `pg_restore` into `url` reading the custom-format dump from its stdin, in one transaction. */
export function pgRestoreSink(url: string, options: { clean: boolean }): { stdin: Writable; done: Promise<void>; abort: () => void } {
  const args = ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', `--dbname=${libpqEnv(url).PGDATABASE}`];
  if (options.clean) args.push('--clean', '--if-exists');
  const child = spawn('pg_restore', args, { env: libpqEnv(url), stdio: ['pipe', 'ignore', 'pipe'] });
  const errors: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
  child.stdin.on('error', () => undefined); // an early exit surfaces through `done`
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (error) => reject(new BackupError('tool_missing', `pg_restore could not run: ${error.message}`)));
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new BackupError('failed', `pg_restore failed (exit ${code}): ${Buffer.concat(errors).toString('utf8').trim().slice(-2000)}`)),
    );
  });
  done.catch(() => undefined); // awaited by the restore; an aborted run must not surface as unhandled
  return { stdin: child.stdin, done, abort: () => child.kill('SIGKILL') };
}

/** The logical export: every table as COPY text inside the caller's snapshot, plus the sequences. */
export async function* logicalParts(tx: postgres.ReservedSql): AsyncGenerator<PartSource> {
  for (const { table, columns } of await tablesOf(runOn(tx))) {
    const stream = await tx.unsafe(`copy ${ident(table)} (${columns.map(ident).join(', ')}) to stdout`).readable();
    yield { name: `table/${table}`, meta: { kind: 'table', table, columns }, stream: copyOut(stream) };
  }
  const sequences = await tx<{ name: string; value: string | null }[]>`
    select sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public' order by 1`;
  yield { name: 'sequences', meta: { kind: 'sequences' }, stream: oneChunk(Buffer.from(JSON.stringify(sequences))) };
}

/** Bytes gathered into one archive frame: postgres.js hands out a COPY stream one row (a few hundred bytes) at a time. */
export const COPY_CHUNK = 256 * 1024;

/**
 * The bytes of a COPY TO STDOUT stream, in chunks of about COPY_CHUNK (a frame per row made the archive and its
 * restore pay per-row overhead on millions of rows). postgres.js pauses its socket when the stream's buffer is
 * full and resumes it from the stream's read(); when the last data and the end of the COPY arrive in one socket
 * read, the socket stays paused and the next query of the connection never answers. Calling read() once more
 * after the end resumes it.
 */
async function* copyOut(stream: Readable): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    pending.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size >= COPY_CHUNK) {
      yield Buffer.concat(pending, size);
      pending = [];
      size = 0;
    }
  }
  if (size) yield Buffer.concat(pending, size);
  (stream as unknown as { _read(size: number): void })._read(0);
}

async function* oneChunk(buffer: Buffer): AsyncGenerator<Buffer> {
  yield buffer;
}

/** Applies the first `level` migrations inside `tx`, exactly as drizzle's migrator records them. */
export async function migrateTo(tx: postgres.ReservedSql, level: number): Promise<void> {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR }).slice(0, level);
  await tx`create schema if not exists drizzle`;
  await tx`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`;
  for (const migration of migrations) {
    for (const statement of migration.sql) if (statement.trim()) await tx.unsafe(statement);
    await tx`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`;
  }
}

/** Foreign keys of the public schema, to drop before a bulk load and add back (validated) after it. */
export async function foreignKeys(tx: postgres.ReservedSql) {
  return tx<{ table: string; name: string; definition: string }[]>`
    select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
    from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace`;
}

/** An index or a primary key, unique or exclusion constraint, as the statements that drop and recreate it. */
export interface BulkIndex { drop: string; create: string }

/**
 * The indexes of the public schema (constraint-backed ones as their constraints), to drop before a bulk load and
 * build once after it, as pg_restore does: maintaining five indexes row by row during COPY is several times slower
 * than building each from the loaded table.
 */
export async function bulkIndexes(tx: postgres.ReservedSql): Promise<BulkIndex[]> {
  const constraints = await tx<{ table: string; name: string; definition: string }[]>`
    select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
    from pg_constraint where contype in ('p', 'u', 'x') and connamespace = 'public'::regnamespace order by conname`;
  const indexes = await tx<{ name: string; definition: string }[]>`
    select c.relname::text as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i join pg_class c on c.oid = i.indexrelid
    where c.relnamespace = 'public'::regnamespace
      and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.contype in ('p', 'u', 'x'))
    order by c.relname`;
  return [
    ...constraints.map((k) => ({
      drop: `alter table ${k.table} drop constraint ${ident(k.name)}`, create: `alter table ${k.table} add constraint ${ident(k.name)} ${k.definition}`,
    })),
    ...indexes.map((i) => ({ drop: `drop index public.${ident(i.name)}`, create: i.definition })),
  ];
}

/** SQL text helpers shared by the logical restore. */
export const q = { ident };

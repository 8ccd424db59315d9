import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import postgres from 'postgres';
import { BackupError } from './backup.archive.js';
import type { BackupInfo, BackupManifest } from './backup.create.js';
import { compareCounts, writeTo, type PartBegin, type Sink } from './backup.read.js';
import { bulkIndexes, COPY_CHUNK, countTables, foreignKeys, migrateTo, pgRestoreSink, q, runOn, type BulkIndex } from './backup.postgres.js';

/** The database side of a PostgreSQL restore: sinks for its parts, then commit (counts checked) or rollback. */
export interface PostgresRestore {
  /** The archive's description (its schema level), read before any part. */
  info(info: BackupInfo): void;
  part(begin: PartBegin): Promise<Sink>;
  /** After the whole archive was read and checked against its manifest. */
  commit(manifest: BackupManifest): Promise<Record<string, number>>;
  rollback(): Promise<void>;
}

/**
 * Restores into the database at `url`. A pg_dump part goes to `pg_restore --single-transaction`; the logical
 * export is loaded in ONE transaction of ours: schema created by the migrations up to the backup's level,
 * foreign keys and indexes dropped and user triggers (the append-only audit guard) disabled during COPY, then
 * all put back (each index built once over the loaded rows, as pg_restore does; the keys validated), sequences set, counts compared with the manifest before COMMIT. Any failure rolls
 * the whole restore back. Nothing commits before the archive was read to its end and matched its manifest
 * (pg_restore's stdin stays open until then), so one pass over the archive suffices.
 */
export function postgresDatabaseSink(url: string, replace: boolean): PostgresRestore {
  let level = 0;
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  let tx: postgres.ReservedSql | undefined;
  let keys: { table: string; name: string; definition: string }[] = [];
  let indexes: BulkIndex[] = [];
  let tables: string[] = [];
  let pgRestore: ReturnType<typeof pgRestoreSink> | undefined;

  const prepare = async (): Promise<postgres.ReservedSql> => {
    if (tx) return tx;
    tx = await sql.reserve();
    await tx`begin`;
    if (replace) {
      await tx`drop schema if exists drizzle cascade`;
      await tx`drop schema public cascade`;
      await tx`create schema public`;
    }
    await migrateTo(tx, level);
    keys = await foreignKeys(tx);
    await batch(tx, keys.map((key) => `alter table ${key.table} drop constraint ${q.ident(key.name)}`));
    indexes = await bulkIndexes(tx);
    await batch(tx, indexes.map((index) => index.drop));
    tables = (await tx<{ t: string }[]>`select relname::text as t from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'`).map((r) => r.t);
    await batch(tx, tables.map((table) => `alter table ${q.ident(table)} disable trigger user`));
    return tx;
  };

  return {
    info(info) {
      level = info.migration.applied;
    },

    async part(begin) {
      if (begin.kind === 'pg_dump') {
        const running = pgRestoreSink(url, { clean: replace });
        pgRestore = running;
        return {
          write: (chunk) => writeTo(running.stdin, chunk),
          end: async () => undefined, // closing stdin commits: done in commit(), once the manifest matched
          abort: async () => running.abort(),
        };
      }
      const t = await prepare();
      if (begin.kind === 'table' && begin.table && begin.columns) return copySink(t, begin.table, begin.columns);
      if (begin.kind === 'sequences') {
        const chunks: Buffer[] = [];
        return {
          write: async (chunk) => void chunks.push(Buffer.from(chunk)),
          end: async () => {
            const sequences = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { name: string; value: string | null }[];
            for (const s of sequences) {
              if (s.value !== null) await t`select setval(${`public.${q.ident(s.name)}`}::regclass, ${s.value}::bigint, true)`;
            }
          },
          abort: async () => undefined,
        };
      }
      throw new BackupError('damaged', `The backup archive is damaged: unexpected part ${begin.name}.`);
    },

    async commit(manifest) {
      try {
        if (pgRestore) {
          pgRestore.stdin.end();
          await pgRestore.done;
          return await countTables(runOn(sql));
        }
        const t = await prepare();
        await batch(t, tables.map((table) => `alter table ${q.ident(table)} enable trigger user`));
        // Indexes are built once over the loaded rows (a duplicate in the archive fails here and rolls back).
        await t`set local maintenance_work_mem = '256MB'`;
        for (const index of indexes) await t.unsafe(index.create);
        await batch(t, keys.map((key) => `alter table ${key.table} add constraint ${q.ident(key.name)} ${key.definition}`));
        const counts = await countTables(runOn(t));
        const mismatches = compareCounts(manifest.counts, counts);
        if (mismatches.length) throw new BackupError('failed', `The restored database differs from the backup: ${mismatches.join(', ')}. Nothing was restored.`);
        await t`commit`;
        return counts;
      } catch (error) {
        await this.rollback();
        throw error;
      } finally {
        tx?.release();
        tx = undefined;
        await sql.end({ timeout: 5 });
      }
    },

    async rollback() {
      pgRestore?.abort();
      if (tx) {
        await tx`rollback`.catch(() => undefined);
        tx.release();
        tx = undefined;
      }
      await sql.end({ timeout: 5 }).catch(() => undefined);
    },
  };
}

/** Runs statements as one simple-protocol query: hundreds of small DDL statements, one round trip. */
async function batch(t: postgres.ReservedSql, statements: string[]): Promise<void> {
  if (statements.length) await t.unsafe(statements.join(';\n')).simple();
}

/**
 * A COPY FROM STDIN into `table`, opened on the first bytes (an empty table costs no round trip) and fed large
 * messages: archives written before COPY_CHUNK hold a frame per row, gathered here.
 */
function copySink(t: postgres.ReservedSql, table: string, columns: string[]): Sink {
  let writable: Writable | undefined;
  let pending: Buffer[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const chunk = Buffer.concat(pending, size);
    pending = [];
    size = 0;
    writable ??= await t.unsafe(`copy ${q.ident(table)} (${columns.map(q.ident).join(', ')}) from stdin`).writable();
    await writeTo(writable, chunk);
  };
  return {
    write: async (chunk) => {
      pending.push(chunk);
      size += chunk.length;
      if (size >= COPY_CHUNK) await flush();
    },
    end: async () => {
      await flush();
      if (!writable) return;
      writable.end();
      await finished(writable);
    },
    abort: async () => void writable?.destroy(),
  };
}

import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { Database } from '../../db/connection.js';
import { openArchiveKey } from './backup.archive.js';
import type { BackupManifest, BackupSource } from './backup.create.js';
import { compareCounts, walkArchive } from './backup.read.js';
import { countTables } from './backup.postgres.js';
import { collect } from './backup.restore.js';
import { postgresDatabaseSink } from './backup.restore-pg.js';

/** The outcome of restoring an archive into a scratch database. */
export interface VerifyResult {
  ok: boolean;
  detail: string;
  manifest: BackupManifest;
}

/** The connection URL of an open PostgreSQL Database (from its client's options), for pg_dump and scratch databases. */
export function urlOfDatabase(database: Database): string {
  const options = (database.db as unknown as { $client: { options: { host: string[]; port: number[]; user: string; pass: string | null; database: string; ssl?: unknown } } }).$client.options;
  const url = new URL('postgres://localhost');
  url.hostname = options.host[0] ?? 'localhost';
  url.port = String(options.port[0] ?? 5432);
  url.username = encodeURIComponent(options.user);
  if (options.pass) url.password = encodeURIComponent(options.pass);
  url.pathname = `/${encodeURIComponent(options.database)}`;
  if (options.ssl) url.searchParams.set('sslmode', 'require');
  return url.toString();
}

/** Where the running server takes its backups from. */
export function sourceOf(database: Database, databaseUrl: string | undefined): BackupSource {
  return database.kind === 'pglite' ? { kind: 'pglite', database } : { kind: 'postgres', url: databaseUrl ?? urlOfDatabase(database) };
}

/**
 * Restores an archive into a scratch database (PGlite in memory, or a new database on the same PostgreSQL
 * server, dropped afterwards) and compares the table counts with the manifest; files are checked by checksum.
 */
export async function verifyArchive(file: string, passphrase: string, source: BackupSource): Promise<VerifyResult> {
  const key = await openArchiveKey(file, passphrase);
  const manifest = await walkArchive(file, key, { info: () => undefined, part: () => null });
  let counts: Record<string, number> = {};
  if (manifest.engine === 'pglite') {
    await walkArchive(file, key, {
      expected: manifest,
      info: () => undefined,
      part: (begin) => begin.kind !== 'pglite-datadir' ? null : collect(async (dump) => {
        const client = await PGlite.create({ loadDataDir: dump });
        try {
          counts = await countTables(async (text) => (await client.query<Record<string, unknown>>(text)).rows);
        } finally {
          await client.close();
        }
      }),
    });
  } else {
    if (source.kind !== 'postgres') throw new Error('A PostgreSQL backup is verified on a PostgreSQL server');
    const name = `srodesk_verify_${randomBytes(6).toString('hex')}`;
    const admin = postgres(source.url, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database "${name}"`);
    try {
      const scratch = new URL(source.url);
      scratch.pathname = `/${name}`;
      const restore = postgresDatabaseSink(scratch.toString(), false);
      restore.info(manifest);
      try {
        await walkArchive(file, key, {
          expected: manifest,
          info: () => undefined,
          part: (begin) => (begin.kind === 'file' ? null : restore.part(begin)),
        });
        counts = await restore.commit(manifest);
      } catch (error) {
        await restore.rollback();
        throw error;
      }
    } finally {
      await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => undefined);
      await admin.end({ timeout: 5 });
    }
  }
  const mismatches = compareCounts(manifest.counts, counts);
  const rows = Object.values(manifest.counts).reduce((a, b) => a + b, 0);
  return mismatches.length
    ? { ok: false, manifest, detail: `Counts differ: ${mismatches.join('; ')}` }
    : { ok: true, manifest, detail: `All ${Object.keys(manifest.counts).length} tables match (${rows} rows); ${manifest.files.count} files match their checksums.` };
}

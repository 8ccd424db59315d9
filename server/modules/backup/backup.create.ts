import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { MIGRATIONS_DIR, pgliteClient, type Database } from '../../db/connection.js';
import { encryptStream, frame, FrameType, jsonFrame, newArchiveKey } from './backup.archive.js';
import {
  appliedMigrations, countTables, logicalParts, pgDumpStream, runOn, toolMajor, type PartSource, type RunSql,
} from './backup.postgres.js';

/** Where the database of a backup comes from. */
export type BackupSource =
  | { kind: 'pglite'; database: Database }
  | { kind: 'postgres'; url: string; format?: 'auto' | 'pg_dump' | 'logical' };

/** The first record of an archive: enough to refuse it before reading the rest. */
export interface BackupInfo {
  format: 1;
  appVersion: string;
  engine: 'pglite' | 'postgres';
  database: 'pglite-datadir' | 'pg_dump' | 'logical';
  migration: { applied: number; latest: string | null };
  createdAt: string;
}

/** The last record: what the archive holds and the SHA-256 of every part. */
export interface BackupManifest extends BackupInfo {
  counts: Record<string, number>;
  parts: { name: string; bytes: number; sha256: string }[];
  files: { count: number; bytes: number };
}

/** The application version written into every manifest. */
export const APP_VERSION = (JSON.parse(readFileSync(path.resolve(MIGRATIONS_DIR, '../../../package.json'), 'utf8')) as { version: string }).version;

/** The migration tags in order (the code's schema levels). */
export function migrationTags(): string[] {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  return journal.entries.map((e) => e.tag);
}

/** Top-level entries of DATA_DIR that are never file folders: the embedded database, backups, keys. */
const NOT_FILES = new Set(['pglite', 'backups', 'keys', 'secrets']);

/** The folders of stored files under DATA_DIR (evidence, the file store, ...): every folder but the excluded ones. */
export async function fileFolders(dataDir: string, exclude: string[] = []): Promise<string[]> {
  const entries = await readdir(dataDir, { withFileTypes: true }).catch(() => []);
  const skip = new Set(exclude.map((p) => path.resolve(p)));
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !NOT_FILES.has(e.name) && !skip.has(path.resolve(dataDir, e.name)))
    .map((e) => e.name)
    .sort();
}

async function* walk(root: string, relative: string): AsyncGenerator<string> {
  const entries = await readdir(path.join(root, relative), { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const child = path.posix.join(relative, entry.name);
    if (entry.isDirectory()) yield* walk(root, child);
    else if (entry.isFile() && !entry.name.endsWith('.part')) yield child;
  }
}

/**
 * Writes an encrypted backup of the database and the stored files to `out` (through a temporary file, renamed
 * when complete, so a failed backup never leaves an archive that looks whole). Answers the manifest.
 */
export async function createBackup(options: {
  source: BackupSource; dataDir: string; out: string; passphrase: string; exclude?: string[]; now?: Date;
}): Promise<BackupManifest> {
  const key = await newArchiveKey(options.passphrase);
  await mkdir(path.dirname(path.resolve(options.out)), { recursive: true });
  const partial = `${options.out}.partial-${process.pid}`;
  let manifest: BackupManifest | undefined;
  const content = async function* (): AsyncGenerator<Buffer> {
    const parts: BackupManifest['parts'] = [];
    const files = { count: 0, bytes: 0 };
    const emit = async function* (part: PartSource): AsyncGenerator<Buffer> {
      const hash = createHash('sha256');
      let bytes = 0;
      yield jsonFrame(FrameType.begin, { name: part.name, ...part.meta });
      for await (const chunk of part.stream) {
        hash.update(chunk);
        bytes += chunk.length;
        for (let at = 0; at < chunk.length; at += 256 * 1024) yield frame(FrameType.data, chunk.subarray(at, at + 256 * 1024));
      }
      yield frame(FrameType.end, Buffer.alloc(0));
      parts.push({ name: part.name, bytes, sha256: hash.digest('hex') });
      if (part.meta.kind === 'file') {
        files.count++;
        files.bytes += bytes;
      }
    };
    const finish = (info: BackupInfo, counts: Record<string, number>) => {
      manifest = { ...info, counts, parts, files };
      return jsonFrame(FrameType.manifest, manifest);
    };
    const database = await openDatabasePart(options.source, options.now ?? new Date());
    try {
      yield jsonFrame(FrameType.info, database.info);
      for await (const part of database.parts) yield* emit(part);
    } finally {
      await database.done();
    }
    for (const folder of await fileFolders(options.dataDir, options.exclude)) {
      for await (const file of walk(options.dataDir, folder)) {
        yield* emit({ name: `file/${file}`, meta: { kind: 'file', path: file }, stream: createReadStream(path.join(options.dataDir, file), { highWaterMark: 256 * 1024 }) });
      }
    }
    yield finish(database.info, database.counts);
  };
  try {
    await pipeline(Readable.from(content()), encryptStream(key), createWriteStream(partial, { mode: 0o600 }));
    await rename(partial, options.out);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  if (!manifest) throw new Error('backup ended without its manifest');
  return manifest;
}

interface DatabasePart {
  info: BackupInfo;
  counts: Record<string, number>;
  parts: AsyncIterable<PartSource>;
  done: () => Promise<void>;
}

async function openDatabasePart(source: BackupSource, now: Date): Promise<DatabasePart> {
  const tags = migrationTags();
  const infoOf = (engine: BackupInfo['engine'], database: BackupInfo['database'], applied: number): BackupInfo => ({
    format: 1, appVersion: APP_VERSION, engine, database, migration: { applied, latest: tags[applied - 1] ?? null }, createdAt: now.toISOString(),
  });
  if (source.kind === 'pglite') {
    const client = pgliteClient(source.database);
    const applied = (await source.database.migrationVersion()).applied;
    // Counted and dumped back to back inside one transaction slot, so the manifest matches the dump.
    const { counts, dump } = await client.transaction(async (tx) => {
      const txRun: RunSql = async (text) => (await tx.query<Record<string, unknown>>(text)).rows;
      const counted = await countTables(txRun);
      return { counts: counted, dump: await client.dumpDataDir('gzip') };
    });
    return {
      info: infoOf('pglite', 'pglite-datadir', applied),
      counts,
      parts: (async function* () {
        yield { name: 'database', meta: { kind: 'pglite-datadir' }, stream: Readable.from(dump.stream() as unknown as AsyncIterable<Uint8Array>) as AsyncIterable<Buffer> };
      })(),
      done: async () => undefined,
    };
  }
  const sql = postgres(source.url, { max: 1, onnotice: () => undefined });
  const tx = await sql.reserve();
  const done = async () => {
    await tx`commit`.catch(() => undefined);
    tx.release();
    await sql.end({ timeout: 5 });
  };
  try {
    await tx`begin isolation level repeatable read read only`;
    const [{ snapshot } = { snapshot: '' }] = await tx<{ snapshot: string }[]>`select pg_export_snapshot() as snapshot`;
    const counts = await countTables(runOn(tx));
    const applied = await appliedMigrations(tx);
    const format = await chooseFormat(tx, source.format ?? 'auto');
    const parts: AsyncIterable<PartSource> =
      format === 'pg_dump'
        ? (async function* () {
            yield { name: 'database', meta: { kind: 'pg_dump' }, stream: pgDumpStream(source.url, snapshot) };
          })()
        : logicalParts(tx);
    return { info: infoOf('postgres', format, applied), counts, parts, done };
  } catch (error) {
    await done();
    throw error;
  }
}

/** pg_dump when it is installed and at least as new as the server (else it refuses to dump); else the logical export. */
async function chooseFormat(tx: postgres.ReservedSql, wanted: 'auto' | 'pg_dump' | 'logical'): Promise<'pg_dump' | 'logical'> {
  if (wanted === 'logical') return 'logical';
  const [row] = await tx<{ v: string }[]>`select current_setting('server_version_num') as v`;
  const server = Math.floor(Number(row?.v ?? 0) / 10000);
  const tool = toolMajor('pg_dump');
  if (tool !== null && tool >= server) return 'pg_dump';
  if (wanted === 'pg_dump') throw new Error(`pg_dump ${tool ?? '(missing)'} cannot dump a PostgreSQL ${server} server; use the logical format`);
  return 'logical';
}

/** Size of a file in bytes (for listings). */
export async function sizeOf(file: string): Promise<number> {
  return (await stat(file)).size;
}

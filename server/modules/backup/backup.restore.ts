import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openPglite, openPostgres } from '../../db/connection.js';
import { lockDataDir } from '../../db/lock.js';
import { BackupError, openArchiveKey, type ArchiveKey } from './backup.archive.js';
import { fileFolders, type BackupInfo, type BackupManifest } from './backup.create.js';
import { compareCounts, walkArchive, writeTo, type PartBegin, type Sink } from './backup.read.js';
import { countTables, isEmptyDatabase, toolMajor, type RunSql } from './backup.postgres.js';
import { postgresDatabaseSink } from './backup.restore-pg.js';
import postgres from 'postgres';

/** Where a restore goes: a data folder (PGlite), or a PostgreSQL database plus the data folder for files. */
export type RestoreTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; dataDir: string };

/** What a restore did. */
export interface RestoreResult {
  manifest: BackupManifest;
  counts: Record<string, number>;
  movedAside: string | null;
}

/** Checks an archive end to end (key, every segment, every checksum) without writing anything. */
export async function inspectBackup(file: string, passphrase: string): Promise<BackupManifest> {
  const key = await openArchiveKey(file, passphrase);
  return walkArchive(file, key, { info: () => undefined, part: () => null });
}

const engineName = (kind: string) => (kind === 'pglite' ? 'the embedded database (DATA_DIR, no DATABASE_URL)' : 'PostgreSQL (DATABASE_URL)');

/**
 * Restores a backup. Refuses (nothing changed) a wrong key, a damaged archive, a newer schema, a backup of the
 * other engine, a target that holds data (unless `force`, which moves the old data folder contents aside or
 * replaces the PostgreSQL database's contents). The archive is read once: nothing reaches the target before
 * every segment authenticated and every part matched the manifest (staging folder, one open transaction).
 */
export async function restoreBackup(options: { file: string; passphrase: string; target: RestoreTarget; force?: boolean }): Promise<RestoreResult> {
  const { file, target } = options;
  const force = options.force ?? false;
  const key = await openArchiveKey(file, options.passphrase);
  const release = lockDataDir(target.dataDir);
  const staging = path.join(target.dataDir, `.restore-${process.pid}`);
  try {
    const occupied = await occupiedParts(target);
    if (occupied.length && !force) {
      throw new BackupError('not_empty', `The restore target is not empty (${occupied.join('; ')}). Restore into a fresh data folder or an empty database, or pass --force to replace what is there.`);
    }
    await rm(staging, { recursive: true, force: true });
    await mkdir(staging, { recursive: true });
    const { manifest, counts } = await apply(file, key, target, staging, occupied.length > 0);
    const mismatches = compareCounts(manifest.counts, counts);
    if (mismatches.length) throw new BackupError('failed', `The restored database differs from the backup: ${mismatches.join(', ')}`);
    const movedAside = occupied.length ? await moveAside(target.dataDir, target.kind === 'pglite') : null;
    for (const name of await readdir(path.join(staging, 'files')).catch(() => [])) {
      await rename(path.join(staging, 'files', name), path.join(target.dataDir, name));
    }
    if (target.kind === 'pglite') {
      await rename(path.join(staging, 'pglite'), path.join(target.dataDir, 'pglite'));
      const database = await openPglite({ dataDir: path.join(target.dataDir, 'pglite') });
      await database.migrate();
      await database.close();
    } else {
      const database = openPostgres(target.url, { max: 1 });
      await database.migrate();
      await database.close();
    }
    return { manifest, counts, movedAside };
  } finally {
    await rm(staging, { recursive: true, force: true });
    release();
  }
}

function checkTarget(info: BackupInfo, target: { kind: 'pglite' | 'postgres' }): void {
  if (info.engine !== target.kind) {
    throw new BackupError('wrong_engine', `This backup is of ${engineName(info.engine)}; this installation uses ${engineName(target.kind)}. Restore it with the same engine.`);
  }
  if (info.database === 'pg_dump' && toolMajor('pg_restore') === null) {
    throw new BackupError('tool_missing', 'This backup holds a pg_dump archive and pg_restore is not installed: install the PostgreSQL client tools.');
  }
}

/** What already lives in the target, described for the refusal message. */
async function occupiedParts(target: RestoreTarget): Promise<string[]> {
  const found: string[] = [];
  if (target.kind === 'pglite') {
    const entries = await readdir(path.join(target.dataDir, 'pglite')).catch(() => []);
    if (entries.length) found.push(`${path.join(target.dataDir, 'pglite')} holds a database`);
  } else {
    const sql = postgres(target.url, { max: 1, onnotice: () => undefined });
    try {
      if (!(await isEmptyDatabase(sql))) found.push('the PostgreSQL database has tables');
    } finally {
      await sql.end({ timeout: 5 });
    }
  }
  for (const folder of await fileFolders(target.dataDir)) {
    if ((await readdir(path.join(target.dataDir, folder))).length) found.push(`${path.join(target.dataDir, folder)} holds files`);
  }
  return found;
}

/** Moves the old database folder and file folders into DATA_DIR/.before-restore-<time> (kept, never deleted). */
async function moveAside(dataDir: string, pglite: boolean): Promise<string> {
  const aside = path.join(dataDir, `.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  await mkdir(aside, { recursive: true });
  const names = [...(await fileFolders(dataDir)), ...(pglite ? ['pglite'] : [])];
  for (const name of names) await rename(path.join(dataDir, name), path.join(aside, name)).catch(() => undefined);
  return aside;
}

/**
 * One pass over the archive: refusals of its description come first, before anything is written; files and the
 * embedded database go to the staging folder; PostgreSQL commits only after the archive matched its manifest.
 */
async function apply(file: string, key: ArchiveKey, target: RestoreTarget, staging: string, replace: boolean): Promise<{ manifest: BackupManifest; counts: Record<string, number> }> {
  let counts: Record<string, number> = {};
  const pg = target.kind === 'postgres' ? postgresDatabaseSink(target.url, replace) : null;
  try {
    const manifest = await walkArchive(file, key, {
      info: (info) => {
        checkTarget(info, target);
        pg?.info(info);
      },
      part: (begin) => {
        if (begin.kind === 'file') return fileSink(staging, begin);
        if (begin.kind === 'pglite-datadir') {
          return collect(async (dump) => {
            const client = await PGlite.create({ dataDir: path.join(staging, 'pglite'), loadDataDir: dump });
            try {
              counts = await countTables(async (text) => (await client.query<Record<string, unknown>>(text)).rows);
            } finally {
              await client.close();
            }
          });
        }
        if (!pg) throw new BackupError('damaged', `The backup archive is damaged: unexpected part ${begin.name}.`);
        return pg.part(begin);
      },
    });
    if (pg) counts = await pg.commit(manifest);
    return { manifest, counts };
  } catch (error) {
    if (pg) await pg.rollback();
    throw error;
  }
}

/** A sink that gathers a part in memory (the embedded database's dump, loaded whole by PGlite). */
export function collect(onEnd: (blob: Blob) => Promise<void>): Sink {
  const chunks: Buffer[] = [];
  return {
    write: async (chunk) => void chunks.push(Buffer.from(chunk)),
    end: () => onEnd(new Blob(chunks)),
    abort: async () => undefined,
  };
}

function fileSink(staging: string, begin: PartBegin): Sink {
  const relative = path.posix.normalize(begin.path ?? '');
  if (!relative || relative.startsWith('..') || path.posix.isAbsolute(relative) || relative.includes('\0')) {
    throw new BackupError('damaged', `The backup archive is damaged: the file path ${JSON.stringify(begin.path)} is not allowed.`);
  }
  const destination = path.join(staging, 'files', ...relative.split('/'));
  let stream: WriteStream | undefined;
  const open = async () => {
    if (!stream) {
      await mkdir(path.dirname(destination), { recursive: true });
      stream = createWriteStream(destination, { mode: 0o600 });
    }
    return stream;
  };
  return {
    write: async (chunk) => writeTo(await open(), chunk),
    end: async () => {
      const s = await open();
      await new Promise<void>((resolve, reject) => s.end((error?: Error | null) => (error ? reject(error) : resolve())));
    },
    abort: async () => void stream?.destroy(),
  };
}

/** Re-exported for the verify job. */
export type { RunSql };

import { randomBytes } from 'node:crypto';
import { constants, existsSync } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { and, asc, eq, gte, lt, ne } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { storedFileChunks, storedFiles } from '../db/schema/index.js';
import { openChunk, rechunk, sealChunk, unwrapKey, wrapKey, type KeyRing } from './crypto.js';
import { frame, framesOf, readFramed, writeFramed } from './frames.js';
import type { S3Bucket } from './s3.js';

/** Chunks per database statement when writing and reading the `db` backend (4 x 256 KB). */
const BATCH_CHUNKS = 4;

/** Where a file's encrypted bytes live: the database (PostgreSQL), the data folder (PGlite) or an S3 bucket. */
export type StoreKind = 'db' | 'dir' | 's3';

/** What a stored file's row says about where its sealed chunks are. */
export interface StoredRow { key: string; store: string; chunks: number; nonce: Buffer }

/** The object name of a file in a bucket: its key and its random nonce, so a retried upload never overwrites. */
export function objectName(key: string, nonce: Buffer): string {
  return `${key}.${nonce.toString('hex')}`;
}

/** A file as written: its plaintext size. */
export interface WrittenFile { key: string; size: number }

/**
 * A file encrypted for a key, waiting for the owning record's transaction: `save(tx)` writes its metadata (and,
 * in the database backend, its chunks) in that transaction; `finish` after the commit puts a data-folder file in
 * place; `discard` after a failure removes what was written outside the database.
 */
export interface PreparedFile {
  readonly key: string;
  readonly size: number;
  save(tx: Db): Promise<void>;
  finish(): Promise<void>;
  discard(): Promise<void>;
}

/** What a transaction of `withFiles` can do with stored files. */
export interface FileWork {
  /** Encrypts and stores `source` under `key` in this transaction. */
  put(key: string, source: AsyncIterable<Buffer> | Buffer): Promise<WrittenFile>;
  /** Saves a file prepared before the transaction (a long upload on the embedded engine). */
  adopt(prepared: PreparedFile): Promise<WrittenFile>;
  /** Removes a stored file with this transaction (its data-folder bytes go after the commit). */
  remove(key: string): Promise<void>;
}

/**
 * One file store for every module and every process. Each file is AES-256-GCM encrypted with its own key,
 * wrapped by the master key; metadata (size, wrapped key) is in `stored_files` whatever the backend, so every
 * process sharing the database finds every file. Keys are caller-chosen names such as `tips/<district>/<uuid>`.
 */
export class FileStore {
  /** `bucket` is the S3 store (FILE_STORE=s3://...): where new files go when `kind` is `s3`, read whenever configured. */
  constructor(readonly db: Db, readonly ring: KeyRing, readonly kind: StoreKind, readonly filesDir: string, readonly bucket?: S3Bucket) {
    if (kind === 's3' && !bucket) throw new Error('FILE_STORE=s3 needs the bucket settings (FILE_STORE=s3://bucket/prefix, S3_*)');
  }

  /** The S3 bucket, or a message saying a file lives in one that is not configured here. */
  s3(): S3Bucket {
    if (!this.bucket) throw new Error('A file is kept in an S3 bucket but FILE_STORE=s3://... is not configured in this process');
    return this.bucket;
  }

  /** Whether the backend answers (the bucket with these credentials, the data folder writable); throws the cause. */
  async probe(): Promise<void> {
    if (this.bucket) await this.bucket.probe();
    if (this.kind === 'dir') {
      await mkdir(this.filesDir, { recursive: true });
      await access(this.filesDir, constants.W_OK);
    }
  }

  /**
   * Encrypts `source` for `key` without writing metadata yet. The dir backend writes the sealed chunks to a
   * `.part` file now (so a slow upload never holds a transaction open on the embedded engine), the s3 backend
   * uploads the object now (named by key and nonce: invisible until its row commits, deleted by `discard` or
   * the sweep otherwise); the db backend writes them when `save(tx)` runs, inside the owning record's transaction.
   */
  async prepare(key: string, source: AsyncIterable<Buffer> | Buffer): Promise<PreparedFile> {
    const fileKey = randomBytes(32);
    const nonce = randomBytes(12);
    const input: AsyncIterable<Buffer> = Buffer.isBuffer(source) ? Readable.from([source]) : source;
    const stats = { size: 0, chunks: 0 };
    const partial = `${this.pathOf(key)}.part`;
    async function* sealed(): AsyncGenerator<{ seq: number; bytes: Buffer }> {
      for await (const plain of rechunk(input)) {
        const seq = stats.chunks;
        stats.size += plain.length;
        stats.chunks += 1;
        yield { seq, bytes: sealChunk(fileKey, nonce, seq, plain) };
      }
    }
    async function* bytesOnly(): AsyncGenerator<Buffer> {
      for await (const chunk of sealed()) yield chunk.bytes;
    }
    if (this.kind === 'dir') {
      try {
        await writeFramed(partial, bytesOnly());
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    }
    const bucket = this.kind === 's3' ? this.s3() : undefined;
    if (bucket) {
      async function* framed() {
        for await (const chunk of bytesOnly()) yield frame(chunk);
      }
      await bucket.put(objectName(key, nonce), framed());
    }
    const { kind, ring } = this;
    const finalPath = this.pathOf(key);
    return {
      key,
      get size() { return stats.size; },
      async save(tx: Db) {
        await tx.insert(storedFiles).values({ key, store: kind, wrappedKey: wrapKey(ring.current.key, fileKey), keyId: ring.current.id, nonce });
        if (kind === 'db') {
          // A few chunks per statement: fewer round trips, memory still bounded (BATCH_CHUNKS x 256 KB).
          let batch: { key: string; seq: number; bytes: Buffer }[] = [];
          for await (const chunk of sealed()) {
            batch.push({ key, seq: chunk.seq, bytes: chunk.bytes });
            if (batch.length === BATCH_CHUNKS) {
              await tx.insert(storedFileChunks).values(batch);
              batch = [];
            }
          }
          if (batch.length > 0) await tx.insert(storedFileChunks).values(batch);
        }
        await tx.update(storedFiles).set({ size: stats.size, chunks: stats.chunks, complete: true }).where(eq(storedFiles.key, key));
      },
      async finish() {
        if (kind === 'dir') await rename(partial, finalPath);
      },
      async discard() {
        if (kind === 'dir') await rm(partial, { force: true });
        if (bucket) await bucket.delete(objectName(key, nonce)).catch(() => undefined);
      },
    };
  }

  /** Encrypts and stores `source` under `key` in a transaction of its own; a failure part-way leaves nothing. */
  async write(key: string, source: AsyncIterable<Buffer> | Buffer): Promise<WrittenFile> {
    return withFiles(this, this.db, async (_tx, files) => files.put(key, source));
  }

  /**
   * The plaintext of a complete file as a stream (chunk by chunk: flat memory), or null when unknown. Pass the
   * transaction when reading inside one (the embedded engine has a single connection).
   */
  async open(key: string, db: Db = this.db): Promise<{ stream: Readable; size: number } | null> {
    const [row] = await db.select().from(storedFiles).where(and(eq(storedFiles.key, key), eq(storedFiles.complete, true)));
    if (!row) return null;
    const fileKey = unwrapKey(this.ring, row.keyId, row.wrappedKey);
    const chunks = await this.sealedChunks(row, db);
    async function* plain() {
      let seq = 0;
      for await (const sealed of chunks) {
        yield openChunk(fileKey, row!.nonce, seq, sealed);
        seq += 1;
      }
      if (seq !== row!.chunks) throw new Error(`stored file ${key} is truncated (${seq} of ${row!.chunks} chunks)`);
    }
    return { stream: Readable.from(plain()), size: row.size };
  }

  /** The whole plaintext of a small file (documents, photos), or null when unknown. */
  async readAll(key: string, db: Db = this.db): Promise<Buffer | null> {
    const opened = await this.open(key, db);
    if (!opened) return null;
    const parts: Buffer[] = [];
    for await (const part of opened.stream) parts.push(part as Buffer);
    return Buffer.concat(parts);
  }

  /** Removes a file (bytes and metadata) in a transaction of its own. */
  async remove(key: string): Promise<void> {
    await withFiles(this, this.db, async (_tx, files) => files.remove(key));
  }

  /**
   * A data-folder file whose record committed while its process stopped before the rename is still a `.part`:
   * the committed row proves it complete, so it is put in place.
   */
  async settle(key: string): Promise<void> {
    const target = this.pathOf(key);
    if (!existsSync(target) && existsSync(`${target}.part`)) await rename(`${target}.part`, target);
  }

  /** The path of a file kept in the data folder. */
  pathOf(key: string): string {
    const safe = key.split('/').map((p) => p.replace(/[^A-Za-z0-9._-]/g, '_')).join(path.sep);
    return path.join(this.filesDir, safe);
  }

  /** The sealed chunks of a file wherever its row says they are (empty when its object or file is gone). */
  async sealedChunks(row: StoredRow, db: Db = this.db): Promise<AsyncIterable<Buffer>> {
    if (row.store === 'db') return this.dbChunks(row.key, row.chunks, db);
    if (row.store === 's3') {
      const body = await this.s3().get(objectName(row.key, row.nonce));
      return body ? framesOf(body) : framesOf([]);
    }
    await this.settle(row.key);
    return existsSync(this.pathOf(row.key)) ? readFramed(this.pathOf(row.key)) : framesOf([]);
  }

  /** The sealed chunks of a file kept in the database, a few per query (a 200 MB file never sits in memory). */
  async *dbChunks(key: string, count: number, db: Db = this.db): AsyncGenerator<Buffer> {
    for (let from = 0; from < count; from += BATCH_CHUNKS) {
      const found = await db.select({ seq: storedFileChunks.seq, bytes: storedFileChunks.bytes }).from(storedFileChunks)
        .where(and(eq(storedFileChunks.key, key), gte(storedFileChunks.seq, from), lt(storedFileChunks.seq, from + BATCH_CHUNKS)))
        .orderBy(asc(storedFileChunks.seq));
      for (const [i, row] of found.entries()) {
        if (row.seq !== from + i) return;
        yield row.bytes;
      }
      if (found.length < Math.min(BATCH_CHUNKS, count - from)) return;
    }
  }
}

/**
 * Runs `work` in one transaction of `db` with the means to store and remove files in it, so a record and its
 * file commit or fail together: in the database backend the chunks are rows of the transaction; in the data
 * folder a `.part` file is renamed into place after the commit and removed after a failure (and by the sweep
 * when the process died in between).
 */
export async function withFiles<T>(store: FileStore, db: Db, work: (tx: Db, files: FileWork) => Promise<T>): Promise<T> {
  const prepared: PreparedFile[] = [];
  const removed: { key: string; store: string; nonce: Buffer }[] = [];
  let result: T;
  try {
    result = await db.transaction(async (tx) => work(tx, {
      async put(key, source) {
        const file = await store.prepare(key, source);
        prepared.push(file);
        await file.save(tx);
        return { key, size: file.size };
      },
      async adopt(file) {
        prepared.push(file);
        await file.save(tx);
        return { key: file.key, size: file.size };
      },
      async remove(key) {
        const [row] = await tx.delete(storedFiles).where(eq(storedFiles.key, key)).returning({ store: storedFiles.store, nonce: storedFiles.nonce });
        if (row && row.store !== 'db') removed.push({ key, ...row });
      },
    }));
  } catch (error) {
    for (const file of prepared) await file.discard();
    throw error;
  }
  // Committed: a failed rename here is finished by `settle` on the next read or by the sweep.
  for (const file of prepared) await file.finish().catch(() => undefined);
  // An object left by a failed delete here has no row any more: the sweep removes it.
  for (const r of removed) {
    if (r.store === 'dir') await rm(store.pathOf(r.key), { force: true });
    else await store.s3().delete(objectName(r.key, r.nonce)).catch(() => undefined);
  }
  return result;
}

/** Files whose key is wrapped by a master key other than `current` (after a rotation: should be none). */
export async function filesNotUnder(db: Db, current: string): Promise<number> {
  return db.$count(storedFiles, ne(storedFiles.keyId, current));
}

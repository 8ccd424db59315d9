import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { and, asc, eq, inArray, lt, ne } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { storedFileChunks, storedFiles } from '../db/schema/index.js';
import { openChunk, rechunk, sealChunk, unwrapKey, wrapKey, type KeyRing } from './crypto.js';

/** Where a file's encrypted bytes live: the database (PostgreSQL) or the data folder (PGlite). */
export type StoreKind = 'db' | 'dir';

/** A file as written: its plaintext size. */
export interface WrittenFile { key: string; size: number }

/**
 * One file store for every module and every process. Each file is AES-256-GCM encrypted with its own key,
 * wrapped by the master key; metadata (size, wrapped key) is in `stored_files` whatever the backend, so every
 * process sharing the database finds every file. Keys are caller-chosen names such as `<district>/<uuid>`.
 */
export class FileStore {
  constructor(readonly db: Db, readonly ring: KeyRing, readonly kind: StoreKind, readonly filesDir: string) {}

  /** Encrypts and stores `source` under `key`; a failure part-way leaves nothing (the row and bytes are removed). */
  async write(key: string, source: AsyncIterable<Buffer>): Promise<WrittenFile> {
    const fileKey = randomBytes(32);
    const nonce = randomBytes(12);
    await this.db.insert(storedFiles).values({
      key, store: this.kind, wrappedKey: wrapKey(this.ring.current.key, fileKey), keyId: this.ring.current.id, nonce,
    });
    let size = 0;
    let seq = 0;
    let out: WriteStream | null = null;
    const partial = `${this.pathOf(key)}.part`;
    try {
      if (this.kind === 'dir') {
        await mkdir(path.dirname(partial), { recursive: true });
        out = createWriteStream(partial, { mode: 0o600 });
      }
      for await (const plain of rechunk(source)) {
        const sealed = sealChunk(fileKey, nonce, seq, plain);
        if (out) {
          const frame = Buffer.alloc(4);
          frame.writeUInt32BE(sealed.length);
          if (!out.write(Buffer.concat([frame, sealed]))) await new Promise<void>((r) => out!.once('drain', () => r()));
        } else {
          await this.db.insert(storedFileChunks).values({ key, seq, bytes: sealed });
        }
        size += plain.length;
        seq += 1;
      }
      if (out) {
        const stream = out;
        await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
        await rename(partial, this.pathOf(key));
      }
      await this.db.update(storedFiles).set({ size, chunks: seq, complete: true }).where(eq(storedFiles.key, key));
      return { key, size };
    } catch (error) {
      out?.destroy();
      await rm(partial, { force: true });
      await this.db.delete(storedFiles).where(eq(storedFiles.key, key)).catch(() => undefined);
      throw error;
    }
  }

  /** The plaintext of a complete file as a stream (chunk by chunk: flat memory), or null when unknown. */
  async open(key: string): Promise<{ stream: Readable; size: number } | null> {
    const [row] = await this.db.select().from(storedFiles).where(and(eq(storedFiles.key, key), eq(storedFiles.complete, true)));
    if (!row) return null;
    const fileKey = unwrapKey(this.ring, row.keyId, row.wrappedKey);
    const chunks = row.store === 'dir' ? this.dirChunks(key) : this.dbChunks(key, row.chunks);
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

  /** Removes a file (bytes and metadata). */
  async remove(key: string): Promise<void> {
    const [row] = await this.db.delete(storedFiles).where(eq(storedFiles.key, key)).returning({ store: storedFiles.store });
    if (row?.store === 'dir') await rm(this.pathOf(key), { force: true });
  }

  /**
   * Removes what interrupted uploads left: incomplete rows older than `olderThanMs` (with their chunks or
   * `.part` file) and `.part` files in the folder of the same age. Returns how many were removed.
   */
  async sweepPartial(now: Date, olderThanMs = 3_600_000): Promise<number> {
    const cutoff = new Date(now.getTime() - olderThanMs);
    const gone = await this.db.delete(storedFiles)
      .where(and(eq(storedFiles.complete, false), lt(storedFiles.createdAt, cutoff))).returning({ key: storedFiles.key, store: storedFiles.store });
    for (const g of gone) if (g.store === 'dir') await rm(`${this.pathOf(g.key)}.part`, { force: true });
    let parts = 0;
    const walk = async (dir: string): Promise<void> => {
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const e of entries) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) await walk(full);
        else if (e.name.endsWith('.part') && (await stat(full)).mtimeMs < cutoff.getTime()) {
          await rm(full, { force: true });
          parts += 1;
        }
      }
    };
    await walk(this.filesDir);
    return gone.length + parts;
  }

  /**
   * Re-wraps every file key wrapped by a previous master key under the current one (rotation; file bytes are
   * not touched, so it runs while the servers serve). Returns how many were re-wrapped.
   */
  async rewrapAll(): Promise<number> {
    let done = 0;
    const previous = this.ring.previous.map((k) => k.id);
    if (previous.length === 0) return 0;
    for (;;) {
      const batch = await this.db.select({ key: storedFiles.key, keyId: storedFiles.keyId, wrappedKey: storedFiles.wrappedKey })
        .from(storedFiles).where(inArray(storedFiles.keyId, previous)).orderBy(asc(storedFiles.key)).limit(500);
      if (batch.length === 0) return done;
      for (const f of batch) {
        const fileKey = unwrapKey(this.ring, f.keyId, f.wrappedKey);
        await this.db.update(storedFiles).set({ wrappedKey: wrapKey(this.ring.current.key, fileKey), keyId: this.ring.current.id })
          .where(and(eq(storedFiles.key, f.key), eq(storedFiles.keyId, f.keyId)));
        done += 1;
      }
    }
  }

  /**
   * Moves every complete file kept in `from` into this store's backend. Sealed chunks are copied as they are
   * (no decryption, keys untouched); the row switches backend in one statement, then the old copy is removed.
   */
  async moveAllFrom(from: FileStore): Promise<{ moved: number; missing: string[] }> {
    const missing: string[] = [];
    if (from.kind === this.kind) return { moved: 0, missing };
    let moved = 0;
    const toMove = await this.db.select({ key: storedFiles.key, chunks: storedFiles.chunks }).from(storedFiles)
      .where(and(eq(storedFiles.store, from.kind), eq(storedFiles.complete, true))).orderBy(asc(storedFiles.key));
    for (const { key, chunks } of toMove) {
      // A file in another host's folder (several servers each with its own disk): reported, left as it is.
      if (from.kind === 'dir' && !existsSync(from.pathOf(key))) {
        missing.push(key);
        continue;
      }
      if (this.kind === 'db') {
        let seq = 0;
        for await (const sealed of from.dirChunks(key)) {
          await this.db.insert(storedFileChunks).values({ key, seq, bytes: sealed }).onConflictDoNothing();
          seq += 1;
        }
        await this.db.update(storedFiles).set({ store: 'db' }).where(eq(storedFiles.key, key));
        await rm(from.pathOf(key), { force: true });
      } else {
        const target = this.pathOf(key);
        await mkdir(path.dirname(target), { recursive: true });
        const out = createWriteStream(`${target}.part`, { mode: 0o600 });
        for await (const sealed of this.dbChunks(key, chunks)) {
          const frame = Buffer.alloc(4);
          frame.writeUInt32BE(sealed.length);
          if (!out.write(Buffer.concat([frame, sealed]))) await new Promise<void>((r) => out.once('drain', () => r()));
        }
        await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
        await rename(`${target}.part`, target);
        await this.db.transaction(async (tx) => {
          await tx.update(storedFiles).set({ store: 'dir' }).where(eq(storedFiles.key, key));
          await tx.delete(storedFileChunks).where(eq(storedFileChunks.key, key));
        });
      }
      moved += 1;
    }
    return { moved, missing };
  }

  /** The path of a file kept in the data folder. */
  pathOf(key: string): string {
    const safe = key.split('/').map((p) => p.replace(/[^A-Za-z0-9._-]/g, '_')).join(path.sep);
    return path.join(this.filesDir, safe);
  }

  /** The sealed chunks of a file kept in the database, one query each. */
  async *dbChunks(key: string, count: number): AsyncGenerator<Buffer> {
    // One chunk per query: a 200 MB file never sits in memory.
    for (let seq = 0; seq < count; seq++) {
      const [row] = await this.db.select({ bytes: storedFileChunks.bytes }).from(storedFileChunks)
        .where(and(eq(storedFileChunks.key, key), eq(storedFileChunks.seq, seq)));
      if (!row) return;
      yield row.bytes;
    }
  }

  /** The sealed chunks of a file kept in the data folder. */
  async *dirChunks(key: string): AsyncGenerator<Buffer> {
    const handle = await open(this.pathOf(key), 'r');
    try {
      const header = Buffer.alloc(4);
      for (;;) {
        const { bytesRead } = await handle.read(header, 0, 4, null);
        if (bytesRead < 4) return;
        const body = Buffer.alloc(header.readUInt32BE(0));
        const got = await handle.read(body, 0, body.length, null);
        if (got.bytesRead < body.length) return;
        yield body;
      }
    } finally {
      await handle.close();
    }
  }
}


/** Files whose key is wrapped by a master key other than `current` (after a rotation: should be none). */
export async function filesNotUnder(db: Db, current: string): Promise<number> {
  return db.$count(storedFiles, ne(storedFiles.keyId, current));
}

import { existsSync } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { and, asc, eq, inArray, lt, ne } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { storedFileChunks, storedFiles } from '../db/schema/index.js';
import { unwrapKey, wrapKey } from './crypto.js';
import { frame, writeFramed } from './frames.js';
import { objectName, type FileStore, type StoredRow } from './store.js';

/** Every file under `dir` (recursively) with its modification time. */
async function filesUnder(dir: string): Promise<{ file: string; mtimeMs: number }[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const found: { file: string; mtimeMs: number }[] = [];
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) found.push(...(await filesUnder(full)));
    else found.push({ file: full, mtimeMs: (await stat(full).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs });
  }
  return found;
}

/**
 * Removes what interrupted uploads and crashes left, when older than `olderThanMs`: incomplete rows (with their
 * chunks), `.part` files whose record never committed, and data-folder files no row names (a removal whose unlink
 * was cut short). A `.part` file whose row did commit (the process stopped before the rename) is put in place.
 * Returns how many were removed.
 */
export async function sweepPartial(store: FileStore, now: Date, olderThanMs = 3_600_000): Promise<number> {
  const cutoff = now.getTime() - olderThanMs;
  const gone = await store.db.delete(storedFiles)
    .where(and(eq(storedFiles.complete, false), lt(storedFiles.createdAt, new Date(cutoff)))).returning({ key: storedFiles.key });
  let removed = gone.length;
  for (const { file, mtimeMs } of await filesUnder(store.filesDir)) {
    if (mtimeMs >= cutoff) continue;
    const isPart = file.endsWith('.part');
    const key = path.relative(store.filesDir, isPart ? file.slice(0, -'.part'.length) : file).split(path.sep).join('/');
    if (store.pathOf(key) !== (isPart ? file.slice(0, -'.part'.length) : file)) continue;
    const [row] = await store.db.select({ complete: storedFiles.complete }).from(storedFiles).where(eq(storedFiles.key, key));
    if (isPart && row?.complete && !existsSync(store.pathOf(key))) {
      await rename(file, store.pathOf(key));
    } else if (isPart || !row) {
      await rm(file, { force: true });
      removed += 1;
    }
  }
  if (store.bucket) removed += await sweepBucket(store, cutoff);
  return removed;
}

/**
 * In the bucket: objects older than the cutoff that no committed row names (an upload whose record was refused
 * while the process died before deleting it, a removal whose delete failed), and multipart uploads a crash left
 * unfinished (aborted, so their parts stop taking space). Names are checked a page of 500 at a time.
 */
async function sweepBucket(store: FileStore, cutoff: number): Promise<number> {
  const bucket = store.s3();
  let removed = 0;
  let page: { name: string; key: string; nonce: string }[] = [];
  const settlePage = async () => {
    const found = page.length === 0 ? [] : await store.db.select({ key: storedFiles.key, store: storedFiles.store, nonce: storedFiles.nonce })
      .from(storedFiles).where(inArray(storedFiles.key, page.map((p) => p.key)));
    const named = new Set(found.filter((r) => r.store === 's3').map((r) => objectName(r.key, r.nonce)));
    for (const p of page) {
      if (named.has(p.name)) continue;
      await bucket.delete(p.name);
      removed += 1;
    }
    page = [];
  };
  for await (const object of bucket.list()) {
    const parsed = /^(.+)\.([0-9a-f]{24})$/.exec(object.name);
    if (!parsed || object.lastModified.getTime() >= cutoff) continue;
    page.push({ name: object.name, key: parsed[1]!, nonce: parsed[2]! });
    if (page.length === 500) await settlePage();
  }
  await settlePage();
  for (const upload of await bucket.pendingUploads()) {
    if (upload.initiated.getTime() >= cutoff) continue;
    await bucket.abort(upload.name, upload.uploadId);
    removed += 1;
  }
  return removed;
}

/**
 * Re-wraps every file key wrapped by a previous master key under the current one (rotation; file bytes are
 * not touched, so it runs while the servers serve). Returns how many were re-wrapped.
 */
export async function rewrapAll(store: FileStore): Promise<number> {
  let done = 0;
  const previous = store.ring.previous.map((k) => k.id);
  if (previous.length === 0) return 0;
  for (;;) {
    const batch = await store.db.select({ key: storedFiles.key, keyId: storedFiles.keyId, wrappedKey: storedFiles.wrappedKey })
      .from(storedFiles).where(inArray(storedFiles.keyId, previous)).orderBy(asc(storedFiles.key)).limit(500);
    if (batch.length === 0) return done;
    for (const f of batch) {
      const fileKey = unwrapKey(store.ring, f.keyId, f.wrappedKey);
      await store.db.update(storedFiles).set({ wrappedKey: wrapKey(store.ring.current.key, fileKey), keyId: store.ring.current.id })
        .where(and(eq(storedFiles.key, f.key), eq(storedFiles.keyId, f.keyId)));
      done += 1;
    }
  }
}

/** Writes a file's sealed chunks into `to`'s backend outside the database (dir: framed file; s3: object). */
async function placeOutside(to: FileStore, row: StoredRow, chunks: AsyncIterable<Buffer>): Promise<void> {
  if (to.kind === 'dir') {
    const target = to.pathOf(row.key);
    await writeFramed(`${target}.part`, chunks);
    await rename(`${target}.part`, target);
  } else {
    async function* framed() {
      for await (const chunk of chunks) yield frame(chunk);
    }
    await to.s3().put(objectName(row.key, row.nonce), framed());
  }
}

/**
 * Moves every complete file kept in another backend into `to`'s (db, dir or s3). Sealed chunks are copied as they
 * are (no decryption, keys untouched); the row switches backend in one transaction, then the old copy is
 * removed. A file whose bytes are not found (another host's data folder, a deleted object) is reported and left.
 */
export async function moveAll(to: FileStore): Promise<{ moved: number; missing: string[] }> {
  const missing: string[] = [];
  let moved = 0;
  const toMove = await to.db.select({ key: storedFiles.key, store: storedFiles.store, chunks: storedFiles.chunks, nonce: storedFiles.nonce })
    .from(storedFiles).where(and(ne(storedFiles.store, to.kind), eq(storedFiles.complete, true))).orderBy(asc(storedFiles.key));
  for (const row of toMove) {
    const { key } = row;
    if (row.store === 'dir') await to.settle(key);
    if (row.store === 'dir' && !existsSync(to.pathOf(key))) {
      missing.push(key);
      continue;
    }
    const counted = { seq: 0 };
    async function* sealed(source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        yield chunk;
        counted.seq += 1;
      }
    }
    const source = sealed(await to.sealedChunks(row));
    const switchRow = async (tx: Db) => {
      if (counted.seq !== row.chunks) throw new Error(`stored file ${key}: ${counted.seq} of ${row.chunks} chunks found in ${row.store}`);
      await tx.update(storedFiles).set({ store: to.kind }).where(eq(storedFiles.key, key));
      if (row.store === 'db') await tx.delete(storedFileChunks).where(eq(storedFileChunks.key, key));
    };
    try {
      if (to.kind === 'db') {
        await to.db.transaction(async (tx) => {
          let seq = 0;
          for await (const chunk of source) {
            await tx.insert(storedFileChunks).values({ key, seq, bytes: chunk }).onConflictDoNothing();
            seq += 1;
          }
          await switchRow(tx);
        });
      } else {
        await placeOutside(to, row, source);
        await to.db.transaction(switchRow);
      }
    } catch (error) {
      if (counted.seq === row.chunks) throw error;
      // The source lacks chunks: remove the incomplete copy, report the file, carry on with the others.
      if (to.kind === 'dir') await rm(to.pathOf(key), { force: true });
      if (to.kind === 's3') await to.s3().delete(objectName(key, row.nonce));
      missing.push(key);
      continue;
    }
    if (row.store === 'dir') await rm(to.pathOf(key), { force: true });
    if (row.store === 's3') await to.s3().delete(objectName(key, row.nonce)).catch(() => undefined);
    moved += 1;
  }
  return { moved, missing };
}

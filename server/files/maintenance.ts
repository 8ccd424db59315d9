import { existsSync } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import { storedFileChunks, storedFiles } from '../db/schema/index.js';
import { unwrapKey, wrapKey } from './crypto.js';
import { writeFramed } from './frames.js';
import type { FileStore } from './store.js';

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

/**
 * Moves every complete file kept in `from` into `to`'s backend. Sealed chunks are copied as they are (no
 * decryption, keys untouched); the row switches backend in one transaction, then the old copy is removed.
 */
export async function moveAll(to: FileStore, from: FileStore): Promise<{ moved: number; missing: string[] }> {
  const missing: string[] = [];
  if (from.kind === to.kind) return { moved: 0, missing };
  let moved = 0;
  const toMove = await to.db.select({ key: storedFiles.key, chunks: storedFiles.chunks }).from(storedFiles)
    .where(and(eq(storedFiles.store, from.kind), eq(storedFiles.complete, true))).orderBy(asc(storedFiles.key));
  for (const { key, chunks } of toMove) {
    if (from.kind === 'dir') {
      await from.settle(key);
      // A file in another host's folder (several servers each with its own disk): reported, left as it is.
      if (!existsSync(from.pathOf(key))) {
        missing.push(key);
        continue;
      }
      await to.db.transaction(async (tx) => {
        let seq = 0;
        for await (const sealed of from.dirChunks(key)) {
          await tx.insert(storedFileChunks).values({ key, seq, bytes: sealed }).onConflictDoNothing();
          seq += 1;
        }
        await tx.update(storedFiles).set({ store: 'db' }).where(eq(storedFiles.key, key));
      });
      await rm(from.pathOf(key), { force: true });
    } else {
      const target = to.pathOf(key);
      await writeFramed(`${target}.part`, from.dbChunks(key, chunks));
      await rename(`${target}.part`, target);
      await to.db.transaction(async (tx) => {
        await tx.update(storedFiles).set({ store: 'dir' }).where(eq(storedFiles.key, key));
        await tx.delete(storedFileChunks).where(eq(storedFileChunks.key, key));
      });
    }
    moved += 1;
  }
  return { moved, missing };
}

import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../ops/test-process.js';
import { testConfig } from '../test/app.js';
import { createTestDatabase, TEST_TMP, testEngine } from '../test/database.js';
import { startS3Server, type TestS3Server } from '../test/s3-server.js';
import { rows, type Database } from '../db/connection.js';
import { storedFiles } from '../db/schema/index.js';
import { CHUNK_BYTES, loadKeyRing } from './crypto.js';
import { sweepPartial } from './maintenance.js';
import { PART_BYTES, S3Bucket } from './s3.js';
import { FileStore, objectName, withFiles } from './store.js';

const MARKER = 'Statement of Priya Castellanos: the vape pen was in backpack 7';

let database: Database;
let s3: TestS3Server;
beforeAll(async () => {
  [database, s3] = await Promise.all([createTestDatabase(), startS3Server()]);
}, 300_000);
afterAll(async () => {
  await s3?.close();
  await database?.close();
});

function storeFor(prefix: string, overrides: Record<string, string> = {}): FileStore {
  mkdirSync(TEST_TMP, { recursive: true });
  const dataDir = mkdtempSync(path.join(TEST_TMP, 's3-files-'));
  const config = testConfig({ ...s3.env(prefix, overrides), DATA_DIR: dataDir });
  return new FileStore(database.db, loadKeyRing({ dataDir }), 's3', path.join(dataDir, 'files'), new S3Bucket(config.s3!));
}

async function text(store: FileStore, key: string): Promise<string | undefined> {
  return (await store.readAll(key))?.toString();
}

describe(`the s3 file store (a SigV4-checking S3 server) on ${testEngine()}`, () => {
  it('round-trips a small file (one PUT) and one larger than a part (multipart upload); the bucket holds only ciphertext', async () => {
    const store = storeFor('roundtrip');
    const big = Buffer.concat([Buffer.from(MARKER.repeat(1000)), randomBytes(PART_BYTES + CHUNK_BYTES * 3 + 5)]);
    const [small, large] = [`tips/${randomBytes(4).toString('hex')}`, `evidence/${randomBytes(4).toString('hex')}`];
    await store.write(small, Buffer.from(MARKER));
    // Fed in pieces, as an upload arrives: the parts are cut from the stream, never the whole file in memory.
    const pieces = Array.from({ length: Math.ceil(big.length / 65_536) }, (_, i) => big.subarray(i * 65_536, (i + 1) * 65_536));
    expect(await store.write(large, Readable.from(pieces))).toEqual({ key: large, size: big.length });
    expect(await text(store, small)).toBe(MARKER);
    expect((await store.readAll(large))!.equals(big)).toBe(true);
    const [row] = await database.db.select().from(storedFiles).where(eq(storedFiles.key, large));
    expect(row).toMatchObject({ store: 's3', complete: true });
    expect(s3.objects().map((o) => o.name).filter((n) => n.startsWith('roundtrip/')).sort())
      .toEqual([`roundtrip/${objectName(large, row!.nonce)}`, `roundtrip/${objectName(small, await nonceOf(small))}`].sort());
    const needle = Buffer.from('Priya Castellanos');
    expect(s3.objects().filter((o) => readFileSync(o.file).includes(needle))).toEqual([]);
    expect(s3.pendingUploads()).toEqual([]);
    expect(s3.refused).toEqual([]);
  });

  it('a record refused after its upload leaves no object; a removal with its record deletes the object', async () => {
    const store = storeFor('refused');
    const key = `plans/${randomBytes(4).toString('hex')}`;
    await expect(withFiles(store, database.db, async (tx, files) => {
      await files.put(key, Buffer.concat([Buffer.from(MARKER), randomBytes(CHUNK_BYTES * 2)]));
      await tx.execute(sql`select 1 / 0`);
    })).rejects.toThrow(/select 1 \/ 0/);
    expect(await store.open(key)).toBeNull();
    expect(s3.objects().filter((o) => o.name.startsWith('refused/'))).toEqual([]);
    await withFiles(store, database.db, async (_tx, files) => files.put(key, Buffer.from(MARKER)));
    expect(s3.objects().filter((o) => o.name.startsWith('refused/'))).toHaveLength(1);
    await expect(withFiles(store, database.db, async (tx, files) => {
      await files.remove(key);
      await tx.execute(sql`select 1 / 0`);
    })).rejects.toThrow(/select 1 \/ 0/);
    expect(await text(store, key)).toBe(MARKER);
    await withFiles(store, database.db, async (_tx, files) => files.remove(key));
    expect(await store.open(key)).toBeNull();
    expect(s3.objects().filter((o) => o.name.startsWith('refused/'))).toEqual([]);
  });

  it('the sweep removes objects no committed row names and aborts multipart uploads a crash left, after an hour only', async () => {
    const store = storeFor('sweep');
    const kept = `kept/${randomBytes(4).toString('hex')}`;
    await store.write(kept, Buffer.from(MARKER));
    // The process died after uploading and before its record's transaction: an object and no row.
    const orphan = await store.prepare(`orphan/${randomBytes(4).toString('hex')}`, Buffer.from(MARKER));
    // The process died in the middle of a multipart upload: parts uploaded, never completed nor aborted.
    let die: (error: Error) => void = () => undefined;
    const stalled = new Promise<never>((_, reject) => { die = reject; });
    stalled.catch(() => undefined);
    let partSent = false;
    async function* crashing() {
      yield Buffer.alloc(PART_BYTES + 1, 3);
      partSent = true; // the loop asks for more only once the first part is stored
      await stalled;
    }
    const upload = s3Put(store, crashing());
    while (!partSent) await new Promise((r) => setTimeout(r, 20));
    expect(s3.pendingUploads()).toHaveLength(1);
    expect(s3.objects().filter((o) => o.name.startsWith('sweep/'))).toHaveLength(2);
    expect(await sweepPartial(store, new Date())).toBe(0); // an upload may still be running
    s3.backdate(2 * 3_600_000);
    expect(await sweepPartial(store, new Date())).toBe(2);
    expect(s3.pendingUploads()).toEqual([]);
    expect(s3.objects().filter((o) => o.name.startsWith('sweep/')).map((o) => o.name)).toEqual([`sweep/${objectName(kept, (await nonceOf(kept)))}`]);
    expect(await store.open(orphan.key)).toBeNull();
    expect(await text(store, kept)).toBe(MARKER);
    die(new Error('process killed'));
    await expect(upload).rejects.toThrow('process killed');
  });

  it('wrong credentials or an unknown bucket are named by the probe (the store answers 403/404 with its code)', async () => {
    await expect(storeFor('x', { S3_SECRET_ACCESS_KEY: 'not-the-secret' }).probe()).rejects.toThrow(/403 SignatureDoesNotMatch/);
    await expect(storeFor('x', { S3_ACCESS_KEY_ID: 'AKIAUNKNOWN' }).probe()).rejects.toThrow(/403 InvalidAccessKeyId/);
    await expect(storeFor('x', { FILE_STORE: 's3://no-such-bucket/x' }).probe()).rejects.toThrow(/404 NoSuchBucket/);
    await expect(storeFor('x', { S3_ENDPOINT: `http://127.0.0.1:${await freePort()}` }).probe()).rejects.toThrow(/unreachable \(ECONNREFUSED\)/);
    await expect(storeFor('x').probe()).resolves.toBeUndefined();
  });
});

async function nonceOf(key: string): Promise<Buffer> {
  const [row] = rows<{ nonce: Buffer }>(await database.db.execute(sql`select nonce from stored_files where key = ${key}`));
  return Buffer.from(row!.nonce);
}

/** Starts an upload straight to the bucket (as `prepare` does) from a source that may stall. */
function s3Put(store: FileStore, source: AsyncIterable<Buffer>): Promise<void> {
  return store.s3().put(`stalled/${randomBytes(4).toString('hex')}.${randomBytes(12).toString('hex')}`, source);
}

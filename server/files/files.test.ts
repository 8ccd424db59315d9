import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows, type Database } from '../db/connection.js';
import { storedFiles } from '../db/schema/index.js';
import { createTestDatabase, TEST_TMP, testEngine } from '../test/database.js';
import { CHUNK_BYTES, keyId, loadKeyRing, masterKeyFile, type KeyRing } from './crypto.js';
import { moveAll, rewrapAll, sweepPartial } from './maintenance.js';
import { FileStore, type StoreKind } from './store.js';

const SECRET = 'Witness statement: Marisol Quintero saw the knife in locker 214';

function scratch(): string {
  mkdirSync(TEST_TMP, { recursive: true });
  return mkdtempSync(path.join(TEST_TMP, 'files-'));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** A payload of several chunks holding the secret text many times, ending in a partial chunk. */
function payload(): Buffer {
  return Buffer.concat([Buffer.from(SECRET.repeat(20_000)), randomBytes(CHUNK_BYTES + 17)]);
}

function ring(key: Buffer, previous: Buffer[] = []): KeyRing {
  return { current: { id: keyId(key), key }, previous: previous.map((k) => ({ id: keyId(k), key: k })) };
}

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
}, 300_000);
afterAll(async () => database?.close());

describe.each(['dir', 'db'] as StoreKind[])(`the %s file store on ${testEngine()}`, (kind) => {
  it('round-trips a multi-chunk file; nothing readable in the data folder or the database (strings-style grep)', async () => {
    const dataDir = scratch();
    const store = new FileStore(database.db, loadKeyRing({ dataDir }), kind, path.join(dataDir, 'files'));
    const bytes = payload();
    const key = `evidence/${kind}/${randomBytes(4).toString('hex')}`;
    expect(await store.write(key, Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]))).toEqual({ key, size: bytes.length });
    const opened = await store.open(key);
    expect(opened!.size).toBe(bytes.length);
    expect((await readAll(opened!.stream)).equals(bytes)).toBe(true);
    // The master key was generated into the data folder, private to its owner.
    expect(statSync(masterKeyFile(dataDir)).mode & 0o077).toBe(0);
    const needle = Buffer.from('Marisol Quintero');
    const files = filesUnder(dataDir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect({ file, found: readFileSync(file).includes(needle) }).toEqual({ file, found: false });
    const [hits] = rows<{ n: number }>(await database.db.execute(sql`
      select count(*)::int as n from stored_file_chunks where key = ${key} and position(${needle}::bytea in bytes) > 0`));
    expect(hits!.n).toBe(0);
  });

  it('refuses a tampered file rather than returning altered bytes', async () => {
    const dataDir = scratch();
    const store = new FileStore(database.db, loadKeyRing({ dataDir }), kind, path.join(dataDir, 'files'));
    const key = `tamper/${kind}/${randomBytes(4).toString('hex')}`;
    await store.write(key, Readable.from([Buffer.from(SECRET)]));
    if (kind === 'dir') {
      const file = store.pathOf(key);
      const raw = readFileSync(file);
      raw[10] = raw[10]! ^ 0xff;
      writeFileSync(file, raw);
    } else {
      await database.db.execute(sql`update stored_file_chunks set bytes = overlay(bytes placing '\\xff'::bytea from 3 for 1) where key = ${key}`);
    }
    const opened = await store.open(key);
    await expect(readAll(opened!.stream)).rejects.toThrow(/unable to authenticate|Unsupported state/);
  });

  it('re-wraps every file key under a new master key (rotation) and the old key is then no longer needed', async () => {
    const dir = scratch();
    const [oldKey, newKey] = [randomBytes(32), randomBytes(32)];
    const before = new FileStore(database.db, ring(oldKey), kind, path.join(dir, 'files'));
    const key = `rotate/${kind}/${randomBytes(4).toString('hex')}`;
    await before.write(key, Readable.from([Buffer.from(SECRET)]));
    const during = new FileStore(database.db, ring(newKey, [oldKey]), kind, path.join(dir, 'files'));
    // A process that already knows the new key reads old files while the rotation runs: no downtime.
    expect((await readAll((await during.open(key))!.stream)).toString()).toBe(SECRET);
    expect(await rewrapAll(during)).toBeGreaterThanOrEqual(1);
    const [row] = await database.db.select({ keyId: storedFiles.keyId }).from(storedFiles).where(eq(storedFiles.key, key));
    expect(row!.keyId).toBe(keyId(newKey));
    const after = new FileStore(database.db, ring(newKey), kind, path.join(dir, 'files'));
    expect((await readAll((await after.open(key))!.stream)).toString()).toBe(SECRET);
    await expect(before.open(key)).rejects.toThrow(/master key .* is not configured/);
  });

  it('sweeps what interrupted uploads left (incomplete rows and .part files over an hour old), nothing else', async () => {
    const dataDir = scratch();
    const store = new FileStore(database.db, loadKeyRing({ dataDir }), kind, path.join(dataDir, 'files'));
    const kept = `kept/${randomBytes(4).toString('hex')}`;
    await store.write(kept, Readable.from([Buffer.from('complete')]));
    const broken = `broken/${randomBytes(4).toString('hex')}`;
    async function* dies() {
      yield Buffer.alloc(CHUNK_BYTES + 1, 1);
      throw new Error('client went away');
    }
    await expect(store.write(broken, dies())).rejects.toThrow('client went away');
    expect(await store.open(broken)).toBeNull();
    // A process killed mid-upload leaves an incomplete row and a .part file behind.
    const crashed = `crashed/${randomBytes(4).toString('hex')}`;
    await database.db.insert(storedFiles).values({ key: crashed, store: kind, wrappedKey: Buffer.alloc(60), keyId: 'x', nonce: Buffer.alloc(12), createdAt: new Date(Date.now() - 2 * 3_600_000) });
    const part = `${store.pathOf(crashed)}.part`;
    mkdirSync(path.dirname(part), { recursive: true });
    writeFileSync(part, 'partial');
    utimesSync(part, new Date(Date.now() - 2 * 3_600_000), new Date(Date.now() - 2 * 3_600_000));
    expect(await sweepPartial(store, new Date())).toBeGreaterThanOrEqual(1);
    expect(await database.db.select().from(storedFiles).where(eq(storedFiles.key, crashed))).toEqual([]);
    expect(filesUnder(path.join(dataDir, 'files')).filter((f) => f.endsWith('.part'))).toEqual([]);
    expect((await readAll((await store.open(kept))!.stream)).toString()).toBe('complete');
  });
});

describe(`moving files between stores on ${testEngine()}`, () => {
  it('moves every file from the data folder into the database, readable afterwards, the folder emptied', async () => {
    const dataDir = scratch();
    const keys = loadKeyRing({ dataDir });
    const dir = new FileStore(database.db, keys, 'dir', path.join(dataDir, 'files'));
    const db = new FileStore(database.db, keys, 'db', path.join(dataDir, 'files'));
    const key = `move/${randomBytes(4).toString('hex')}`;
    const bytes = payload();
    await dir.write(key, Readable.from([bytes]));
    expect((await moveAll(db)).moved).toBeGreaterThanOrEqual(1);
    const [row] = await database.db.select({ store: storedFiles.store }).from(storedFiles).where(eq(storedFiles.key, key));
    expect(row!.store).toBe('db');
    expect((await readAll((await db.open(key))!.stream)).equals(bytes)).toBe(true);
    expect(filesUnder(path.join(dataDir, 'files')).filter((f) => f.includes('move'))).toEqual([]);
  });
});

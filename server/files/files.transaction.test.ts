import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, rows, type Database } from '../db/connection.js';
import { safetyPlans, safetyPlanVersions, storedFiles } from '../db/schema/index.js';
import { createTestDatabase, TEST_TMP, testEngine } from '../test/database.js';
import { createDistrict, createUser } from '../test/fixtures.js';
import { CHUNK_BYTES, loadKeyRing } from './crypto.js';
import { moveLegacyFiles } from './legacy.js';
import { sweepPartial } from './maintenance.js';
import { FileStore, withFiles, type StoreKind } from './store.js';

const MARKER = 'Confidential: Dakota Fairweather told the counselor about the threat';

function scratch(): string {
  mkdirSync(TEST_TMP, { recursive: true });
  return mkdtempSync(path.join(TEST_TMP, 'files-tx-'));
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
}, 300_000);
afterAll(async () => database?.close());

async function chunkCount(key: string): Promise<number> {
  const [row] = rows<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from stored_file_chunks where key = ${key}`));
  return row!.n;
}

describe.each(['dir', 'db'] as StoreKind[])(`the %s store in the owning record's transaction on ${testEngine()}`, (kind) => {
  it('a record write that fails leaves no stored file: no row, no chunk, no bytes in the folder', async () => {
    const dataDir = scratch();
    const store = new FileStore(database.db, loadKeyRing({ dataDir }), kind, path.join(dataDir, 'files'));
    const key = `refused/${randomBytes(4).toString('hex')}`;
    await expect(withFiles(store, database.db, async (tx, files) => {
      await files.put(key, Buffer.concat([Buffer.from(MARKER), randomBytes(CHUNK_BYTES * 2)]));
      // The owning record is refused after its file was written (a constraint, a lost race, a rule).
      await tx.execute(sql`select 1 / 0`);
    })).rejects.toThrow(/select 1 \/ 0/);
    expect(await database.db.select().from(storedFiles).where(eq(storedFiles.key, key))).toEqual([]);
    expect(await chunkCount(key)).toBe(0);
    expect(filesUnder(path.join(dataDir, 'files'))).toEqual([]);
  });

  it('a committed record has its file in place, readable, and removing it with a record leaves nothing', async () => {
    const dataDir = scratch();
    const store = new FileStore(database.db, loadKeyRing({ dataDir }), kind, path.join(dataDir, 'files'));
    const key = `kept/${randomBytes(4).toString('hex')}`;
    await withFiles(store, database.db, async (_tx, files) => files.put(key, Buffer.from(MARKER)));
    expect((await store.readAll(key))!.toString()).toBe(MARKER);
    expect(filesUnder(path.join(dataDir, 'files')).filter((f) => f.endsWith('.part'))).toEqual([]);
    await expect(withFiles(store, database.db, async (tx, files) => {
      await files.remove(key);
      await tx.execute(sql`select 1 / 0`);
    })).rejects.toThrow(/select 1 \/ 0/);
    expect((await store.readAll(key))!.toString()).toBe(MARKER);
    await withFiles(store, database.db, async (_tx, files) => files.remove(key));
    expect(await store.open(key)).toBeNull();
    expect(await chunkCount(key)).toBe(0);
    expect(filesUnder(path.join(dataDir, 'files'))).toEqual([]);
  });
});

describe(`an interrupted upload to the data folder on ${testEngine()}`, () => {
  it('leaves no .part after the sweep; a .part whose record committed is put in place instead', async () => {
    const dataDir = scratch();
    const store = new FileStore(database.db, loadKeyRing({ dataDir }), 'dir', path.join(dataDir, 'files'));
    // The process died after encrypting the upload and before its transaction: a .part and no row.
    const abandoned = await store.prepare(`abandoned/${randomBytes(4).toString('hex')}`, Buffer.from(MARKER));
    // The process died after the commit and before the rename: a row and a .part.
    const committed = await store.prepare(`committed/${randomBytes(4).toString('hex')}`, Buffer.from(MARKER));
    await database.db.transaction(async (tx) => committed.save(tx));
    const parts = filesUnder(path.join(dataDir, 'files')).filter((f) => f.endsWith('.part'));
    expect(parts).toHaveLength(2);
    expect(await sweepPartial(store, new Date())).toBe(0); // younger than an hour: an upload may still be running
    const old = new Date(Date.now() - 2 * 3_600_000);
    for (const part of parts) utimesSync(part, old, old);
    expect(await sweepPartial(store, new Date())).toBe(1);
    expect(filesUnder(path.join(dataDir, 'files')).filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(existsSync(store.pathOf(abandoned.key))).toBe(false);
    expect((await store.readAll(committed.key))!.toString()).toBe(MARKER);
  });
});

describe('files of a release before the file store (an upgraded embedded database)', () => {
  it('are moved into the store at start: readable by key, the bytea cleared, the marker nowhere in the data folder', async () => {
    const dataDir = scratch();
    const pglite = await openPglite({ dataDir: path.join(dataDir, 'pglite') });
    try {
      await pglite.migrate();
      const { db } = pglite;
      const district = await createDistrict(db);
      const user = await createUser(db, { email: `legacy-${randomBytes(3).toString('hex')}@files.test`, districtId: district.id, grants: [{ role: 'director', schoolId: null }] });
      const [plan] = await db.insert(safetyPlans).values({ districtId: district.id, kind: 'eop', title: 'EOP' }).returning();
      const pdf = Buffer.from(`%PDF-1.4\n% ${MARKER.repeat(200)}\n%%EOF\n`);
      const [version] = await db.insert(safetyPlanVersions).values({ planId: plan!.id, version: 1, format: 'pdf', legacyFile: pdf, fileName: 'eop.pdf', fileSize: pdf.length, createdBy: user.id }).returning();
      const store = new FileStore(db, loadKeyRing({ dataDir }), 'dir', path.join(dataDir, 'files'));
      expect(await moveLegacyFiles(store)).toBe(1);
      expect(await moveLegacyFiles(store)).toBe(0); // idempotent: the next start finds nothing
      const [moved] = await db.select().from(safetyPlanVersions).where(eq(safetyPlanVersions.id, version!.id));
      expect(moved!.legacyFile).toBeNull();
      expect((await store.readAll(moved!.fileKey!))!.equals(pdf)).toBe(true);
    } finally {
      await pglite.close();
    }
    const needle = Buffer.from(MARKER);
    // Write-ahead log segments are PostgreSQL's own journal of the old rows; see docs/OPERATIONS.md (files).
    const found = filesUnder(dataDir).filter((f) => !f.includes(`${path.sep}pg_wal${path.sep}`) && readFileSync(f).includes(needle));
    expect(found).toEqual([]);
  }, 300_000);
});

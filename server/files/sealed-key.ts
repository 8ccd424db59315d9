import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/connection.js';
import { storedFiles } from '../db/schema/index.js';
import { keyId, openChunk, sealChunk, unwrapKey, wrapKey, type KeyRing } from './crypto.js';

/** The key that locks sealed records: never in the master key ring, so sealed files do not open in normal use. */
export interface SealedKey { id: string; key: Buffer }

/**
 * The sealed key from SEALED_KEY (base64, 32 bytes) or, without it, from `DATA_DIR/sealed-key` (generated on
 * first use, owner-only). An operator who keeps it apart from the data folder keeps sealed records unreadable
 * to anyone holding only the data folder and the database.
 */
export function loadSealedKey(options: { sealedKey?: string; dataDir: string }): SealedKey {
  let encoded = options.sealedKey;
  if (!encoded) {
    const file = path.join(options.dataDir, 'sealed-key');
    if (!existsSync(file)) {
      mkdirSync(options.dataDir, { recursive: true });
      writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    }
    encoded = readFileSync(file, 'utf8');
  }
  const key = Buffer.from(encoded.trim(), 'base64');
  if (key.length !== 32) throw new Error('SEALED_KEY must be 32 bytes in base64 (openssl rand -base64 32)');
  return { id: `sealed-${keyId(key)}`, key };
}

/** A keyed digest of a record number: finds a sealed record from a court order without storing its number. */
export function numberMac(sealed: SealedKey, districtId: string, number: string): string {
  return createHmac('sha256', sealed.key).update(`${districtId}:${number}`).digest('hex');
}

/** An encrypted package: its own key wrapped by the sealed key, and the AES-256-GCM ciphertext. */
export interface SealedPackage { keyId: string; wrappedKey: Buffer; nonce: Buffer; package: Buffer }

/** Encrypts a JSON value under a fresh key wrapped by the sealed key. */
export function sealPackage(sealed: SealedKey, value: unknown): SealedPackage {
  const fileKey = randomBytes(32);
  const nonce = randomBytes(12);
  return { keyId: sealed.id, wrappedKey: wrapKey(sealed.key, fileKey), nonce, package: sealChunk(fileKey, nonce, 0, Buffer.from(JSON.stringify(value))) };
}

/** Decrypts a package sealed by `sealPackage` (fails when the sealed key is another one). */
export function openPackage(sealed: SealedKey, p: SealedPackage): unknown {
  const fileKey = unwrapKey({ current: sealed, previous: [] }, p.keyId, p.wrappedKey);
  return JSON.parse(openChunk(fileKey, p.nonce, 0, p.package).toString('utf8'));
}

/**
 * Re-wraps one stored file's key from the master ring to the sealed key (`toSealed`) or back. Idempotent: a file
 * already under the target key, or gone, is left alone, so an interrupted file step is simply run again.
 */
export async function rewrapFile(db: Db, ring: KeyRing, sealed: SealedKey, key: string, toSealed: boolean): Promise<void> {
  const [row] = await db.select({ keyId: storedFiles.keyId, wrappedKey: storedFiles.wrappedKey }).from(storedFiles).where(eq(storedFiles.key, key));
  if (!row) return;
  const isSealed = row.keyId === sealed.id;
  if (isSealed === toSealed && (toSealed || row.keyId === ring.current.id)) return;
  const both: KeyRing = { current: ring.current, previous: [...ring.previous, sealed] };
  const fileKey = unwrapKey(both, row.keyId, row.wrappedKey);
  const target = toSealed ? sealed : ring.current;
  await db.update(storedFiles).set({ wrappedKey: wrapKey(target.key, fileKey), keyId: target.id })
    .where(and(eq(storedFiles.key, key), eq(storedFiles.keyId, row.keyId)));
}

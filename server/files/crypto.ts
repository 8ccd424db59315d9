import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Plaintext bytes per encrypted chunk: memory stays flat whatever the file size. */
export const CHUNK_BYTES = 256 * 1024;
const TAG_BYTES = 16;

/** The master keys: `current` wraps new file keys; `previous` only unwrap (during a rotation). */
export interface KeyRing {
  current: { id: string; key: Buffer };
  previous: { id: string; key: Buffer }[];
}

/** A short stable id of a master key (never the key): the first 16 hex digits of its SHA-256. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

function decodeKey(base64: string, name: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${name} must be 32 bytes in base64 (openssl rand -base64 32)`);
  return key;
}

/** The file of the generated master key in a data folder (used when MASTER_KEY is not set). */
export function masterKeyFile(dataDir: string): string {
  return path.join(dataDir, 'master-key');
}

/**
 * The key ring from MASTER_KEY (+ MASTER_KEY_PREVIOUS, comma-separated) or, without MASTER_KEY, from the
 * data folder (`master-key`, generated on first start like the session secret, and `master-key.previous`).
 */
export function loadKeyRing(options: { masterKey?: string; previous?: string; dataDir: string }): KeyRing {
  let current: Buffer;
  let previous: Buffer[] = [];
  if (options.masterKey) {
    current = decodeKey(options.masterKey, 'MASTER_KEY');
    previous = (options.previous ?? '').split(',').filter((s) => s.trim()).map((s) => decodeKey(s, 'MASTER_KEY_PREVIOUS'));
  } else {
    const file = masterKeyFile(options.dataDir);
    if (!existsSync(file)) {
      mkdirSync(options.dataDir, { recursive: true });
      writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    }
    current = decodeKey(readFileSync(file, 'utf8'), file);
    const old = `${file}.previous`;
    if (existsSync(old)) previous = readFileSync(old, 'utf8').split('\n').filter((s) => s.trim()).map((s) => decodeKey(s, old));
  }
  return { current: { id: keyId(current), key: current }, previous: previous.map((k) => ({ id: keyId(k), key: k })) };
}

/** Wraps a file key under a master key: nonce (12) | tag (16) | ciphertext (32). */
export function wrapKey(master: Buffer, fileKey: Buffer): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', master, nonce);
  const ct = Buffer.concat([cipher.update(fileKey), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), ct]);
}

/** Unwraps a file key with the ring's key `id` (throws when that key is not in the ring). */
export function unwrapKey(ring: KeyRing, id: string, wrapped: Buffer): Buffer {
  const master = [ring.current, ...ring.previous].find((k) => k.id === id);
  if (!master) throw new Error(`The master key ${id} that wrapped this file is not configured (MASTER_KEY / MASTER_KEY_PREVIOUS)`);
  const decipher = createDecipheriv('aes-256-gcm', master.key, wrapped.subarray(0, 12));
  decipher.setAuthTag(wrapped.subarray(12, 28));
  return Buffer.concat([decipher.update(wrapped.subarray(28)), decipher.final()]);
}

function chunkNonce(base: Buffer, seq: number): Buffer {
  const nonce = Buffer.from(base);
  nonce.writeUInt32BE((nonce.readUInt32BE(8) ^ seq) >>> 0, 8);
  return nonce;
}

/**
 * Encrypts chunk `seq`: ciphertext | tag. The position is authenticated (a reordered chunk fails); a chunk of
 * another file fails too, since every file has its own key. Sealed chunks are the same in every backend, so
 * moving a file between stores copies them without decrypting.
 */
export function sealChunk(fileKey: Buffer, base: Buffer, seq: number, plain: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', fileKey, chunkNonce(base, seq));
  cipher.setAAD(Buffer.from(`chunk:${seq}`));
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

/** Decrypts and authenticates chunk `seq` (a moved, swapped or altered chunk fails). */
export function openChunk(fileKey: Buffer, base: Buffer, seq: number, sealed: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', fileKey, chunkNonce(base, seq));
  decipher.setAAD(Buffer.from(`chunk:${seq}`));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
}

/** Re-cuts a byte stream into CHUNK_BYTES pieces (the last may be shorter). */
export async function* rechunk(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let length = 0;
  for await (const piece of source) {
    pending.push(piece);
    length += piece.length;
    while (length >= CHUNK_BYTES) {
      const all = Buffer.concat(pending);
      yield all.subarray(0, CHUNK_BYTES);
      pending = [all.subarray(CHUNK_BYTES)];
      length = pending[0]!.length;
    }
  }
  if (length > 0) yield Buffer.concat(pending);
}
